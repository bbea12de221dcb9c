/**
 * Regex sources generated from word tables (data/*.json), so that the rules are data and no
 * pattern is written out by hand. Every part is bounded (a word list, a tail of at most
 * STEM_TAIL letters), so the patterns scan in time linear in the text.
 */
import { fold, straightenApostrophes } from "./analysis.ts";
import { RecentMemo } from "./recent-memo.ts";

export interface WordList {
  /** Whole words or phrases. */
  words?: string[];
  /** Word starts that may take up to STEM_TAIL more letters (declensions). */
  stems?: string[];
}

export const STEM_TAIL = 4;
/** A word starts here / ends here (\b is ASCII-only in JavaScript). */
export const WORD_START = "(?<![\\p{L}\\p{N}])";
export const WORD_END = "(?![\\p{L}\\p{N}])";
/**
 * Where an entry of a word list ends: at a word end, or right after an entry ending in an elided
 * word ("parle aussi d'"), whose next word follows at once ("d'observateurs").
 */
export const ENTRY_END = "(?:(?<=')|(?![\\p{L}\\p{N}]))";

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Alternatives, folded and escaped, longest first so that "dix-sept" is tried before "dix". */
export function alternatives(xs: Iterable<string>): string {
  return [...new Set([...xs].map(fold))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join("|");
}

/** A French elided article, pronoun or conjunction ending an entry ("après l'", "est-ce qu'"). */
const ELIDED_END = /(?:^|[\s-])(?:l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu)'$/u;

/**
 * A non-capturing group matching any entry of the list; whole words end at a word end, except an
 * entry ending in an elided article or pronoun ("après l'", "qu'"), which a word follows at once
 * (or the end of the text read: a window may stop right before the word, a clause's name).
 */
export function wordListSource({ words = [], stems = [] }: WordList): string {
  const parts: string[] = [];
  const elided = words.filter((w) => ELIDED_END.test(w));
  const whole = words.filter((w) => !ELIDED_END.test(w));
  if (whole.length > 0) parts.push(`(?:${alternatives(whole)})(?![\\p{L}])`);
  if (elided.length > 0) parts.push(`(?:${alternatives(elided)})(?=\\p{L}|$)`);
  if (stems.length > 0) parts.push(`(?:${alternatives(stems)})\\p{L}{0,${STEM_TAIL}}`);
  return `(?:${parts.join("|")})`;
}

/**
 * An arrow pointing back, or a lone "=", between a quotation and its credit links them as a dash
 * does: "« … » ← la conclusion", "« … » = c'est la conclusion". A forward arrow is "then" or
 * "therefore" as often ("l'appel → « … »": the appeal leads into the list), and links nothing.
 * Read on the text as typed: folding would turn "≠" into "=" and "↚" into "←". Only around
 * quotations (in a question "=" is chat's "is": "OTAN = ?"), and only one: several are a
 * sequence, not a credit.
 */
const ARROW = /[←⇐⟵]|<--|<-|(?<![\p{L}\p{N}=<>!/\\~])=(?![\p{L}\p{N}=/\\])/gu;
export function arrowsAsDashes(texts: readonly string[]): string[] {
  const count = texts.reduce((n, t) => n + (t.match(ARROW)?.length ?? 0), 0);
  return count === 1 ? texts.map((t) => t.replace(ARROW, " — ")) : [...texts];
}

/** The text the patterns read: accent-folded, one kind of apostrophe, one space between words. */
export function normaliseForPatterns(text: string): string {
  return FOR_PATTERNS.get(text, (t) => straightenApostrophes(fold(t)).replace(/\s+/g, " "));
}

// Each reader of a question runs its own patterns on the same text.
const FOR_PATTERNS = new RecentMemo<string>(4);
