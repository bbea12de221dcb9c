/** Where a run of words is in the clauses: word for word, or with a few characters edited. */
import search from "approx-string-match";
import type { ClauseId } from "../types.ts";
import { type ClauseText, type Span, tokenAt } from "./clause-index.ts";

/** A near match has at most this share of its characters edited. */
export const NEAR_MAX = 0.3;
/** How many more changed characters (a share of the quotation) the credited clause may need. */
const NAMED_SLACK = 0.05;

/** Every clause that holds `keys` word for word. */
export function exactAll(texts: ClauseText[], keys: string): Span[] {
  const out: Span[] = [];
  const needle = ` ${keys} `;
  for (const at of texts) {
    const i = ` ${at.keys} `.indexOf(needle);
    if (i < 0) continue;
    const from = tokenAt(at, i);
    out.push({ at, from, to: from + keys.split(" ").length, errors: 0 });
  }
  return out;
}

/**
 * `keys` word for word in a placed piece's clause, after it (the first place) or before it (the
 * last), and not past `far`, the placed piece on the other side, when it is in the same clause.
 */
export function exactNear(
  placed: Span,
  keys: string,
  side: "after" | "before",
  far?: Span | null,
): Span | null {
  const at = placed.at;
  const padded = ` ${at.keys} `;
  const needle = ` ${keys} `;
  // In `padded`, offsets[k] is the space before token k.
  const spaceBefore = (k: number) => at.offsets[k] ?? at.keys.length;
  const sameClause = far && far.at === at ? far : null;
  let i: number;
  if (side === "after") {
    i = padded.indexOf(needle, spaceBefore(placed.to));
    if (sameClause && i + needle.length - 1 > spaceBefore(sameClause.from)) return null;
  } else {
    i = padded.lastIndexOf(needle, spaceBefore(placed.from) - needle.length + 1);
    if (sameClause && i < spaceBefore(sameClause.to)) return null;
  }
  if (i < 0) return null;
  const from = tokenAt(at, i);
  return { at, from, to: from + keys.split(" ").length, errors: 0 };
}

/**
 * The clause span closest to `keys` with at most `share` of its characters edited (fewest edits;
 * a named clause, then reading order, on ties). The search costs in proportion to the edits
 * allowed, so only a near match's worth is allowed.
 */
export function closest(
  texts: readonly ClauseText[],
  keys: string,
  namedIds: ClauseId[],
  share = NEAR_MAX,
): Span | null {
  let best: Span | null = null;
  let bestNamed: Span | null = null;
  const maxErrors = Math.ceil(share * keys.length);
  for (const at of texts) {
    const matches = search(at.keys, keys, maxErrors);
    let m = matches[0];
    for (const x of matches) if (m && x.errors < m.errors) m = x;
    if (!m) continue;
    const from = tokenAt(at, m.start);
    const to = tokenAt(at, Math.max(m.start, m.end - 1)) + 1;
    const span = { at, from, to, errors: m.errors };
    if (namedIds.includes(at.clause.id) && (!bestNamed || m.errors < bestNamed.errors)) {
      bestNamed = span;
    }
    if (!best || m.errors < best.errors) best = span;
  }
  // A changed quotation that fits the clause it is credited to about as well as another is read
  // in that clause ("tout en bas : « Signé : Les ministres … des sept États membres »"); an exact
  // one found elsewhere is not.
  const slack = best && best.errors > 0 ? Math.ceil(NAMED_SLACK * keys.length) : 0;
  return bestNamed && best && bestNamed.errors <= best.errors + slack ? bestNamed : best;
}
