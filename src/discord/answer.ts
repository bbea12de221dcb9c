/**
 * Turns an engine `Answer` into a Discord reply, the same way for /ask, the message command and chat:
 * a clause → an answer card; "measure 9" → the out-of-range explanation; nothing → the no-answer hints.
 */
import type { Engine } from "../core/engine.ts";
import { noAnswerText, outOfRangeText } from "../core/messages.ts";
import type { Answer, Lang } from "../core/types.ts";
import { type CardPayload, cardPayload } from "./card.ts";
import type { Outcome } from "./context.ts";

export type AnswerReply =
  | { kind: "card"; payload: CardPayload; outcome: Outcome }
  | { kind: "text"; text: string; outcome: Outcome };

/** Asks the engine in the reader's language (their Discord locale when known, else the question's). */
export function ask(engine: Engine, question: string, hint: string | null): Answer {
  return engine.answer(question, { lang: engine.detectLanguage(question, hint) });
}

/** `lang` is the reader's language (card title, translation, texts), not the question's. */
export function renderAnswer(engine: Engine, answer: Answer, lang: Lang): AnswerReply {
  switch (answer.kind) {
    case "clause": {
      const { clause } = answer;
      return {
        kind: "card",
        payload: cardPayload(clause, {
          lang,
          matched: answer.matched,
          seeAlso: answer.seeAlso,
          ...engine.neighbours(clause.id),
        }),
        outcome: { outcome: `clause/${answer.via}`, clause: clause.id, score: answer.score },
      };
    }
    case "out-of-range":
      return {
        kind: "text",
        text: outOfRangeText(answer, lang),
        outcome: { outcome: "out-of-range" },
      };
    case "none":
      return { kind: "text", text: noAnswerText(lang), outcome: { outcome: "none" } };
  }
}
