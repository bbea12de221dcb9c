/**
 * The numbered migrations of the store, one list for both engines, applied at every start
 * (`migrateToLatest`). PostgreSQL replicas starting together migrate once: Kysely's migrator holds
 * an advisory lock while it works. SQLite has no such lock in Kysely (it assumes one connection),
 * but shard processes share the file, so there the whole run happens inside one BEGIN IMMEDIATE
 * (sqlite.ts), which makes the others wait and then find nothing left to do.
 *
 * A migration never changes once released: a change to the schema is a new number.
 */
import { type Kysely, type Migration, Migrator, sql } from "kysely";

export type StoreEngine = "sqlite" | "postgres";

/** Each on/off setting's column and default; the settings store reads the same table. */
export const FLAG_COLUMNS = {
  quoting: { column: "quoting", default: true },
  quoteCheck: { column: "quote_check", default: true },
  feedbackText: { column: "feedback_text", default: false },
} as const;

/** The table the shared rate limits live in (rate-limiter-flexible's own layout), PostgreSQL only. */
export const RATE_LIMIT_TABLE = "rate_limits";

// Migrations see the database as it was then, not as schema.ts describes it now.
// biome-ignore lint/suspicious/noExplicitAny: the schema at a migration's time has no type of its own
type AnyDb = Kysely<any>;

/**
 * The schema the bot had before migrations existed, created where absent: a database made by those
 * versions already has it and keeps its rows. Such a database may predate some on/off settings;
 * they are added with their defaults.
 */
function base(engine: StoreEngine): Migration {
  return {
    async up(db: AnyDb) {
      let settings = db.schema
        .createTable("guild_settings")
        .ifNotExists()
        .addColumn("guild_id", "text", (c) => c.primaryKey())
        .addColumn("language", "text");
      for (const flag of Object.values(FLAG_COLUMNS)) {
        settings = settings.addColumn(flag.column, "integer", (c) =>
          c.notNull().defaultTo(flag.default ? 1 : 0),
        );
      }
      await settings.execute();
      if (engine === "sqlite") await addMissingFlagColumns(db);
      await db.schema
        .createTable("qa_channels")
        .ifNotExists()
        .addColumn("guild_id", "text", (c) => c.notNull())
        .addColumn("channel_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("qa_channels_pk", ["guild_id", "channel_id"])
        .execute();
      await db.schema
        .createTable("feedback_answers")
        .ifNotExists()
        .addColumn("answer_id", "text", (c) => c.primaryKey())
        .addColumn("guild_id", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("confidence", "text", (c) => c.notNull())
        .addColumn("clause", "text")
        .addColumn("score", "double precision")
        .addColumn("lang", "text", (c) => c.notNull())
        .addColumn("question", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("feedback_answers_time")
        .ifNotExists()
        .on("feedback_answers")
        .column("created_at")
        .execute();
      await db.schema
        .createTable("feedback_votes")
        .ifNotExists()
        .addColumn("answer_id", "text", (c) => c.notNull())
        .addColumn("user_hash", "text", (c) => c.notNull())
        .addColumn("guild_id", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("confidence", "text", (c) => c.notNull())
        .addColumn("clause", "text", (c) => c.notNull())
        .addColumn("score", "double precision")
        .addColumn("vote", "text", (c) => c.notNull().check(sql`vote IN ('up', 'down')`))
        .addColumn("chosen", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("feedback_votes_pk", ["answer_id", "user_hash"])
        .execute();
      await db.schema
        .createIndex("feedback_votes_time")
        .ifNotExists()
        .on("feedback_votes")
        .column("created_at")
        .execute();
      await db.schema
        .createIndex("feedback_votes_user")
        .ifNotExists()
        .on("feedback_votes")
        .column("user_hash")
        .execute();
    },
  };
}

async function addMissingFlagColumns(db: AnyDb): Promise<void> {
  const { rows } = await sql<{ name: string }>`PRAGMA table_info(guild_settings)`.execute(db);
  for (const flag of Object.values(FLAG_COLUMNS)) {
    if (rows.some((c) => c.name === flag.column)) continue;
    await db.schema
      .alterTable("guild_settings")
      .addColumn(flag.column, "integer", (c) => c.notNull().defaultTo(flag.default ? 1 : 0))
      .execute();
  }
}

/** What several replicas need to agree: replays, the salt, the order of Q&A channels, limits. */
function sharedState(engine: StoreEngine): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable("qa_channels")
        .addColumn("position", "bigint", (c) => c.notNull().defaultTo(0))
        .execute();
      // SQLite listed the channels in rowid order: keep that order for the ones already there.
      if (engine === "sqlite") await sql`UPDATE qa_channels SET position = rowid`.execute(db);
      await db.schema.alterTable("feedback_votes").addColumn("previous_vote", "text").execute();
      await db.schema
        .createTable("seen_interactions")
        .addColumn("interaction_id", "text", (c) => c.primaryKey())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("seen_interactions_expiry")
        .on("seen_interactions")
        .column("expires_at")
        .execute();
      await db.schema
        .createTable("installation")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
      if (engine === "postgres") {
        await db.schema
          .createTable(RATE_LIMIT_TABLE)
          .addColumn("key", "varchar(255)", (c) => c.primaryKey())
          .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("expire", "bigint")
          .execute();
      }
    },
  };
}

/**
 * Who asked a kept question, so that /privacy forget deletes its text. Texts kept before this have
 * no asker: they go when the server turns feedback text off, or with the retention period.
 */
const questionAskers: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable("feedback_answers").addColumn("asker_hash", "text").execute();
    await db.schema
      .createIndex("feedback_answers_asker")
      .on("feedback_answers")
      .column("asker_hash")
      .execute();
  },
};

export function migrationsFor(engine: StoreEngine): Record<string, Migration> {
  return {
    "0001-base": base(engine),
    "0002-shared-state": sharedState(engine),
    "0003-question-askers": questionAskers,
  };
}

/** Applies every migration not applied yet; throws with the failing migration's error. */
export async function migrateToLatest(db: AnyDb, engine: StoreEngine): Promise<void> {
  const migrations = migrationsFor(engine);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
