/**
 * The one /measure argument parser (core/measure-arg.ts) that Discord's handler and the console
 * share; their end-to-end tests (test/e2e/bot-commands.test.ts, test/cli/console.test.ts) check that
 * both answer with it.
 */
import { describe, expect, it } from "vitest";
import { CLAUSE_COUNTS } from "../../src/core/declaration.ts";
import { getEngine } from "../../src/core/engine.ts";
import { lookUpMeasure, parseMeasureArg } from "../../src/core/measure-arg.ts";
import type { Lang } from "../../src/core/types.ts";
import { sayUserError } from "../../src/core/user-error.ts";

const M = CLAUSE_COUNTS.measure;

describe("parseMeasureArg", () => {
  it("reads integers, also sent as strings; whether the measure exists is the lookup's business", () => {
    expect(parseMeasureArg(3)).toEqual({ kind: "number", n: 3 });
    expect(parseMeasureArg(" 4 ")).toEqual({ kind: "number", n: 4 });
    expect(parseMeasureArg("+5")).toEqual({ kind: "number", n: 5 });
    expect(parseMeasureArg(M + 1)).toEqual({ kind: "number", n: M + 1 });
    expect(parseMeasureArg("0")).toEqual({ kind: "number", n: 0 });
    // -0 is measure 0, never "measure -0".
    expect(Object.is((parseMeasureArg("-0") as { n: number }).n, 0)).toBe(true);
  });

  it("reads numbers as people write them, through the reference layer's number table", () => {
    const cases: [string, number][] = [
      ["trois", 3],
      ["three", 3],
      ["три", 3],
      ["IV", 4],
      ["3e", 3],
      ["troisième", 3],
      ["Third", 3],
      ["dernière", M],
      ["last", M],
    ];
    for (const [raw, n] of cases) expect(parseMeasureArg(raw), raw).toEqual({ kind: "number", n });
  });

  it("calls nothing given missing", () => {
    for (const raw of [undefined, null, "", "   "]) {
      expect(parseMeasureArg(raw), String(raw)).toEqual({ kind: "missing" });
    }
  });

  it("calls anything else malformed: words, fractions, negatives, exponents, huge numbers", () => {
    const raws = [
      "abc",
      "2.5",
      "2,5",
      "-1",
      "1e9",
      "3abc",
      "3 4",
      "1234567890",
      "mesure 3",
      3.5,
      -1,
      2 ** 60,
      Number.NaN,
      true,
    ];
    for (const raw of raws) {
      expect(parseMeasureArg(raw), String(raw)).toEqual({ kind: "malformed", raw: String(raw) });
    }
  });
});

describe("lookUpMeasure", () => {
  const engine = getEngine();
  const show = (typed: string) => `[${typed}]`;

  /** The refusal of `raw`: its id, how logs name it and its text in `lang`. */
  const refusal = (raw: unknown, lang: Lang) => {
    const found = lookUpMeasure(engine, raw, show);
    if (found.kind !== "refused") throw new Error(`${String(raw)} was not refused`);
    const { id, reason, params } = found.error;
    return { id, reason, params, text: sayUserError(found.error, lang) };
  };

  it("finds the measure", () => {
    const found = lookUpMeasure(engine, "deux", show);
    expect(found.kind === "clause" && found.clause.id).toBe("M2");
  });

  it("refuses with a user error, quoting what was typed through `show`", () => {
    expect(refusal("abc", "en")).toEqual({
      id: "measureMalformed",
      reason: "measure-malformed",
      params: { shown: "[abc]", max: M },
      text: `“[abc]” is not a measure number: the declaration has ${M} measures, numbered 1 to ${M}.`,
    });
    expect(refusal(undefined, "fr")).toMatchObject({
      reason: "measure-missing",
      text: expect.stringContaining(`de 1 à ${M}`),
    });
    expect(refusal(M + 1, "ru")).toMatchObject({
      reason: "measure-out-of-range",
      text: expect.stringContaining(`пункта ${M + 1} нет`),
    });
  });
});
