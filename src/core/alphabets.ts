/**
 * Which alphabet a text is written in: counts of Cyrillic and Latin letters. What decides the
 * language of a question (language.ts) and of a quotation (quote-tokens.ts); one look-alike
 * letter typed on the other keyboard never tips the balance.
 */
import { RecentMemo } from "./recent-memo.ts";

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const NOT_CYRILLIC = /\P{Script=Cyrillic}+/gu;
const NOT_LATIN = /\P{Script=Latin}+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

export function letterCounts(text: string): { cyrillic: number; latin: number } {
  // Without characters beyond the BMP each letter is one code unit: the letters kept by one
  // replace are counted by its length, with no array of one-letter strings built.
  if (!SURROGATE.test(text)) {
    return {
      cyrillic: text.replace(NOT_CYRILLIC, "").length,
      latin: text.replace(NOT_LATIN, "").length,
    };
  }
  return {
    cyrillic: text.match(CYRILLIC)?.length ?? 0,
    latin: text.match(LATIN)?.length ?? 0,
  };
}

/** More Cyrillic letters than Latin ones. */
export function mostlyCyrillic(text: string): boolean {
  return RECENT.get(text, (t) => {
    const { cyrillic, latin } = letterCounts(t);
    return cyrillic > latin;
  });
}

// The language guess and the transliteration reader both ask of the same question.
const RECENT = new RecentMemo<boolean>(4);
