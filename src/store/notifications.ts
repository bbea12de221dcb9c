/**
 * PostgreSQL's LISTEN/NOTIFY between replicas, on one connection of its own (a pool connection
 * cannot hold a LISTEN): what one replica changed, saw or counted reaches the others within
 * milliseconds, so each can decide from memory without a round trip per request.
 *
 * When the connection drops, every subscriber is told to resynchronise (nothing is known of what
 * happened meanwhile), the bus says it is not listening, and it reconnects with back-off; once
 * back, subscribers are told again.
 */
import { sql } from "kysely";
import pg from "pg";
import type { Logger } from "../log.ts";
import { CHANNELS, type Channel } from "./channels.ts";
import type { Connection } from "./connection.ts";

interface Subscription {
  channel: Channel;
  onMessage(payload: string): void;
  /** Whatever was missed while not listening: called on every (re)connection and loss. */
  onResync?(): void;
}

const CONNECT_TIMEOUT_MS = 2000;
/**
 * A connection can die without a word (a NAT or a proxy dropping it): TCP probes start after 10 s
 * of silence, and a query every 30 s must come back within 5 s, or the connection counts as lost.
 */
const KEEPALIVE_DELAY_MS = 10_000;
const HEARTBEAT_EVERY_MS = 30_000;
const HEARTBEAT_TIMEOUT_MS = 5000;
const FIRST_RETRY_MS = 250;
const RECONNECT_MAX_MS = 5000;

export class NotificationBus {
  private readonly subscriptions: Subscription[] = [];
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly location: string,
    private readonly logger: Logger,
    private readonly types: pg.CustomTypesConfig,
  ) {}

  /** Whether notifications reach this replica now. */
  get listening(): boolean {
    return this.client !== null;
  }

  subscribe(subscription: Subscription): void {
    this.subscriptions.push(subscription);
  }

  /**
   * Sends `payload` to every replica (this one too), off the caller's path: a failure is logged
   * and costs only the speed at which the others learn it.
   */
  publish(db: Connection["db"], channel: Channel, payload: string): void {
    sql`SELECT pg_notify(${channel}, ${payload})`
      .execute(db)
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error, store: this.location, channel },
          "could not notify replicas",
        ),
      );
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private resync(): void {
    for (const s of this.subscriptions) s.onResync?.();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
      types: this.types,
    });
    client.on("notification", ({ channel, payload }) => {
      for (const s of this.subscriptions) if (s.channel === channel) s.onMessage(payload ?? "");
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      for (const channel of Object.values(CHANNELS)) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      if (this.stopped) return;
      if (this.retryMs === FIRST_RETRY_MS) {
        this.logger.warn(
          { store: this.location, error: (error as { code?: string }).code ?? String(error) },
          "cannot listen to the other replicas; settings are read from the database meanwhile",
        );
      }
      this.schedule();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    const wasDown = this.retryMs !== FIRST_RETRY_MS;
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.beat(client);
    this.resync();
    if (wasDown)
      this.logger.info({ store: this.location }, "listening to the other replicas again");
  }

  private beat(client: pg.Client): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      const timeout = setTimeout(() => this.lost(client), HEARTBEAT_TIMEOUT_MS);
      client.query("SELECT 1").then(
        () => clearTimeout(timeout),
        () => {
          clearTimeout(timeout);
          this.lost(client);
        },
      );
    }, HEARTBEAT_EVERY_MS);
    this.heartbeat.unref();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.removeAllListeners("end");
    client.end().catch(() => {});
    this.resync();
    if (this.stopped) return;
    this.logger.warn(
      { store: this.location },
      "lost the connection to the other replicas; reconnecting",
    );
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
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners("end");
      client.on("error", () => {});
      await client.end().catch(() => {});
    }
  }
}
