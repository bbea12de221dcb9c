/**
 * Per-server settings, in the store's database so they survive restarts and every replica sees
 * the same ones.
 *
 * Each replica caches what it read: a chat message costs no database round trip while nothing
 * changes. A change made here is forgotten here at once; one made by another replica arrives as
 * an announcement (PostgreSQL NOTIFY) or is seen in SQLite's data_version, and the cache forgets it
 * too. While announcements cannot arrive (the listener is down), and for an entry older than a
 * minute, reads go to the database. When the database itself fails, a read answers with the last
 * value read for that server, else the defaults, and does not try the database again for a
 * second: questions keep being answered as the server set them up; writes fail loudly
 * (StoreWriteFailed) so that nothing is acknowledged that was not saved.
 */
import { LANGS, type Lang } from "../core/types.ts";
import type { Connection } from "./connection.ts";
import { StoreWriteFailed } from "./errors.ts";
import { clearQuestionTexts } from "./feedback.ts";
import { FLAG_COLUMNS } from "./migrations.ts";

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
export type Flag = keyof typeof FLAG_COLUMNS;
const FLAG_KEYS = Object.keys(FLAG_COLUMNS) as Flag[];

export const DEFAULT_SETTINGS: Readonly<GuildSettings> = Object.freeze({
  qaChannels: [],
  language: null,
  ...(Object.fromEntries(FLAG_KEYS.map((k) => [k, FLAG_COLUMNS[k].default])) as Record<
    Flag,
    boolean
  >),
});

/** Discord allows at most 25 choices/fields; a longer list of Q&A channels would be unreadable too. */
export const MAX_QA_CHANNELS = 25;

export type QaChannelAdded = "added" | "already" | "full";

export interface SettingsStore {
  get(guildId: string): Promise<GuildSettings>;
  flag(guildId: string, flag: Flag): Promise<boolean>;
  /** "full" when the server already has MAX_QA_CHANNELS; decided in one statement. */
  addQaChannel(guildId: string, channelId: string): Promise<QaChannelAdded>;
  /** False when the channel was not a Q&A channel. */
  removeQaChannel(guildId: string, channelId: string): Promise<boolean>;
  setFlag(guildId: string, flag: Flag, enabled: boolean): Promise<void>;
  /**
   * Turns feedback text off and deletes the question texts kept for the server, in one
   * transaction (both or neither); returns how many texts went.
   */
  stopKeepingText(guildId: string): Promise<number>;
  setLanguage(guildId: string, language: Lang | null): Promise<void>;
}

/** Servers whose settings a replica keeps in memory at most (a few hundred bytes each). */
const CACHE_MAX = 20_000;
/**
 * How long a cached entry is trusted without news. Announcements normally say when it changes;
 * this bounds what a listener that died without anyone noticing could leave stale.
 */
const TRUST_MS = 60_000;
/** After a failed read, how long reads answer from memory without trying the database. */
const READ_BACKOFF_MS = 1000;

const isLang = (value: string | null): value is Lang =>
  value !== null && (LANGS as readonly string[]).includes(value);

export interface SettingsHooks {
  /** A read or write that failed, for the logs and metrics. */
  onError?(operation: string, error: unknown): void;
  now?: () => number;
}

/** A bounded map that drops its oldest entry when full (a Map keeps insertion order). */
function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  if (map.size >= CACHE_MAX) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

type Db = Connection["db"];

/** A server's settings as stored: its row (defaults when there is none) and its Q&A channels. */
async function loadSettings(db: Db, guildId: string): Promise<GuildSettings> {
  const [row, channels] = await Promise.all([
    db
      .selectFrom("guild_settings")
      .select(["language", "quoting", "quote_check", "feedback_text"])
      .where("guild_id", "=", guildId)
      .executeTakeFirst(),
    db
      .selectFrom("qa_channels")
      .select("channel_id")
      .where("guild_id", "=", guildId)
      .orderBy("position")
      .execute(),
  ]);
  const flag = (k: Flag) =>
    row ? Number(row[FLAG_COLUMNS[k].column]) !== 0 : FLAG_COLUMNS[k].default;
  const language = row?.language ?? null;
  return {
    qaChannels: channels.map((c) => c.channel_id),
    quoting: flag("quoting"),
    quoteCheck: flag("quoteCheck"),
    language: isLang(language) ? language : null,
    feedbackText: flag("feedbackText"),
  };
}

/** Adds a Q&A channel within `trx`: "added", "already" there, or "full". */
async function insertQaChannel(
  conn: Connection,
  trx: Db,
  guildId: string,
  channelId: string,
): Promise<QaChannelAdded> {
  // The server's channels change one transaction at a time: SQLite's write lock does that
  // already; PostgreSQL's default isolation would let two replicas each count 24 and both add.
  await conn.serialize(trx, `qa_channels:${guildId}`);
  // One statement decides: under the limit, not there yet, and last in the list.
  const inserted = await trx
    .insertInto("qa_channels")
    .columns(["guild_id", "channel_id", "position"])
    .expression(
      trx
        .selectFrom("qa_channels")
        .select((eb) => [
          eb.val(guildId).as("guild_id"),
          eb.val(channelId).as("channel_id"),
          eb(eb.fn.coalesce(eb.fn.max("position"), eb.lit(0)), "+", 1).as("position"),
        ])
        .where("guild_id", "=", guildId)
        .having((eb) => eb.fn.countAll(), "<", MAX_QA_CHANNELS),
    )
    .onConflict((oc) => oc.columns(["guild_id", "channel_id"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return "added";
  const there = await trx
    .selectFrom("qa_channels")
    .select("channel_id")
    .where("guild_id", "=", guildId)
    .where("channel_id", "=", channelId)
    .executeTakeFirst();
  return there ? "already" : "full";
}

async function deleteQaChannel(trx: Db, guildId: string, channelId: string): Promise<boolean> {
  const result = await trx
    .deleteFrom("qa_channels")
    .where("guild_id", "=", guildId)
    .where("channel_id", "=", channelId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Feedback text off for a server, and the texts it kept cleared, in one transaction. */
async function turnOffFeedbackText(trx: Db, guildId: string): Promise<number> {
  await trx
    .insertInto("guild_settings")
    .values({ guild_id: guildId, feedback_text: 0 })
    .onConflict((oc) => oc.column("guild_id").doUpdateSet({ feedback_text: 0 }))
    .execute();
  return clearQuestionTexts(trx, guildId);
}

export function openSettings(conn: Connection, hooks: SettingsHooks = {}): SettingsStore {
  const { db } = conn;
  const now = hooks.now ?? Date.now;
  // What is known to be current (dropped by every change announced, and when announcements stop)…
  const trusted = new Map<string, { settings: GuildSettings; at: number }>();
  // …and the last value read for each server, kept for when the database cannot be read.
  const lastRead = new Map<string, GuildSettings>();
  // Bumped by every invalidation: a read that started before one does not fill the cache after it.
  let generation = 0;
  let readsPausedUntil = 0;

  const forget = (guildId: string | null) => {
    generation += 1;
    if (guildId === null) trusted.clear();
    else trusted.delete(guildId);
  };
  conn.onAnnouncement(forget);

  const get = async (guildId: string): Promise<GuildSettings> => {
    if (conn.changedElsewhere()) forget(null);
    const known = trusted.get(guildId);
    if (known && conn.listening() && now() - known.at < TRUST_MS) return known.settings;
    const fallback = () => lastRead.get(guildId) ?? DEFAULT_SETTINGS;
    if (now() < readsPausedUntil) return fallback();
    const startedAt = generation;
    try {
      const settings = await loadSettings(db, guildId);
      remember(lastRead, guildId, settings);
      if (generation === startedAt && conn.listening()) {
        remember(trusted, guildId, { settings, at: now() });
      }
      return settings;
    } catch (error) {
      readsPausedUntil = now() + READ_BACKOFF_MS;
      hooks.onError?.("settings-read", error);
      return fallback();
    }
  };

  /** Runs a settings write and its announcement in one transaction; then forgets the cache. */
  const write = async <T>(
    operation: string,
    guildId: string,
    run: (trx: typeof db) => Promise<T>,
  ): Promise<T> => {
    try {
      const result = await db.transaction().execute(async (trx) => {
        const value = await run(trx);
        await conn.announce(trx, guildId);
        return value;
      });
      forget(guildId);
      lastRead.delete(guildId);
      return result;
    } catch (error) {
      hooks.onError?.(operation, error);
      throw new StoreWriteFailed(operation, { cause: error });
    }
  };

  const upsertColumn = (
    guildId: string,
    column: "language" | (typeof FLAG_COLUMNS)[Flag]["column"],
    value: string | number | null,
  ) =>
    write(`setting ${column}`, guildId, (trx) =>
      trx
        .insertInto("guild_settings")
        .values({ guild_id: guildId, [column]: value })
        .onConflict((oc) => oc.column("guild_id").doUpdateSet({ [column]: value }))
        .execute(),
    );

  return {
    get,
    async flag(guildId, flag) {
      return (await get(guildId))[flag];
    },
    addQaChannel(guildId, channelId) {
      return write("qa channel", guildId, (trx) => insertQaChannel(conn, trx, guildId, channelId));
    },
    removeQaChannel(guildId, channelId) {
      return write("qa channel", guildId, (trx) => deleteQaChannel(trx, guildId, channelId));
    },
    async setFlag(guildId, flag, enabled) {
      await upsertColumn(guildId, FLAG_COLUMNS[flag].column, enabled ? 1 : 0);
    },
    async stopKeepingText(guildId) {
      const forgotten = await write("feedback text off", guildId, (trx) =>
        turnOffFeedbackText(trx, guildId),
      );
      if (forgotten > 0) conn.afterDelete();
      return forgotten;
    },
    async setLanguage(guildId, language) {
      await upsertColumn(guildId, "language", language);
    },
  };
}
