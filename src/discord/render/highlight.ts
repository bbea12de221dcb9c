/**
 * Bolds, in the French text, the words that matched the user's question. Matching ignores case and
 * accents ("prévenir" finds the text's "prevenir") and tolerates inflection ("consultation" finds
 * "consultations", "réguliers" finds "régulières"), because users rarely type the exact form.
 */

/** Lower case, without diacritics, typographic apostrophes unified. */
export function normalize(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’ʼ]/g, "'").toLowerCase();
}

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
}

const WORD = /[\p{L}\p{N}]+/gu;

interface Word {
  word: string;
  start: number;
  normalized: string;
}

/**
 * The words of the texts highlighted so far, normalized once: the same few clause texts are
 * highlighted on every answer, and normalizing their words each time was most of the card's cost.
 * Bounded, in case a caller highlights texts of its own.
 */
const WORDS = new Map<string, Word[]>();
const WORDS_KEPT = 64;

function wordsOf(text: string): Word[] {
  let words = WORDS.get(text);
  if (words) return words;
  words = [...text.matchAll(WORD)].map((m) => ({
    word: m[0],
    start: m.index,
    normalized: normalize(m[0]),
  }));
  if (WORDS.size >= WORDS_KEPT) WORDS.clear();
  WORDS.set(text, words);
  return words;
}

/** Splits `text` into plain and bold runs; adjacent matched words separated by spaces form one run. */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const wanted = [...new Set(terms.flatMap((t) => normalize(t).match(WORD) ?? []))];
  if (wanted.length === 0) return text === "" ? [] : [{ text, bold: false }];
  const segments: Segment[] = [];
  const push = (piece: string, bold: boolean) => {
    if (piece === "") return;
    const last = segments.at(-1);
    if (last && last.bold === bold) last.text += piece;
    else segments.push({ text: piece, bold });
  };
  let index = 0;
  for (const { word, start, normalized } of wordsOf(text)) {
    const bold = wanted.some((term) => termMatchesWord(term, normalized));
    const gap = text.slice(index, start);
    const last = segments.at(-1);
    // Keep "contacts directs" as one bold run instead of "**contacts** **directs**".
    if (bold && last?.bold && /^[ \u00a0]+$/.test(gap)) push(gap, true);
    else push(gap, false);
    push(word, bold);
    index = start + word.length;
  }
  push(text.slice(index), false);
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
    const body = escapeMarkdown(segment.text);
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
