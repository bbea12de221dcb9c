import { describe, expect, it } from "vitest";
import { SeenInteractions } from "../../src/discord/http/replays.ts";

describe("SeenInteractions", () => {
  it("accepts an id once within the window, again after it, and forgets expired ids", () => {
    const seen = new SeenInteractions(1000);
    expect(seen.firstTime("1", 0)).toBe(true);
    expect(seen.firstTime("1", 999)).toBe(false);
    expect(seen.firstTime("2", 500)).toBe(true);
    expect(seen.firstTime("1", 1000)).toBe(true);
    // "2" expired at 1500: only the ids still in their window are kept.
    expect(seen.firstTime("3", 1600)).toBe(true);
    expect(seen.size).toBe(2);
  });
});
