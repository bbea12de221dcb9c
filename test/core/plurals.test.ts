/**
 * A count meets a noun in many user texts, and the counts come from the parsed text: the noun's
 * form must follow the count (Russian has three forms), not today's numbers.
 */
import { describe, expect, it } from "vitest";
import {
  fillPlaceholders,
  measureMalformedText,
  measureMissingText,
  outOfRangeText,
} from "../../src/core/messages.ts";
import type { Lang } from "../../src/core/types.ts";

const COUNTS = [1, 2, 5, 11, 21] as const;

/** The noun right after the count `n` in `text`. */
function nounAfter(n: number, text: string): string | undefined {
  return new RegExp(`(?<!\\d)${n} (\\p{L}+)`, "u").exec(text)?.[1];
}

const measuresOf = (n: number, lang: Lang) =>
  outOfRangeText({ clauseKind: "measure", requested: n + 1, available: n }, lang);
const recitalsOf = (n: number, lang: Lang) =>
  outOfRangeText({ clauseKind: "recital", requested: n + 1, available: n }, lang);

describe("a count and its noun", () => {
  it("out-of-range measures in Russian: пункт, пункта, пунктов as the count asks", () => {
    expect(COUNTS.map((n) => nounAfter(n, measuresOf(n, "ru")))).toEqual([
      "пункт",
      "пункта",
      "пунктов",
      "пунктов",
      "пункт",
    ]);
  });

  it("out-of-range recitals in Russian: абзац, абзаца, абзацев as the count asks", () => {
    expect(COUNTS.map((n) => nounAfter(n, recitalsOf(n, "ru")))).toEqual([
      "абзац",
      "абзаца",
      "абзацев",
      "абзацев",
      "абзац",
    ]);
  });

  it("a missing or malformed measure number in Russian: мера, меры, мер", () => {
    const expected = ["мера", "меры", "мер", "мер", "мера"];
    // After the colon: before it, "от 1 до N" puts a count before a preposition.
    const afterColon = (text: string) => text.slice(text.indexOf(":"));
    expect(COUNTS.map((n) => nounAfter(n, afterColon(measureMissingText("ru", n))))).toEqual(
      expected,
    );
    expect(COUNTS.map((n) => nounAfter(n, afterColon(measureMalformedText("x", "ru", n))))).toEqual(
      expected,
    );
  });

  it("in French and English, singular for one only", () => {
    expect(COUNTS.map((n) => nounAfter(n, measuresOf(n, "fr")))).toEqual([
      "mesure",
      "mesures",
      "mesures",
      "mesures",
      "mesures",
    ]);
    expect(COUNTS.map((n) => nounAfter(n, recitalsOf(n, "en")))).toEqual([
      "recital",
      "recitals",
      "recitals",
      "recitals",
      "recitals",
    ]);
  });

  it("texts kept in JSON choose the form with the count they are filled with", () => {
    const text = "{pages|one:страница|few:страницы|many:страниц}, /declaration {pages}";
    expect(COUNTS.map((pages) => fillPlaceholders(text, { pages }, "ru"))).toEqual([
      "1 страница, /declaration 1",
      "2 страницы, /declaration 2",
      "5 страниц, /declaration 5",
      "11 страниц, /declaration 11",
      "21 страница, /declaration 21",
    ]);
    expect(fillPlaceholders("{unknown} {pages}", { pages: 3 })).toBe("{unknown} 3");
    expect(() => fillPlaceholders("{pages|one:page|other:pages}", { pages: 3 })).toThrow();
  });
});
