import { describe, expect, it } from "vitest";
import { coverWords, PhraseCover } from "../../src/core/phrase-cover.ts";
import { RecentMemo } from "../../src/core/recent-memo.ts";

function table(): PhraseCover<string> {
  const cover = new PhraseCover<string>();
  cover.add("thank", "thank");
  cover.add("thank you", "thanks");
  cover.add("thank you very much", "many thanks");
  cover.add("you rock", "praise");
  cover.add("^\\d+$", "number", { pattern: true });
  return cover;
}

describe("PhraseCover", () => {
  it("takes the longest phrase at each place, a shorter one where the longer stops", () => {
    const cover = table();
    expect(cover.cover(coverWords("thank you very much"))).toEqual(["many thanks"]);
    expect(cover.cover(coverWords("thank you very"))).toBeNull();
    expect(cover.cover(coverWords("thank you you rock"))).toEqual(["thanks", "praise"]);
    expect(cover.cover(coverWords("thank thank you"))).toEqual(["thank", "thanks"]);
  });

  it("reads words accent-folded, with repeated letters once, and patterns for one word", () => {
    const cover = table();
    expect(cover.cover(coverWords("THANK YOUUU 42"))).toEqual(["thanks", "number"]);
  });

  it("leaves uncovered words as gaps, or takes the phrases out", () => {
    const cover = table();
    expect(cover.coverWithGaps(coverWords("well thank you very much"), 1)).toEqual({
      tags: ["many thanks"],
      gaps: [0],
    });
    expect(cover.coverWithGaps(coverWords("well thank you so much"), 1)).toBeNull();
    expect(cover.without(coverWords("well thank you very kindly"))).toEqual([
      "wel",
      "very",
      "kindly",
    ]);
  });
});

describe("RecentMemo", () => {
  it("computes a key once while it is among the last few, again after it is pushed out", () => {
    const memo = new RecentMemo<number>(2);
    let calls = 0;
    const length = (s: string) => {
      calls++;
      return s.length;
    };
    expect(memo.get("abc", length)).toBe(3);
    expect(memo.get("abc", length)).toBe(3);
    expect(calls).toBe(1);
    memo.get("de", length);
    memo.get("fghi", length);
    expect(memo.get("abc", length)).toBe(3);
    expect(calls).toBe(4);
  });
});
