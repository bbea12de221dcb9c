/**
 * The store: everything the bot keeps (settings, votes, corrections, kept question texts,
 * unanswered questions, the salt, replay memory, shared limits), behind one interface, on one of
 * two engines. SQLite in DATA_DIR by default: nothing to install or run. PostgreSQL when
 * DATABASE_URL is set: every replica on every host shares it. Both are migrated at open.
 */
import type { Logger } from "../log.ts";
import type { Connection, OpenOptions } from "./connection.ts";
import { type FeedbackStore, openFeedback } from "./feedback.ts";
import { type Limiter, type LimitSpec, memoryLimiter } from "./limits.ts";
import type { StoreEngine } from "./migrations.ts";
import { Quiet } from "./quiet.ts";
import { localReplayGuard, type ReplayGuard, sharedReplayGuard } from "./replays.ts";
import { hashUserId, loadSalt } from "./salt.ts";
import { openSettings, type SettingsStore } from "./settings.ts";
import { openSqlite } from "./sqlite.ts";

/** Hex digits of a user's hash in a log line: enough to tell users apart, no more. */
const USER_KEY_LENGTH = 16;

export interface StoreHealth {
  engine: StoreEngine;
  /** Whether the database answered just now. */
  ok: boolean;
}

export interface Store {
  engine: StoreEngine;
  /** The SQLite file, or PostgreSQL's host:port/database (never a password). */
  location: string;
  settings: SettingsStore;
  feedback: FeedbackStore;
  replays: ReplayGuard;
  /**
   * How a user appears in logs: the start of the same keyed hash the store files their votes
   * under, so a log line can be matched to a stored row and to nothing outside this installation.
   */
  userKey(userId: string): string;
  /**
   * Marks `work` (an interaction being answered) as something bookkeeping should not compete with:
   * counts that nobody waits for go once it is done.
   */
  whileAnswering<T>(work: Promise<T>): Promise<T>;
  /** A per-key limit: counted for the whole bot on PostgreSQL, in this process on SQLite. */
  limiter(spec: LimitSpec): Limiter;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** DATA_DIR (SQLite's file and salt); ":memory:" for a throwaway store. */
  dataDir: string;
  /** DATABASE_URL: PostgreSQL when set. */
  databaseUrl?: string | null;
  logger: Logger;
  /** How long an interaction id must be remembered against replays. */
  replayWindowMs: number;
  /** Every failed read or write, for metrics (they are logged here already). */
  onError?(operation: string, error: unknown): void;
}

/** The database alone, migrated (the CLIs read it without the rest of the store). */
export async function openConnection(
  options: Pick<StoreOptions, "dataDir" | "databaseUrl" | "logger">,
  open: OpenOptions = { migrate: true },
): Promise<Connection> {
  if (options.databaseUrl) {
    // Loaded only when used: the embedded default never loads pg.
    const { openPostgres } = await import("./postgres.ts");
    return openPostgres(options.databaseUrl, options.logger, open);
  }
  return openSqlite(options.dataDir, open);
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const conn = await openConnection(options);
  let salt: string;
  try {
    salt = await loadSalt(conn, options.dataDir);
  } catch (error) {
    await conn.close();
    throw error;
  }
  const onError = (operation: string, error: unknown) => {
    options.logger.warn({ err: error, operation, store: conn.engine }, "store operation failed");
    options.onError?.(operation, error);
  };
  const quiet = new Quiet();
  const replays =
    conn.engine === "postgres"
      ? sharedReplayGuard(conn, options.replayWindowMs, quiet, onError)
      : localReplayGuard(options.replayWindowMs);
  // rate-limiter-flexible is loaded only where limits are shared.
  const { pool, bus } = conn;
  const shared = pool && bus ? { ...(await import("./shared-limits.ts")), pool, bus } : null;
  return {
    engine: conn.engine,
    location: conn.location,
    settings: openSettings(conn, { onError }),
    feedback: openFeedback(conn, salt, { onError }),
    replays,
    userKey: (userId) => hashUserId(salt, userId).slice(0, USER_KEY_LENGTH),
    whileAnswering: (work) => quiet.track(work),
    limiter(spec) {
      return shared
        ? shared.sharedLimiter(spec, {
            db: conn.db,
            pool: shared.pool,
            bus: shared.bus,
            salt,
            quiet,
            onError,
          })
        : memoryLimiter(spec);
    },
    async health() {
      return { engine: conn.engine, ok: await conn.ping() };
    },
    async close() {
      replays.close();
      await conn.close();
    },
  };
}

export type { FeedbackStore } from "./feedback.ts";
export type { LimitDecision, Limiter } from "./limits.ts";
export type { StoreEngine } from "./migrations.ts";
export type { GuildSettings, SettingsStore } from "./settings.ts";
