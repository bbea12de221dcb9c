/**
 * A count meets a noun in many user texts, and the counts come from the parsed text: the noun's
 * form must follow the count (Russian has three forms), not today's numbers. The catalogue's
 * texts choose it through `Intl.PluralRules` (src/text/format.ts).
 */
import { describe, expect, it } from "vitest";
import { outOfRangeText } from "../../src/core/answer-text.ts";
import type { Lang } from "../../src/core/types.ts";
import { counted, fillPlaceholders } from "../../src/text/format.ts";
import { textsFor } from "../../src/text/index.ts";

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
    const { errors } = textsFor("ru");
    const missing = (max: number) => errors.measureMissing({ max });
    const malformed = (max: number) => errors.measureMalformed({ shown: "x", max });
    expect(COUNTS.map((n) => nounAfter(n, afterColon(missing(n))))).toEqual(expected);
    expect(COUNTS.map((n) => nounAfter(n, afterColon(malformed(n))))).toEqual(expected);
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

  it("a form with # is a whole phrase, the count in place of #", () => {
    const forms = { one: "votre vote est effacé", other: "vos # votes sont effacés" };
    expect([1, 2, 21].map((n) => counted(n, "fr", forms))).toEqual([
      "votre vote est effacé",
      "vos 2 votes sont effacés",
      "vos 21 votes sont effacés",
    ]);
  });

  it("a noun of the catalogue is named by its key", () => {
    const nouns = { measure: "one:мера|few:меры|many:мер" };
    expect(COUNTS.map((n) => fillPlaceholders("{n|measure}", { n }, "ru", nouns))).toEqual([
      "1 мера",
      "2 меры",
      "5 мер",
      "11 мер",
      "21 мера",
    ]);
    expect(() => fillPlaceholders("{n|nothing}", { n: 1 }, "ru", nouns)).toThrow();
  });
});
