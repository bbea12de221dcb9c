/**
 * The per-user limits counted for every replica at once, on rate-limiter-flexible's PostgreSQL
 * store (loaded only with DATABASE_URL).
 *
 * A round trip to the database for every command would double the time an answer takes, so each
 * replica keeps a mirror of the counts in memory, fed by its own commands and by the counts the
 * others announce (NOTIFY, within milliseconds). A user the mirror knows nothing of in the window
 * (their first command here, which the limit cannot refuse unless other replicas have counted
 * theirs) is let through at once and counted in the table afterwards; anyone the mirror has seen is
 * counted in the table first, the table's count decides, and every replica is told it. Only a
 * user whose commands are spread one by one over more replicas than the limit allows, faster than
 * an announcement travels, can get one past it. If PostgreSQL fails, the mirror alone decides.
 *
 * A shared key is the user id's hash under the installation's salt: no raw id in the database.
 */
import type { Kysely } from "kysely";
import type { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { CHANNELS } from "./channels.ts";
import { type LimitDecision, type Limiter, type LimitSpec, UNLIMITED } from "./limits.ts";
import { RATE_LIMIT_TABLE } from "./migrations.ts";
import type { NotificationBus } from "./notifications.ts";
import type { Quiet } from "./quiet.ts";
import { hashUserId } from "./salt.ts";
import type { Tables } from "./schema.ts";

const ALLOWED: LimitDecision = { allowed: true };
const refused = (res: RateLimiterRes): LimitDecision => ({
  allowed: false,
  retryAfterMs: Math.max(1, res.msBeforeNext),
});

/** The count after consuming, whether the limiter allowed it or not. */
async function consumed(
  limiter: RateLimiterMemory | RateLimiterPostgres,
  key: string,
): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (result) {
    if (result instanceof RateLimiterRes) return result;
    throw result;
  }
}

export interface SharedLimitDeps {
  db: Kysely<Tables>;
  pool: Pool;
  bus: NotificationBus;
  salt: string;
  /** Runs work once no statement an answer waits for is under way (connection.ts). */
  quiet: Quiet;
  onError(operation: string, error: unknown): void;
}

export function sharedLimiter(spec: LimitSpec, deps: SharedLimitDeps): Limiter {
  const { name, limit, windowMs } = spec;
  if (limit <= 0 || windowMs <= 0) return UNLIMITED;
  const mirror = new RateLimiterMemory({
    keyPrefix: name,
    points: limit,
    duration: windowMs / 1000,
  });
  const table = new RateLimiterPostgres({
    storeClient: deps.pool,
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    keyPrefix: name,
    points: limit,
    duration: windowMs / 1000,
  });

  /** The mirror never goes below what the table or another replica says. */
  const raise = async (key: string, points: number, msLeft: number) => {
    const known = await mirror.get(key);
    if (msLeft > 0 && (known?.consumedPoints ?? 0) < points) {
      await mirror.set(key, points, msLeft / 1000);
    }
  };
  deps.bus.subscribe({
    channel: CHANNELS.limits,
    onMessage(payload) {
      const [limitName, key, points, msLeft] = payload.split(" ");
      if (limitName !== name || !key) return;
      void raise(key, Number(points), Number(msLeft));
    },
  });

  /** Counts in the table and returns the count; `tell`: and tells every replica. */
  const count = async (key: string, tell: boolean): Promise<RateLimiterRes> => {
    const res = await consumed(table, key);
    if (tell) {
      deps.bus.publish(
        deps.db,
        CHANNELS.limits,
        `${name} ${key} ${res.consumedPoints} ${res.msBeforeNext}`,
      );
    }
    await raise(key, res.consumedPoints, res.msBeforeNext);
    return res;
  };

  return {
    async take(userId) {
      const key = hashUserId(deps.salt, userId).slice(0, 40);
      const known = await mirror.get(key);
      if (known === null || known.consumedPoints === 0) {
        const mine = await consumed(mirror, key);
        // A user's first command here is not announced: one command cannot be over any limit,
        // and the next, wherever it lands, is counted in the table first and announced then.
        // Counted once the statements an answer waits for are done, rather than beside them:
        // the two would share the database's wake-up and the CPU with the answer.
        deps.quiet.whenQuiet(() => {
          count(key, false).catch((error: unknown) => deps.onError("limit count", error));
        });
        return mine.consumedPoints > limit ? refused(mine) : ALLOWED;
      }
      if (known.consumedPoints >= limit) return refused(known);
      let res: RateLimiterRes;
      try {
        res = await count(key, true);
      } catch (error) {
        // The database is down: the mirror decides alone.
        deps.onError("limit count", error);
        res = await consumed(mirror, key);
      }
      return res.consumedPoints > limit ? refused(res) : ALLOWED;
    },
  };
}
