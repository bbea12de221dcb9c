/**
 * A signed request captured on the way (a log, a proxy) stays valid for the whole timestamp window.
 * Discord never delivers one interaction twice, so an id seen again while its signature is still
 * accepted is a replay: refused, instead of running its command a second time.
 *
 * An id must be remembered for as long as its request would be accepted, that is until its signed
 * timestamp's window ends, whichever clock is ahead: max(signed time, arrival) + window.
 *
 * Every replica remembers what it saw (`LocalReplays`); with PostgreSQL the ids are also stored
 * (`seen_interactions`, one INSERT … ON CONFLICT DO NOTHING per request), so a request answered by
 * one replica and replayed to another is refused there too. If the database fails, each replica
 * still refuses what it saw itself.
 */
import type { Connection } from "./connection.ts";

export interface ReplayGuard {
  /** True the first time `id` is seen while its signature holds; remembers it. */
  firstTime(id: string, signedAtMs: number, now?: number): Promise<boolean>;
  close(): void;
}

/**
 * One replica's memory. Entries live the longest any could need (two windows: a timestamp may be a
 * whole window ahead), so insertion order is expiry order and forgetting stays linear overall.
 */
export class LocalReplays {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  firstTime(id: string, now = Date.now()): boolean {
    for (const [old, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(old);
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, now + 2 * this.windowMs);
    return true;
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
    async firstTime(id, _signedAtMs, now = Date.now()) {
      return local.firstTime(id, now);
    },
    close() {},
  };
}

export function sharedReplayGuard(
  conn: Connection,
  windowMs: number,
  onError: (operation: string, error: unknown) => void,
): ReplayGuard {
  const local = new LocalReplays(windowMs);
  const prune = () => {
    conn.db
      .deleteFrom("seen_interactions")
      .where("expires_at", "<", Date.now())
      .execute()
      .catch((error: unknown) => onError("replay prune", error));
  };
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  return {
    async firstTime(id, signedAtMs, now = Date.now()) {
      if (!local.firstTime(id, now)) return false;
      try {
        const stored = await conn.db
          .insertInto("seen_interactions")
          .values({ interaction_id: id, expires_at: Math.max(signedAtMs, now) + windowMs })
          .onConflict((oc) => oc.column("interaction_id").doNothing())
          .executeTakeFirst();
        return Number(stored.numInsertedOrUpdatedRows ?? 0) > 0;
      } catch (error) {
        onError("replay check", error);
        return true;
      }
    },
    close() {
      clearInterval(timer);
    },
  };
}
