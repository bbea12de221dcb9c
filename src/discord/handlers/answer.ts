/**
 * Turns an engine `Answer` into a Discord reply, the same way for /ask, the message command and chat:
 * a confident clause → an answer card; a "closest" clause → the same card under a sentence saying
 * the text does not say this in so many words (with a button that posts it for everyone, when it
 * is shown privately); "measure 9" → the out-of-range explanation; nothing → the no-answer hints.
 */
import type { Engine } from "../../core/engine.ts";
import { noAnswerText, outOfRangeText } from "../../core/messages.ts";
import type { Answer, Lang } from "../../core/types.ts";
import { strings } from "../i18n/strings.ts";
import type { Outcome } from "../platform/context.ts";
import { type CardPayload, cardPayload, postRow } from "../render/card.ts";
import { overviewPayload, type ViewPayload } from "../render/overview.ts";

export type AnswerReply =
  | { kind: "card"; payload: CardPayload | ViewPayload; outcome: Outcome; confident: boolean }
  | { kind: "text"; text: string; outcome: Outcome };

/** Asks the engine in the reader's language (their Discord locale when known, else the question's). */
export function ask(engine: Engine, question: string, hint: string | null): Answer {
  return engine.answer(question, { lang: engine.detectLanguage(question, hint) });
}

/**
 * `lang` is the reader's language (card title, translation, texts), not the question's.
 * `privately`: the reply is ephemeral, so the card gets the button that posts it to the channel.
 */
export function renderAnswer(
  engine: Engine,
  answer: Answer,
  lang: Lang,
  opts: { privately?: boolean } = {},
): AnswerReply {
  switch (answer.kind) {
    case "clause": {
      const { clause } = answer;
      const confident = answer.confidence === "answer";
      const payload = cardPayload(clause, {
        lang,
        matched: answer.matched,
        seeAlso: answer.seeAlso,
        ...engine.neighbours(clause.id),
      });
      if (!confident) {
        payload.content = strings(lang).closest(`${clause.label[lang]} — ${clause.title[lang]}`);
      }
      if (opts.privately) payload.components.push(postRow(clause, lang));
      return {
        kind: "card",
        payload,
        confident,
        outcome: {
          outcome: `clause/${answer.via}${confident ? "" : "/closest"}`,
          clause: clause.id,
          score: answer.score,
        },
      };
    }
    case "overview":
      // As /declaration shows it: what the text is, who signed, every clause, a menu to open one.
      return {
        kind: "card",
        payload: overviewPayload(answer.clauses, lang),
        confident: true,
        outcome: { outcome: "overview" },
      };
    case "out-of-range":
      return {
        kind: "text",
        text: outOfRangeText(answer, lang),
        outcome: { outcome: "out-of-range" },
      };
    case "none":
      return {
        kind: "text",
        text: noAnswerText(lang),
        outcome: { outcome: answer.rule ? `none/${answer.rule}` : "none" },
      };
  }
}
