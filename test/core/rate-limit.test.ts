import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/core/rate-limit.ts";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("RateLimiter", () => {
  it("allows `limit` events per window, then says how long to wait", () => {
    const c = clock();
    const limiter = new RateLimiter(2, 10_000, { now: c.now });
    expect(limiter.take("a").allowed).toBe(true);
    c.advance(1000);
    expect(limiter.take("a").allowed).toBe(true);
    c.advance(1000);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterMs: 8000 });
    // A refused event does not count: the first slot frees at 10 s as promised.
    c.advance(8000);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("keeps keys apart", () => {
    const limiter = new RateLimiter(1, 5000, { now: clock().now });
    expect(limiter.take("user:channel-1").allowed).toBe(true);
    expect(limiter.take("user:channel-2").allowed).toBe(true);
    expect(limiter.take("user:channel-1").allowed).toBe(false);
  });

  it("check() tells without counting", () => {
    const limiter = new RateLimiter(1, 5000, { now: clock().now });
    expect(limiter.check("a").allowed).toBe(true);
    expect(limiter.check("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.check("a").allowed).toBe(false);
  });

  it("a limit or window of 0 allows everything and remembers nothing", () => {
    for (const limiter of [new RateLimiter(0, 5000), new RateLimiter(5, 0)]) {
      for (let i = 0; i < 100; i++) expect(limiter.take("a").allowed).toBe(true);
      expect(limiter.size).toBe(0);
    }
  });

  it("forgets keys once their window has passed, so memory does not grow with traffic", () => {
    const c = clock();
    const limiter = new RateLimiter(1, 5000, { now: c.now });
    for (let i = 0; i < 10_000; i++) {
      limiter.take(`user-${i}`);
      c.advance(1);
    }
    // Only the users seen in the last 5 s are remembered.
    expect(limiter.size).toBe(5000);
    c.advance(5000);
    limiter.check("anyone");
    expect(limiter.size).toBe(0);
  });

  it("never holds more than maxKeys, dropping the least recently active", () => {
    const limiter = new RateLimiter(1, 60_000, { now: clock().now, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) limiter.take(`user-${i}`);
    expect(limiter.size).toBe(100);
    expect(limiter.check("user-999").allowed).toBe(false);
    expect(limiter.check("user-0").allowed).toBe(true);
  });
});

describe("RateLimiter, for any sequence of events (fast-check)", () => {
  // Events on a few keys, each some milliseconds after the previous one (often in the same
  // millisecond): bursts, trickles and gaps longer than the window.
  const events = fc.array(
    fc.record({
      key: fc.constantFrom("a", "b", "c"),
      gap: fc.oneof(fc.constant(0), fc.nat(50), fc.nat(20_000)),
    }),
    { maxLength: 200 },
  );

  it("never allows more than `limit` events of a key in any window, and refuses only when full", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 10_000 }),
        events,
        (limit, windowMs, sequence) => {
          const c = clock(0);
          const limiter = new RateLimiter(limit, windowMs, { now: c.now });
          const allowed = new Map<string, number[]>();
          for (const { key, gap } of sequence) {
            const now = c.advance(gap);
            const times = allowed.get(key) ?? [];
            const inWindow = times.filter((t) => t > now - windowMs);
            const verdict = limiter.take(key);
            // Exactly the sliding window: allowed while fewer than `limit` were in the last
            // windowMs, refused with the wait until the oldest of them leaves it.
            if (inWindow.length < limit) {
              expect(verdict).toEqual({ allowed: true });
              times.push(now);
              allowed.set(key, times);
            } else {
              expect(verdict).toEqual({
                allowed: false,
                retryAfterMs: Math.max(1, (inWindow[0] as number) + windowMs - now),
              });
            }
          }
          // Read back over the whole history: no window of windowMs holds more than `limit`.
          for (const times of allowed.values()) {
            for (let i = limit; i < times.length; i++) {
              expect(times[i] as number).toBeGreaterThanOrEqual(
                (times[i - limit] as number) + windowMs,
              );
            }
          }
        },
      ),
    );
  });
});
