/**
 * "entre la mesure 3 et la mesure 5 : « … »", "entre la mesure 6 et les signatures": two places
 * named around "between" credit the clauses between them, not the two named. Read on the credits
 * already found, so each costs one look-behind on a few words.
 * The words are those of the relative-position reading (data/relative-positions.json).
 */
import { CLAUSE_ORDER } from "./declaration.ts";
import { ORDINAL } from "./numbers.ts";
import type { Credit } from "./reference-credits.ts";
import { readRelativePositionData } from "./relative-position.ts";
import type { ClauseId } from "./types.ts";
import { WORD_START, wordListSource } from "./word-patterns.ts";

const data = readRelativePositionData();
const ARTICLE = "(?:(?:la|le|les|l'|the)\\s?)?";
/** "between" and an article, right before the first place. */
const BETWEEN_BEFORE = new RegExp(
  `${WORD_START}${wordListSource(data.between)}\\s${ARTICLE}$`,
  "u",
);
/**
 * "entre la 3 et la 5", "между третьим и пятым пунктами": the second place after a first that is
 * a bare number or ordinal, itself no credit; after any other first ("entre l'OTAN et la mesure
 * 1 qui dit"), the second place still credits.
 */
const BETWEEN_NUMBER_AND_BEFORE = new RegExp(
  `${WORD_START}${wordListSource(data.between)}\\s${ARTICLE}(?:\\d{1,2}|${ORDINAL})\\s${wordListSource(data.and)}\\s${ARTICLE}$`,
  "u",
);
/** "and" and an article, the only words between the two places. */
const AND_BETWEEN = new RegExp(`^\\s${wordListSource(data.and)}\\s${ARTICLE}$`, "u");
/** Enough text before a credit for "sandwiched between the ". */
const LEAD_CHARS = 48;

/** The one clause a credit names, if it names exactly one. */
export function onlyClause(c: Credit): ClauseId | undefined {
  const [t, ...more] = c.targets;
  return t?.kind === "clause" && more.length === 0 ? t.id : undefined;
}

/** The clauses strictly between two, in the text's order. */
function clausesBetween(a: ClauseId, b: ClauseId): Credit["targets"] {
  const [lo, hi] = [CLAUSE_ORDER.indexOf(a), CLAUSE_ORDER.indexOf(b)].sort((x, y) => x - y);
  if (lo === undefined || hi === undefined || lo < 0) return [];
  return CLAUSE_ORDER.slice(lo + 1, hi).map((id) => ({ kind: "clause", id }));
}

/**
 * The credits with each pair named around "between" (or one credit naming two clauses, "между
 * третьим и пятым") replaced by one for the clauses between them, and a place that only bounds
 * such a span dropped; `folded` is the window they were found in.
 */
export function withBetweenCredits(folded: string, credits: readonly Credit[]): Credit[] {
  const out: Credit[] = [];
  for (let i = 0; i < credits.length; i++) {
    const c = credits[i] as Credit;
    const lead = folded.slice(Math.max(0, c.start - LEAD_CHARS), c.start);
    // A place that bounds a span names no clause for the quotation.
    if (BETWEEN_NUMBER_AND_BEFORE.test(lead)) continue;
    if (!BETWEEN_BEFORE.test(lead)) {
      out.push(c);
      continue;
    }
    const next = credits[i + 1];
    const a = onlyClause(c);
    const b = next && onlyClause(next);
    // Two neighbours ("entre la mesure 3 et la mesure 4") have nothing between: they stay.
    const span = a && b ? clausesBetween(a, b) : [];
    if (next && span.length > 0 && AND_BETWEEN.test(folded.slice(c.end, next.start))) {
      out.push({ start: c.start, end: next.end, targets: span, via: "between" });
      i++;
      continue;
    }
    const [x, y, ...rest] = c.targets;
    const inside =
      x?.kind === "clause" && y?.kind === "clause" && rest.length === 0
        ? clausesBetween(x.id, y.id)
        : [];
    out.push(inside.length > 0 ? { ...c, targets: inside, via: "between" } : c);
  }
  return out;
}
