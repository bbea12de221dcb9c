/**
 * Where a message quotes: the pairs of quotation marks, read without judging what is inside, so
 * that code that only needs the quoted words (a clause named by its first words) does not load the
 * quote checker's tokenizer.
 */

export interface Quotation {
  /** The quoted text, without its marks. */
  text: string;
  /** Where the marks stand in the message (the opening mark's index, the closing mark's end). */
  start: number;
  end: number;
}

/** Longest quotation read; a declaration clause is under 500 characters, two of them under 1,000. */
export const QUOTATION_MAX = 1000;

/**
 * Inside single quotes ('…', ‘…’): any character but a single quote or a line end, or an
 * apostrophe between two letters, the elision or contraction it is ("qu'observateurs",
 * "l’OTAN", "NATO's"). A single quote opens after a space or punctuation, before a non-space, and
 * closes after a non-space, before anything but a letter or a digit: a word's apostrophe does
 * neither.
 */
const SINGLE_INNER = `(?:[^'‘’\\n]|(?<=\\p{L})['’](?=\\p{L}))`;

/**
 * Quotations in « », “ ”, „ “, " ", ‹ › or single quotes. Each alternative reads a bounded run of
 * characters that are not its own closing mark, so an unclosed mark costs one bounded scan and
 * the whole search stays linear.
 */
const QUOTATION = new RegExp(
  [
    `«([^«»]{1,${QUOTATION_MAX}})»`,
    `“([^“”„]{1,${QUOTATION_MAX}})[”“]`,
    `„([^„“”]{1,${QUOTATION_MAX}})[“”]`,
    `"([^"]{1,${QUOTATION_MAX}})"`,
    `‹([^‹›]{1,${QUOTATION_MAX}})›`,
    `(?<![\\p{L}\\p{N}])['‘](?=[^\\s'‘’])(${SINGLE_INNER}{1,${QUOTATION_MAX}})(?<=\\S)['’](?![\\p{L}\\p{N}])`,
  ].join("|"),
  "gu",
);

/** Every quotation in `text`, in order; marks pairs do not overlap, so the scan is linear. */
export function* quotationMarks(text: string): Generator<Quotation> {
  for (const m of text.matchAll(QUOTATION)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? "").trim();
    const start = m.index ?? 0;
    if (inner) yield { text: inner, start, end: start + m[0].length };
  }
}
