/**
 * The document has one name per language wherever the bot speaks; in Russian it is «заявление», as
 * its title (the catalogue's `document.name`) and most of the data say, never «декларация».
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUES, textsFor } from "../../src/text/index.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** The sources whose string literals are what the bot says, in every language. */
const TEXT_SOURCES = [
  "src/text/ru.ts",
  "src/text/catalogue.ts",
  "src/core/answer-text.ts",
  "src/core/quote/explain.ts",
  "src/core/overview.ts",
  "src/core/render-text.ts",
];

/** Every string under a `ru` key of a JSON text catalogue. */
function russianStrings(value: unknown, underRu = false): string[] {
  if (typeof value === "string") return underRu ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => russianStrings(v, underRu));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => russianStrings(v, underRu || k === "ru"));
  }
  return [];
}

const OTHER_WORD = /декларац/i;

describe("the document's Russian name", () => {
  it("is «заявление» in its title", () => {
    expect(textsFor("ru").document.name).toMatch(/^Заявление /);
  });

  it("is never «декларация» in the Russian catalogue", () => {
    const texts = russianStrings({ ru: CATALOGUES.ru });
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((text) => OTHER_WORD.test(text))).toEqual([]);
  });

  it.each(TEXT_SOURCES)("%s never calls it «декларация»", (file) => {
    expect(
      read(file)
        .split("\n")
        .filter((line) => OTHER_WORD.test(line)),
    ).toEqual([]);
  });

  it("src/discord/i18n/commands.json never calls it «декларация»", () => {
    const texts = russianStrings(JSON.parse(read("src/discord/i18n/commands.json")));
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.filter((text) => OTHER_WORD.test(text))).toEqual([]);
  });
});
