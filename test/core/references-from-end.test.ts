/** Ordinals counted from the end (references.ts, the `fromEnd` words of data/references.json). */
import { describe, expect, it } from "vitest";
import { findReferences } from "../../src/core/references.ts";

describe("an ordinal counted from the end", () => {
  it.each([
    ["la 20e mesure en partant de la fin", 20],
    ["the 12th measure from the end", 12],
  ])("%j beyond the text asks for the %i-th, not a negative one", (q, requested) => {
    expect(findReferences(q)).toEqual([
      { kind: "out-of-range", clauseKind: "measure", requested, available: 6 },
    ]);
  });

  it("leaves a count of three digits as typed", () => {
    expect(findReferences("la 100e mesure en partant de la fin")).toEqual([
      { kind: "out-of-range", clauseKind: "measure", requested: 100, available: 6 },
    ]);
  });

  it("keeps every other reference where it stands in the text", () => {
    expect(findReferences("la deuxième mesure en partant de la fin, puis la mesure 1")).toEqual([
      { kind: "clause", id: "M5" },
      { kind: "clause", id: "M1" },
    ]);
  });

  it("reads a long run of ordinals in linear time", () => {
    const time = (n: number) => {
      const text = "1er ".repeat(n);
      const t0 = performance.now();
      findReferences(text);
      return performance.now() - t0;
    };
    time(2_000);
    expect(time(16_000)).toBeLessThan(Math.max(50, 20 * time(2_000)));
  });
});
