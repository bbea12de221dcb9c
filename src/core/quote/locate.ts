/**
 * Locating a quotation in the declaration: verbatim, near (a few characters edited), pieces of
 * several places (composite), or not found, with the cost that picks the language that fits best.
 */
import { keyText, MIN_QUOTE_CHARS, type Token } from "../quote-tokens.ts";
import type { ClauseId, Lang } from "../types.ts";
import type { ClauseText, Located, QuoteIndex, Span } from "./clause-index.ts";
import { closest, exactAll, exactNear, NEAR_MAX } from "./find-spans.ts";
import {
  editedClause,
  foreignPiece,
  holdsButAPhrase,
  insertedPhrase,
  inventedAroundStockPhrases,
  mostlyIn,
  movedPieces,
  openedByAnother,
  reorderedClause,
  shortenedClause,
} from "./one-clause.ts";
import type { Verdict } from "./verdict.ts";
import { addedNumbers } from "./word-kinds.ts";

/** Below this share of edits a single-clause match wins over pieces of several. */
const NEAR_CLEAR = 0.15;
/** A composite's pieces: at least this many words, and cover this share of the quote. */
const PIECE_MIN_WORDS = 3;
const PIECES_COVER = 0.75;

export interface Analysis {
  verdict: Exclude<Verdict, "misattributed" | "too-short">;
  clause: ClauseId | null;
  clauses: ClauseId[];
  located: Located[];
  /** Quote words no clause accounts for. */
  unplaced: Token[][];
  /** Share of the quote that is edited or unplaced: the lower, the better the language fits. */
  cost: number;
  /** Other clauses holding the same words verbatim. */
  alsoIn: ClauseId[];
  /** Pieces of the quote that stand elsewhere in the clause (words in another order). */
  moved?: Token[][];
}

export function analyse(
  index: QuoteIndex,
  pieces: Token[][],
  lang: Lang,
  namedIds: ClauseId[],
  /** The quotation ends with a gap mark ("… militaires…"): its cut is the writer's own. */
  openEnd = false,
): Analysis {
  const texts = index.texts[lang];
  const total = pieces.reduce((n, p) => n + keyText(p).length, 0);
  if (pieces.length === 1)
    return analyseOne(index, pieces[0] ?? [], lang, namedIds, total, openEnd);

  // Pieces between gap marks: each must be found, in order, in one clause. Long pieces first,
  // each looked for after the previous one in its clause, then anywhere.
  const spans: (Located | null)[] = pieces.map(() => null);
  let previous: Span | undefined;
  pieces.forEach((piece, i) => {
    const keys = keyText(piece);
    if (keys.length < MIN_QUOTE_CHARS) return;
    const span =
      (previous && exactNear(previous, keys, "after")) ||
      closest(texts, keys, previous ? [previous.at.clause.id, ...namedIds] : namedIds);
    if (span && span.errors <= NEAR_MAX * keys.length) {
      spans[i] = { ...span, quote: piece };
      previous = span;
    }
  });
  // A short piece ("et", "En saluant") is too common to look for alone: it counts only word for
  // word in a placed neighbour's clause, after the piece before it or else before the one after.
  const placeShort = (i: number, side: "after" | "before") => {
    const piece = pieces[i];
    if (!piece || spans[i]) return;
    const neighbour =
      side === "after" ? spans.slice(0, i).findLast(Boolean) : spans.slice(i + 1).find(Boolean);
    const far =
      side === "after" ? spans.slice(i + 1).find(Boolean) : spans.slice(0, i).findLast(Boolean);
    const span = neighbour && exactNear(neighbour, keyText(piece), side, far);
    if (span) spans[i] = { ...span, quote: piece };
  };
  for (let i = 0; i < pieces.length; i++) placeShort(i, "after");
  for (let i = pieces.length - 1; i >= 0; i--) placeShort(i, "before");
  const located = spans.filter((l): l is Located => l !== null);
  const unplaced = pieces.filter((_, i) => !spans[i]);
  const errors =
    located.reduce((n, l) => n + l.errors, 0) + unplaced.reduce((n, p) => n + keyText(p).length, 0);
  const first = located[0];
  if (!first) return notFound(index, pieces.flat(), lang, total);
  const oneClause = located.every((l) => l.at === first.at);
  const inOrder = located.every((l, i) => i === 0 || l.from >= (located[i - 1]?.to ?? 0));
  const ids = unique(located.map((l) => l.at.clause.id));
  const exact = errors === 0 && unplaced.length === 0;
  // Pieces of one clause out of its order are that clause with words moved: near.
  return {
    verdict: oneClause ? (exact && inOrder ? "verbatim" : "near") : "composite",
    clause: ids.length === 1 ? (ids[0] ?? null) : null,
    clauses: ids,
    located,
    unplaced,
    cost: errors / total,
    alsoIn: [],
    moved: oneClause && !inOrder ? movedPieces(located) : [],
  };
}

function analyseOne(
  index: QuoteIndex,
  piece: Token[],
  lang: Lang,
  namedIds: ClauseId[],
  total: number,
  openEnd: boolean,
): Analysis {
  const a = locateOne(index, piece, lang, namedIds, total, openEnd);
  return a.verdict === "near" && inventedAroundStockPhrases(a.located, piece, index.texts[lang])
    ? notFound(index, piece, lang, total)
    : a;
}

function locateOne(
  index: QuoteIndex,
  piece: Token[],
  lang: Lang,
  namedIds: ClauseId[],
  total: number,
  openEnd: boolean,
): Analysis {
  const texts = index.texts[lang];
  const keys = keyText(piece);
  const exact = exactAll(texts, keys);
  if (exact.length > 0) {
    const chosen = exact.find((s) => namedIds.includes(s.at.clause.id)) ?? exact[0];
    if (chosen) {
      const others = unique(exact.map((s) => s.at.clause.id));
      // Only words one clause holds, stopped by the writer's own choice, leave an ending out.
      const narrowed = others.length === 1 && !openEnd ? withDroppedEnding(index, chosen) : null;
      return narrowed
        ? oneClause("near", narrowed, piece, narrowed.errors / keys.length, [])
        : oneClause("verbatim", chosen, piece, 0, others);
    }
  }
  const near = closest(texts, keys, namedIds);
  const ratio = near ? near.errors / keys.length : 1;
  // Pieces of several places are looked for when one clause is not a clear match, or when the
  // few words it changes make, with their neighbours, a real piece of another clause ("Nous,
  // ministres des Affaires étrangères" of the opening before the appeal's words).
  const pieces = piecesOf(index, piece, lang);
  // A number set into one clause's words ("des vingt-huit États membres") is one change, however
  // many letters it takes: the clause changed, not pieces of several.
  const clear =
    near && (near.errors - addedNumberChars(piece, near.at)) / keys.length <= NEAR_CLEAR;
  const composite =
    !clear || (pieces && foreignPiece(near.at, pieces.located, piece, index.common[lang]))
      ? pieces
      : null;
  const opened =
    near && !composite ? openedByAnother(near.at, texts, piece, index.openers, NEAR_CLEAR) : null;
  if (opened) return stitched(opened, [], ratio);
  if (near && !composite && ratio <= NEAR_MAX) return oneClause("near", near, piece, ratio, []);
  if (composite) {
    const uncovered = composite.unplaced.reduce((n, p) => n + keyText(p).length, 0);
    const cost = Math.min(ratio, uncovered / total + NEAR_CLEAR);
    // Pieces of one clause, in order, around an added negation: that is the clause edited to
    // say the opposite, not pieces stitched together; its every change is shown.
    const edited =
      editedClause(composite.located, composite.unplaced) ??
      shortenedClause(composite.located) ??
      insertedPhrase(composite.located);
    if (edited) return oneClause("near", edited, piece, cost, []);
    // Most of the quote in the clause that matches it whole, the rest words it also has or a
    // short phrase found elsewhere: that clause with words changed ("des armes nucléaires", "le
    // Conseil de sécurité de l'OTAN"), not pieces stitched together.
    if (
      near &&
      ratio <= NEAR_MAX &&
      (mostlyIn(near.at, composite.located) ||
        holdsButAPhrase(near.at, composite.located, piece, index.common[lang]))
    ) {
      return oneClause("near", near, piece, ratio, []);
    }
    // Pieces of one clause in another order: that clause with words moved.
    const reordered = reorderedClause(composite.located, composite.unplaced);
    if (reordered) {
      return {
        verdict: "near",
        clause: reordered.located[0]?.at.clause.id ?? null,
        clauses: unique(reordered.located.map((l) => l.at.clause.id)),
        ...reordered,
        cost,
        alsoIn: [],
      };
    }
    return stitched(composite.located, composite.unplaced, cost);
  }
  return withSwappedWords(index, piece, lang, namedIds) ?? notFound(index, piece, lang, total);
}

/** A swap: the two words next to each other, or on either side of one word ("X et Y"). */
const SWAP_REACH = 2;
/** Only words this long are tried: a swapped article or preposition is not a quotation's change. */
const SWAP_MIN_CHARS = 3;

/**
 * One clause's words with two of them swapped ("une sécurité indivisible et égale" for "égale
 * et indivisible"): the change costs every letter of both words, more than a near quotation
 * allows, and leaves pieces too short to be found on their own. Near when some clause holds the
 * two words the other way round and the quote with them put back is a clear match there. Tried
 * once nothing else matched, and only where a clause has the pair swapped (looked up by word).
 */
function withSwappedWords(
  index: QuoteIndex,
  piece: Token[],
  lang: Lang,
  namedIds: ClauseId[],
): Analysis | null {
  const texts = index.texts[lang];
  const places = index.places[lang];
  // Longer than any clause by more than a clear match allows, a quote is no clause with two words
  // swapped: this bounds the pairs tried, whatever the quote's length.
  const longest = Math.max(...texts.map((t) => t.keys.length));
  if (keyText(piece).length > (1 + NEAR_CLEAR) * longest) return null;
  const long = (t: Token | undefined) => (t?.key.length ?? 0) >= SWAP_MIN_CHARS;
  for (let i = 0; i < piece.length; i++) {
    for (let j = i + 1; j <= i + SWAP_REACH && j < piece.length; j++) {
      const [a, b] = [piece[i], piece[j]];
      if (!a || !b || !long(a) || !long(b) || a.key === b.key) continue;
      const hosts = (places.get(b.key) ?? [])
        .filter((p) => texts[p.c]?.tokens[p.i + j - i]?.key === a.key)
        .map((p) => texts[p.c] as ClauseText);
      if (hosts.length === 0) continue;
      const swapped = [...piece];
      [swapped[i], swapped[j]] = [b, a];
      const keys = keyText(swapped);
      const span = closest(unique(hosts), keys, namedIds, NEAR_CLEAR);
      if (!span || span.errors > NEAR_CLEAR * keys.length) continue;
      const cost = Math.min(1, (span.errors + a.key.length + b.key.length) / keys.length);
      return oneClause("near", span, piece, cost, []);
    }
  }
  return null;
}

/** Pieces of several clauses given as one quote. */
function stitched(located: Located[], unplaced: Token[][], cost: number): Analysis {
  const ids = unique(located.map((l) => l.at.clause.id));
  return {
    verdict: "composite",
    clause: ids.length === 1 ? (ids[0] ?? null) : null,
    clauses: ids,
    located,
    unplaced,
    cost,
    alsoIn: [],
  };
}

/**
 * The span stretched over the ending it stops just before ("… les incidents militaires",
 * without "dangereux"), counted as that many characters left out; null when it stops elsewhere.
 */
function withDroppedEnding(index: QuoteIndex, span: Span): Span | null {
  const tokens = span.at.tokens;
  for (const q of index.endings) {
    if (q.clause !== span.at.clause.id || span.to + q.keys.length !== tokens.length) continue;
    if (!q.keys.every((k, i) => tokens[span.to + i]?.key === k)) continue;
    const left = q.keys.reduce((n, k) => n + k.length + 1, 0);
    return { ...span, to: tokens.length, errors: left };
  }
  return null;
}

/** The characters (and a space each) of the quote's numbers that clause `at` does not have. */
function addedNumberChars(quote: readonly Token[], at: ClauseText): number {
  const own = ` ${at.keys} `;
  return addedNumbers(quote, (key) => own.includes(` ${key} `)).reduce(
    (n, t) => n + t.key.length + 1,
    0,
  );
}

/** Not found: the closest passage is in the clause sharing most of the quote's words. */
function notFound(index: QuoteIndex, quote: Token[], lang: Lang, total: number): Analysis {
  const words = new Set(quote.map((t) => t.key));
  let most: ClauseText | undefined;
  let mostShared = 0;
  for (const at of index.texts[lang]) {
    const shared = new Set(at.tokens.filter((t) => words.has(t.key)).map((t) => t.key)).size;
    if (shared > mostShared) {
      most = at;
      mostShared = shared;
    }
  }
  const passage = most ? closest([most], keyText(quote), [], 1) : null;
  const id = passage?.at.clause.id ?? null;
  return {
    verdict: "not-found",
    clause: id,
    clauses: id ? [id] : [],
    located: passage ? [{ ...passage, quote }] : [],
    unplaced: [],
    cost: 1 + (passage ? passage.errors / Math.max(1, total) : 1),
    alsoIn: [],
  };
}

/**
 * The quote cut into the longest runs of words found verbatim somewhere (greedy, left to right),
 * or null unless there are at least two, together covering most of the quote (the caller tells
 * a stitch of clauses from one clause with words left out). Each word's places are looked up, so the cost
 * is bounded by the quote's length times the declaration's.
 */
function piecesOf(
  index: QuoteIndex,
  quote: Token[],
  lang: Lang,
): { located: Located[]; unplaced: Token[][] } | null {
  const texts = index.texts[lang];
  const places = index.places[lang];
  const located: Located[] = [];
  const unplaced: Token[][] = [];
  let stray: Token[] = [];
  let i = 0;
  while (i < quote.length) {
    let bestLen = 0;
    let bestAt: { c: number; i: number } | null = null;
    for (const p of places.get(quote[i]?.key ?? "") ?? []) {
      const tokens = texts[p.c]?.tokens ?? [];
      let n = 0;
      while (i + n < quote.length && tokens[p.i + n]?.key === quote[i + n]?.key) n++;
      if (n > bestLen) {
        bestLen = n;
        bestAt = p;
      }
    }
    const at = bestAt ? texts[bestAt.c] : undefined;
    if (bestAt && at && bestLen >= PIECE_MIN_WORDS) {
      if (stray.length > 0) unplaced.push(stray);
      stray = [];
      located.push({
        at,
        from: bestAt.i,
        to: bestAt.i + bestLen,
        errors: 0,
        quote: quote.slice(i, i + bestLen),
      });
      i += bestLen;
    } else {
      stray.push(quote[i] as Token);
      i++;
    }
  }
  if (stray.length > 0) unplaced.push(stray);
  const covered = located.reduce((n, l) => n + l.quote.length, 0);
  // Pieces that follow each other in one clause are returned too: that clause with words left out
  // or changed between them, which the caller reads as near.
  return located.length >= 2 && covered >= PIECES_COVER * quote.length
    ? { located, unplaced }
    : null;
}

/** A quote matched with one span of one clause; `others` hold the same words too. */
function oneClause(
  verdict: "verbatim" | "near",
  span: Span,
  quote: Token[],
  cost: number,
  others: ClauseId[],
): Analysis {
  const id = span.at.clause.id;
  return {
    verdict,
    clause: id,
    clauses: [id],
    located: [{ ...span, quote }],
    unplaced: [],
    cost,
    alsoIn: others.filter((c) => c !== id),
  };
}

export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
