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
import { type Logger, registerSecret } from "../log.ts";
import { watchPool } from "../metrics.ts";
import type { Connection } from "./connection.ts";
import { describePostgresUrl, StoreUnavailable } from "./errors.ts";
import { migrateToLatest } from "./migrations.ts";
import type { Tables } from "./schema.ts";

const CHANNEL = "settings_changed";
/** Connections each replica may hold; the bot's queries are short. */
export const POOL_SIZE = 5;
/** A query waits this long for a connection: answers must leave within Discord's 3 s. */
const CONNECT_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 2000;
const RECONNECT_MAX_MS = 5000;

const INT8_OID = 20;
/** BIGINT columns hold milliseconds and counts, well within a double's exact range. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function passwordOf(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).password) || null;
  } catch {
    return null;
  }
}

function errorCode(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" ? code : String(message ?? error);
}

export async function openPostgres(url: string, logger: Logger): Promise<Connection> {
  const location = describePostgresUrl(url);
  // pg's errors may quote the connection string: the password is censored in every log line.
  registerSecret(passwordOf(url));
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
  try {
    await migrateToLatest(db, "postgres");
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new StoreUnavailable(
      `cannot prepare the tables in PostgreSQL at ${location}: ${errorCode(error)}`,
      { cause: error },
    );
  }
  const listener = new ChangeListener(url, location, logger, types);
  await listener.start();
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
      await sql`SELECT pg_notify(${CHANNEL}, ${guildId})`.execute(trx);
    },
    onAnnouncement: (fn) => listener.listeners.push(fn),
    listening: () => listener.connected,
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
      await listener.stop();
      await db.destroy();
    },
  };
}

/** The connection that LISTENs for other replicas' settings changes, reconnecting when lost. */
class ChangeListener {
  readonly listeners: ((guildId: string | null) => void)[] = [];
  connected = false;
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = 250;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly location: string,
    private readonly logger: Logger,
    private readonly types: pg.CustomTypesConfig,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private emit(guildId: string | null): void {
    for (const listener of this.listeners) listener(guildId);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      types: this.types,
    });
    client.on("notification", (message) => {
      if (message.channel === CHANNEL) this.emit(message.payload ?? null);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      if (this.stopped) return;
      if (this.retryMs === 250) {
        this.logger.warn(
          { store: this.location, error: errorCode(error) },
          "cannot listen for settings changes; settings are read from the database meanwhile",
        );
      }
      this.schedule();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    const wasDown = this.retryMs !== 250;
    this.client = client;
    this.connected = true;
    this.retryMs = 250;
    // Whatever changed while nobody listened is unknown: forget it all.
    this.emit(null);
    if (wasDown) this.logger.info({ store: this.location }, "listening for settings changes again");
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    client.removeAllListeners("end");
    client.end().catch(() => {});
    this.emit(null);
    if (this.stopped) return;
    this.logger.warn({ store: this.location }, "lost the settings-change listener; reconnecting");
    this.schedule();
  }

  private schedule(): void {
    const delay = this.retryMs;
    this.retryMs = Math.min(RECONNECT_MAX_MS, this.retryMs * 2);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.connected = false;
    if (client) {
      client.removeAllListeners("end");
      client.on("error", () => {});
      await client.end().catch(() => {});
    }
  }
}
