/**
 * Pieces of a quotation found verbatim (locate.ts's piecesOf) that are, after all, one clause
 * with words changed, dropped or moved: a near quotation, not a stitch of several clauses.
 * - editedClause: one clause's pieces in order around an added negation;
 * - shortenedClause: one clause's pieces in order, a few of its words left out between them;
 * - reorderedClause: one clause's pieces in another order ("des démarches conjointes suivantes,
 *   à titre de mesures urgentes");
 * - mostlyIn, holdsButAPhrase: most of the quote in one clause, the rest a few words found
 *   elsewhere too ("le Conseil de sécurité de l'OTAN" for "le Conseil de l'Atlantique Nord").
 * Composites stay composites: pieces of two clauses, each a real part of the quote.
 */
import { isStopWord } from "../analysis.ts";
import { keyText, type Token } from "../quote-tokens.ts";
import type { ClauseText, Located, Span } from "./clause-index.ts";
import { closest } from "./find-spans.ts";
import { addedNumbers, isNegation, isNumber } from "./word-kinds.ts";

/** Share of the located quote that one clause must hold for the rest to count as changed words. */
const DOMINANT_SHARE = 0.7;
/** Words of the clause a shortened quotation may leave out, as a share of the words it keeps. */
const MAX_DROPPED_SHARE = 1;
/**
 * One clause holds a quote but for a phrase when its pieces cover this share of the quote's words
 * and the pieces found elsewhere have at most this many content words together.
 */
const HOLDS_SHARE = 0.5;
const ELSEWHERE_CONTENT_WORDS = 1;

/**
 * Whether `at` holds most of what was located, and every piece found elsewhere is words `at`
 * also has ("la lutte contre"): the quote is `at` with words changed, not a stitch of clauses.
 */
export function mostlyIn(at: ClauseText, located: readonly Located[]): boolean {
  let inClause = 0;
  let total = 0;
  let elsewhere = false;
  for (const l of located) {
    const keys = keyText(l.quote);
    total += keys.length;
    if (l.at.clause.id === at.clause.id) inClause += keys.length;
    else if (` ${at.keys} `.includes(` ${keys} `)) {
      inClause += keys.length;
      elsewhere = true;
    } else return false;
  }
  // Pieces all of one clause are read by shortenedClause and reorderedClause.
  return elsewhere && inClause / total >= DOMINANT_SHARE;
}

/**
 * Whether `at`, the clause closest to the whole quote, holds it but for a short phrase: its
 * pieces cover at least HOLDS_SHARE of the quote's words (`words`), and the pieces found
 * elsewhere have at most ELSEWHERE_CONTENT_WORDS words that are not function words ("de sécurité
 * de l'" in "le Conseil de sécurité de l'OTAN", "dans la lutte" in "… plus étroite dans la lutte
 * antiterroriste"). Then the quote is that clause with a phrase changed, credited to it or not;
 * a real piece of another clause ("afin de renforcer la confiance"), or a phrase bringing a word
 * the clause lacks ("pour tous les États membres de l'OTAN" after the second recital, "notre
 * attachement" in the closing), keeps it a composite, unless the quote also sets in a number.
 */
export function holdsButAPhrase(
  at: ClauseText,
  located: readonly Located[],
  quote: readonly Token[],
  common: ReadonlySet<string>,
): boolean {
  const words = quote.length;
  let inClause = 0;
  let content = 0;
  let foreign = false;
  const own = ` ${at.keys} `;
  for (const l of located) {
    if (l.at === at) inClause += l.quote.length;
    else {
      content += contentWords(l.quote, common);
      foreign ||= l.quote.some(
        (t) => !isStopWord(t.key) && !common.has(t.key) && !own.includes(` ${t.key} `),
      );
    }
  }
  // A number set in ("les 57 États de l'OSCE", "les 30 membres de l'OTAN") makes the quotation a
  // changed clause whatever the phrase around it.
  const number = addedNumbers(quote, (key) => own.includes(` ${key} `)).length > 0;
  return (
    inClause >= HOLDS_SHARE * words && content <= ELSEWHERE_CONTENT_WORDS && (!foreign || number)
  );
}

/**
 * Whether the quote, a clear near match of `at`, is rather a stitch: it starts or ends with a
 * piece of another clause that `at` does not have in that order, with more than
 * ELSEWHERE_CONTENT_WORDS content words, and that piece brings a content word `at` lacks ("un
 * dialogue constructif" before measure 1's words) or is that clause's own first or last words
 * ("Nous, ministres des Affaires étrangères", the opening's, before the appeal's words). A piece
 * of words `at` has too ("de l'OTSC et de l'OTAN") is a rewording of `at`, not a stitch.
 */
export function foreignPiece(
  at: ClauseText,
  located: readonly Located[],
  quote: readonly Token[],
  common: ReadonlySet<string>,
): boolean {
  const own = new Set(at.tokens.map((t) => t.key));
  return located.some(
    (l) =>
      l.at !== at &&
      (l.quote[0] === quote[0] || l.quote.at(-1) === quote.at(-1)) &&
      !` ${at.keys} `.includes(` ${keyText(l.quote)} `) &&
      contentWords(l.quote, common) > ELSEWHERE_CONTENT_WORDS &&
      (contentWords(
        l.quote.filter((t) => !own.has(t.key)),
        common,
      ) > 0 ||
        isEdgeOf(l)),
  );
}

/**
 * The quote opened with another clause's signing first words (data/quotes.json "openers": "Nous
 * réaffirmons", the closing's) before the words of `at` ("notre attachement à l'objectif…", the
 * first recital's): the two pieces, or null. Those words are too few to be found as a piece, yet
 * they sign their clause, and the quote is a stitch of the two. The rest must fit `at` as closely
 * as a clear near match (`share` of its characters edited).
 */
export function openedByAnother(
  at: ClauseText,
  texts: readonly ClauseText[],
  quote: readonly Token[],
  openers: ReadonlyMap<string, string[][]>,
  share: number,
): Located[] | null {
  for (const other of texts) {
    if (other === at) continue;
    for (const opener of openers.get(other.clause.id) ?? []) {
      const k = opener.length;
      const rest = quote.slice(k);
      if (rest.length < k || !opener.every((key, i) => quote[i]?.key === key)) continue;
      const span = closest([at], keyText(rest), [], share);
      if (!span) continue;
      return [
        { at: other, from: 0, to: k, errors: 0, quote: quote.slice(0, k) },
        { ...span, quote: rest },
      ];
    }
  }
  return null;
}

/** A piece that starts its clause (after a measure's number) or ends it. */
function isEdgeOf(l: Located): boolean {
  const first = l.at.clause.number === null ? 0 : 1;
  return l.from <= first || l.to === l.at.tokens.length;
}

/** The words that tell a phrase's clause: neither function words nor the text's `common` ones. */
const contentWords = (tokens: readonly Token[], common: ReadonlySet<string>) =>
  tokens.filter((t) => !isStopWord(t.key) && !common.has(t.key)).length;

/**
 * The span from the first piece to the last when the pieces are of one clause, in order, and
 * the words between or around them that no clause holds add a negation; otherwise null.
 */
export function editedClause(
  located: readonly Located[],
  unplaced: readonly Token[][],
): Span | null {
  const first = located[0];
  const last = located.at(-1);
  if (!first || !last) return null;
  const ordered = located.every(
    (l, i) => l.at === first.at && (i === 0 || l.from >= (located[i - 1]?.to ?? 0)),
  );
  const negates = unplaced.some((run) => run.some((t) => isNegation(t.key)));
  return ordered && negates ? { at: first.at, from: first.from, to: last.to, errors: 0 } : null;
}

/**
 * The span from the first piece to the last when every piece is of one clause, in the clause's
 * order, with only a few of its words left out between them: that clause with words dropped
 * ("la paix et la sécurité mondiales" for "la paix, la sécurité et la stabilité régionales et
 * mondiales"), a near quotation, not pieces stitched together.
 */
export function shortenedClause(located: readonly Located[]): Span | null {
  const first = located[0];
  const last = located.at(-1);
  if (!first || !last || located.length < 2) return null;
  let to = first.to;
  let dropped = 0;
  for (const l of located.slice(1)) {
    // A piece found first elsewhere ("du droit international") may stand in this clause too.
    const from = l.at === first.at ? l.from : positionIn(first.at, l, to);
    if (from === null || from < to) return null;
    dropped += from - to;
    to = from + (l.to - l.from);
  }
  const quoted = located.reduce((n, l) => n + (l.to - l.from), 0);
  return dropped <= MAX_DROPPED_SHARE * quoted
    ? { at: first.at, from: first.from, to, errors: dropped }
    : null;
}

/** A phrase of another clause inserted in one clause's words is at most this many words long. */
const INSERTED_MAX_WORDS = 5;

/**
 * The span of one clause whose pieces open and close the quote, in its order, with short phrases
 * found elsewhere between them ("Nous, ministres des Affaires étrangères des États membres de
 * l'Organisation…": the opening with "des États membres" added), each at most INSERTED_MAX_WORDS
 * words and together at most half as many as the clause's pieces: that clause with words added,
 * a near quotation. Otherwise null.
 */
export function insertedPhrase(located: readonly Located[]): Span | null {
  const host = located[0]?.at;
  if (!host || located.at(-1)?.at !== host) return null;
  const own = located.filter((l) => l.at === host);
  const others = located.filter((l) => l.at !== host);
  const words = (ls: readonly Located[]) => ls.reduce((n, l) => n + l.quote.length, 0);
  if (others.length === 0 || others.some((l) => l.quote.length > INSERTED_MAX_WORDS)) return null;
  return 2 * words(others) <= words(own) ? shortenedClause(own) : null;
}

/** Where the words of piece `l` stand in `at`, at or after token `after`; null if nowhere. */
function positionIn(at: ClauseText, l: Located, after: number): number | null {
  return freePosition(at, keysOf(l), after, at.tokens.length, []);
}

const keysOf = (l: Located) => l.at.tokens.slice(l.from, l.to).map((t) => t.key);

/** Where `keys` stand in `at`, starting in [after, before), clear of the `taken` spans. */
function freePosition(
  at: ClauseText,
  keys: readonly string[],
  after: number,
  before: number,
  taken: readonly Located[],
): number | null {
  for (let i = Math.max(0, after); i < before && i + keys.length <= at.tokens.length; i++) {
    if (!keys.every((k, j) => at.tokens[i + j]?.key === k)) continue;
    if (taken.every((t) => i + keys.length <= t.from || t.to <= i)) return i;
  }
  return null;
}

/** A quotation read as one clause's pieces in another order. */
export interface Reordered {
  /** The pieces in the quote's order, each with the clause words it replaced or dropped. */
  located: Located[];
  /** Quote words no clause word stands for. */
  unplaced: Token[][];
  /** The pieces that stand elsewhere in the clause (outside the longest run kept in order). */
  moved: Token[][];
}

/**
 * The pieces as one clause's words in another order ("des démarches conjointes suivantes, à
 * titre de mesures urgentes" for "à titre de mesures prioritaires, des démarches conjointes
 * suivantes"): every piece in the clause of the longest one, at places that do not overlap, out
 * of the clause's order, with at most as many of its words left out between them as the pieces
 * hold. The quote's words between pieces are matched with the clause's words left out at the same
 * place ("prioritaires" → "urgentes"); otherwise null.
 */
export function reorderedClause(
  located: readonly Located[],
  unplaced: readonly Token[][],
): Reordered | null {
  if (located.length < 2) return null;
  const host = located.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a)).at;
  // Pieces found in the clause first, at their own places; the others where they are free.
  const placed: (Located | null)[] = located.map((l) => (l.at === host ? l : null));
  const taken = placed.filter((l): l is Located => l !== null);
  if (!taken.every((l, i) => taken.slice(i + 1).every((o) => l.to <= o.from || o.to <= l.from)))
    return null;
  for (const [i, l] of located.entries()) {
    if (placed[i]) continue;
    const from = freePosition(host, keysOf(l), 0, host.tokens.length, taken);
    if (from === null) return null;
    const moved = { ...l, at: host, from, to: from + (l.to - l.from) };
    placed[i] = moved;
    taken.push(moved);
  }
  // In the quote's order, the pieces follow the clause's: not reordered (the in-order reading
  // handles that). `taken` lists the host's own pieces first, so the order is read on `placed`.
  const inQuoteOrder = placed as Located[];
  if (inQuoteOrder.every((l, i) => i === 0 || l.from >= (inQuoteOrder[i - 1]?.to ?? 0)))
    return null;
  // Short runs between pieces that are the clause's own words in or next to the span are moved
  // words too ("et", "to undertake").
  const { pieces, stray: runs } = placeRuns(placed as Located[], unplaced);
  const gaps = gapsBetween(pieces);
  const dropped = gaps.reduce((n, g) => n + (g.to - g.from), 0);
  const quoted = pieces.reduce((n, l) => n + (l.to - l.from), 0);
  if (dropped > MAX_DROPPED_SHARE * quoted) return null;
  const moved = movedPieces(pieces);
  const stray = fillGaps(pieces, runs, gaps);
  // The clause's words no quote words stand for: dropped, each as a piece of nothing quoted.
  const left = gaps
    .filter((g) => !g.used)
    .map(({ from, to }) => ({ at: host, from, to, errors: 0, quote: [] }));
  return { located: [...pieces, ...left], unplaced: stray, moved };
}

/**
 * The quote's runs between pieces that stand word for word in the pieces' clause, in the span the
 * pieces cover or right next to it, clear of them: pieces too, in the quote's order.
 */
function placeRuns(
  placed: readonly Located[],
  unplaced: readonly Token[][],
): { pieces: Located[]; stray: Token[][] } {
  const host = placed[0]?.at;
  if (!host) return { pieces: [...placed], stray: [...unplaced] };
  const taken = [...placed];
  const stray: Token[][] = [];
  for (const run of unplaced) {
    const from = Math.min(...taken.map((l) => l.from)) - run.length;
    const to = Math.max(...taken.map((l) => l.to)) + 1;
    const at = freePosition(
      host,
      run.map((t) => t.key),
      from,
      to,
      taken,
    );
    if (at === null) stray.push(run);
    else taken.push({ at: host, from: at, to: at + run.length, errors: 0, quote: run });
  }
  const start = (l: Located) => l.quote[0]?.start ?? 0;
  return { pieces: taken.sort((a, b) => start(a) - start(b)), stray };
}

interface Gap {
  from: number;
  to: number;
  used: boolean;
}

/** The clause's words between the pieces (in the clause's order) that no piece holds. */
function gapsBetween(pieces: readonly Located[]): Gap[] {
  const sorted = [...pieces].sort((a, b) => a.from - b.from);
  const gaps: Gap[] = [];
  sorted.forEach((l, i) => {
    const next = sorted[i + 1];
    if (next && next.from > l.to) gaps.push({ from: l.to, to: next.from, used: false });
  });
  return gaps;
}

/**
 * Each run of quote words between pieces takes the clause's left-out words right after the piece
 * before it, or else right before the piece after it ("urgentes" after "à titre de mesures" takes
 * "prioritaires"), so the change is shown in place; `pieces` grow in place. The runs left over.
 */
function fillGaps(pieces: Located[], unplaced: readonly Token[][], gaps: Gap[]): Token[][] {
  const stray: Token[][] = [];
  for (const run of unplaced) {
    const at = run[0]?.start ?? 0;
    const i = pieces.findLastIndex((l) => (l.quote[0]?.start ?? 0) < at);
    const before = pieces[i];
    const after = pieces[i + 1];
    const gapAfter = before && gaps.find((g) => !g.used && g.from === before.to);
    const gapBefore = !gapAfter && after && gaps.find((g) => !g.used && g.to === after.from);
    if (before && gapAfter) {
      gapAfter.used = true;
      pieces[i] = { ...before, to: gapAfter.to, quote: [...before.quote, ...run] };
    } else if (after && gapBefore) {
      gapBefore.used = true;
      pieces[i + 1] = { ...after, from: gapBefore.from, quote: [...run, ...after.quote] };
    } else stray.push(run);
  }
  return stray;
}

/**
 * The pieces (in the quote's order) outside the longest run kept in the clause's order, counted
 * in words: the ones the quote moved.
 */
export function movedPieces(pieces: readonly Located[]): Token[][] {
  // Longest increasing subsequence by place in the clause, weighted by words: quadratic in the
  // pieces, which are at most a third of the quote's words.
  const best = pieces.map((l) => l.to - l.from);
  const prev = pieces.map(() => -1);
  pieces.forEach((l, i) => {
    for (let j = 0; j < i; j++) {
      const p = pieces[j] as Located;
      const w = (best[j] ?? 0) + (l.to - l.from);
      if (p.to <= l.from && w > (best[i] ?? 0)) {
        best[i] = w;
        prev[i] = j;
      }
    }
  });
  const kept = new Set<number>();
  let k = best.indexOf(Math.max(...best));
  while (k >= 0) {
    kept.add(k);
    k = prev[k] ?? -1;
  }
  return pieces.filter((_, i) => !kept.has(i)).map((l) => l.quote);
}

/** Content words of its own a quotation may add to the text's stock phrases and still be near. */
const INVENTED_WORDS = 3;

/**
 * Whether a near match of `at` keeps only the text's stock phrases and adds a number or
 * INVENTED_WORDS content words of its own: a sentence the text does not have, built on its
 * refrain ("les sept États membres de l'OTSC", "les ministres des Affaires étrangères des pays
 * membres se réuniront chaque année"). A phrase is stock when another clause holds all its content
 * words too ("États membres … OTAN" is in the appeal and in measure 6); a number set into a
 * clause's own words ("entre les trois secrétaires généraux", "aux ministres des Affaires
 * étrangères des 28 États membres de l'OTAN") stays a near quotation.
 */
export function inventedAroundStockPhrases(
  located: readonly Span[],
  quote: readonly Token[],
  texts: readonly ClauseText[],
): boolean {
  const kept = new Set(located.flatMap((l) => l.at.tokens.slice(l.from, l.to).map((t) => t.key)));
  const ids = new Set(located.map((l) => l.at.clause.id));
  const runs: string[][] = [];
  let run: string[] = [];
  let number = false;
  let invented = 0;
  for (const t of quote) {
    if (kept.has(t.key)) {
      if (!isStopWord(t.key)) run.push(t.key);
      continue;
    }
    // A number set into a phrase leaves it one phrase: "des 28 États membres de l'OTAN".
    if (isNumber(t.key)) number = true;
    if (isNumber(t.key) || isStopWord(t.key)) continue;
    invented++;
    if (run.length > 0) runs.push(run);
    run = [];
  }
  if (run.length > 0) runs.push(run);
  if (runs.length === 0 || !(number || invented >= INVENTED_WORDS)) return false;
  const others = texts.filter((t) => !ids.has(t.clause.id)).map((t) => ` ${t.keys} `);
  return runs.every((r) => others.some((keys) => r.every((k) => keys.includes(` ${k} `))));
}
