/**
 * The per-user limits that must hold for the whole bot (commands, votes). On one host they are
 * counted in this process's memory (core/rate-limit.ts: a sliding window, no timers, no promise
 * per check); with PostgreSQL, for every replica at once (shared-limits.ts, loaded only then).
 */
import { type LimitDecision, RateLimiter } from "../core/rate-limit.ts";

export type { LimitDecision };

export interface Limiter {
  /** Counts an event for `key` if allowed; the verdict says whether it was. */
  take(key: string): Promise<LimitDecision>;
}

export interface LimitSpec {
  /** Names the limit apart from the others in the shared table. */
  name: string;
  /** Events per window; 0 allows everything. */
  limit: number;
  windowMs: number;
}

export const UNLIMITED: Limiter = { take: async () => ({ allowed: true }) };

export function memoryLimiter({ limit, windowMs }: LimitSpec): Limiter {
  if (limit <= 0 || windowMs <= 0) return UNLIMITED;
  const counter = new RateLimiter(limit, windowMs);
  return { take: async (key) => counter.take(key) };
}
