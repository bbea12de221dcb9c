/**
 * Feedback on answers. Anyone who sees an answer may click 👍 or 👎 under it; the vote is stored
 * (one per user and answer: a second click changes it) and acknowledged privately, and a 👎 opens a
 * private menu "which passage answers it?" whose choice is stored as a correction. Everything a
 * vote needs is in the button's custom id, so buttons keep working after a restart, on any shard,
 * and after the answer itself was deleted. Answers the bot was unsure about are noted as they are
 * given, for the maintainers' review (`npm run review`).
 */
import { MessageFlags } from "discord-api-types/v10";
import type { Answer } from "../../core/types.ts";
import { UserError } from "../../core/user-error.ts";
import { countLimitRefusal, countVote } from "../../metrics.ts";
import type { Correction, Voter } from "../../store/feedback.ts";
import { textsFor } from "../../text/index.ts";
import { readerLang } from "../i18n/locale.ts";
import type { BotContext, Outcome } from "../interaction/context.ts";
import type { Interaction } from "../interaction/interaction.ts";
import { respond, respondUpdate } from "../interaction/respond.ts";
import { type ComponentAction, parseClauseId } from "../render/custom-ids.ts";
import { correctionMenu, NO_PASSAGE } from "../render/feedback.ts";
import { ephemeralText, NO_MENTIONS } from "../render/payloads.ts";

/** Whether the text of questions asked in `guildId` is kept with their feedback. */
export async function keepsText(ctx: BotContext, guildId: string | null): Promise<boolean> {
  if (ctx.logQuestions) return true;
  return guildId !== null && (await ctx.store.settings.flag(guildId, "feedbackText"));
}

/**
 * Notes an answer for the review: always when nothing or only a closest passage answered; a
 * confident answer only when its text is kept, so that a correction can be traced to its question.
 * A failure here is logged and goes no further: the answer matters more than its note.
 */
export async function noteAnswer(
  ctx: BotContext,
  given: {
    answerId: string;
    guildId: string | null;
    answer: Answer;
    question: string;
    askerId: string;
  },
): Promise<void> {
  const { answer } = given;
  try {
    const keep = await keepsText(ctx, given.guildId);
    const base = {
      answerId: given.answerId,
      guildId: given.guildId,
      lang: answer.lang,
      question: keep ? given.question : null,
      askerId: given.askerId,
    };
    if (answer.kind === "none") {
      await ctx.store.feedback.noteAnswer({
        ...base,
        kind: "none",
        confidence: "none",
        clauseId: null,
        score: null,
      });
    } else if (answer.kind === "overview" && answer.confidence === "closest") {
      await ctx.store.feedback.noteAnswer({
        ...base,
        kind: "overview",
        confidence: "closest",
        clauseId: null,
        score: null,
      });
    } else if (answer.kind === "clause" && (answer.confidence === "closest" || keep)) {
      await ctx.store.feedback.noteAnswer({
        ...base,
        kind: `clause/${answer.via}`,
        confidence: answer.confidence,
        clauseId: answer.clause.id,
        score: answer.score,
      });
    }
  } catch {
    // The store logged it; the answer matters more than its note.
  }
}

type Vote = Extract<ComponentAction, { kind: "vote" }>;
type Correct = Extract<ComponentAction, { kind: "correct" }>;

/** Feedback clicks are limited per user like commands, so that nobody can flood the database. */
async function takeTurn(interaction: Interaction, ctx: BotContext) {
  const verdict = await ctx.feedbackLimit?.take(interaction.userId);
  if (verdict && !verdict.allowed) {
    countLimitRefusal("feedback");
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    throw new UserError({ id: "rateLimited", params: { seconds } });
  }
}

function voter(interaction: Interaction): Voter {
  return { guildId: interaction.guildId, userId: interaction.userId };
}

export async function handleVote(
  interaction: Interaction,
  { vote, answer }: Vote,
  ctx: BotContext,
): Promise<Outcome> {
  await takeTurn(interaction, ctx);
  const lang = readerLang(interaction.locale);
  const s = textsFor(lang).feedback;
  // Stored before answering: a vote counts even if Discord no longer takes the acknowledgement.
  const previous = await ctx.store.feedback.vote(answer, voter(interaction), vote);
  const changed = previous !== null && previous !== vote;
  // A repeated click on the same button changes nothing stored, so it is not a vote again.
  if (previous !== vote) countVote(vote);
  if (vote === "up") {
    await respond(interaction, ephemeralText(changed ? s.votedUpChanged : s.votedUp));
  } else {
    await respond(interaction, {
      content: changed ? s.votedDownChanged : s.votedDown,
      components: [correctionMenu(answer, ctx.engine.clauses, lang)],
      flags: MessageFlags.Ephemeral,
      allowed_mentions: NO_MENTIONS,
    });
  }
  return {
    outcome: `feedback/${vote}${changed ? "/changed" : ""}`,
    clause: answer.clauseId,
    score: answer.score,
  };
}

export async function handleCorrection(
  interaction: Interaction,
  { answer }: Correct,
  ctx: BotContext,
): Promise<Outcome> {
  await takeTurn(interaction, ctx);
  const lang = readerLang(interaction.locale);
  const s = textsFor(lang).feedback;
  const value = interaction.values[0] ?? "";
  const chosen: Correction | null = value === NO_PASSAGE ? "none" : parseClauseId(value);
  if (chosen === null) throw new UserError({ id: "outdatedComponent" });
  await ctx.store.feedback.correct(answer, voter(interaction), chosen);
  const clause = chosen === "none" ? undefined : ctx.engine.clause(chosen);
  await respondUpdate(interaction, {
    content: clause
      ? s.correctionNoted({ label: `${clause.label[lang]} — ${clause.title[lang]}` })
      : s.correctionNone,
    components: [],
    allowed_mentions: NO_MENTIONS,
  });
  return { outcome: `feedback/correction/${chosen}`, clause: answer.clauseId, score: answer.score };
}
