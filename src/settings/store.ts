/**
 * Per-server settings, persisted in SQLite under DATA_DIR so they survive restarts.
 *
 * Nothing is cached in memory: every read hits a prepared statement (microseconds), which keeps the
 * store correct when several shard processes share the same database file (WAL + busy timeout).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
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

export const DEFAULT_SETTINGS: Readonly<GuildSettings> = Object.freeze({
  qaChannels: [],
  quoting: true,
  quoteCheck: true,
  language: null,
  feedbackText: false,
});

/** Discord allows at most 25 choices/fields; a longer list of Q&A channels would be unreadable too. */
export const MAX_QA_CHANNELS = 25;

export interface SettingsStore {
  get(guildId: string): GuildSettings;
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

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS guild_settings (
    guild_id TEXT PRIMARY KEY,
    quoting  INTEGER NOT NULL DEFAULT 1,
    language TEXT,
    feedback_text INTEGER NOT NULL DEFAULT 0,
    quote_check INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE IF NOT EXISTS qa_channels (
    guild_id   TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
  );
${FEEDBACK_SCHEMA}`;

/** Columns added since the first release, for databases created before them. */
const ADDED_COLUMNS = [
  { table: "guild_settings", column: "feedback_text", definition: "INTEGER NOT NULL DEFAULT 0" },
  { table: "guild_settings", column: "quote_check", definition: "INTEGER NOT NULL DEFAULT 1" },
];

/** Under a write lock, so that two shards starting together do not both add a column. */
function addMissingColumns(db: Database.Database): void {
  db.transaction(() => {
    for (const { table, column, definition } of ADDED_COLUMNS) {
      const columns = db.pragma(`table_info(${table})`) as { name: string }[];
      if (!columns.some((c) => c.name === column)) {
        db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
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

  const selectGuild = db.prepare<
    [string],
    { quoting: number; language: string | null; feedback_text: number; quote_check: number }
  >("SELECT quoting, language, feedback_text, quote_check FROM guild_settings WHERE guild_id = ?");
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
  const upsertQuoting = db.prepare<[string, number]>(
    `INSERT INTO guild_settings (guild_id, quoting) VALUES (?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET quoting = excluded.quoting`,
  );
  const upsertQuoteCheck = db.prepare<[string, number]>(
    `INSERT INTO guild_settings (guild_id, quote_check) VALUES (?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET quote_check = excluded.quote_check`,
  );
  const upsertLanguage = db.prepare<[string, string | null]>(
    `INSERT INTO guild_settings (guild_id, language) VALUES (?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET language = excluded.language`,
  );

  const upsertFeedbackText = db.prepare<[string, number]>(
    `INSERT INTO guild_settings (guild_id, feedback_text) VALUES (?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET feedback_text = excluded.feedback_text`,
  );

  const isLang = (value: string | null): value is Lang =>
    value !== null && (LANGS as readonly string[]).includes(value);

  return {
    get(guildId) {
      const row = selectGuild.get(guildId);
      return {
        qaChannels: selectChannels.all(guildId).map((r) => r.channel_id),
        quoting: row ? row.quoting !== 0 : DEFAULT_SETTINGS.quoting,
        quoteCheck: row ? row.quote_check !== 0 : DEFAULT_SETTINGS.quoteCheck,
        language: row && isLang(row.language) ? row.language : null,
        feedbackText: row ? row.feedback_text !== 0 : DEFAULT_SETTINGS.feedbackText,
      };
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
    setQuoting(guildId, enabled) {
      upsertQuoting.run(guildId, enabled ? 1 : 0);
    },
    setQuoteCheck(guildId, enabled) {
      upsertQuoteCheck.run(guildId, enabled ? 1 : 0);
    },
    setLanguage(guildId, language) {
      upsertLanguage.run(guildId, language);
    },
    setFeedbackText(guildId, enabled) {
      upsertFeedbackText.run(guildId, enabled ? 1 : 0);
    },
    feedback: openFeedbackStore(db, salt),
    close() {
      if (db.open) db.close();
    },
  };
}
