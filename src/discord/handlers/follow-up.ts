/**
 * Follow-ups in Discord: a reply to one of the bot's cards, or to a message citing a clause, read in
 * that clause's context (src/core/follow-up.ts). Chat uses it for replies addressed to the bot (a
 * reply to its card, a mention) or sent in a Q&A channel; the "Find in declaration" message command
 * uses it on a reply, which is how it works without the Message Content intent.
 *
 * The message replied to is read from what Discord sends with the reply (`referenced_message`),
 * and fetched over REST only when Discord left it out and the answer depends on it: a follow-up
 * that needs its clause ("in English?", not "who signed it?"), or a question whose ranking
 * hesitates between clauses. A deleted or unreadable message gets a polite "name the clause".
 *
 * Visibility: follow-ups are sure, so chat posts them as cards; the message command answers
 * privately, as it always does, with the button that posts the card.
 */
import {
  answerFollowUp,
  contextRivals,
  type FollowUpAnswer,
  leanOnContext,
  needsContext,
  type ReplyContext,
  readFollowUp,
} from "../../core/follow-up.ts";
import { MIN_QUOTE_CHARS } from "../../core/quote-limits.ts";
import type { Answer, Lang } from "../../core/types.ts";
import type { GuildSettings } from "../../store/settings.ts";
import { textsFor } from "../../text/index.ts";
import type { CommandContext } from "../commands/define.ts";
import { QUESTION_MAX } from "../commands/shared.ts";
import { readerLang } from "../i18n/locale.ts";
import { type BotContext, type Outcome, readsAllChat } from "../interaction/context.ts";
import type { Interaction } from "../interaction/interaction.ts";
import { cleanInput, cutClean } from "../interaction/sanitize.ts";
import { type CardPayload, cardPayload, postRow } from "../render/card.ts";
import { pagePayload, type ViewPayload } from "../render/overview.ts";
import { discordCode, isDiscordFailure } from "../rest/discord-errors.ts";
import { ask, renderAnswer, replyToQuestion } from "./answer.ts";
import { CHAT_SCAN_MAX } from "./cited.ts";
import { clauseOfMessage, type MessageLike } from "./reply-context.ts";

/** The message a reply refers to, as a transport hands it over. */
export interface RepliedTo {
  /**
   * What Discord sent of it with the reply: the message; null when it was deleted; undefined when
   * Discord left it out ("did not attempt to fetch"), and `fetch` must read it.
   */
  sent: unknown;
  /** Reads it over REST: one request, made only when the answer depends on it. */
  fetch(): Promise<unknown>;
}

type Reply = string | CardPayload | ViewPayload;

/** The context clause of `replied`: Discord's copy first, REST only when there is none. */
async function contextOf(
  ctx: BotContext,
  replied: RepliedTo,
  botId: string,
): Promise<ReplyContext> {
  let message = replied.sent;
  if (message === undefined) {
    try {
      message = await replied.fetch();
    } catch (error) {
      // Deleted since (10008), or out of reach (no access to the channel): not a fault of the bot.
      if (!isDiscordFailure(error)) throw error;
      ctx.logger.debug({ code: discordCode(error) }, "replied-to message unavailable");
      return { kind: "gone" };
    }
  }
  if (typeof message !== "object" || message === null) return { kind: "gone" };
  const id = clauseOfMessage(ctx.engine, message as MessageLike, botId);
  const clause = id === null ? undefined : ctx.engine.clause(id);
  return clause ? { kind: "clause", clause } : { kind: "none" };
}

/** A follow-up's answer as a reply; `lang` is the reader's (a "translation" card has its own). */
export function renderFollowUp(
  ctx: BotContext,
  answer: FollowUpAnswer,
  lang: Lang,
  { privately }: { privately: boolean },
): { reply: Reply; outcome: Outcome } {
  const { engine } = ctx;
  const { request } = answer;
  switch (answer.kind) {
    case "clause": {
      const { clause } = answer;
      const payload = cardPayload(clause, { lang: answer.lang, ...engine.neighbours(clause.id) });
      if (request.ask === "meaning") {
        const title = clause.title[answer.lang];
        payload.content = textsFor(answer.lang).followUps.gist({ title });
      }
      if (privately) payload.components.push(postRow(clause, lang));
      return {
        reply: payload,
        outcome: { outcome: `clause/follow-up/${request.rule}`, clause: clause.id, score: 1 },
      };
    }
    case "edge": {
      // "The one before?" before the first clause; "and the next one?" after the last.
      const { followUps } = textsFor(lang);
      const label = answer.clause.label[lang];
      return {
        reply: request.ask === "previous" ? followUps.start({ label }) : followUps.end({ label }),
        outcome: { outcome: `follow-up/edge/${request.rule}`, clause: answer.clause.id },
      };
    }
    case "full-text":
      return {
        reply: pagePayload(engine.clauses, 0, lang),
        outcome: { outcome: `follow-up/${request.rule}` },
      };
    case "no-context":
      return {
        reply: textsFor(lang).followUps.noContext,
        outcome: { outcome: "follow-up/no-context" },
      };
    case "gone":
      return { reply: textsFor(lang).followUps.gone, outcome: { outcome: "follow-up/gone" } };
  }
}

/** The outcome of a question answered with the context's clause: named so in logs and metrics. */
function leanedOutcome(outcome: Outcome): Outcome {
  return { ...outcome, outcome: outcome.outcome.replace(/^clause\/search/, "clause/context") };
}

/**
 * "@bot la mesure 3 dit « … »": a quotation is chat's to check, whatever it replies to. The checker
 * is imported here, not at the top: chat has loaded it already, and the HTTP-only bot, which
 * imports this module for "Find in declaration", need not hold its libraries (verify.ts).
 */
async function presentsQuotation(text: string): Promise<boolean> {
  const { checkQuotations } = await import("../../core/quote/check.ts");
  return (
    checkQuotations(text, { max: 1, minChars: MIN_QUOTE_CHARS, presentedOnly: true }).length > 0
  );
}

/** What chat sends (chatReply's shape: a text is a message's content). */
type ChatDecision = {
  reply: { content: string; embeds?: undefined } | CardPayload | ViewPayload;
  outcome: Outcome;
};

/** A chat reply, as chat.ts reads it. */
export interface ChatReplyInput {
  /** The text, without the bot's mention. */
  content: string;
  channelId: string;
  /** null for a direct message. */
  guildId: string | null;
  /** A mention of the bot or a reply to its message. */
  addressed: boolean;
  parentChannelId: string | null;
  preferredLocale: string | null;
  botId: string;
  replied: RepliedTo;
}

/**
 * What chat answers a reply read in its context, or null when the context changes nothing and
 * the reply is chat's as any message (chatReply): not addressed to the bot nor in a Q&A channel,
 * empty, a quotation to check, or a question whose answer stands whatever it replies to.
 */
export async function followUpInChat(
  input: ChatReplyInput,
  ctx: BotContext,
  settings: Readonly<GuildSettings>,
): Promise<ChatDecision | null> {
  const { engine } = ctx;
  // As chatReply reads them: a DM speaks to the bot, a Q&A channel needs the Message Content intent.
  const addressed = input.addressed || input.guildId === null;
  const inQaChannel =
    readsAllChat(ctx) &&
    (settings.qaChannels.includes(input.channelId) ||
      (input.parentChannelId !== null && settings.qaChannels.includes(input.parentChannelId)));
  if (!addressed && !inQaChannel) return null;
  const text = cutClean(cleanInput(input.content, CHAT_SCAN_MAX), QUESTION_MAX * 4);
  if (text === "") return null;
  const lang: Lang =
    settings.language ??
    (input.guildId === null ? engine.detectLanguage(text) : readerLang(input.preferredLocale));
  const forChat = (decision: { reply: Reply; outcome: Outcome }): ChatDecision => ({
    reply: typeof decision.reply === "string" ? { content: decision.reply } : decision.reply,
    outcome: { ...decision.outcome, question: text },
  });

  const request = readFollowUp(text);
  if (request) {
    const context: ReplyContext = needsContext(request)
      ? await contextOf(ctx, input.replied, input.botId)
      : { kind: "none" };
    const answer = answerFollowUp(engine, request, context, lang);
    // Unsure what was meant: said to whoever asked the bot, never to a Q&A channel at large.
    if ((answer.kind === "no-context" || answer.kind === "gone") && !addressed) return null;
    return forChat(renderFollowUp(ctx, answer, lang, { privately: false }));
  }

  if (await presentsQuotation(text)) return null;
  const answer = ask(engine, text, input.guildId === null ? null : input.preferredLocale);
  const rivals = contextRivals(engine, text, answer);
  if (rivals.length === 0) return null;
  const leaned = leanOnContext(answer, rivals, await contextOf(ctx, input.replied, input.botId));
  if (leaned?.kind !== "clause") return null;
  // In a Q&A channel the bot speaks only when it is sure, as chatReply does.
  if (leaned.confidence !== "answer" && !addressed) return null;
  const rendered = renderAnswer(engine, leaned, lang);
  if (rendered.kind !== "card") return null;
  return forChat({ reply: rendered.payload, outcome: leanedOutcome(rendered.outcome) });
}

/**
 * "Find in declaration" on a reply: the same reading as in chat, answered privately. Null when
 * the target is no reply, or the context changes nothing (the command then searches as usual).
 */
export async function followUpForCommand(
  interaction: Interaction,
  ctx: CommandContext,
  text: string,
): Promise<Outcome | null> {
  const target = interaction.targetReply;
  if (!target) return null;
  const { engine, lang } = ctx;
  // Modern applications share their id with their bot user.
  const botId = interaction.applicationId;
  const replied: RepliedTo = {
    sent: target.sent,
    fetch: () => interaction.fetchMessage(target.channelId, target.messageId),
  };

  const request = readFollowUp(text);
  if (request) {
    const context: ReplyContext = needsContext(request)
      ? await contextOf(ctx, replied, botId)
      : { kind: "none" };
    const answer = answerFollowUp(engine, request, context, lang);
    const { reply, outcome } = renderFollowUp(ctx, answer, lang, { privately: true });
    await ctx.reply(reply, { privately: true });
    return { ...outcome, question: text };
  }

  const answer: Answer = ask(engine, text, interaction.locale);
  const rivals = contextRivals(engine, text, answer);
  if (rivals.length === 0) return null;
  const leaned = leanOnContext(answer, rivals, await contextOf(ctx, replied, botId));
  if (!leaned) return null;
  return leanedOutcome(
    await replyToQuestion(interaction, ctx, text, { alwaysPrivate: true, answered: leaned }),
  );
}
