/**
 * Checks a quotation against the declaration: the French original, or the team's working English
 * and Russian translations (unofficial). Typography never counts (quote-tokens.ts); then an exact
 * match, then an approximate one: approx-string-match (Myers' bit-parallel algorithm, any pattern
 * length) finds the closest span of each clause, and jsdiff's word diff says what changed.
 *
 * Verdicts:
 * - verbatim: the words of one clause, up to typography (accents and the original's own typos
 *   are notes, never misquotes); gap marks ([…], (...), …) may skip words, in order;
 * - near: one clause with word changes, each listed (pieces of one clause, in any order, are
 *   that clause with words left out or moved; see one-clause.ts);
 * - composite: pieces of two clauses or more given as one quote, each a real part of it;
 * - misattributed: verbatim or near, but the words around the quote credit it, by number or by
 *   name ("la mesure 4 dit", "selon la conclusion"), to clauses it is not in (a number or name
 *   inside the quotation marks is quoted text, never a credit);
 * - not-found: no clause is close (the closest passage is given);
 * - too-short: under MIN_QUOTE_CHARS, too short to judge.
 * An edit that adds, removes or changes a negation or a number is always flagged.
 *
 * This file is the checker's front: the quotations of a text found, framed and checked. The
 * checker is in `checker.ts`; locating a quotation in `locate.ts`; describing how it differs in
 * `describe.ts`.
 */
import { framedQuotations } from "../quote-cues.ts";
import { findQuotations, MAX_QUOTATIONS, MAX_QUOTED, MIN_QUOTE_CHARS } from "../quote-tokens.ts";
import { CHAT_MIN_QUOTE_CHARS, getQuoteChecker } from "./checker.ts";
import type { QuoteCheck, QuoteReport } from "./verdict.ts";

export { MAX_QUOTED, MIN_QUOTE_CHARS } from "../quote-tokens.ts";
export {
  CHAT_MIN_QUOTE_CHARS,
  getQuoteChecker,
  QUOTE_MAX_CHARS,
  QuoteChecker,
} from "./checker.ts";
export type {
  QuoteChange,
  QuoteCheck,
  QuoteFlag,
  QuoteReport,
  Verdict,
} from "./verdict.ts";

/**
 * Find, frame, cut, check: the quotations in `text`, each framed by the words around it among
 * all the quotations found (so a lead-in such as "et la mesure 3 dit" goes to the quotation it
 * introduces, even one past `max`), then checked in order until `max` are long enough to judge.
 * With `presentedOnly`, only quotations a cue or a reference presents count (chat); with
 * `presentedFirst`, those come first. When every quotation is too short, the first one's report
 * says so; none at all gives [].
 */
export function checkQuotations(
  text: string,
  {
    max,
    minChars = MIN_QUOTE_CHARS,
    presentedOnly = false,
    presentedFirst = false,
  }: { max: number; minChars?: number; presentedOnly?: boolean; presentedFirst?: boolean },
): QuoteReport[] {
  const checker = getQuoteChecker();
  const reports: QuoteReport[] = [];
  let tooShort: QuoteReport | null = null;
  const framed = framedQuotations(text, findQuotations(text));
  // "lol 'direct contacts' my foot. the text literally goes « … »": the quotation the message
  // presents as the text's words comes before a few words in scare quotes.
  const ordered = presentedFirst
    ? [...framed.filter((q) => q.cue !== null), ...framed.filter((q) => q.cue === null)]
    : framed;
  for (const q of ordered) {
    if (presentedOnly && q.cue === null) continue;
    const r = checker.check(q.text, { named: q.named, minChars });
    if (r.verdict === "too-short") tooShort ??= r;
    else if (reports.push(r) >= max) break;
  }
  return reports.length === 0 && tooShort ? [tooShort] : reports;
}

/**
 * How a conversation reads the quotations a message presents: asked directly (a mention, a DM, a
 * line typed in the console) every one is reported, verbatim and too short included; unprompted, in
 * ordinary chat, only misquotes of CHAT_MIN_QUOTE_CHARS or more, so that a few quoted words next to
 * a reference stay talk about the clause.
 */
export const CONVERSATION_READING = {
  addressed: { verbatimToo: true, minChars: MIN_QUOTE_CHARS },
  unprompted: { verbatimToo: false, minChars: CHAT_MIN_QUOTE_CHARS },
} as const;

/**
 * The quotations a message presents (a cue or a reference next to them), checked, at most
 * MAX_QUOTED, each against the clauses its own framing names, and kept as `reading` says: [] when
 * there is nothing to say. Chat and the console both answer from this.
 */
export function presentedQuoteReports(
  text: string,
  reading: keyof typeof CONVERSATION_READING,
): QuoteReport[] {
  const { verbatimToo, minChars } = CONVERSATION_READING[reading];
  const reports = checkQuotations(text, { max: MAX_QUOTED, minChars, presentedOnly: true });
  return verbatimToo
    ? reports
    : reports.filter((r) => r.verdict !== "verbatim" && r.verdict !== "too-short");
}

/**
 * Checks what someone asked to be checked (/verify, "Check quote", `npm run verify`): the
 * quotations in the text (checkQuotations), or the whole text as one quotation when it has no
 * quotation marks; then a reference it starts with ("mesure 5 : …") is the writer's own credit.
 * At most `max` quotations.
 */
export function checkText(text: string, max = MAX_QUOTATIONS): QuoteReport[] {
  const reports = checkQuotations(text, { max, presentedFirst: true });
  return reports.length > 0 ? reports : [getQuoteChecker().check(text, { labelCredits: true })];
}

/** The contract of `--json`: exactly verdict, clause, clauses, changes and flags. */
export function toContract(r: QuoteReport): QuoteCheck {
  return {
    verdict: r.verdict,
    clause: r.clause,
    clauses: r.clauses,
    changes: r.changes,
    flags: r.flags,
  };
}
