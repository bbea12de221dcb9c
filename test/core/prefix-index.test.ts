import { describe, expect, it } from "vitest";
import { PrefixIndex } from "../../src/core/prefix-index.ts";

function index(entries: [string, number][]): PrefixIndex<number> {
  const ix = new PrefixIndex<number>();
  for (const [k, v] of entries) ix.add(k, v);
  return ix;
}

function beginning(ix: PrefixIndex<number>, word: string): number[] {
  const out: number[] = [];
  ix.forEachBeginning(word, (v) => out.push(v));
  return out;
}

describe("PrefixIndex", () => {
  const ix = index([
    ["résum", 1],
    ["summar", 2],
    ["sum", 3],
    ["résum", 4],
    ["численност", 5],
  ]);

  it("finds every key that begins the word, shortest first, with all its values", () => {
    expect(beginning(ix, "summarize")).toEqual([3, 2]);
    expect(beginning(ix, "résumé")).toEqual([1, 4]);
    expect(beginning(ix, "численность")).toEqual([5]);
  });

  it("finds a key equal to the whole word, and none longer than it or inside it", () => {
    expect(beginning(ix, "sum")).toEqual([3]);
    expect(beginning(ix, "su")).toEqual([]);
    expect(beginning(ix, "consum")).toEqual([]);
    expect(ix.beginsAny("résum")).toBe(true);
    expect(ix.beginsAny("résu")).toBe(false);
  });

  it("agrees with testing every key on every word", () => {
    const keys = ["ab", "abc", "b", "bca", "c", "abcd", "ca"];
    const all = index(keys.map((k, i) => [k, i]));
    for (const word of ["", "a", "ab", "abcde", "bcab", "cab", "ca", "d", "bc"]) {
      const naive = keys.flatMap((k, i) => (word.startsWith(k) ? [i] : []));
      expect(beginning(all, word).sort()).toEqual(naive.sort());
      expect(all.beginsAny(word)).toBe(naive.length > 0);
    }
  });
});
