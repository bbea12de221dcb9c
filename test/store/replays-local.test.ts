import { describe, expect, it } from "vitest";
import { LocalReplays, localReplayGuard } from "../../src/store/replays.ts";

describe("LocalReplays", () => {
  it("refuses an id seen within two windows, accepts it after, and forgets expired ids", () => {
    const seen = new LocalReplays(1000);
    expect(seen.firstTime("1", 0)).toBe(true);
    expect(seen.firstTime("1", 1999)).toBe(false);
    expect(seen.firstTime("2", 500)).toBe(true);
    expect(seen.firstTime("1", 2000)).toBe(true);
    // "2" expired at 2500: only the ids still in their window are kept.
    expect(seen.firstTime("3", 2600)).toBe(true);
    expect(seen.size).toBe(2);
  });

  it("still refuses a replay whose signed timestamp was a whole window ahead of this clock", async () => {
    // Before: an entry lived one window from arrival, so a request signed 300 s in the future
    // (accepted until its timestamp + 300 s) could be replayed after 300 s.
    const guard = localReplayGuard(300_000);
    const now = 1_000_000;
    expect(await guard.firstTime("9", now + 300_000, now)).toBe(true);
    expect(await guard.firstTime("9", now + 300_000, now + 599_000)).toBe(false);
  });
});
