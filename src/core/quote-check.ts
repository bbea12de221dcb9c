/**
 * Checks a quotation against the declaration: the French original, or the team's working English
 * and Russian translations (unofficial). Typography never counts (quote-tokens.ts); then an exact
 * match, then an approximate one: approx-string-match (Myers' bit-parallel algorithm, any pattern
 * length) finds the closest span of each clause, and jsdiff's word diff says what changed.
 *
 * Verdicts:
 * - verbatim: the words of one clause, up to typography (accents and the original's own typos
 *   are notes, never misquotes); gap marks ([…], (...), …) may skip words, in order;
 * - near: one clause with word changes, each listed;
 * - composite: pieces of several clauses, or non-contiguous pieces of one, given as one quote;
 * - misattributed: verbatim or near, but the words around the quote credit it, by number or by
 *   name ("la mesure 4 dit", "selon la conclusion"), to clauses it is not in;
 * - not-found: no clause is close (the closest passage is given);
 * - too-short: under MIN_QUOTE_CHARS, too short to judge.
 * An edit that adds, removes or changes a negation or a number is always flagged.
 */
import search from "approx-string-match";
import { diffWords } from "diff";
import { mostlyCyrillic } from "./alphabets.ts";
import { fold, straightenApostrophes } from "./analysis.ts";
import { loadDeclaration } from "./declaration.ts";
import { readCardinal } from "./numbers.ts";
import { framedQuotations, QUOTE_DATA } from "./quote-cues.ts";
import {
  findQuotations,
  keyText,
  MAX_QUOTATIONS,
  MAX_QUOTED,
  MIN_QUOTE_CHARS,
  piecesBetweenGaps,
  QUOTATION_MAX,
  type Token,
  tokenize,
} from "./quote-tokens.ts";
import { type CreditTarget, creditedIds, firstReference } from "./references.ts";
import type { Clause, ClauseId, Lang } from "./types.ts";
import { normaliseForPatterns } from "./word-patterns.ts";

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
  /** The declaration's words the quote was matched with, or the closest passage (not-found). */
  passage: string | null;
}

export { MAX_QUOTED, MIN_QUOTE_CHARS } from "./quote-tokens.ts";
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
/** A near match has at most this share of its characters edited. */
const NEAR_MAX = 0.3;
/** Below this share of edits a single-clause match wins over pieces of several. */
const NEAR_CLEAR = 0.15;
/** A composite's pieces: at least this many words, and cover this share of the quote. */
const PIECE_MIN_WORDS = 3;
const PIECES_COVER = 0.75;
/** Words a quote may silently drop between two pieces before they count as separate pieces. */
const MAX_SKIP = 4;

/** The word diff needs word boundaries in every script (Cyrillic included). */
const SEGMENTER = new Intl.Segmenter("fr", { granularity: "word" });

interface ClauseText {
  clause: Clause;
  lang: Lang;
  /** The clause's text in `lang`. */
  text: string;
  tokens: Token[];
  keys: string;
  /** Where each token's key starts in `keys`. */
  offsets: number[];
}

interface Span {
  at: ClauseText;
  from: number;
  to: number;
  errors: number;
}

interface Located extends Span {
  /** The quote's tokens matched with [from, to). */
  quote: Token[];
}

interface Analysis {
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
}

function clauseText(clause: Clause, lang: Lang): ClauseText {
  const tokens = tokenize(clause.text[lang]);
  const offsets: number[] = [];
  let at = 0;
  for (const t of tokens) {
    offsets.push(at);
    at += t.key.length + 1;
  }
  return { clause, lang, text: clause.text[lang], tokens, keys: keyText(tokens), offsets };
}

/** The token of `c` whose key covers character `char` of `c.keys` (a space counts with the word before). */
function tokenAt(c: ClauseText, char: number): number {
  let lo = 0;
  let hi = c.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((c.offsets[mid] ?? 0) <= char) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const NEGATIONS = new Set(QUOTE_DATA.negations.words);
const NEGATION_ENDINGS = QUOTE_DATA.negations.suffixes;
const NUMBER_WORDS = new Set(QUOTE_DATA.numbers.words);
const NOT_NUMBERS = new Set(QUOTE_DATA.numbers.notNumbers);

const isNegation = (key: string) =>
  NEGATIONS.has(key) || NEGATION_ENDINGS.some((e) => key.endsWith(e));
const isNumber = (key: string) =>
  !NOT_NUMBERS.has(key) && (/\d/.test(key) || NUMBER_WORDS.has(key) || readCardinal(key) !== null);

const sorted = (keys: string[]) => [...keys].sort().join(" ");

export class QuoteChecker {
  private readonly texts: Record<Lang, ClauseText[]>;
  /** Every place a word occurs, per language: where composite pieces are looked for. */
  private readonly places: Record<Lang, Map<string, { c: number; i: number }[]>>;
  /** The original's typos: per clause, the text's keys and the keys of each correction. */
  private readonly typos: { clause: string; text: string[]; fixes: string[][] }[];
  private readonly byId: Map<ClauseId, Clause>;

  constructor(clauses: readonly Clause[] = loadDeclaration()) {
    const langs: Lang[] = ["fr", "en", "ru"];
    this.byId = new Map(clauses.map((c) => [c.id, c]));
    this.texts = Object.fromEntries(
      langs.map((l) => [l, clauses.map((c) => clauseText(c, l))]),
    ) as Record<Lang, ClauseText[]>;
    this.places = Object.fromEntries(
      langs.map((l) => {
        const map = new Map<string, { c: number; i: number }[]>();
        this.texts[l].forEach((ct, c) => {
          ct.tokens.forEach((t, i) => {
            const list = map.get(t.key) ?? [];
            list.push({ c, i });
            map.set(t.key, list);
          });
        });
        return [l, map];
      }),
    ) as Record<Lang, Map<string, { c: number; i: number }[]>>;
    this.typos = QUOTE_DATA.typos.map((t) => {
      const text = tokenize(t.text).map((k) => k.key);
      const fixes = t.fixes.map((f) => tokenize(f).map((k) => k.key));
      if (fixes.some((f) => f.length !== text.length)) {
        throw new Error(`data/quotes.json: typo "${t.text}": a fix must have as many words`);
      }
      return { clause: t.clause, text, fixes };
    });
  }

  /** The clause `id` (for labels in the renderers). */
  clause(id: ClauseId): Clause | undefined {
    return this.byId.get(id);
  }

  /**
   * Checks one quotation. `named` are the clauses the words around it credit it to ("la mesure 3
   * dit", "le préambule dit"): they decide misattribution. A measure number the quote itself
   * starts with ("2. Établir…") names that measure too. Quotations shorter than `minChars` are
   * too short to judge.
   */
  check(
    quotation: string,
    opts: { named?: readonly CreditTarget[]; minChars?: number } = {},
  ): QuoteReport {
    const quote = quotation.slice(0, QUOTE_MAX_CHARS).trim();
    const label = this.leadingLabel(quote);
    const named = [...(opts.named ?? []), ...(label?.named ?? [])];
    const pieces = piecesBetweenGaps(quote)
      .map((p) => this.correctTypos(p.filter((t) => t.start >= (label?.end ?? 0))))
      .filter((p) => p.length > 0);
    const chars = pieces.reduce((n, p) => n + keyText(p).length, 0);
    const base = { quote, named, typography: false, typosFixed: [], passage: null };
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
    // The alphabet most letters are in, so that one look-alike letter does not switch languages.
    const langs: Lang[] = mostlyCyrillic(quote) ? ["ru"] : ["fr", "en"];
    let best: { lang: Lang; a: Analysis } | null = null;
    for (const lang of langs) {
      const a = this.analyse(pieces, lang, namedIds);
      if (!best || a.cost < best.a.cost) best = { lang, a };
    }
    if (!best) throw new Error("quote check: no language");
    return this.report(quote, best.lang, best.a, named, namedIds);
  }

  /**
   * A measure's number the quote starts with: "2. …", "2) …", or a reference before a colon
   * ("mesure 2 : …"). Where the label ends in the quote, and the measure it names.
   */
  private leadingLabel(quote: string): { end: number; named: CreditTarget[] } | null {
    const digits = LABEL_DIGITS.exec(quote);
    if (digits) {
      const n = Number(digits[1]);
      const measure = this.texts.fr.find(
        (t) => t.clause.kind === "measure" && t.clause.number === n,
      );
      return measure
        ? { end: digits[0].length, named: [{ kind: "clause", id: measure.clause.id }] }
        : null;
    }
    const colon = quote.slice(0, LABEL_MAX_CHARS).indexOf(":");
    if (colon < 0) return null;
    const folded = normaliseForPatterns(quote.slice(0, colon)).trim();
    const ref = firstReference(folded);
    return ref && ref.start === 0 && ref.end === folded.length
      ? { end: colon + 1, named: ref.targets }
      : null;
  }

  /** The quote's keys with the original's typos put back, so that a corrected typo still matches. */
  private correctTypos(tokens: Token[]): Token[] {
    const out = tokens.map((t) => ({ ...t }));
    for (const typo of this.typos) {
      for (const fix of typo.fixes) {
        for (let i = 0; i + fix.length <= out.length; i++) {
          if (fix.every((k, j) => out[i + j]?.key === k)) {
            typo.text.forEach((k, j) => {
              const t = out[i + j];
              if (t) t.key = k;
            });
          }
        }
      }
    }
    return out;
  }

  private analyse(pieces: Token[][], lang: Lang, namedIds: ClauseId[]): Analysis {
    const texts = this.texts[lang];
    const total = pieces.reduce((n, p) => n + keyText(p).length, 0);
    if (pieces.length === 1) return this.analyseOne(pieces[0] ?? [], lang, namedIds, total);

    // Pieces between gap marks: each must be found, in order, in one clause. Long pieces first,
    // each looked for after the previous one in its clause, then anywhere.
    const spans: (Located | null)[] = pieces.map(() => null);
    let previous: Span | undefined;
    pieces.forEach((piece, i) => {
      const keys = keyText(piece);
      if (keys.length < MIN_QUOTE_CHARS) return;
      const span =
        (previous && this.exactNear(previous, keys, "after")) ||
        this.closest(texts, keys, previous ? [previous.at.clause.id, ...namedIds] : namedIds);
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
      const span = neighbour && this.exactNear(neighbour, keyText(piece), side, far);
      if (span) spans[i] = { ...span, quote: piece };
    };
    for (let i = 0; i < pieces.length; i++) placeShort(i, "after");
    for (let i = pieces.length - 1; i >= 0; i--) placeShort(i, "before");
    const located = spans.filter((l): l is Located => l !== null);
    const unplaced = pieces.filter((_, i) => !spans[i]);
    const errors =
      located.reduce((n, l) => n + l.errors, 0) +
      unplaced.reduce((n, p) => n + keyText(p).length, 0);
    const first = located[0];
    if (!first) return this.notFound(pieces.flat(), lang, total);
    const oneClause = located.every((l) => l.at === first.at);
    const inOrder = located.every((l, i) => i === 0 || l.from >= (located[i - 1]?.to ?? 0));
    const ids = unique(located.map((l) => l.at.clause.id));
    const exact = errors === 0 && unplaced.length === 0;
    return {
      verdict: oneClause && inOrder ? (exact ? "verbatim" : "near") : "composite",
      clause: ids.length === 1 ? (ids[0] ?? null) : null,
      clauses: ids,
      located,
      unplaced,
      cost: errors / total,
      alsoIn: [],
    };
  }

  private analyseOne(piece: Token[], lang: Lang, namedIds: ClauseId[], total: number): Analysis {
    const texts = this.texts[lang];
    const keys = keyText(piece);
    const exact = this.exactAll(texts, keys);
    if (exact.length > 0) {
      const chosen = exact.find((s) => namedIds.includes(s.at.clause.id)) ?? exact[0];
      if (chosen) {
        const others = unique(exact.map((s) => s.at.clause.id));
        return oneClause("verbatim", chosen, piece, 0, others);
      }
    }
    const near = this.closest(texts, keys, namedIds);
    const ratio = near ? near.errors / keys.length : 1;
    // Pieces of several places are looked for only when one clause is not a clear match.
    const composite = ratio > NEAR_CLEAR ? this.piecesOf(piece, lang) : null;
    if (near && !composite && ratio <= NEAR_MAX) return oneClause("near", near, piece, ratio, []);
    if (composite) {
      const ids = unique(composite.located.map((l) => l.at.clause.id));
      const uncovered = composite.unplaced.reduce((n, p) => n + keyText(p).length, 0);
      const cost = Math.min(ratio, uncovered / total + NEAR_CLEAR);
      // Pieces of one clause, in order, around an added negation: that is the clause edited to
      // say the opposite, not pieces stitched together; its every change is shown.
      const edited = editedClause(composite.located, composite.unplaced);
      if (edited) return oneClause("near", edited, piece, cost, []);
      // Most of the quote in the clause that matches it whole, a few words found elsewhere: that
      // clause with words changed ("des armes nucléaires"), not pieces stitched together.
      if (near && ratio <= NEAR_MAX && mostlyIn(near.at, composite.located)) {
        return oneClause("near", near, piece, ratio, []);
      }
      return {
        verdict: "composite",
        clause: ids.length === 1 ? (ids[0] ?? null) : null,
        clauses: ids,
        located: composite.located,
        unplaced: composite.unplaced,
        cost,
        alsoIn: [],
      };
    }
    return this.notFound(piece, lang, total);
  }

  /** Not found: the closest passage is in the clause sharing most of the quote's words. */
  private notFound(quote: Token[], lang: Lang, total: number): Analysis {
    const words = new Set(quote.map((t) => t.key));
    let most: ClauseText | undefined;
    let mostShared = 0;
    for (const at of this.texts[lang]) {
      const shared = new Set(at.tokens.filter((t) => words.has(t.key)).map((t) => t.key)).size;
      if (shared > mostShared) {
        most = at;
        mostShared = shared;
      }
    }
    const closest = most ? this.closest([most], keyText(quote), [], 1) : null;
    const id = closest?.at.clause.id ?? null;
    return {
      verdict: "not-found",
      clause: id,
      clauses: id ? [id] : [],
      located: closest ? [{ ...closest, quote }] : [],
      unplaced: [],
      cost: 1 + (closest ? closest.errors / Math.max(1, total) : 1),
      alsoIn: [],
    };
  }

  /** Every clause that holds `keys` word for word. */
  private exactAll(texts: ClauseText[], keys: string): Span[] {
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
  private exactNear(
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
  private closest(
    texts: readonly ClauseText[],
    keys: string,
    namedIds: ClauseId[],
    share = NEAR_MAX,
  ): Span | null {
    let best: Span | null = null;
    let bestNamed = false;
    const maxErrors = Math.ceil(share * keys.length);
    for (const at of texts) {
      const matches = search(at.keys, keys, maxErrors);
      let m = matches[0];
      for (const x of matches) if (m && x.errors < m.errors) m = x;
      if (!m) continue;
      const isNamed = namedIds.includes(at.clause.id);
      if (best && (m.errors > best.errors || (m.errors === best.errors && (bestNamed || !isNamed))))
        continue;
      const from = tokenAt(at, m.start);
      const to = tokenAt(at, Math.max(m.start, m.end - 1)) + 1;
      best = { at, from, to, errors: m.errors };
      bestNamed = isNamed;
    }
    return best;
  }

  /**
   * The quote cut into the longest runs of words found verbatim somewhere (greedy, left to right),
   * or null unless they make a composite: at least two pieces that do not follow each other in
   * the text, together covering most of the quote. Each word's places are looked up, so the cost
   * is bounded by the quote's length times the declaration's.
   */
  private piecesOf(quote: Token[], lang: Lang): { located: Located[]; unplaced: Token[][] } | null {
    const texts = this.texts[lang];
    const places = this.places[lang];
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
    const jumps = located.some((l, k) => {
      const prev = located[k - 1];
      return (
        prev !== undefined && (prev.at !== l.at || l.from < prev.to || l.from - prev.to > MAX_SKIP)
      );
    });
    return located.length >= 2 && jumps && covered >= PIECES_COVER * quote.length
      ? { located, unplaced }
      : null;
  }

  private report(
    quote: string,
    lang: Lang,
    a: Analysis,
    named: CreditTarget[],
    namedIds: ClauseId[],
  ): QuoteReport {
    const changes: QuoteChange[] = [];
    const flags = new Set<QuoteFlag>();
    const typosFixed: string[] = [];
    let typography = false;
    const comparable = a.verdict !== "not-found";
    if (comparable) {
      for (const l of a.located) {
        const diff = this.compare(l, quote);
        changes.push(...diff.changes);
        for (const f of diff.flags) flags.add(f);
        typosFixed.push(...diff.typosFixed);
        typography ||= diff.typography;
      }
      for (const run of a.unplaced) {
        changes.push({ kind: "added", quote: slice(quote, run), text: "" });
      }
      for (const c of changes) for (const f of changeFlags(c)) flags.add(f);
    }
    let verdict: Verdict = a.verdict;
    const attributed = [a.clause, ...a.alsoIn].filter((c): c is ClauseId => c !== null);
    const namesOther =
      named.length > 0 &&
      !attributed.some((c) => namedIds.includes(c)) &&
      (verdict === "verbatim" || verdict === "near");
    if (namesOther) verdict = "misattributed";
    const first = a.located[0];
    const passage =
      a.verdict === "composite" || !first
        ? null
        : first.at.text.slice(
            first.at.tokens[first.from]?.start ?? 0,
            first.at.tokens[first.to - 1]?.end ?? 0,
          );
    return {
      verdict,
      clause: a.clause,
      clauses: a.clauses,
      changes: comparable ? changes : [],
      flags: (["negation", "number", "accents"] as const).filter((f) => flags.has(f)),
      quote,
      lang,
      named,
      typography:
        typography && changes.length === 0 && !flags.has("accents") && typosFixed.length === 0,
      typosFixed: unique(typosFixed),
      passage,
    };
  }

  /** The word changes between a located piece and the clause's words, with accent and typo notes. */
  private compare(l: Located, quote: string) {
    // A measure's own number ("3.") is part of its text, but a quote without it starts after it.
    const label = l.at.clause.number;
    const skipLabel =
      l.from === 0 &&
      label !== null &&
      l.at.tokens[0]?.key === String(label) &&
      l.quote[0]?.key !== String(label);
    const textTokens = l.at.tokens.slice(skipLabel ? 1 : l.from, l.to);
    const quoteTokens = l.quote;
    const text = l.at.text;
    const diffKey = (t: Token) => t.key.replace(/'/g, "");
    const parts = diffWords(textTokens.map(diffKey).join(" "), quoteTokens.map(diffKey).join(" "), {
      intlSegmenter: SEGMENTER,
    });
    const changes: QuoteChange[] = [];
    const flags = new Set<QuoteFlag>();
    const typosFixed: string[] = [];
    let typography = false;
    let ti = 0;
    let qi = 0;
    let removed: Token[] = [];
    let added: Token[] = [];
    const flush = () => {
      if (removed.length > 0 && added.length > 0) {
        changes.push({ kind: "changed", quote: slice(quote, added), text: slice(text, removed) });
      } else if (removed.length > 0) {
        changes.push({ kind: "removed", quote: "", text: slice(text, removed) });
      } else if (added.length > 0) {
        changes.push({ kind: "added", quote: slice(quote, added), text: "" });
      }
      removed = [];
      added = [];
    };
    for (const part of parts) {
      const n = part.value.split(/\s+/).filter(Boolean).length;
      if (part.removed) {
        removed.push(...textTokens.slice(ti, ti + n));
        ti += n;
      } else if (part.added) {
        added.push(...quoteTokens.slice(qi, qi + n));
        qi += n;
      } else {
        flush();
        for (let k = 0; k < n; k++) {
          const t = textTokens[ti + k];
          const q = quoteTokens[qi + k];
          if (!t || !q || t.display === q.display) continue;
          const typo = this.typoAt(l, ti + k);
          if (typo) typosFixed.push(typo);
          if (lower(t.display) === lower(q.display)) typography = true;
          else if (fold(t.display) === fold(q.display)) flags.add("accents");
        }
        ti += n;
        qi += n;
      }
    }
    flush();
    if (slice(quote, quoteTokens) !== slice(text, textTokens)) typography = true;
    return { changes, flags, typosFixed, typography };
  }

  /** The original's typo covering token `i` of the located clause, as the original writes it. */
  private typoAt(l: Located, i: number): string | null {
    for (const typo of this.typos) {
      if (typo.clause !== l.at.clause.id) continue;
      for (let s = Math.max(0, i - typo.text.length + 1); s <= i; s++) {
        if (typo.text.every((k, j) => l.at.tokens[l.from + s + j]?.key === k)) {
          return slice(l.at.text, l.at.tokens.slice(l.from + s, l.from + s + typo.text.length));
        }
      }
    }
    return null;
  }
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

/**
 * The span from the first piece to the last when the pieces are of one clause, in order, and
 * the words between or around them that no clause holds add a negation; otherwise null.
 */
/** Share of the located quote that one clause must hold for the rest to count as changed words. */
const DOMINANT_SHARE = 0.7;

/**
 * Whether `at` holds most of what was located, and every piece found elsewhere is words `at`
 * also has ("la lutte contre"): the quote is `at` with words changed, not a stitch of clauses.
 */
function mostlyIn(at: ClauseText, located: readonly Located[]): boolean {
  let inClause = 0;
  let total = 0;
  let elsewhere = false;
  for (const l of located) {
    const keys = keyText(l.quote);
    total += keys.length;
    if (l.at.clause.id === at.clause.id) inClause += keys.length;
    else if (at.keys.includes(keys)) {
      inClause += keys.length;
      elsewhere = true;
    } else return false;
  }
  // Pieces all of one clause are that clause cut without a gap mark: composite, as designed.
  return elsewhere && inClause / total >= DOMINANT_SHARE;
}

function editedClause(located: readonly Located[], unplaced: readonly Token[][]): Span | null {
  const first = located[0];
  const last = located.at(-1);
  if (!first || !last) return null;
  const ordered = located.every(
    (l, i) => l.at === first.at && (i === 0 || l.from >= (located[i - 1]?.to ?? 0)),
  );
  const negates = unplaced.some((run) => run.some((t) => isNegation(t.key)));
  return ordered && negates ? { at: first.at, from: first.from, to: last.to, errors: 0 } : null;
}

/** The text from the first token's start to the last one's end. */
function slice(text: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens.at(-1);
  return first && last ? text.slice(first.start, last.end) : "";
}

/** Case and apostrophes aside: what is left is accents or spelling. */
const lower = (word: string) => straightenApostrophes(word.toLowerCase());

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** A change that touches a negation or a number, however small. */
function changeFlags(c: QuoteChange): QuoteFlag[] {
  const q = tokenize(c.quote).map((t) => t.key);
  const t = tokenize(c.text).map((t) => t.key);
  const flags: QuoteFlag[] = [];
  if (sorted(q.filter(isNegation)) !== sorted(t.filter(isNegation))) flags.push("negation");
  if (sorted(q.filter(isNumber)) !== sorted(t.filter(isNumber))) flags.push("number");
  return flags;
}

let shared: QuoteChecker | null = null;

/** The checker over the declaration, built once. */
export function getQuoteChecker(): QuoteChecker {
  shared ??= new QuoteChecker();
  return shared;
}

/**
 * Find, frame, cut, check: the quotations in `text`, each framed by the words around it among
 * all the quotations found (so a lead-in such as "et la mesure 3 dit" goes to the quotation it
 * introduces, even one past `max`), then checked in order until `max` are long enough to judge.
 * With `presentedOnly`, only quotations a cue or a reference presents count (chat). When every
 * quotation is too short, the first one's report says so; none at all gives [].
 */
export function checkQuotations(
  text: string,
  {
    max,
    minChars = MIN_QUOTE_CHARS,
    presentedOnly = false,
  }: { max: number; minChars?: number; presentedOnly?: boolean },
): QuoteReport[] {
  const checker = getQuoteChecker();
  const reports: QuoteReport[] = [];
  let tooShort: QuoteReport | null = null;
  for (const q of framedQuotations(text, findQuotations(text))) {
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
 * quotation marks. At most `max` quotations.
 */
export function checkText(text: string, max = MAX_QUOTATIONS): QuoteReport[] {
  const reports = checkQuotations(text, { max });
  return reports.length > 0 ? reports : [getQuoteChecker().check(text)];
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
