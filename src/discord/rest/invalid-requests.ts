/**
 * Discord bans an IP address for a while once it has made 10,000 invalid requests (401, 403, or
 * 429 other than the `shared` scope) within 10 minutes. The bot counts its own over a sliding
 * 10-minute window and, at its share of half that limit, holds back what it can do without (chat
 * answers) until the count falls again: the limit is never approached, and interactions, which
 * people asked for and which are answered through their own token, keep working.
 */
import { RateLimiter } from "../../core/rate-limit.ts";

/** Discord's limit per IP address, and its window. */
export const DISCORD_INVALID_REQUEST_LIMIT = 10_000;
export const INVALID_REQUEST_WINDOW_MS = 10 * 60_000;

/**
 * The count at which one process holds back: half of Discord's limit, shared among the processes
 * of one host (one IP address), e.g. 2,500 for each of two shard processes.
 */
export function invalidRequestThreshold(processesOnHost = 1): number {
  return Math.floor(DISCORD_INVALID_REQUEST_LIMIT / 2 / Math.max(1, processesOnHost));
}

/** Whether Discord counts a response against the limit. */
export function isInvalidRequest(status: number, rateLimitScope: string | null): boolean {
  return status === 401 || status === 403 || (status === 429 && rateLimitScope !== "shared");
}

const KEY = "invalid";

export class InvalidRequestCount {
  /** One key: the process's invalid requests, at most `threshold` of them kept. */
  private readonly recent: RateLimiter;

  constructor(
    readonly threshold: number,
    options: { now?: () => number } = {},
  ) {
    this.recent = new RateLimiter(threshold, INVALID_REQUEST_WINDOW_MS, {
      maxKeys: 1,
      ...(options.now && { now: options.now }),
    });
  }

  /** Counts one invalid request (no more once at the threshold: the window is full). */
  note(): void {
    this.recent.take(KEY);
  }

  /** True while the window holds `threshold` invalid requests. */
  get reached(): boolean {
    return !this.recent.check(KEY).allowed;
  }
}
