/**
 * The text side of quote checking: quotations found in a message, gaps inside a quotation, and the
 * words both sides are compared by. Typography never counts: quotes, apostrophes, dashes, spaces,
 * punctuation and case are dropped from the comparison keys, and accents are folded (a difference
 * in accents is reported as a note, not as a change).
 *
 * Every pattern here is a negated class or a bounded run, so each scan is linear in the text.
 */
import unhomoglyph from "unhomoglyph";
import { letterCounts, mostlyCyrillic } from "./alphabets.ts";
import { fold, straightenApostrophes } from "./analysis.ts";
import { type Quotation, quotationMarks } from "./quotation-marks.ts";
import { MIN_QUOTE_CHARS } from "./quote-limits.ts";

export { QUOTATION_MAX, type Quotation } from "./quotation-marks.ts";
export { MAX_QUOTED, MIN_QUOTE_CHARS } from "./quote-limits.ts";

export interface Token {
  /** What is compared: the word lower-cased and accent-folded, with one kind of apostrophe. */
  key: string;
  /** The word as written. */
  display: string;
  /** Its place in the text it was read from. */
  start: number;
  end: number;
}

/**
 * A word: letters and digits, plus an English contraction ending ("don't", "NATO's"). French
 * elisions split ("l'OTAN" is "l" and "OTAN"), so "l'OTAN" and "OTAN" differ by one word, and
 * hyphens split compounds ("euro-atlantique").
 */
const WORD = /[\p{L}\p{N}]+(?:['’ʼ](?:t|s|re|ll|ve|d|m)(?![\p{L}\p{N}]))?/gu;

/**
 * Look-alike letters between the Latin and Cyrillic alphabets (from unhomoglyph's Unicode
 * confusables table): Cyrillic "О" reads as Latin "O", and the reverse pairs the other way.
 */
const CYRILLIC_TO_LATIN = new Map<string, string>();
const LATIN_TO_CYRILLIC = new Map<string, string>();
for (let code = 0x400; code <= 0x4ff; code++) {
  const cyrillic = String.fromCodePoint(code);
  const latin = unhomoglyph(cyrillic);
  if (!/^[A-Za-z]$/.test(latin)) continue;
  CYRILLIC_TO_LATIN.set(cyrillic, latin);
  if (!LATIN_TO_CYRILLIC.has(latin)) LATIN_TO_CYRILLIC.set(latin, cyrillic);
}

/**
 * A word written in one alphabet with a few look-alikes of the other ("ОTSC" with a Cyrillic О,
 * typed on a Russian keyboard) reads as its majority alphabet (on a tie, the text's), so it still
 * matches the text.
 */
function oneScript(word: string, textCyrillic: boolean): string {
  const { cyrillic, latin } = letterCounts(word);
  if (cyrillic === 0 || latin === 0) return word;
  const toCyrillic = cyrillic > latin || (cyrillic === latin && textCyrillic);
  const table = toCyrillic ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  return [...word].map((c) => table.get(c) ?? c).join("");
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const cyrillic = mostlyCyrillic(text);
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({
      key: straightenApostrophes(fold(oneScript(m[0], cyrillic))),
      display: m[0],
      start,
      end: start + m[0].length,
    });
  }
  return out;
}

/** Keys joined by single spaces: what the approximate matcher reads. */
export function keyText(tokens: readonly Token[]): string {
  return tokens.map((t) => t.key).join(" ");
}

/**
 * Gap marks inside a quotation: "[…]", "[...]", "(…)", "(...)", "…", "...". A quotation is cut at
 * each; the pieces must then appear in order in one clause.
 */
const GAP = /\[\s?(?:…|\.{2,4})\s?\]|\(\s?(?:…|\.{2,4})\s?\)|…|\.{3,}/gu;

/**
 * The quotation's words in pieces, cut at its gap marks (empty pieces, as a mark at either end
 * leaves, are dropped). Tokens keep their places in the whole quotation.
 */
export function piecesBetweenGaps(quote: string): Token[][] {
  const tokens = tokenize(quote);
  const cuts = [...quote.matchAll(GAP)].map((m) => m.index ?? 0);
  const pieces: Token[][] = [[]];
  let next = 0;
  for (const t of tokens) {
    let opened = false;
    while (next < cuts.length && (cuts[next] ?? 0) < t.start) {
      next++;
      opened = true;
    }
    if (opened && (pieces.at(-1)?.length ?? 0) > 0) pieces.push([]);
    pieces.at(-1)?.push(t);
  }
  return pieces.filter((p) => p.length > 0);
}

/** At most this many quotations long enough to judge are read from one message. */
export const MAX_QUOTATIONS = 8;

/** The length the checker judges a quotation by: its words' keys, one space between. */
export function keyLength(text: string): number {
  return keyText(tokenize(text)).length;
}

/**
 * The quotations in `text`, in order, up to the MAX_QUOTATIONS-th long enough to judge. Shorter
 * ones (« ok », « à demain ») are kept, since they bound the words that frame their neighbours,
 * but do not count toward the cap: eight of them cannot hide a misquote after them. Each mark
 * pair is read once, and quotations do not overlap, so the scan stays linear in the text.
 */
export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  let judgeable = 0;
  for (const q of quotationMarks(text)) {
    out.push(q);
    if (keyLength(q.text) >= MIN_QUOTE_CHARS && ++judgeable >= MAX_QUOTATIONS) break;
  }
  return out;
}
