/**
 * One open database, whichever engine: the Kysely handle the stores query through, and what the
 * engines do differently (how a replica learns that another one changed a setting, what follows
 * a deletion, the pool behind it).
 */
import type { Kysely } from "kysely";
import type { Pool } from "pg";
import type { StoreEngine } from "./migrations.ts";
import type { NotificationBus } from "./notifications.ts";
import type { Tables } from "./schema.ts";

export interface Connection {
  engine: StoreEngine;
  /** The SQLite file, or PostgreSQL's host:port/database (never a password). */
  location: string;
  db: Kysely<Tables>;
  /**
   * SQLite: whether another process has committed since the last call (shard processes share the
   * file). PostgreSQL says so by notification instead (`onAnnouncement`), so always false there.
   */
  changedElsewhere(): boolean;
  /**
   * Makes the rest of `trx` run alone among the transactions that name `key` (PostgreSQL: an
   * advisory lock until the transaction ends); SQLite's write lock serializes writers already.
   */
  serialize(trx: Kysely<Tables>, key: string): Promise<void>;
  /** Tells the other replicas that `guildId`'s settings changed; part of `db`'s transaction. */
  announce(db: Kysely<Tables>, guildId: string): Promise<void>;
  /** `listener(guildId)` on another replica's change; `listener(null)`: anything may have changed. */
  onAnnouncement(listener: (guildId: string | null) => void): void;
  /** Whether changes made elsewhere reach this replica now (false while the listener is down). */
  listening(): boolean;
  /** Called after rows were deleted, so that nothing of them stays readable on disk. */
  afterDelete(): void;
  /** PostgreSQL's notifications between replicas (replays, limits), or null on SQLite. */
  bus: NotificationBus | null;
  /** PostgreSQL's pool (shared with the rate limits), or null. */
  pool: Pool | null;
  /** Whether the database answers now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Apply the pending migrations (the bot at start). False for the tools that read a database
   * without changing its schema under the replicas running on it (`npm run review`).
   */
  migrate: boolean;
}
