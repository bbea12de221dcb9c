/**
 * Per-key sliding-window limits: the chat cooldown (one answer per user per channel every 5 s) and
 * the slash-command limit (5 commands per user every 10 s) are both `RateLimiter`s.
 *
 * Memory stays bounded however many users pass by: a key is forgotten once its window has passed
 * (checked on every call, oldest first, so the cost is amortised constant), and beyond `maxKeys`
 * the least recently seen keys are dropped, which at worst lets one of them act a little early.
 */

export interface RateLimiterOptions {
  /** Most keys remembered at once (default 50,000: a few MB at most). */
  maxKeys?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** Whether a rate limit lets one more use through, and if not, when it will. */
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class RateLimiter {
  /** Times of the recent events per key, oldest first; Map order = least recently active first. */
  private readonly events = new Map<string, number[]>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  /** At most `limit` events per key in any `windowMs`; a limit or window of 0 allows everything. */
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    options: RateLimiterOptions = {},
  ) {
    this.maxKeys = options.maxKeys ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.limit > 0 && this.windowMs > 0;
  }

  /** Keys currently remembered (for tests and metrics). */
  get size(): number {
    return this.events.size;
  }

  /** Whether `key` may act now, without counting anything. */
  check(key: string): LimitDecision {
    if (!this.enabled) return { allowed: true };
    const now = this.now();
    this.expire(now);
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return { allowed: true };
    const oldest = recent[0] ?? now;
    return { allowed: false, retryAfterMs: Math.max(1, oldest + this.windowMs - now) };
  }

  /** Counts an event for `key` if allowed; the verdict says whether it was. */
  take(key: string): LimitDecision {
    const verdict = this.check(key);
    if (!verdict.allowed || !this.enabled) return verdict;
    const now = this.now();
    const recent = this.recent(key, now);
    recent.push(now);
    // Re-inserting moves the key to the end: the Map stays ordered by last activity.
    this.events.delete(key);
    this.events.set(key, recent);
    if (this.events.size > this.maxKeys) {
      const oldestKey = this.events.keys().next().value;
      if (oldestKey !== undefined) this.events.delete(oldestKey);
    }
    return verdict;
  }

  private recent(key: string, now: number): number[] {
    const times = this.events.get(key) ?? [];
    while (times.length > 0 && (times[0] ?? 0) <= now - this.windowMs) times.shift();
    return times;
  }

  /** Forgets keys whose last event is out of the window; they are at the front of the Map. */
  private expire(now: number): void {
    for (const [key, times] of this.events) {
      const last = times.at(-1);
      if (last !== undefined && last > now - this.windowMs) break;
      this.events.delete(key);
    }
  }
}
