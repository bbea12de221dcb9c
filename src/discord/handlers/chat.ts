/**
 * Chat: the bot answers questions addressed to it (a mention, or a reply to one of its messages) and
 * every message in Q&A channels; elsewhere it quotes clauses people cite ("comme le dit la mesure 4").
 * It ignores bots (itself included), webhooks and system messages, replies without pinging, and sends
 * one reply per message at most, quoting at most three clauses.
 *
 * Per user and channel it answers at most once per cooldown (CHAT_COOLDOWN_SECONDS): messages that
 * arrive sooner are silently skipped, since a "slow down" reply would be the very flood it prevents.
 * A reply Discord refuses (missing permissions, deleted channel) is logged and forgotten.
 */
import type { APIEmbed, Message } from "discord.js";
import type { Clause, Lang } from "../../core/types.ts";
import { QUESTION_MAX } from "../commands/shared.ts";
import { readerLang } from "../i18n/locale.ts";
import { strings } from "../i18n/strings.ts";
import { type BotContext, type Outcome, outcomeFields } from "../platform/context.ts";
import { cannotSpeakHere, isDiscordFailure } from "../platform/errors.ts";
import { cleanInput } from "../platform/sanitize.ts";
import { type CardPayload, cardComponents, clauseEmbed } from "../render/card.ts";
import { fitEmbeds, LIMITS, truncate } from "../render/limits.ts";
import type { ViewPayload } from "../render/overview.ts";
import { NO_MENTIONS } from "../render/payloads.ts";
import { ask, renderAnswer } from "./answer.ts";

/** At most this many clauses quoted in one reply, however many a message cites. */
export const MAX_QUOTED = 3;

/** The most of a chat message scanned for citations: Discord's own limit (Nitro). */
const CHAT_SCAN_MAX = 4000;

type Reply = { content: string; embeds?: undefined } | CardPayload | ViewPayload;

/** Decides what, if anything, to answer; pure apart from the settings read, so it is easy to test. */
export function chatReply(
  message: Pick<Message, "content" | "channelId" | "guildId"> & {
    addressed: boolean;
    parentChannelId: string | null;
    preferredLocale: string | null;
  },
  ctx: BotContext,
): { reply: Reply; outcome: Outcome } | null {
  const { engine } = ctx;
  const guildId = message.guildId;
  if (guildId === null) return null;
  const settings = ctx.settings.get(guildId);
  const lang: Lang = settings.language ?? readerLang(message.preferredLocale);
  const inQaChannel =
    settings.qaChannels.includes(message.channelId) ||
    (message.parentChannelId !== null && settings.qaChannels.includes(message.parentChannelId));

  if (message.addressed || inQaChannel) {
    const question = cleanInput(message.content, QUESTION_MAX * 4);
    if (question === "") {
      return message.addressed
        ? { reply: { content: strings(lang).emptyQuestion }, outcome: { outcome: "empty" } }
        : null;
    }
    const answer = ask(engine, question, message.preferredLocale);
    // In a Q&A channel the bot speaks only when it is sure: chatter the declaration does not
    // answer gets no "nothing found" noise, and a mere closest passage no public guess.
    const confident =
      answer.kind !== "none" && !(answer.kind === "clause" && answer.confidence !== "answer");
    if (!confident && !message.addressed) return null;
    const rendered = renderAnswer(engine, answer, lang);
    return {
      reply: rendered.kind === "card" ? rendered.payload : { content: rendered.text },
      outcome: { ...rendered.outcome, question },
    };
  }

  if (!settings.quoting) return null;
  // Discord caps messages at 4,000 characters; anything longer is cut, not scanned.
  const refs = engine.references(cleanInput(message.content, CHAT_SCAN_MAX));
  const clauses = refs.flatMap((r) => (r.kind === "clause" ? [r.clause] : []));
  if (clauses.length > 0)
    return { reply: quoteCards(ctx, clauses, lang), outcome: quoted(clauses) };
  const outOfRange = refs.find((r) => r.kind === "out-of-range");
  if (outOfRange) {
    const rendered = renderAnswer(engine, { ...outOfRange, lang }, lang);
    if (rendered.kind === "text")
      return { reply: { content: rendered.text }, outcome: rendered.outcome };
  }
  return null;
}

function quoted(clauses: readonly Clause[]): Outcome {
  const first = clauses[0];
  return { outcome: "quote/chat", ...(first && { clause: first.id, score: 1 }) };
}

/** One card per cited clause (at most MAX_QUOTED); navigation buttons only when there is one card. */
function quoteCards(ctx: BotContext, clauses: readonly Clause[], lang: Lang): CardPayload {
  const shown = clauses.slice(0, MAX_QUOTED);
  const embeds: APIEmbed[] = fitEmbeds(shown.map((clause) => clauseEmbed(clause, { lang })));
  const only = shown.length === 1 ? shown[0] : undefined;
  return {
    embeds,
    components: only ? cardComponents(ctx.engine.neighbours(only.id), lang) : [],
  };
}

/** Whether the message speaks to the bot: a mention (not @everyone) or a reply to its message. */
export function isAddressedTo(message: Message, botId: string): boolean {
  if (message.mentions.repliedUser?.id === botId) return true;
  if (message.mentions.users.has(botId)) return true;
  return new RegExp(`<@!?${botId}>`).test(message.content);
}

/** The question without the bot's own mention. */
export function stripBotMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  if (message.author.bot || message.webhookId !== null || message.system) return;
  if (!message.inGuild()) return;
  const botId = message.client.user.id;
  if (message.author.id === botId) return;
  const started = performance.now();
  // Most messages are ordinary chatter the bot leaves alone: the logger is only made when needed.
  const logFor = () =>
    ctx.logger.child({
      messageId: message.id,
      guildId: message.guildId,
      channelId: message.channelId,
      userId: message.author.id,
      kind: "chat",
    });
  // Checked before any work: a user in cooldown costs one Map lookup.
  const cooldownKey = `${message.author.id}:${message.channelId}`;
  const cooldown = ctx.chatCooldown?.check(cooldownKey);
  if (cooldown && !cooldown.allowed) {
    if (ctx.logger.isLevelEnabled("debug")) {
      logFor().debug({ retryAfterMs: cooldown.retryAfterMs }, "chat cooldown: not answered");
    }
    return;
  }
  try {
    await answer(message, ctx, logFor, botId, started, cooldownKey);
  } catch (error) {
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

async function answer(
  message: Message<true>,
  ctx: BotContext,
  logFor: () => BotContext["logger"],
  botId: string,
  started: number,
  cooldownKey: string,
): Promise<void> {
  const addressed = isAddressedTo(message, botId);
  const decision = chatReply(
    {
      content: stripBotMention(message.content, botId),
      channelId: message.channelId,
      guildId: message.guildId,
      addressed,
      parentChannelId: message.channel.isThread() ? message.channel.parentId : null,
      preferredLocale: message.guild?.preferredLocale ?? null,
    },
    ctx,
  );
  if (!decision) return;
  ctx.chatCooldown?.take(cooldownKey);
  const { reply } = decision;
  await message.reply(
    reply.embeds === undefined
      ? { content: truncate(reply.content, LIMITS.content), allowedMentions: NO_MENTIONS }
      : { ...reply, allowedMentions: NO_MENTIONS },
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
}
