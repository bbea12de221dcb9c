/**
 * Identify pacing. Discord lets the whole bot start one gateway session (IDENTIFY) per rate-limit
 * bucket, `shard_id % max_concurrency`, every 5 s; a bot that identifies faster has the extra
 * sessions refused, and repeated offences can reset its token.
 *
 * - `LocalIdentifyThrottler` paces the shards of one host.
 * - `PostgresIdentifyThrottler` shares the pacing between hosts through a lease row per bucket in
 *   PostgreSQL ("the row is the lock"): an IDENTIFY may go when the bucket's row is free, and
 *   taking it marks it busy for the next 5.5 s, measured on the database's clock so that hosts whose
 *   clocks disagree still agree. When the database cannot be reached it falls back to local pacing,
 *   with one warning, and goes back to the database as soon as it answers again.
 *
 * Both implement @discordjs/ws's IIdentifyThrottler (`ws.buildIdentifyThrottler` of a discord.js
 * Client); under the sharding manager (manager.ts) the shard processes ask the manager, which holds
 * the one throttler of the host, so that processes of one host never race each other.
 */
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { errorText, type Logger } from "../log.ts";

/**
 * Discord's window is 5 s; the half second more covers the time between the throttler letting a
 * shard go and its IDENTIFY reaching Discord, which varies with the load of the host.
 */
export const IDENTIFY_SPACING_MS = 5_500;

export interface IdentifyThrottler {
  /** Resolves when `shardId` may identify; rejects with the signal's reason once it aborts. */
  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** `shard_id % max_concurrency`, Discord's identify bucket. */
export function bucketOf(shardId: number, maxConcurrency: number): number {
  return shardId % Math.max(1, maxConcurrency);
}

/** A FIFO lock whose waiters leave the queue when their signal aborts. */
class Turnstile {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with the release function once every earlier caller has released. */
  async enter(signal: AbortSignal): Promise<() => void> {
    let release: () => void = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = this.tail;
    this.tail = before.then(() => mine);
    try {
      await abortable(before, signal);
    } catch (error) {
      // Our place passes to the next waiter as soon as the one before us is done.
      void before.then(release);
      throw error;
    }
    return release;
  }
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** One IDENTIFY per bucket per `spacingMs` among the callers of this object (one host). */
export class LocalIdentifyThrottler implements IdentifyThrottler {
  private readonly turnstiles = new Map<number, Turnstile>();
  private readonly lastAt = new Map<number, number>();

  constructor(
    readonly maxConcurrency: number,
    private readonly spacingMs = IDENTIFY_SPACING_MS,
  ) {}

  /** Holds the bucket's turn for `work`, which runs once the bucket has been quiet `spacingMs`. */
  async inTurn<T>(shardId: number, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    const bucket = bucketOf(shardId, this.maxConcurrency);
    let turnstile = this.turnstiles.get(bucket);
    if (!turnstile) {
      turnstile = new Turnstile();
      this.turnstiles.set(bucket, turnstile);
    }
    const release = await turnstile.enter(signal);
    try {
      const wait = (this.lastAt.get(bucket) ?? 0) + this.spacingMs - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal });
      signal.throwIfAborted();
      const result = await work();
      this.lastAt.set(bucket, Date.now());
      return result;
    } finally {
      release();
    }
  }

  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    return this.inTurn(shardId, signal, async () => {});
  }

  async close(): Promise<void> {}
}

export interface PostgresThrottlerOptions {
  /** A postgres:// URL: the throttler opens a small pool of its own. */
  url: string;
  maxConcurrency: number;
  /**
   * Which bot the buckets belong to, so that two bots sharing a database do not pace each other:
   * see `botKey`.
   */
  bot: string;
  logger: Logger;
  /** For tests; Discord's pacing otherwise. */
  spacingMs?: number;
  /** How long one query may take before the database counts as unreachable. */
  queryTimeoutMs?: number;
}

/** A stable, non-reversible name for the bot a token belongs to (the token itself is secret). */
export function botKey(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 16);
}

const TABLE = "discord_identify_leases";

/** Poll at least this often while another host holds the bucket (a lease may be given up early). */
const MAX_POLL_MS = 1_000;

export class PostgresIdentifyThrottler implements IdentifyThrottler {
  private readonly pool: pg.Pool;
  private readonly local: LocalIdentifyThrottler;
  private readonly spacingMs: number;
  private ready: Promise<void> | null = null;
  /** True while the database is unreachable and the pacing is local (warned once). */
  private degraded = false;

  constructor(private readonly options: PostgresThrottlerOptions) {
    this.spacingMs = options.spacingMs ?? IDENTIFY_SPACING_MS;
    this.local = new LocalIdentifyThrottler(options.maxConcurrency, this.spacingMs);
    const timeout = options.queryTimeoutMs ?? 3_000;
    // Its own small pool: identifies are rare, and the store's pool is not this module's to size.
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: 2,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
    });
    // An idle connection the server drops must not take the process down; the next query retries.
    this.pool.on("error", () => {});
  }

  /**
   * Local turn first (shards of this host queue here, not on the database), then the lease:
   * taken at once when the bucket is free, otherwise waited for, for as long as it takes.
   */
  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    const bucket = bucketOf(shardId, this.options.maxConcurrency);
    return this.local.inTurn(shardId, signal, async () => {
      for (;;) {
        signal.throwIfAborted();
        let waitMs: number;
        try {
          waitMs = await this.claim(bucket);
        } catch (error) {
          this.fallBack(error);
          return;
        }
        if (this.degraded) {
          this.degraded = false;
          this.options.logger.info("identify pacing shared through PostgreSQL again");
        }
        if (waitMs <= 0) return;
        // A little jitter so that hosts polling the same bucket do not ask in lockstep.
        const pause = Math.min(waitMs, MAX_POLL_MS) + Math.floor(Math.random() * 50);
        await sleep(pause, undefined, { signal });
      }
    });
  }

  private fallBack(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.options.logger.warn(
      { error: errorText(error).split("\n")[0] },
      "PostgreSQL is unreachable: identify pacing falls back to this host alone, so shards on other hosts may identify too soon until it is back",
    );
  }

  /** The table, created once (the lock: two hosts creating it at the same instant would clash). */
  private ensureTable(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [TABLE]);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${TABLE} (
             bot text NOT NULL,
             bucket integer NOT NULL,
             free_at timestamptz NOT NULL,
             PRIMARY KEY (bot, bucket)
           )`,
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  /**
   * Takes the bucket's lease if it is free (0), else says how long it stays taken (ms). One
   * statement: two hosts asking at once are serialised on the row, and the second sees the first's
   * lease.
   */
  private async claim(bucket: number): Promise<number> {
    await this.ensureTable();
    const seconds = this.spacingMs / 1000;
    const taken = await this.pool.query(
      `INSERT INTO ${TABLE} AS lease (bot, bucket, free_at)
       VALUES ($1, $2, clock_timestamp() + make_interval(secs => $3))
       ON CONFLICT (bot, bucket) DO UPDATE
         SET free_at = clock_timestamp() + make_interval(secs => $3)
         WHERE lease.free_at <= clock_timestamp()
       RETURNING 1`,
      [this.options.bot, bucket, seconds],
    );
    if (taken.rowCount === 1) return 0;
    const left = await this.pool.query<{ ms: number }>(
      `SELECT greatest(0, ceil(extract(epoch FROM free_at - clock_timestamp()) * 1000))::integer AS ms
       FROM ${TABLE} WHERE bot = $1 AND bucket = $2`,
      [this.options.bot, bucket],
    );
    // Freed in between: ask again at once.
    return Math.max(1, left.rows[0]?.ms ?? 1);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}
