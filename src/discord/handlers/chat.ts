/**
 * Chat: the bot answers questions addressed to it (a mention, a reply to one of its messages, a DM)
 * and every message in Q&A channels; elsewhere it checks quotations of the declaration people
 * present ("la mesure 3 dit « … »": a reply only when the quote is not verbatim) and quotes clauses
 * people cite ("comme le dit la mesure 4"). It ignores bots (itself included), webhooks and system
 * messages, replies without pinging, and sends one reply per message at most, quoting or checking
 * at most three clauses.
 *
 * Without the Message Content intent Discord sends the text of mentions, replies that ping the bot
 * and DMs only: Q&A channels, auto-quoting and quote checks in ordinary chat are then off.
 *
 * Per user and channel it answers at most once per cooldown (CHAT_COOLDOWN_SECONDS): messages that
 * arrive sooner are silently skipped, since a "slow down" reply would be the very flood it prevents.
 * A reply Discord refuses (missing permissions, deleted channel) is logged; where Discord refused
 * the bot's messages, it does not try again for a while, nor anywhere while Discord's count of
 * refused requests nears its limit (rest/send-guard.ts): such messages are skipped unanswered.
 */

import type { Message } from "discord.js";
import {
  type CONVERSATION_READING,
  presentedQuoteReports,
  type QuoteReport,
} from "../../core/quote/check.ts";
import type { Lang } from "../../core/types.ts";
import {
  countChatHeld,
  countInteraction,
  countLimitRefusal,
  observeAnswerSeconds,
  outcomeLabel,
} from "../../metrics.ts";
import { DEFAULT_SETTINGS, type GuildSettings } from "../../store/settings.ts";
import { textsFor } from "../../text/index.ts";
import { QUESTION_MAX } from "../commands/shared.ts";
import { repliedTo } from "../gateway/replied.ts";
import { readerLang } from "../i18n/locale.ts";
import {
  type BotContext,
  type Outcome,
  outcomeFields,
  readsAllChat,
} from "../interaction/context.ts";
import { cleanInput, cutClean } from "../interaction/sanitize.ts";
import type { CardPayload } from "../render/card.ts";
import { LIMITS, truncate } from "../render/limits.ts";
import type { ViewPayload } from "../render/overview.ts";
import { NO_MENTIONS_OPTIONS } from "../render/payloads.ts";
import { quoteCheckEmbeds } from "../render/quote-check.ts";
import { cannotSpeakHere, isDiscordFailure } from "../rest/discord-errors.ts";
import { type HoldReason, SendHeld } from "../rest/send-guard.ts";
import { ask, renderAnswer } from "./answer.ts";
import { CHAT_SCAN_MAX, citedIn } from "./cited.ts";
import { followUpInChat } from "./follow-up.ts";

type Reply = { content: string; embeds?: undefined } | CardPayload | ViewPayload;

/** Decides what, if anything, to answer, under the server's `settings`: pure, so it is easy to test. */
export function chatReply(
  message: Pick<Message, "content" | "channelId"> & {
    /** null for a direct message. */
    guildId: string | null;
    addressed: boolean;
    /**
     * Whether the bot is mentioned (a ping), as opposed to a reply that does not ping it: without
     * the Message Content intent such a reply arrives empty, and an empty message gets no invitation.
     */
    mentioned?: boolean;
    parentChannelId: string | null;
    preferredLocale: string | null;
  },
  ctx: BotContext,
  settings: Readonly<GuildSettings> = DEFAULT_SETTINGS,
): { reply: Reply; outcome: Outcome } | null {
  const { engine } = ctx;
  const guildId = message.guildId;
  // A DM speaks to the bot; its language is the message's own (a DM has no server locale).
  const addressed = message.addressed || guildId === null;
  const lang: Lang =
    settings.language ??
    (guildId === null
      ? engine.detectLanguage(message.content)
      : readerLang(message.preferredLocale));
  const readsAll = readsAllChat(ctx);
  // Cleaned once: every scan below reads this text (a question is cut shorter).
  const text = cleanInput(message.content, CHAT_SCAN_MAX);
  const inQaChannel =
    readsAll &&
    (settings.qaChannels.includes(message.channelId) ||
      (message.parentChannelId !== null && settings.qaChannels.includes(message.parentChannelId)));

  if (addressed || inQaChannel) {
    const question = cutClean(text, QUESTION_MAX * 4);
    if (question === "") {
      return addressed && message.mentioned !== false
        ? { reply: { content: textsFor(lang).errors.emptyQuestion }, outcome: { outcome: "empty" } }
        : null;
    }
    // "@bot la mesure 3 dit « … » ?": asked, the bot says how the quote fares, verbatim too.
    const checked = addressed ? quoteCheck(text, lang, "addressed") : null;
    if (checked) return checked;
    const answer = ask(engine, question, guildId === null ? null : message.preferredLocale);
    // In a Q&A channel the bot speaks only when it is sure: chatter the declaration does not
    // answer gets no "nothing found" noise, chit-chat no reply, and a mere closest passage no
    // public guess. A term note says on its face that it is not the declaration's.
    const speaks =
      answer.kind === "note" ||
      (answer.kind === "overview" && answer.confidence === "answer") ||
      answer.kind === "out-of-range" ||
      (answer.kind === "clause" && answer.confidence === "answer");
    if (!speaks && !addressed) return null;
    const rendered = renderAnswer(engine, answer, lang);
    return {
      reply: rendered.kind === "card" ? rendered.payload : { content: rendered.text },
      outcome: { ...rendered.outcome, question },
    };
  }

  // Everything below reads ordinary chat, which Discord sends only with the Message Content intent.
  if (!readsAll) return null;
  // A misquote gets the check; a verbatim quotation, or words too few to judge ("la mesure 4
  // parle des « exercices »"), get what any citation gets: the clauses quoted.
  const checked = settings.quoteCheck ? quoteCheck(text, lang, "unprompted") : null;
  if (checked) return checked;
  if (!settings.quoting) return null;
  return citedIn(ctx, text, lang);
}

/**
 * The quotations a message presents, checked as `reading` says (presentedQuoteReports), as one
 * reply; null when there is nothing to say. `text` is already cleaned.
 */
function quoteCheck(
  text: string,
  lang: Lang,
  reading: keyof typeof CONVERSATION_READING,
): { reply: Reply; outcome: Outcome } | null {
  const shown = presentedQuoteReports(text, reading);
  const first = shown[0];
  if (!first) return null;
  return {
    reply: { embeds: quoteCheckEmbeds(shown, lang), components: [] },
    outcome: quoteOutcome(first),
  };
}

function quoteOutcome(r: QuoteReport): Outcome {
  return { outcome: `quote-check/${r.verdict}`, ...(r.clause && { clause: r.clause }) };
}

/** The bot's own mention, `<@id>` or `<@!id>`: built once per bot id, not per message. */
let mention: { botId: string; re: RegExp } | null = null;
function mentionPattern(botId: string): RegExp {
  if (mention?.botId !== botId) mention = { botId, re: new RegExp(`<@!?${botId}>`, "g") };
  return mention.re;
}

/** Whether the message pings the bot: a mention, or a reply that pings its author. */
function isMentioned(message: Message, botId: string): boolean {
  // `search` ignores and restores the global pattern's lastIndex.
  return message.mentions.users.has(botId) || message.content.search(mentionPattern(botId)) >= 0;
}

/** The question without the bot's own mention. */
export function stripBotMention(content: string, botId: string): string {
  return content.replace(mentionPattern(botId), " ").replace(/\s+/g, " ").trim();
}

export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  if (message.author.bot || message.webhookId !== null || message.system) return;
  const botId = message.client.user.id;
  if (message.author.id === botId) return;
  const started = performance.now();
  // Most messages are ordinary chatter the bot leaves alone: the logger is only made when needed.
  const logFor = () =>
    ctx.logger.child({
      messageId: message.id,
      guildId: message.guildId,
      channelId: message.channelId,
      user: ctx.store.userKey(message.author.id),
      kind: "chat",
    });
  // Checked before any work, like the cooldown: an answer that would not be sent is not made.
  const hold = ctx.sends?.chatHold(message.channelId);
  if (hold) {
    held(hold, ctx, logFor);
    return;
  }
  // Checked before any work: a user in cooldown costs one Map lookup.
  const cooldownKey = `${message.author.id}:${message.channelId}`;
  const cooldown = ctx.chatCooldown?.check(cooldownKey);
  if (cooldown && !cooldown.allowed) {
    // Every message in the window counts, including chatter the bot would not have answered anyway:
    // telling them apart would cost the work the cooldown saves.
    countLimitRefusal("chat-cooldown");
    if (ctx.logger.isLevelEnabled("debug")) {
      logFor().debug({ retryAfterMs: cooldown.retryAfterMs }, "chat cooldown: not answered");
    }
    return;
  }
  try {
    await answer(message, ctx, logFor, botId, started, cooldownKey);
  } catch (error) {
    if (error instanceof SendHeld) {
      held(error.reason, ctx, logFor);
      return;
    }
    countInteraction("chat", "error");
    const log = logFor();
    if (cannotSpeakHere(error)) {
      log.warn({ err: error }, "cannot answer in this channel");
    } else if (isDiscordFailure(error)) {
      log.warn({ err: error }, "Discord refused the chat answer");
    } else {
      log.error({ err: error }, "chat handler failed");
    }
  }
}

/** A message left unanswered because its answer could not be sent now (see send-guard.ts). */
function held(reason: HoldReason, ctx: BotContext, logFor: () => BotContext["logger"]): void {
  countChatHeld(reason);
  if (ctx.logger.isLevelEnabled("debug")) logFor().debug({ reason }, "chat answer held back");
}

async function answer(
  message: Message,
  ctx: BotContext,
  logFor: () => BotContext["logger"],
  botId: string,
  started: number,
  cooldownKey: string,
): Promise<void> {
  const mentioned = isMentioned(message, botId);
  // A mention (not @everyone) or a reply to the bot's message speaks to it.
  const addressed = mentioned || message.mentions.repliedUser?.id === botId;
  const input = {
    content: stripBotMention(message.content, botId),
    channelId: message.channelId,
    guildId: message.guildId,
    addressed,
    mentioned,
    parentChannelId: message.channel?.isThread() ? message.channel.parentId : null,
    preferredLocale: message.guild?.preferredLocale ?? null,
  };
  // Cached per replica: no database round trip per message while nothing changes.
  const settings =
    message.guildId === null ? DEFAULT_SETTINGS : await ctx.store.settings.get(message.guildId);
  // A reply is read in the context of the clause it replies to, when that changes the answer.
  const replied = repliedTo(message);
  const decision =
    (replied && (await followUpInChat({ ...input, botId, replied }, ctx, settings))) ??
    chatReply(input, ctx, settings);
  if (!decision) return;
  // Taken only now, for a message that gets an answer; checked again because other messages of
  // this user may have been answered while the settings were read.
  const turn = ctx.chatCooldown?.take(cooldownKey);
  if (turn && !turn.allowed) {
    countLimitRefusal("chat-cooldown");
    return;
  }
  const { reply } = decision;
  await message.reply(
    reply.embeds === undefined
      ? { content: truncate(reply.content, LIMITS.content), allowedMentions: NO_MENTIONS_OPTIONS }
      : { ...reply, allowedMentions: NO_MENTIONS_OPTIONS },
  );
  const outcome: Outcome = {
    ...decision.outcome,
    question: decision.outcome.question ?? message.content,
  };
  logFor().info(
    {
      ...outcomeFields(outcome, ctx),
      addressed,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    },
    "chat answered",
  );
  countInteraction("chat", outcomeLabel(outcome.outcome));
  observeAnswerSeconds("chat", (performance.now() - started) / 1000);
}
