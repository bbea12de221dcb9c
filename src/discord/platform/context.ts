/** What every handler gets: the engine, the settings store, a logger, and the abuse limits. */
import type { Engine } from "../../core/engine.ts";
import type { ClauseId } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import type { SettingsStore } from "../../settings/store.ts";
import type { RateLimiter } from "./rate-limit.ts";

/**
 * Whether Discord sends the bot the content of ordinary chat messages (the privileged Message
 * Content intent). Without it, only messages that mention the bot, DMs and message commands carry
 * text, so the features that read all chat are off; `why` says whether the operator turned the
 * intent off (DISCORD_MESSAGE_CONTENT=off) or Discord refused it (close 4014).
 */
export interface ContentAccess {
  messageContent: boolean;
  why?: "off" | "refused";
}

export interface BotContext {
  engine: Engine;
  settings: SettingsStore;
  logger: Logger;
  /** One chat answer per user per channel per window (CHAT_COOLDOWN_SECONDS); absent: none. */
  chatCooldown?: RateLimiter;
  /** Commands per user per window (COMMAND_RATE_LIMIT); absent: unlimited. */
  commandLimit?: RateLimiter;
  /** LOG_QUESTIONS: whether what users typed may appear in logs (and be kept with feedback). */
  logQuestions?: boolean;
  /** 👍/👎 clicks per user per window, counted apart from commands; absent: unlimited. */
  feedbackLimit?: RateLimiter;
  /** FEEDBACK_RETENTION_DAYS, for the texts that say what is kept; absent: the default. */
  feedbackRetentionDays?: number;
  /** Set once connected; absent: the intent is granted (tests that build a context by hand). */
  content?: ContentAccess;
}

/** Whether the features that read every chat message can run. */
export function readsAllChat(ctx: BotContext): boolean {
  return ctx.content?.messageContent !== false;
}

/** What a handler reports about its answer, for the one log line per request. */
export interface Outcome {
  outcome: string;
  clause?: ClauseId;
  score?: number;
  /** What the user typed; logged only with LOG_QUESTIONS=true. */
  question?: string;
}

/** Longest piece of user text a log line carries (with LOG_QUESTIONS=true). */
const LOGGED_TEXT_MAX = 500;

/** The fields of an outcome's log line: the user's text only when the operator asked for it. */
export function outcomeFields(outcome: Outcome, ctx: BotContext): Record<string, unknown> {
  const { question, ...fields } = outcome;
  return ctx.logQuestions && question !== undefined
    ? { ...fields, question: question.slice(0, LOGGED_TEXT_MAX) }
    : fields;
}
