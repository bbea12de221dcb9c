/**
 * The per-user limits that must hold for the whole bot (commands, votes), on rate-limiter-flexible:
 * in memory on one host, in PostgreSQL when replicas share it, so a user gets the same allowance
 * whichever replica a request lands on. If PostgreSQL fails, each replica falls back to counting
 * in its own memory (the library's insurance limiter) rather than refusing everyone or no one.
 *
 * A shared key is the user id's hash under the installation's salt: no raw id in the database.
 */
import type { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { RATE_LIMIT_TABLE } from "./migrations.ts";
import { hashUserId } from "./salt.ts";

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface Limiter {
  /** Counts an event for `key` if allowed; the verdict says whether it was. */
  take(key: string): Promise<Verdict>;
}

export interface LimitSpec {
  /** Names the limit apart from the others in the shared table. */
  name: string;
  /** Events per window; 0 allows everything. */
  limit: number;
  windowMs: number;
}

const UNLIMITED: Limiter = { take: async () => ({ allowed: true }) };

function limiterOver(limiter: RateLimiterMemory | RateLimiterPostgres, key: (k: string) => string) {
  return {
    async take(k: string): Promise<Verdict> {
      try {
        await limiter.consume(key(k));
        return { allowed: true };
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) {
          return { allowed: false, retryAfterMs: Math.max(1, refusal.msBeforeNext) };
        }
        throw refusal;
      }
    },
  };
}

export function memoryLimiter({ name, limit, windowMs }: LimitSpec): Limiter {
  if (limit <= 0 || windowMs <= 0) return UNLIMITED;
  const limiter = new RateLimiterMemory({
    keyPrefix: name,
    points: limit,
    duration: windowMs / 1000,
  });
  return limiterOver(limiter, (k) => k);
}

export function sharedLimiter(spec: LimitSpec, pool: Pool, salt: string): Limiter {
  const { name, limit, windowMs } = spec;
  if (limit <= 0 || windowMs <= 0) return UNLIMITED;
  const duration = windowMs / 1000;
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    keyPrefix: name,
    points: limit,
    duration,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points: limit, duration }),
  });
  return limiterOver(limiter, (k) => hashUserId(salt, k).slice(0, 40));
}
