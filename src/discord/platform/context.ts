/** What every handler gets: the engine, the settings store, a logger, and the abuse limits. */
import type { Config } from "../../config.ts";
import { type Engine, getEngine } from "../../core/engine.ts";
import type { ClauseId } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import { KEPT_TEXT_MAX } from "../../settings/feedback.ts";
import { enforceRetention } from "../../settings/retention.ts";
import { openSettingsStore, type SettingsStore } from "../../settings/store.ts";
import { RateLimiter } from "./rate-limit.ts";

/**
 * Whether Discord sends the bot the content of ordinary chat messages (the privileged Message
 * Content intent). Without it, only messages that mention the bot, DMs and message commands carry
 * text, so the features that read all chat are off; `why` says whether the operator turned the
 * intent off (DISCORD_MESSAGE_CONTENT=off), Discord refused it (close 4014), or the process has no
 * gateway connection at all (DISCORD_GATEWAY=off: interactions over HTTP only).
 */
export interface ContentAccess {
  messageContent: boolean;
  why?: "off" | "refused" | "no-gateway";
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
  /** FEEDBACK_RETENTION_DAYS, for the texts that say what is kept. */
  feedbackRetentionDays: number;
  /** Set once connected; absent: the intent is granted (tests that build a context by hand). */
  content?: ContentAccess;
}

/** Whether the features that read every chat message can run. */
export function readsAllChat(ctx: BotContext): boolean {
  return ctx.content?.messageContent !== false;
}

/**
 * The context of one bot process, whichever transports it serves (gateway, HTTP or both): they
 * share it, so a user's limits and a server's settings are the same over either. `close` stops the
 * feedback pruning and closes the settings database, once the handlers are done.
 */
export function openBotContext(
  config: Config,
  logger: Logger,
  engine?: Engine,
): { ctx: BotContext; close(): void } {
  const settings = openSettingsStore(config.dataDir);
  const limits = config.limits;
  const retentionDays = config.feedbackRetentionDays;
  const stopPruning = enforceRetention(settings.feedback, retentionDays, logger);
  const ctx: BotContext = {
    engine: engine ?? getEngine(),
    settings,
    logger,
    logQuestions: config.logQuestions === true,
    feedbackRetentionDays: retentionDays,
    ...(limits && {
      chatCooldown: new RateLimiter(1, limits.chatCooldownSeconds * 1000),
      commandLimit: new RateLimiter(
        limits.commandRateLimit,
        limits.commandRateWindowSeconds * 1000,
      ),
      // The same allowance as commands, counted apart: voting never costs anyone a command.
      feedbackLimit: new RateLimiter(
        limits.commandRateLimit,
        limits.commandRateWindowSeconds * 1000,
      ),
    }),
  };
  return {
    ctx,
    close() {
      stopPruning();
      settings.close();
    },
  };
}

/** What a handler reports about its answer, for the one log line per request. */
export interface Outcome {
  outcome: string;
  clause?: ClauseId;
  score?: number;
  /** What the user typed; logged only with LOG_QUESTIONS=true. */
  question?: string;
}

/** The fields of an outcome's log line: the user's text only when the operator asked for it. */
export function outcomeFields(outcome: Outcome, ctx: BotContext): Record<string, unknown> {
  const { question, ...fields } = outcome;
  return ctx.logQuestions && question !== undefined
    ? { ...fields, question: question.slice(0, KEPT_TEXT_MAX) }
    : fields;
}
