/**
 * When a chat message presents a quotation from the declaration: text in « », " ", “ ” or „ “ with,
 * next to it, a clause reference ("la mesure 3 dit « … »", found by references.ts) or a cue from
 * data/quotes.json ("la déclaration dit", "the text says", "в заявлении сказано"). Quotation marks
 * alone are everyday chat (« à demain »), and so is a cue alone.
 *
 * The cue patterns are generated from the word tables, each part bounded, and only a window
 * around each quotation is read, so a scan is linear in the message's length.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findQuotations, type Quotation } from "./quote-tokens.ts";
import { findReferences, type ReferenceTarget } from "./references.ts";
import {
  normaliseForPatterns,
  WORD_START,
  type WordList,
  wordListSource,
} from "./word-patterns.ts";

const QUOTES_FILE = fileURLToPath(new URL("../../data/quotes.json", import.meta.url));

export interface CueRule extends WordList {
  id: string;
  fires: string[];
  spares: string[];
}

export interface QuoteData {
  cues: CueRule[];
  typos: { clause: string; text: string; fixes: string[]; note: string }[];
  negations: { words: string[]; suffixes: string[] };
  numbers: { words: string[]; notNumbers: string[] };
}

export function readQuoteData(file = QUOTES_FILE): QuoteData {
  return JSON.parse(readFileSync(file, "utf8")) as QuoteData;
}

export const QUOTE_DATA = readQuoteData();

const CUES = QUOTE_DATA.cues.map((r) => ({
  id: r.id,
  re: new RegExp(`${WORD_START}${wordListSource(r)}`, "u"),
}));

/** The id of the first cue rule found in `text`, or null. */
export function cueIn(text: string): string | null {
  const folded = normaliseForPatterns(text);
  return CUES.find((c) => c.re.test(folded))?.id ?? null;
}

/** How far before a quotation, and after it, a cue or a reference counts as presenting it. */
const BEFORE = 100;
const AFTER = 60;

export interface PresentedQuotations {
  quotations: Quotation[];
  /** What presented them: a cue rule's id, or "reference". */
  cue: string;
  /** The clauses the words around the quotations name (for misattribution). */
  named: ReferenceTarget[];
}

/**
 * The quotations a message presents as the declaration's words, or null when it presents none.
 * Only quotations with a cue or a reference next to them count.
 */
export function presentedQuotations(text: string): PresentedQuotations | null {
  const all = findQuotations(text);
  const presented: Quotation[] = [];
  const named: ReferenceTarget[] = [];
  let cue: string | null = null;
  all.forEach((q, i) => {
    const from = Math.max(all[i - 1]?.end ?? 0, q.start - BEFORE);
    const to = Math.min(all[i + 1]?.start ?? text.length, q.end + AFTER);
    const around = `${text.slice(from, q.start)} … ${text.slice(q.end, to)}`;
    const refs = findReferences(around);
    const rule = refs.length > 0 ? "reference" : cueIn(around);
    if (!rule) return;
    cue ??= rule;
    presented.push(q);
    named.push(...refs);
  });
  return cue ? { quotations: presented, cue, named } : null;
}
