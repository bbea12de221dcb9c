/**
 * Per-server settings, persisted in SQLite under DATA_DIR so they survive restarts.
 *
 * Nothing is cached in memory: every read hits a prepared statement (microseconds), which keeps the
 * store correct when several shard processes share the same database file (WAL + busy timeout).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database, { type Statement } from "better-sqlite3";
import { LANGS, type Lang } from "../core/types.ts";
import { FEEDBACK_SCHEMA, type FeedbackStore, openFeedbackStore } from "./feedback.ts";
import { loadSalt } from "./salt.ts";

export interface GuildSettings {
  /** Channels where every message is treated as a question to the bot. */
  qaChannels: string[];
  /** Quote clauses referenced in ordinary discussion ("comme le dit la mesure 4"). */
  quoting: boolean;
  /** Check quotations of the declaration presented in chat ("la mesure 3 dit « … »"). */
  quoteCheck: boolean;
  /** Language of chat answers; null = follow the server's preferred locale. */
  language: Lang | null;
  /** Keep the text of questions with their feedback (/settings feedback-text); off by default. */
  feedbackText: boolean;
}

/** The on/off settings of a server. */
export type Flag = "quoting" | "quoteCheck" | "feedbackText";

/**
 * Each on/off setting's column and default, in one place: the schema, the upgrade of older
 * databases, the reads and the writes all come from this table, so they cannot disagree.
 */
const FLAGS: Record<Flag, { column: string; default: boolean }> = {
  quoting: { column: "quoting", default: true },
  quoteCheck: { column: "quote_check", default: true },
  feedbackText: { column: "feedback_text", default: false },
};
const FLAG_KEYS = Object.keys(FLAGS) as Flag[];

export const DEFAULT_SETTINGS: Readonly<GuildSettings> = Object.freeze({
  qaChannels: [],
  language: null,
  ...(Object.fromEntries(FLAG_KEYS.map((k) => [k, FLAGS[k].default])) as Record<Flag, boolean>),
});

/** Discord allows at most 25 choices/fields; a longer list of Q&A channels would be unreadable too. */
export const MAX_QA_CHANNELS = 25;

export interface SettingsStore {
  get(guildId: string): GuildSettings;
  /** One switch of `guildId`, read alone (what a hot path needs, without the channel list). */
  flag(guildId: string, flag: Flag): boolean;
  /** Returns false when the channel was already a Q&A channel. */
  addQaChannel(guildId: string, channelId: string): boolean;
  /** Returns false when the channel was not a Q&A channel. */
  removeQaChannel(guildId: string, channelId: string): boolean;
  isQaChannel(guildId: string, channelId: string): boolean;
  setQuoting(guildId: string, enabled: boolean): void;
  setQuoteCheck(guildId: string, enabled: boolean): void;
  setLanguage(guildId: string, language: Lang | null): void;
  setFeedbackText(guildId: string, enabled: boolean): void;
  /** Votes, corrections and unanswered questions, in the same database. */
  feedback: FeedbackStore;
  close(): void;
}

const flagColumn = (flag: Flag) =>
  `${FLAGS[flag].column} INTEGER NOT NULL DEFAULT ${FLAGS[flag].default ? 1 : 0}`;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS guild_settings (
    guild_id TEXT PRIMARY KEY,
    language TEXT,
    ${FLAG_KEYS.map(flagColumn).join(",\n    ")}
  );
  CREATE TABLE IF NOT EXISTS qa_channels (
    guild_id   TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
  );
${FEEDBACK_SCHEMA}`;

/**
 * A database made before a setting existed gets its column, with its default (`CREATE TABLE IF
 * NOT EXISTS` leaves an older table as it was). Under a write lock, so that two shards starting
 * together do not both add it.
 */
function addMissingColumns(db: Database.Database): void {
  db.transaction(() => {
    const columns = db.pragma("table_info(guild_settings)") as { name: string }[];
    for (const flag of FLAG_KEYS) {
      if (!columns.some((c) => c.name === FLAGS[flag].column)) {
        db.exec(`ALTER TABLE guild_settings ADD COLUMN ${flagColumn(flag)}`);
      }
    }
  }).immediate();
}

export const SETTINGS_FILE = "settings.db";
/** How long a statement waits for another process's lock before failing. */
export const BUSY_TIMEOUT_MS = 5000;

/** The settings database cannot be used: the message is one line a person can act on. */
export class SettingsUnavailable extends Error {
  override name = "SettingsUnavailable";
}

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
    code === "EROFS"
  ) {
    return `the settings database ${file} cannot be written (${code}): check DATA_DIR and its permissions`;
  }
  return null;
}

/**
 * Opens (creating if needed) the settings database in `dataDir`; ":memory:" for a throwaway store.
 * It is checked for writing at once, so that a read-only or corrupt file stops the start with one
 * clear line rather than failing at the first /settings change.
 */
export function openSettingsStore(dataDir: string): SettingsStore {
  let file = ":memory:";
  let db: Database.Database;
  let salt: string;
  try {
    if (dataDir !== ":memory:") {
      mkdirSync(dataDir, { recursive: true });
      file = path.join(dataDir, SETTINGS_FILE);
    }
    // `timeout` is SQLite's busy_timeout, set from the first statement on: wait (up to 5 s) for a
    // lock another shard process holds instead of failing with SQLITE_BUSY, including while two
    // shards starting together create the file and switch it to WAL.
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    // WAL: readers never block the writer nor each other, across processes.
    db.pragma("journal_mode = WAL");
    db.exec(SCHEMA);
    // Also the start-up check for writing: it takes the write lock whether or not a column is due.
    addMissingColumns(db);
    salt = loadSalt(dataDir);
  } catch (error) {
    const reason = describeOpenFailure(error, file);
    if (reason) throw new SettingsUnavailable(reason, { cause: error });
    throw error;
  }

  const selectGuild = db.prepare<[string], Record<string, number | string | null>>(
    `SELECT language, ${FLAG_KEYS.map((k) => FLAGS[k].column).join(", ")}
     FROM guild_settings WHERE guild_id = ?`,
  );
  const selectFlag = Object.fromEntries(
    FLAG_KEYS.map((k) => [
      k,
      db
        .prepare<[string], number>(
          `SELECT ${FLAGS[k].column} FROM guild_settings WHERE guild_id = ?`,
        )
        .pluck(),
    ]),
  ) as Record<Flag, Statement<[string], number>>;
  const selectChannels = db.prepare<[string], { channel_id: string }>(
    "SELECT channel_id FROM qa_channels WHERE guild_id = ? ORDER BY rowid",
  );
  const selectChannel = db.prepare<[string, string], { one: number }>(
    "SELECT 1 AS one FROM qa_channels WHERE guild_id = ? AND channel_id = ?",
  );
  const insertChannel = db.prepare<[string, string]>(
    "INSERT OR IGNORE INTO qa_channels (guild_id, channel_id) VALUES (?, ?)",
  );
  const deleteChannel = db.prepare<[string, string]>(
    "DELETE FROM qa_channels WHERE guild_id = ? AND channel_id = ?",
  );
  const upsert = (column: string) =>
    db.prepare<[string, number | string | null]>(
      `INSERT INTO guild_settings (guild_id, ${column}) VALUES (?, ?)
       ON CONFLICT (guild_id) DO UPDATE SET ${column} = excluded.${column}`,
    );
  const upsertFlag = Object.fromEntries(
    FLAG_KEYS.map((k) => [k, upsert(FLAGS[k].column)]),
  ) as Record<Flag, ReturnType<typeof upsert>>;
  const upsertLanguage = upsert("language");
  const setFlag = (flag: Flag) => (guildId: string, enabled: boolean) => {
    upsertFlag[flag].run(guildId, enabled ? 1 : 0);
  };

  const isLang = (value: string | null): value is Lang =>
    value !== null && (LANGS as readonly string[]).includes(value);

  return {
    get(guildId) {
      const row = selectGuild.get(guildId);
      const flag = (k: Flag) => (row ? row[FLAGS[k].column] !== 0 : FLAGS[k].default);
      const language = row?.language ?? null;
      return {
        qaChannels: selectChannels.all(guildId).map((r) => r.channel_id),
        quoting: flag("quoting"),
        quoteCheck: flag("quoteCheck"),
        language: typeof language === "string" && isLang(language) ? language : null,
        feedbackText: flag("feedbackText"),
      };
    },
    flag(guildId, flag) {
      const value = selectFlag[flag].get(guildId);
      return value === undefined ? FLAGS[flag].default : value !== 0;
    },
    addQaChannel(guildId, channelId) {
      return insertChannel.run(guildId, channelId).changes > 0;
    },
    removeQaChannel(guildId, channelId) {
      return deleteChannel.run(guildId, channelId).changes > 0;
    },
    isQaChannel(guildId, channelId) {
      return selectChannel.get(guildId, channelId) !== undefined;
    },
    setQuoting: setFlag("quoting"),
    setQuoteCheck: setFlag("quoteCheck"),
    setLanguage(guildId, language) {
      upsertLanguage.run(guildId, language);
    },
    setFeedbackText: setFlag("feedbackText"),
    feedback: openFeedbackStore(db, salt),
    close() {
      if (db.open) db.close();
    },
  };
}
