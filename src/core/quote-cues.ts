/**
 * When a chat message presents a quotation from the declaration: text in « », " ", “ ” or „ “ with,
 * next to it, a clause reference ("la mesure 3 dit « … »", "selon la conclusion", found by
 * references.ts) or a cue from data/quotes.json ("la déclaration dit", "the text says", "в
 * заявлении сказано"). Quotation marks alone are everyday chat (« à demain »), and so is a cue
 * alone.
 *
 * The cue patterns are generated from the word tables, each part bounded, and only a window
 * around each quotation is read, so a scan is linear in the message's length.
 */
import { fileURLToPath } from "node:url";
import { type CreditReachWords, creditReachTest, LEAD_CHARS } from "./credit-reach.ts";
import { type RuleExamples, readDataFile } from "./data-file.ts";
import { type DeniedCreditWords, deniedCreditTest } from "./denied-credits.ts";
import type { Quotation } from "./quotation-marks.ts";
import { findQuotations } from "./quote-tokens.ts";
import {
  type Credit,
  type CreditTarget,
  creditsIn,
  targetKey,
  targetsOf,
} from "./reference-credits.ts";
import {
  arrowsAsDashes,
  normaliseForPatterns,
  WORD_START,
  type WordList,
  wordListSource,
} from "./word-patterns.ts";

const QUOTES_FILE = fileURLToPath(new URL("../../data/quotes.json", import.meta.url));

export interface CueRule extends WordList, RuleExamples {
  id: string;
}

export interface QuoteData {
  cues: CueRule[];
  typos: { clause: string; text: string; fixes: string[]; note: string }[];
  endings: { clause: string; text: string; note: string }[];
  openers: { clause: string; texts: string[] }[];
  negations: { words: string[]; suffixes: string[] };
  numbers: { words: string[]; notNumbers: string[] };
  deniedCredits: DeniedCreditWords & RuleExamples;
  creditReach: CreditReachWords & RuleExamples;
}

export function readQuoteData(file = QUOTES_FILE): QuoteData {
  return readDataFile<QuoteData>(file);
}

export const QUOTE_DATA = readQuoteData();

const deniedCredit = deniedCreditTest(QUOTE_DATA.deniedCredits);
/**
 * "Les secrétaires généraux, c'est la 1. « … », c'est autre chose.": the writer sets the quotation
 * apart from what was named before it, so no clause named there is its source. Only as a clause
 * of its own, right after the quotation: "c'est autre chose que les contacts de la 3" and
 * "that's different from …" compare it with something else.
 */
const OTHER_THING_AFTER = new RegExp(
  `^[\\s,.;—–-]{0,3}${wordListSource(QUOTE_DATA.deniedCredits.otherThingAfter)}\\s?(?:[.!?…;)]|$)`,
  "u",
);
const { reaches: creditReaches, runsOn, closesTheWalk } = creditReachTest(QUOTE_DATA.creditReach);

const CUES = QUOTE_DATA.cues.map((r) => ({
  id: r.id,
  re: new RegExp(`${WORD_START}${wordListSource(r)}`, "u"),
}));

/** The id of the first cue rule found in `text`, or null. */
export function cueIn(text: string): string | null {
  return cueInFolded(normaliseForPatterns(text));
}

/** cueIn on text already as normaliseForPatterns gives it. */
function cueInFolded(folded: string): string | null {
  return CUES.find((c) => c.re.test(folded))?.id ?? null;
}

/** The first cue in `folded` (text as normaliseForPatterns gives it): its rule and place, or null. */
function firstCue(folded: string): { id: string; start: number; end: number } | null {
  let first: { id: string; start: number; end: number } | null = null;
  for (const c of CUES) {
    const m = c.re.exec(folded);
    if (m && (!first || m.index < first.start)) {
      first = { id: c.id, start: m.index, end: m.index + m[0].length };
    }
  }
  return first;
}

/** How far before a quotation, and after it, a cue or a reference counts as presenting it. */
const BEFORE = 100;
const AFTER = 60;
/**
 * A reference or cue followed by at most this many words before the next quotation, with no
 * punctuation between, leads that quotation in ("… and measure 3 says « … »") rather than closing
 * the one before it ("« … » (mesure 4), et « … »").
 */
const LEAD_IN_WORDS = 3;
// Each word must end at a space, a colon or the end, so a word is never split: linear.
const LEADS_IN = new RegExp(
  `^\\s?:?\\s?(?:[\\p{L}\\p{N}'-]+\\s?:?(?:\\s|$)){0,${LEAD_IN_WORDS}}$`,
  "u",
);

/** A credit with nothing after it in its sentence: "« … ». Mesure 3.", "« … » (mesure 3)". */
const STANDS_ALONE = /^\s?(?:[.!?…)]|$)/u;

/** Nothing but a mark, or the end, right after a quotation: it ends its clause. */
const ENDS_ITS_CLAUSE = /^\s?(?:[.!?…,;)]|$)/u;

/** Credits read from a clause's place or name; any other carries its own lead-in ("selon"). */
const PLACE_OR_NAME = /^(?:reference$|name:|topic$|number-alone$|elliptic$)/u;
const ledIn = (c: Credit) => !PLACE_OR_NAME.test(c.via);

export interface FramedQuotation extends Quotation {
  /** What presents it as the declaration's words: a cue rule's id, "reference", or null. */
  cue: string | null;
  /** The clauses its own words around it credit it to, by number or name (for misattribution). */
  named: CreditTarget[];
}

/**
 * Each quotation with the words that frame it: the text before it, back to the previous quotation
 * (at most BEFORE characters), and after it the first reference or cue, unless that one leads in
 * the next quotation. So "la mesure 3 dit « … » et la mesure 1 dit « … »" names measure 3 for the
 * first quotation and measure 1 for the second. Each window is bounded: linear in the message.
 */
export function framedQuotations(
  text: string,
  quotations: readonly Quotation[] = findQuotations(text),
): FramedQuotation[] {
  // The text between quotations, folded once: gaps[i] lies before quotation i, the last after all.
  const lastEnd = quotations.at(-1)?.end ?? 0;
  const gaps = arrowsAsDashes([
    ...quotations.map((q, i) => text.slice(quotations[i - 1]?.end ?? 0, q.start)),
    text.slice(lastEnd, lastEnd + AFTER),
  ]).map(normaliseForPatterns);
  // Where the text before each quotation starts: after what the previous one claimed.
  let claimed = 0;
  return quotations.map((q, i) => {
    const ownGap = gaps[i] ?? "";
    const before = ownGap.slice(Math.max(claimed, ownGap.length - BEFORE));
    const gap = gaps[i + 1] ?? "";
    const window = gap.slice(0, AFTER);
    const credit =
      creditsIn(window, "after").find((c) => !deniedCredit(window, c, { afterQuotation: true })) ??
      null;
    const hit = firstOf(credit, firstCue(window));
    const isLast = i === quotations.length - 1;
    const leadsNext = hit && !isLast && LEADS_IN.test(gap.slice(hit.end));
    const after = hit && !leadsNext ? window.slice(0, hit.end) : "";
    claimed = after.length;
    // The first credit after the quotation is the only one `after` holds; its own words ("…, as
    // the conclusion puts it") may lie past it, so it is not read again from the cut window.
    // "ce n'est pas la mesure 5 qui dit « … »": a clause denied holding it presents the quotation
    // but credits it to nothing.
    const credits = creditsIn(before, "before");
    // A denial may stand just past the window's start ("Contrairement à la mesure 4 qui parle de
    // … , le préambule se contente de « … »"): it is read on the whole gap, a few words each side.
    const shift = ownGap.length - before.length;
    const deniedBefore = (c: Credit) =>
      deniedCredit(
        ownGap,
        { ...c, start: c.start + shift, end: c.end + shift },
        { opensMessage: i === 0 },
      );
    const askedBefore = (c: Credit) =>
      deniedCredit(
        ownGap,
        { ...c, start: c.start + shift, end: c.end + shift },
        { askedOnly: true },
      );
    // "ce n'est pas la mesure 1 qui prévoit « … » (la 1, ce sont les secrétaires généraux)": the
    // clause denied before the quotation is not credited by its mention after it either.
    const denied = new Set(targetsOf(credits.filter(deniedBefore)).map(targetKey));
    // After the quotation, what lies before the credit is both the gap and its lead.
    const upToCredit = credit ? window.slice(0, credit.start) : "";
    const creditedAfter =
      after &&
      credit &&
      hit === credit &&
      creditReaches(
        upToCredit,
        "after",
        upToCredit,
        ledIn(credit),
        STANDS_ALONE.test(window.slice(credit.end)),
      ) &&
      !credit.targets.every((t) => denied.has(targetKey(t)));
    // From the nearest credit back: the cap on words counts for one with no credit that reaches
    // the quotation between them ("Measure one is dull compared with the second recital's « … »":
    // the recital, passed by the comparison, leaves measure one nearest).
    // "La mesure 6 ? « … »." asks and answers; "Measure 5? « … » beats it" says something else.
    const answered = ENDS_ITS_CLAUSE.test(window);
    const reaching: Credit[] = [];
    const setApart = OTHER_THING_AFTER.test(window);
    for (const c of setApart ? [] : [...credits].reverse()) {
      const nearest = !reaching.some((o) => o.start >= c.end);
      const between = before.slice(c.end);
      // The nearest credit's own statement runs on: any credit before it is further still.
      if (nearest && runsOn(between)) break;
      const lead = ownGap.slice(Math.max(0, c.start + shift - LEAD_CHARS), c.start + shift);
      // Asked about ("Mesure 5 : la mesure 4 recoupe-t-elle « … » ?"), passed on the way yet saying
      // it, or in a clause of its own, the nearest clause is the one the quotation is about: none
      // before it reaches.
      if (nearest && (closesTheWalk(between, lead) || askedBefore(c))) break;
      if (!deniedBefore(c) && creditReaches(between, "before", lead, ledIn(c), answered))
        reaching.unshift(c);
    }
    const named = targetsOf([...reaching, ...(creditedAfter ? [credit] : [])]);
    const cue =
      named.length > 0 || credits.length > 0
        ? "reference"
        : (cueInFolded(before) ?? (after ? cueInFolded(after) : null));
    return { ...q, cue, named };
  });
}

/** The earlier of two hits. */
function firstOf<
  A extends { start: number; end: number },
  B extends { start: number; end: number },
>(a: A | null, b: B | null): A | B | null {
  if (!a || !b) return a ?? b;
  return a.start <= b.start ? a : b;
}

export interface PresentedQuotations {
  /** Each with the clauses its own framing names. */
  quotations: FramedQuotation[];
  /** What presented the first: a cue rule's id, or "reference". */
  cue: string;
}

/**
 * The quotations a message presents as the declaration's words, or null when it presents none.
 * Only quotations with a cue or a reference next to them count.
 */
export function presentedQuotations(text: string): PresentedQuotations | null {
  const presented = framedQuotations(text).filter((q) => q.cue !== null);
  const cue = presented[0]?.cue;
  return cue ? { quotations: presented, cue } : null;
}
