/** What every handler gets: the engine, the settings store, a logger, and the abuse limits. */
import type { Config } from "../../config.ts";
import { type Engine, getEngine } from "../../core/engine.ts";
import { RateLimiter } from "../../core/rate-limit.ts";
import type { ClauseId } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import { countStoreError } from "../../metrics.ts";
import { KEPT_TEXT_MAX } from "../../store/feedback.ts";
import { type Limiter, openStore, type Store } from "../../store/index.ts";
import { enforceRetention } from "../../store/retention.ts";
import { REPLAY_WINDOW_S } from "../http/verify.ts";
import { SendGuard } from "../rest/send-guard.ts";

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
  /** Settings, feedback, replay memory and shared limits (SQLite, or PostgreSQL for replicas). */
  store: Store;
  logger: Logger;
  /**
   * One chat answer per user per channel per window (CHAT_COOLDOWN_SECONDS); absent: none. Local
   * to the process: a channel's messages all reach the one shard that serves its server.
   */
  chatCooldown?: RateLimiter;
  /** Commands per user per window (COMMAND_RATE_LIMIT), for the whole bot; absent: unlimited. */
  commandLimit?: Limiter;
  /** LOG_QUESTIONS: whether what users typed may appear in logs (and be kept with feedback). */
  logQuestions?: boolean;
  /** 👍/👎 clicks per user per window, counted apart from commands; absent: unlimited. */
  feedbackLimit?: Limiter;
  /** FEEDBACK_RETENTION_DAYS, for the texts that say what is kept. */
  feedbackRetentionDays: number;
  /** Set once connected; absent: the intent is granted (tests that build a context by hand). */
  content?: ContentAccess;
  /**
   * Channels that refused the bot's messages and the count of invalid requests: chat answers it
   * holds back are not sent (send-guard.ts). Absent: nothing is held (contexts built by hand).
   */
  sends?: SendGuard;
}

/** Whether the features that read every chat message can run. */
export function readsAllChat(ctx: BotContext): boolean {
  return ctx.content?.messageContent !== false;
}

/**
 * The context of one bot process, whichever transports it serves (gateway, HTTP or both): they
 * share it, so a user's limits and a server's settings are the same over either. `close` stops the
 * feedback pruning and closes the store, once the handlers are done.
 */
export async function openBotContext(
  config: Config,
  logger: Logger,
  engine?: Engine,
  /** Processes sharing this host's IP address, which share Discord's limit of invalid requests. */
  processesOnHost = 1,
): Promise<{ ctx: BotContext; close(): Promise<void> }> {
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.database?.url ?? null,
    logger,
    replayWindowMs: REPLAY_WINDOW_S * 1000,
    onError: (operation) => countStoreError(operation),
  });
  const limits = config.limits;
  const retentionDays = config.feedbackRetentionDays;
  const stopPruning = enforceRetention(store.feedback, retentionDays, logger);
  const window = (limits?.commandRateWindowSeconds ?? 0) * 1000;
  const ctx: BotContext = {
    engine: engine ?? getEngine(),
    store,
    logger,
    logQuestions: config.logQuestions === true,
    feedbackRetentionDays: retentionDays,
    sends: new SendGuard(logger, { processesOnHost }),
    ...(limits && {
      chatCooldown: new RateLimiter(1, limits.chatCooldownSeconds * 1000),
      commandLimit: store.limiter({
        name: "commands",
        limit: limits.commandRateLimit,
        windowMs: window,
      }),
      // The same allowance as commands, counted apart: voting never costs anyone a command.
      feedbackLimit: store.limiter({
        name: "votes",
        limit: limits.commandRateLimit,
        windowMs: window,
      }),
    }),
  };
  return {
    ctx,
    async close() {
      stopPruning();
      ctx.sends?.close();
      await store.close();
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
