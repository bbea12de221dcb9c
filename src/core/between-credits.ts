/**
 * "entre la mesure 3 et la mesure 5 : « … »", "entre la mesure 6 et les signatures": two places
 * named around "between" credit the clauses between them, not the two named; "de la mesure 1 à la
 * mesure 5", "от пункта 1 до пункта 5" credit the span, both ends included. Read on the credits
 * already found, so each costs one look-behind on a few words.
 * The words are those of the relative-position reading (data/relative-positions.json).
 */
import { CLAUSE_ORDER } from "./declaration.ts";
import { ORDINAL } from "./numbers.ts";
import type { Credit } from "./reference-credits.ts";
import { referenceWords } from "./references.ts";
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
/**
 * A noun of relation right before "between" ("le lien entre", "un monde entre", "quelle différence
 * entre"): the two are compared, not a span of the text, and neither holds the quotation.
 */
const RELATION_BEFORE_BETWEEN = new RegExp(
  `${WORD_START}${wordListSource(data.relations)}\\s${wordListSource(data.between)}\\s${ARTICLE}$`,
  "u",
);
/** "and" and an article, the only words between the two places. */
const AND_BETWEEN = new RegExp(`^\\s${wordListSource(data.and)}\\s${ARTICLE}$`, "u");
/** "de la mesure 1 à la mesure 5", "от пункта 1 до пункта 5": a span from one place to another. */
const FROM_BEFORE = new RegExp(`${WORD_START}${wordListSource(data.rangeFrom)}\\s${ARTICLE}$`, "u");
const TO_BETWEEN = new RegExp(`^\\s${wordListSource(data.rangeTo)}\\s${ARTICLE}$`, "u");
/**
 * One end of a span whose other end is no credit ("de la mesure 2 à la fin", "de la 3e à la 5e
 * mesure", "from the preamble to measure 5", "с третьего по пятый пункт"): the span is not read,
 * and the end named credits nothing rather than the one clause. The other end is a number, an
 * ordinal or a part's name, so "de plus il y a la mesure 5" is no span.
 */
const BOUND = `(?:\\d{1,2}\\p{L}{0,4}|${ORDINAL}|${referenceWords("preamble")}|${referenceWords("measure")}|${referenceWords("recital")}|${referenceWords("part")})`;
const SPAN_END_BEFORE = new RegExp(
  `${WORD_START}${wordListSource(data.rangeFrom)}\\s${ARTICLE}${BOUND}(?:\\s[\\p{L}\\p{N}'-]{1,20}){0,2}\\s${wordListSource(data.rangeTo)}\\s${ARTICLE}$`,
  "u",
);
const SPAN_START_AFTER = new RegExp(
  `^\\s${wordListSource(data.rangeTo)}\\s${ARTICLE}(?:${BOUND}|${wordListSource(data.rangeEnds)})(?![\\p{L}])`,
  "u",
);
/** Enough text before a credit for "sandwiched between the ". */
const LEAD_CHARS = 48;

/** The one clause a credit names, if it names exactly one. */
export function onlyClause(c: Credit): ClauseId | undefined {
  const [t, ...more] = c.targets;
  return t?.kind === "clause" && more.length === 0 ? t.id : undefined;
}

/** The clauses strictly between two, in the text's order. */
function clausesBetween(a: ClauseId, b: ClauseId): Credit["targets"] {
  return clausesBetweenParts([a], [b]);
}

/** The clauses from the first part to the last, both included, in the text's order. */
function clausesFromTo(a: ClauseId[], b: ClauseId[]): Credit["targets"] {
  const at = [...a, ...b].map((id) => CLAUSE_ORDER.indexOf(id));
  if (at.length === 0 || at.includes(-1)) return [];
  return CLAUSE_ORDER.slice(Math.min(...at), Math.max(...at) + 1).map((id) => ({
    kind: "clause",
    id,
  }));
}

/** The places a credit names, clauses or groups ("le préambule", "les mesures"), as clause ids. */
function placesOf(c: Credit): ClauseId[] {
  return c.targets.flatMap((t) =>
    t.kind === "clause" ? [t.id] : t.kind === "group" ? t.clauses : [],
  );
}

/**
 * The clauses strictly between two parts of the text, each one clause or a run of them ("между
 * преамбулой и пунктами": the appeal); none when they overlap or touch.
 */
function clausesBetweenParts(a: ClauseId[], b: ClauseId[]): Credit["targets"] {
  const at = (ids: ClauseId[]) => ids.map((id) => CLAUSE_ORDER.indexOf(id));
  const [ia, ib] = [at(a), at(b)];
  if (ia.length === 0 || ib.length === 0 || ia.includes(-1) || ib.includes(-1)) return [];
  const [first, second] = Math.max(...ia) < Math.min(...ib) ? [ia, ib] : [ib, ia];
  return CLAUSE_ORDER.slice(Math.max(...first) + 1, Math.min(...second)).map((id) => ({
    kind: "clause",
    id,
  }));
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
    const to = credits[i + 1];
    if (FROM_BEFORE.test(lead)) {
      if (to && TO_BETWEEN.test(folded.slice(c.end, to.start))) {
        const span = clausesFromTo(placesOf(c), placesOf(to));
        if (span.length > 0) {
          out.push({ start: c.start, end: to.end, targets: span, via: "between" });
          i++;
          continue;
        }
      }
      const after = folded.slice(c.end, to?.start ?? c.end + LEAD_CHARS);
      if (SPAN_START_AFTER.test(after) && !TO_BETWEEN.test(after)) continue;
    }
    if (SPAN_END_BEFORE.test(lead)) continue;
    if (RELATION_BEFORE_BETWEEN.test(lead)) {
      const next = credits[i + 1];
      if (next && AND_BETWEEN.test(folded.slice(c.end, next.start))) i++;
      continue;
    }
    if (!BETWEEN_BEFORE.test(lead)) {
      out.push(c);
      continue;
    }
    const next = credits[i + 1];
    // Two neighbours ("entre la mesure 3 et la mesure 4") have nothing between: they stay.
    const paired = next !== undefined && AND_BETWEEN.test(folded.slice(c.end, next.start));
    const span = paired ? clausesBetweenParts(placesOf(c), placesOf(next)) : [];
    if (next && span.length > 0) {
      out.push({ start: c.start, end: next.end, targets: span, via: "between" });
      i++;
      continue;
    }
    const [x, y, ...rest] = c.targets;
    const inside =
      x?.kind === "clause" && y?.kind === "clause" && rest.length === 0
        ? clausesBetween(x.id, y.id)
        : [];
    if (inside.length > 0) out.push({ ...c, targets: inside, via: "between" });
    // "между преамбулой и пунктами": the other bound is no clause's name; this one bounds a span.
    else if (paired || placesOf(c).length <= 1) out.push(c);
  }
  return out;
}
