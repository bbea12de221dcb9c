/**
 * The quote checker over the declaration: one quotation in, its report out.
 */
import { mostlyCyrillic } from "../alphabets.ts";
import { loadDeclaration } from "../declaration.ts";
import { QUOTATION_MAX } from "../quotation-marks.ts";
import { keyText, MIN_QUOTE_CHARS, piecesBetweenGaps } from "../quote-tokens.ts";
import { type CreditTarget, creditedIds } from "../reference-credits.ts";
import { firstReference } from "../references.ts";
import type { Clause, ClauseId, Lang } from "../types.ts";
import { normaliseForPatterns } from "../word-patterns.ts";
import { buildQuoteIndex, correctTypos, type QuoteIndex } from "./clause-index.ts";
import { type QuotedLabel, reportQuote } from "./describe.ts";
import { type Analysis, analyse } from "./locate.ts";
import type { QuoteReport } from "./verdict.ts";

/**
 * Shortest quotation checked unprompted in chat: a few words in quotation marks next to a clause
 * reference ("la mesure 4 parle des « exercices »") are talk about the clause, not a quotation.
 */
export const CHAT_MIN_QUOTE_CHARS = 30;
/** Longest quotation checked (the longest quotation chat reads); longer input is cut. */
export const QUOTE_MAX_CHARS = QUOTATION_MAX;
/** A measure's own number written before a quote ("2. Établir…", "mesure 2 : …"), read this far. */
const LABEL_MAX_CHARS = 30;
const LABEL_DIGITS = /^\s?(\d{1,2})\s?[.)](?=\s)/u;

/**
 * A gap mark ending the quotation ("… militaires…", "… [...]"): the writer cut it there. The
 * quotation comes trimmed, so at most one space stands before a closing mark.
 */
const OPEN_END = /(?:…|\.{3})[\])]?\s?["'»”’]?$/u;

/** A label a quotation starts with ("3.", "mesure 2 :"): see QuoteChecker.leadingLabel. */
interface QuoteLabel extends QuotedLabel {
  /** Where it ends in the quote. */
  end: number;
  /** A reference ("mesure 2"), not a bare number. */
  reference: boolean;
}

export class QuoteChecker {
  private readonly index: QuoteIndex;

  constructor(clauses: readonly Clause[] = loadDeclaration()) {
    this.index = buildQuoteIndex(clauses);
  }

  /** The clause `id` (for labels in the renderers). */
  clause(id: ClauseId): Clause | undefined {
    return this.index.byId.get(id);
  }

  /**
   * Checks one quotation. `named` are the clauses the words around it credit it to ("la mesure 3
   * dit", "le préambule dit"): they decide misattribution. A label the quote starts with ("2.
   * Établir…", "mesure 2 : …") is quoted text, not a credit: the measure's own number is part of
   * its text, and another number is a changed number (near). Only `labelCredits` (a text given
   * without quotation marks, where "mesure 2 :" is the writer's own words) makes a reference label
   * a credit. Quotations shorter than `minChars` are too short to judge.
   */
  check(
    quotation: string,
    opts: { named?: readonly CreditTarget[]; minChars?: number; labelCredits?: boolean } = {},
  ): QuoteReport {
    const quote = quotation.slice(0, QUOTE_MAX_CHARS).trim();
    const label = this.leadingLabel(quote);
    const credits = opts.labelCredits && label?.reference ? label.named : [];
    const named = [...(opts.named ?? []), ...credits];
    const pieces = piecesBetweenGaps(quote)
      .map((p) =>
        correctTypos(
          this.index,
          p.filter((t) => t.start >= (label?.end ?? 0)),
        ),
      )
      .filter((p) => p.length > 0);
    const chars = pieces.reduce((n, p) => n + keyText(p).length, 0);
    const base = { quote, named, typography: false, typosFixed: [], moved: [], passage: null };
    if (chars < (opts.minChars ?? MIN_QUOTE_CHARS)) {
      return {
        ...base,
        verdict: "too-short",
        clause: null,
        clauses: [],
        changes: [],
        flags: [],
        lang: "fr",
      };
    }
    const namedIds = named.flatMap(creditedIds);
    // The label's measure is preferred where the words are in several clauses, never a credit.
    const preferred = [...namedIds, ...(label?.named ?? []).flatMap(creditedIds)];
    // The alphabet most letters are in, so that one look-alike letter does not switch languages.
    const langs: Lang[] = mostlyCyrillic(quote) ? ["ru"] : ["fr", "en"];
    let best: { lang: Lang; a: Analysis } | null = null;
    for (const lang of langs) {
      const a = analyse(this.index, pieces, lang, preferred, OPEN_END.test(quote));
      if (!best || a.cost < best.a.cost) best = { lang, a };
    }
    if (!best) throw new Error("quote check: no language");
    const quotedLabel = label && credits.length === 0 ? label : null;
    return reportQuote(this.index, quote, best.lang, best.a, {
      named,
      namedIds,
      label: quotedLabel,
    });
  }

  /**
   * A measure's number the quote starts with: "2. …", "2) …", or a reference before a colon
   * ("mesure 2 : …"). Where the label ends in the quote, its words, the measure it names (none
   * for a number no measure has), and whether it is a reference (words, not a bare number).
   */
  private leadingLabel(quote: string): QuoteLabel | null {
    const digits = LABEL_DIGITS.exec(quote);
    if (digits) {
      const n = Number(digits[1]);
      const measure = this.index.texts.fr.find(
        (t) => t.clause.kind === "measure" && t.clause.number === n,
      );
      return {
        end: digits[0].length,
        words: digits[1] ?? "",
        named: measure ? [{ kind: "clause", id: measure.clause.id }] : [],
        reference: false,
      };
    }
    const colon = quote.slice(0, LABEL_MAX_CHARS).indexOf(":");
    if (colon < 0) return null;
    const folded = normaliseForPatterns(quote.slice(0, colon)).trim();
    const ref = firstReference(folded);
    return ref && ref.start === 0 && ref.end === folded.length
      ? { end: colon + 1, words: quote.slice(0, colon).trim(), named: ref.targets, reference: true }
      : null;
  }
}

let shared: QuoteChecker | null = null;

/** The checker over the declaration, built once. */
export function getQuoteChecker(): QuoteChecker {
  shared ??= new QuoteChecker();
  return shared;
}
