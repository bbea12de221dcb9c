/**
 * A signed request captured on the way (a log, a proxy) stays valid for the whole timestamp window.
 * Discord never delivers one interaction twice, so an id seen again while its signature is still
 * accepted is a replay: refused, instead of running its command a second time.
 *
 * An id must be remembered for as long as its request would be accepted, that is until its signed
 * timestamp's window ends, whichever clock is ahead: max(signed time, arrival) + window.
 *
 * Every replica remembers what it saw (`LocalReplays`) and refuses a replay of it at once. With
 * PostgreSQL every id it had not seen is also stored (`seen_interactions`, INSERT … ON CONFLICT DO
 * NOTHING): the row decides whether another replica saw it first. That statement runs while the
 * command is being answered, and the answer leaves only once it says the id is new.
 */
import type { Connection } from "./connection.ts";
import type { Quiet } from "./quiet.ts";

/**
 * `false`: a replay (seen here). `true`: new, and nothing else to ask. A promise: new here, and
 * the shared verdict to wait for before the answer leaves.
 */
export type ReplayVerdict = boolean | Promise<boolean>;

export interface ReplayGuard {
  firstTime(id: string, signedAtMs: number, now?: number): ReplayVerdict;
  close(): void;
}

/**
 * One replica's memory. Entries live the longest any could need (two windows: a timestamp may be a
 * whole window ahead), so insertion order is expiry order and forgetting stays linear overall.
 */
export class LocalReplays {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** True the first time `id` is seen; remembers it. */
  firstTime(id: string, now = Date.now()): boolean {
    this.expire(now);
    if (this.seen.has(id)) return false;
    this.seen.set(id, now + 2 * this.windowMs);
    return true;
  }

  private expire(now: number): void {
    for (const [old, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(old);
    }
  }

  get size(): number {
    return this.seen.size;
  }
}

/** How often a replica deletes expired ids from the shared table. */
const PRUNE_EVERY_MS = 60_000;

export function localReplayGuard(windowMs: number): ReplayGuard {
  const local = new LocalReplays(windowMs);
  return {
    firstTime: (id, _signedAtMs, now = Date.now()) => local.firstTime(id, now),
    close() {},
  };
}

export function sharedReplayGuard(
  conn: Connection,
  windowMs: number,
  quiet: Quiet,
  onError: (operation: string, error: unknown) => void,
): ReplayGuard {
  const { db, pool } = conn;
  if (!pool) throw new Error("sharedReplayGuard: a PostgreSQL connection is required");
  const local = new LocalReplays(windowMs);
  const prune = () => {
    db.deleteFrom("seen_interactions")
      .where("expires_at", "<", Date.now())
      .execute()
      .catch((error: unknown) => onError("replay prune", error));
  };
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();

  /** True when this replica stored the id first. */
  const record = async (id: string, expiresAt: number): Promise<boolean> => {
    try {
      // A named statement: the server plans it once per connection, not once per interaction.
      const stored = await pool.query({
        name: "replay-record",
        text: "INSERT INTO seen_interactions (interaction_id, expires_at) VALUES ($1, $2) ON CONFLICT (interaction_id) DO NOTHING",
        values: [id, expiresAt],
      });
      return (stored.rowCount ?? 0) > 0;
    } catch (error) {
      // The database is down: this replica's own memory is all there is to go by.
      onError("replay check", error);
      return true;
    }
  };
  return {
    firstTime(id, signedAtMs, now = Date.now()) {
      if (!local.firstTime(id, now)) return false;
      return quiet.track(record(id, Math.max(signedAtMs, now) + windowMs));
    },
    close() {
      clearInterval(timer);
    },
  };
}
