/** What a quote check says: the verdict, the changes and the report the renderers read. */
import type { CreditTarget } from "../reference-credits.ts";
import type { ClauseId, Lang } from "../types.ts";

export type Verdict =
  | "verbatim"
  | "near"
  | "composite"
  | "misattributed"
  | "not-found"
  | "too-short";
export type QuoteFlag = "negation" | "number" | "accents";

export interface QuoteChange {
  kind: "changed" | "added" | "removed";
  /** The quote's words ("" when the quote left the text's words out). */
  quote: string;
  /** The declaration's words ("" when the quote added words). */
  text: string;
}

/** The verdict as `npm run verify -- --json` prints it: exactly these fields. */
export interface QuoteCheck {
  verdict: Verdict;
  clause: ClauseId | null;
  clauses: ClauseId[];
  changes: QuoteChange[];
  flags: QuoteFlag[];
}

/** What the renderers say besides the verdict. */
export interface QuoteReport extends QuoteCheck {
  /** The quotation checked, as written. */
  quote: string;
  /** The text it was compared with: fr is the original; en and ru are unofficial translations. */
  lang: Lang;
  /** What the words around the quotation credit it to ("la mesure 3 dit", "selon le préambule"). */
  named: CreditTarget[];
  /** The quote differs from the text in typography only (quotes, dashes, case, punctuation). */
  typography: boolean;
  /** The original's own typos that the quote corrected, as the original writes them. */
  typosFixed: string[];
  /** The quote's words that stand elsewhere in the clause (the quote changed their order). */
  moved: string[];
  /** The declaration's words the quote was matched with, or the closest passage (not-found). */
  passage: string | null;
}
