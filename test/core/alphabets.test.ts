import { describe, expect, it } from "vitest";
import { letterCounts, mostlyCyrillic } from "../../src/core/alphabets.ts";

/** Every letter of each script matched one by one: what the counts must equal. */
function byMatch(text: string): { cyrillic: number; latin: number } {
  return {
    cyrillic: text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0,
    latin: text.match(/\p{Script=Latin}/gu)?.length ?? 0,
  };
}

describe("letterCounts", () => {
  it.each([
    "",
    "кто подписал?",
    "who signed it?",
    "Mixed: Кириллица and Latin, é à ç",
    "ǅ Ÿ ſ ﬀ ａｂ Ⅻ ЁёӀ ꙮ ᲀ",
    "beyond the BMP: 𝐀𝐁 😀 𐞀 𝼀 and мера 5",
  ])("counts the letters of each script in %j", (text) => {
    expect(letterCounts(text)).toEqual(byMatch(text));
  });

  it("tells mostly Cyrillic text from mostly Latin text", () => {
    expect(mostlyCyrillic("что в пункте 5 про OTSC?")).toBe(true);
    expect(mostlyCyrillic("what does пункт 5 say?")).toBe(false);
  });
});
