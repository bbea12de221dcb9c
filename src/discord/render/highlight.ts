/**
 * Bolds, in the French text, the words that matched the user's question. Matching ignores case and
 * accents ("prévenir" finds the text's "prevenir") and tolerates inflection ("consultation" finds
 * "consultations", "réguliers" finds "régulières"), because users rarely type the exact form.
 */

import { fold, straightenApostrophes } from "../../core/analysis.ts";

/**
 * Lower case, without accents, one kind of apostrophe: the engine's fold, so that a word the engine
 * matched is the word the card bolds (the fold keeps the Russian «й», which is not an accented «и»).
 */
export const normalize = (text: string): string => straightenApostrophes(fold(text));

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Whether a (normalized) query term should highlight a (normalized) word of the text. */
export function termMatchesWord(term: string, word: string): boolean {
  if (term === word) return term.length >= 3;
  // Short terms ("de", "la", "un") would light up half the text; only exact longer words count.
  if (term.length < 4 || word.length < 4) return false;
  if (word.startsWith(term)) return true;
  if (term.startsWith(word)) return term.length - word.length <= 3;
  const shared = commonPrefix(term, word);
  return shared >= 5 && shared >= Math.min(term.length, word.length) - 3;
}

export interface Segment {
  text: string;
  bold: boolean;
  /** `text` as escapeMarkdown gives it, when already known. */
  escaped?: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const SPACES = /^[ \u00a0]+$/;

/** A word of a text, with the text before it since the previous word, each also escaped. */
interface Word {
  word: string;
  normalized: string;
  escaped: string;
  gap: string;
  gapEscaped: string;
  /** The gap is spaces only, so a bold run can go on over it. */
  gapIsSpace: boolean;
}

interface Words {
  words: Word[];
  tail: string;
  tailEscaped: string;
}

/**
 * The words of the texts highlighted so far, normalized and escaped once: the same few clause
 * texts are highlighted on every answer, and doing it each time was most of the card's cost.
 * Bounded, in case a caller highlights texts of its own.
 */
const WORDS = new Map<string, Words>();
const WORDS_KEPT = 64;

function wordsOf(text: string): Words {
  let cached = WORDS.get(text);
  if (cached) return cached;
  const words: Word[] = [];
  let index = 0;
  // An exec loop: matchAll clones the pattern on every call.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const gap = text.slice(index, m.index);
    words.push({
      word: m[0],
      normalized: normalize(m[0]),
      escaped: escapeMarkdown(m[0]),
      gap,
      gapEscaped: escapeMarkdown(gap),
      gapIsSpace: SPACES.test(gap),
    });
    index = m.index + m[0].length;
  }
  const tail = text.slice(index);
  cached = { words, tail, tailEscaped: escapeMarkdown(tail) };
  if (WORDS.size >= WORDS_KEPT) WORDS.clear();
  WORDS.set(text, cached);
  return cached;
}

/**
 * The normalized words of a list of terms. A card highlights the same terms in two texts (the
 * original and the translation): they are normalized once per list.
 */
const WANTED = new WeakMap<readonly string[], string[]>();

function wantedOf(terms: readonly string[]): string[] {
  let wanted = WANTED.get(terms);
  if (!wanted) {
    wanted = [...new Set(terms.flatMap((t) => normalize(t).match(WORD) ?? []))];
    WANTED.set(terms, wanted);
  }
  return wanted;
}

/** Splits `text` into plain and bold runs; adjacent matched words separated by spaces form one run. */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const wanted = wantedOf(terms);
  if (wanted.length === 0) return text === "" ? [] : [{ text, bold: false }];
  const segments: Required<Segment>[] = [];
  const push = (piece: string, escaped: string, bold: boolean) => {
    if (piece === "") return;
    const last = segments.at(-1);
    if (last && last.bold === bold) {
      last.text += piece;
      last.escaped += escaped;
    } else segments.push({ text: piece, escaped, bold });
  };
  const { words, tail, tailEscaped } = wordsOf(text);
  for (const w of words) {
    const bold = wanted.some((term) => termMatchesWord(term, w.normalized));
    // Keep "contacts directs" as one bold run instead of "**contacts** **directs**".
    push(w.gap, w.gapEscaped, bold && w.gapIsSpace && segments.at(-1)?.bold === true);
    push(w.word, w.escaped, bold);
  }
  push(tail, tailEscaped, false);
  return segments;
}

/** Escapes the characters Discord markdown would interpret, so quoted text renders verbatim. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|])/g, "\\$1");
}

/**
 * Renders segments as Discord markdown within `max` characters. When the text does not fit it ends
 * with "…": a plain run is cut at a word boundary, a bold run is dropped whole, so the result never
 * carries a dangling "**".
 */
export function renderSegments(segments: readonly Segment[], max: number): string {
  let out = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const body = segment.escaped ?? escapeMarkdown(segment.text);
    const piece = segment.bold ? `**${body}**` : body;
    const isLast = i === segments.length - 1;
    // Until the last piece, keep one character free for the ellipsis.
    if (out.length + piece.length <= max - (isLast ? 0 : 1)) {
      out += piece;
      continue;
    }
    // From here on, out.length <= max - 1: there is always room for the ellipsis.
    if (!segment.bold) return `${out}${cutEscaped(body, max - out.length - 1)}…`;
    return `${out.trimEnd()}…`;
  }
  return out;
}

/** The start of already-escaped text in at most `room` characters, cut at a word when one is near. */
function cutEscaped(body: string, room: number): string {
  let cut = body.slice(0, Math.max(0, room));
  const space = cut.search(/\s\S*$/);
  if (space > room * 0.7) cut = cut.slice(0, space);
  // Never end inside an escape ("\\*" cut after the backslash) or a surrogate pair.
  if (/(^|[^\\])(\\\\)*\\$/.test(cut)) cut = cut.slice(0, -1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

/** `text` with `terms` in bold, escaped, at most `max` characters. */
export function highlight(text: string, terms: readonly string[], max: number): string {
  return renderSegments(highlightSegments(text, terms), max);
}
