/** What every handler gets: the engine, the settings store, a logger, and the abuse limits. */
import type { Config } from "../../config.ts";
import { type Engine, getEngine } from "../../core/engine.ts";
import type { ClauseId } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import { openSettingsStore, type SettingsStore } from "../../settings/store.ts";
import { RateLimiter } from "./rate-limit.ts";

export interface BotContext {
  engine: Engine;
  settings: SettingsStore;
  logger: Logger;
  /** One chat answer per user per channel per window (CHAT_COOLDOWN_SECONDS); absent: none. */
  chatCooldown?: RateLimiter;
  /** Commands per user per window (COMMAND_RATE_LIMIT); absent: unlimited. */
  commandLimit?: RateLimiter;
  /** LOG_QUESTIONS: whether what users typed may appear in logs. */
  logQuestions?: boolean;
}

/**
 * The context of one bot process, whichever transports it serves (gateway, HTTP or both): they
 * share it, so a user's command limit and a server's settings are the same over either.
 */
export function createBotContext(config: Config, logger: Logger, engine?: Engine): BotContext {
  const limits = config.limits;
  return {
    engine: engine ?? getEngine(),
    settings: openSettingsStore(config.dataDir),
    logger,
    logQuestions: config.logQuestions === true,
    ...(limits && {
      chatCooldown: new RateLimiter(1, limits.chatCooldownSeconds * 1000),
      commandLimit: new RateLimiter(
        limits.commandRateLimit,
        limits.commandRateWindowSeconds * 1000,
      ),
    }),
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

/** Longest piece of user text a log line carries (with LOG_QUESTIONS=true). */
const LOGGED_TEXT_MAX = 500;

/** The fields of an outcome's log line: the user's text only when the operator asked for it. */
export function outcomeFields(outcome: Outcome, ctx: BotContext): Record<string, unknown> {
  const { question, ...fields } = outcome;
  return ctx.logQuestions && question !== undefined
    ? { ...fields, question: question.slice(0, LOGGED_TEXT_MAX) }
    : fields;
}
