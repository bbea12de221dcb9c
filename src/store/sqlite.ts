/**
 * The embedded engine: one SQLite file, `settings.db` in DATA_DIR, shared by the shard processes of
 * one host. Nothing to install or run.
 *
 * Privacy on disk: the file and its folder are readable by the bot's user only; deleted rows are
 * overwritten (`secure_delete`), and after deleting, the write-ahead log, which still holds the old
 * pages, is checkpointed and truncated (`afterDelete`).
 */
import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Connection, OpenOptions } from "./connection.ts";
import { StoreUnavailable } from "./errors.ts";
import { migrateToLatest } from "./migrations.ts";
import type { Tables } from "./schema.ts";

export const SETTINGS_FILE = "settings.db";
/** How long a statement waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/** What a failure to open `file` means, in one line; null when it is none of the known cases. */
export function describeOpenFailure(error: unknown, file: string): string | null {
  const code = (error as { code?: unknown }).code;
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return `the settings database ${file} is corrupt or not a database (${code}): move it away to start with fresh settings`;
  }
  if (
    code === "SQLITE_READONLY" ||
    code === "SQLITE_CANTOPEN" ||
    code === "SQLITE_PERM" ||
    code === "EACCES" ||
    code === "EPERM" ||
    code === "EISDIR" ||
    code === "ENOTDIR" ||
    code === "EROFS"
  ) {
    return `the settings database ${file} cannot be written (${code}): check DATA_DIR and its permissions`;
  }
  return null;
}

/** DATA_DIR and the database file, private to this user, created so from the first byte. */
function preparePrivateFile(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  // SQLite gives its -wal and -shm files the mode of the database file.
  closeSync(openSync(file, "a", 0o600));
  chmodSync(file, 0o600);
}

/**
 * WAL: readers never block the writer nor each other, across processes. Switching a new file to it
 * takes an exclusive lock that SQLite does not wait for (busy_timeout does not apply), so a shard
 * process that finds another one switching at the same instant tries again, for as long as it
 * would wait for any other lock.
 */
async function switchToWal(raw: Database.Database): Promise<void> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      raw.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      const busy = (error as { code?: unknown }).code === "SQLITE_BUSY";
      if (!busy || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** How often, and how many times, a checkpoint that found readers in the way is tried again. */
const CHECKPOINT_RETRY_MS = 1000;
const CHECKPOINT_TRIES = 30;

/**
 * Copies the write-ahead log into the database and empties it, so that deleted rows, which the
 * log still holds in old pages, are gone from the files too. It must not wait (it runs on the
 * event loop) nor fail a deletion that succeeded: while another process reads, it is tried again
 * a second later, for half a minute.
 */
function truncateWal(raw: Database.Database, triesLeft = CHECKPOINT_TRIES): void {
  if (!raw.open || triesLeft === 0) return;
  let busy = true;
  try {
    raw.pragma("busy_timeout = 0");
    const [result] = raw.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    busy = result?.busy !== 0;
  } catch {
    // Locked by a transaction of this very connection: try again once it is over.
  } finally {
    if (raw.open) raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
  if (busy) setTimeout(() => truncateWal(raw, triesLeft - 1), CHECKPOINT_RETRY_MS).unref();
}

/** Opens (creating if needed) DATA_DIR's database, migrated; ":memory:" for a throwaway one. */
export async function openSqlite(
  dataDir: string,
  { migrate }: OpenOptions = { migrate: true },
): Promise<Connection> {
  let file = ":memory:";
  let raw: Database.Database;
  try {
    if (dataDir !== ":memory:") {
      file = path.join(dataDir, SETTINGS_FILE);
      preparePrivateFile(dataDir, file);
    }
    // `timeout` is SQLite's busy_timeout from the first statement on: wait for a lock another
    // shard process holds instead of failing, including while shards starting together switch
    // the file to WAL.
    raw = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    const reason = describeOpenFailure(error, file);
    if (reason) throw new StoreUnavailable(reason, { cause: error });
    throw error;
  }
  try {
    await switchToWal(raw);
    raw.pragma("secure_delete = ON");
  } catch (error) {
    raw.close();
    const reason = describeOpenFailure(error, file);
    if (reason) throw new StoreUnavailable(reason, { cause: error });
    throw error;
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    // The write lock at once (busy_timeout applies), so that shard processes migrate one at a
    // time; also the start-up check that the file can be written.
    if (migrate) raw.exec("BEGIN IMMEDIATE");
    try {
      if (migrate) {
        await migrateToLatest(db, "sqlite");
        raw.exec("COMMIT");
      }
    } catch (error) {
      if (raw.inTransaction) raw.exec("ROLLBACK");
      throw error;
    }
  } catch (error) {
    await db.destroy();
    const reason = describeOpenFailure(error, file);
    if (reason) throw new StoreUnavailable(reason, { cause: error });
    throw error;
  }

  // Another process's commit changes data_version; our own writes do not (we know of them).
  let dataVersion = raw.pragma("data_version", { simple: true });
  return {
    engine: "sqlite",
    location: file,
    db,
    changedElsewhere() {
      if (!raw.open) return false;
      const now = raw.pragma("data_version", { simple: true });
      if (now === dataVersion) return false;
      dataVersion = now;
      return true;
    },
    async serialize() {},
    afterDelete() {
      if (file !== ":memory:") truncateWal(raw);
    },
    async announce() {},
    onAnnouncement() {},
    listening: () => true,
    pool: null,
    bus: null,
    async ping() {
      try {
        return raw.open && raw.prepare("SELECT 1").pluck().get() === 1;
      } catch {
        return false;
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
