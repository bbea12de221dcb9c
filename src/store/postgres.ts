/**
 * The shared engine: PostgreSQL, when DATABASE_URL is set, so that replicas on several hosts keep
 * one set of settings, votes, limits and replay memory.
 *
 * A pool of a few connections serves the queries. One more connection LISTENs for the changes other
 * replicas announce (NOTIFY in the transaction of each settings write), so each replica can cache
 * settings and still see a change within milliseconds. When that connection drops, the replica
 * says it is no longer listening (the settings cache then reads through) and reconnects with
 * back-off; the pool itself reconnects on the next query, so writes work again as soon as the
 * database is back, without a restart.
 */
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { type Logger, registerSecret, registerUrlPassword } from "../log.ts";
import { watchPool } from "../metrics.ts";
import { CHANNELS } from "./channels.ts";
import type { Connection, OpenOptions } from "./connection.ts";
import { describePostgresUrl, StoreUnavailable } from "./errors.ts";
import { migrateToLatest } from "./migrations.ts";
import { NotificationBus } from "./notifications.ts";
import type { Tables } from "./schema.ts";

/** Connections each replica may hold; the bot's queries are short. */
const POOL_SIZE = 5;
/** A query waits this long for a connection: answers must leave within Discord's 3 s. */
const CONNECT_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 2000;

const INT8_OID = 20;
/** BIGINT columns hold milliseconds and counts, well within a double's exact range. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function errorCode(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" ? code : String(message ?? error);
}

/**
 * Brings the tables up to date. Migrations get a connection of their own without the statement
 * timeout: a long migration, or waiting for another replica's migration lock, is not a slow answer.
 */
async function prepareTables(
  url: string,
  location: string,
  db: Kysely<Tables>,
  migrate: boolean,
): Promise<void> {
  const migrator = new Kysely<Tables>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({
        connectionString: url,
        max: 1,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        types,
      }),
    }),
  });
  try {
    if (migrate) await migrateToLatest(migrator, "postgres");
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new StoreUnavailable(
      `cannot prepare the tables in PostgreSQL at ${location}: ${errorCode(error)}`,
      { cause: error },
    );
  } finally {
    await migrator.destroy().catch(() => {});
  }
}

export async function openPostgres(
  url: string,
  logger: Logger,
  { migrate }: OpenOptions = { migrate: true },
): Promise<Connection> {
  const location = describePostgresUrl(url);
  // pg's errors may quote the connection string: the password is censored in every log line.
  registerUrlPassword(url);
  // A short password is below the censor's minimum length; the whole URL never is.
  registerSecret(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    types,
  });
  // A connection the server drops must not become an uncaught error: the pool handles idle ones,
  // but one checked out (a transaction between two statements) has no listener of its own. Its
  // query fails anyway and is reported where it was made.
  pool.on("connect", (client) => client.on("error", () => {}));
  pool.on("error", (error) =>
    logger.warn({ err: error, store: location }, "database connection lost"),
  );
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreUnavailable(
      `cannot reach PostgreSQL at ${location} (DATABASE_URL): ${errorCode(error)}`,
      { cause: error },
    );
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  await prepareTables(url, location, db, migrate);
  const bus = new NotificationBus(url, location, logger, types);
  await bus.start();
  const unwatch = watchPool(pool, "postgres", () => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  }));
  return {
    engine: "postgres",
    location,
    db,
    changedElsewhere: () => false,
    async serialize(trx, key) {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    },
    async announce(trx, guildId) {
      await sql`SELECT pg_notify(${CHANNELS.settings}, ${guildId})`.execute(trx);
    },
    onAnnouncement: (forget) =>
      bus.subscribe({
        channel: CHANNELS.settings,
        onMessage: (guildId) => forget(guildId),
        onResync: () => forget(null),
      }),
    listening: () => bus.listening,
    bus,
    afterDelete() {},
    pool,
    async ping() {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      unwatch();
      await bus.stop();
      await db.destroy();
    },
  };
}
