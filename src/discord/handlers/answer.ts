/**
 * Turns an engine `Answer` into a Discord reply, the same way for /ask, the message command and chat:
 * a confident clause → an answer card; a "closest" clause → the same card under a sentence saying
 * the text does not say this in so many words (with a button that posts it for everyone, when it
 * is shown privately); "measure 9" → the out-of-range explanation; nothing → the no-answer hints.
 * A command's clause answers carry the 👍/👎 row (feedback.ts).
 */
import { noAnswerText, outOfRangeText, structureText } from "../../core/answer-text.ts";
import { chitchatReply } from "../../core/chitchat.ts";
import type { Engine } from "../../core/engine.ts";
import type { Answer, Lang } from "../../core/types.ts";
import { textsFor } from "../../text/index.ts";
import type { CommandContext } from "../commands/define.ts";
import type { Outcome } from "../interaction/context.ts";
import type { Interaction } from "../interaction/interaction.ts";
import { type CardPayload, cardPayload, postButtonRow, postRow } from "../render/card.ts";
import { feedbackRow, shownAnswer } from "../render/feedback.ts";
import { noteEmbed } from "../render/note.ts";
import { overviewPayload, type ViewPayload } from "../render/overview.ts";
import { noteAnswer } from "./feedback.ts";

export type AnswerReply =
  | { kind: "card"; payload: CardPayload | ViewPayload; outcome: Outcome; confident: boolean }
  | { kind: "text"; text: string; outcome: Outcome; chitchat?: boolean };

/** Asks the engine in the reader's language (their Discord locale when known, else the question's). */
export function ask(engine: Engine, question: string, hint: string | null): Answer {
  return engine.answer(question, { lang: engine.detectLanguage(question, hint) });
}

/**
 * `lang` is the reader's language (card title, translation, texts), not the question's.
 * `privately`: the reply is ephemeral, so the card gets the button that posts it to the channel.
 * `answerId`: the interaction answered, which the 👍/👎 buttons refer to; without it, no buttons.
 */
export function renderAnswer(
  engine: Engine,
  answer: Answer,
  lang: Lang,
  opts: { privately?: boolean; answerId?: string } = {},
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
        const label = `${clause.label[lang]} — ${clause.title[lang]}`;
        payload.content = textsFor(lang).answers.closest({ label });
      }
      if (opts.privately) payload.components.push(postRow(clause, lang));
      if (opts.answerId) payload.components.push(feedbackRow(shownAnswer(answer, opts.answerId)));
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
    case "overview": {
      // As /declaration shows it: what the text is, who signed, every clause, a menu to open one;
      // "combien de mesures ?" gets the parts and their counts above it.
      const payload = overviewPayload(answer.clauses, lang);
      const confident = answer.confidence === "answer";
      if (answer.facet !== "summary") {
        payload.content = structureText(answer.clauses, lang, answer.states);
      }
      // Only like the questions about the whole text: offered as the closest thing, like a
      // closest passage, with the button that posts it when it is shown privately.
      if (!confident) payload.content = textsFor(lang).answers.closestOverview;
      if (!confident && opts.privately) {
        payload.components.push(postButtonRow({ kind: "postOverview" }, lang));
      }
      return {
        kind: "card",
        payload,
        confident,
        outcome: { outcome: `overview/${answer.facet}${confident ? "" : "/closest"}` },
      };
    }
    case "note": {
      // Not the declaration's content: never a confident card, and privately on commands.
      const payload: CardPayload = {
        embeds: [noteEmbed(answer.note, answer.clause, lang)],
        components: opts.privately ? [postRow(answer.clause, lang)] : [],
      };
      return {
        kind: "card",
        payload,
        confident: false,
        outcome: { outcome: `note/${answer.note.id}`, clause: answer.clause.id },
      };
    }
    case "chitchat":
      return {
        kind: "text",
        // In the reader's language, as everything else the bot says to them.
        text:
          answer.lang === lang ? answer.reply : chitchatReply(answer.intent, lang, answer.reply),
        chitchat: true,
        outcome: { outcome: `chitchat/${answer.intent}` },
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
        text:
          answer.rule === "other-document"
            ? textsFor(lang).answers.otherDocument
            : noAnswerText(lang, (command) => `\`${command}\``),
        outcome: { outcome: answer.rule ? `none/${answer.rule}` : "none" },
      };
  }
}

/**
 * A question asked by command (/ask, "Find in declaration"): the answer, publicly only when it is
 * confident and the command allows it, then the note for the maintainers' review. `answered`: the
 * engine's answer when the caller already has it (a follow-up read in its context).
 */
export async function replyToQuestion(
  interaction: Interaction,
  ctx: CommandContext,
  question: string,
  { alwaysPrivate, answered }: { alwaysPrivate: boolean; answered?: Answer },
): Promise<Outcome> {
  const { engine, lang } = ctx;
  const answer = answered ?? ask(engine, question, interaction.locale);
  const privately = alwaysPrivate || !(answer.kind === "clause" && answer.confidence === "answer");
  const rendered = renderAnswer(engine, answer, lang, { privately, answerId: interaction.id });
  // Noted first (one short write, and only for answers worth reviewing): a question asked is
  // counted even if Discord then refuses the reply, and the review right after an answer has it.
  await noteAnswer(ctx, {
    answerId: interaction.id,
    guildId: interaction.guildId,
    answer,
    question,
    askerId: interaction.userId,
  });
  await ctx.reply(rendered.kind === "text" ? rendered.text : rendered.payload, { privately });
  return { ...rendered.outcome, question };
}
