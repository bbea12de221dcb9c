/**
 * The declaration's clauses as the quote checker searches them: each clause's words in each
 * language, where every word occurs, and the original's typos with their corrections.
 */

import { QUOTE_DATA } from "../quote-cues.ts";
import { keyText, type Token, tokenize } from "../quote-tokens.ts";
import type { Clause, ClauseId, Lang } from "../types.ts";

export interface ClauseText {
  clause: Clause;
  lang: Lang;
  /** The clause's text in `lang`. */
  text: string;
  tokens: Token[];
  keys: string;
  /** Where each token's key starts in `keys`. */
  offsets: number[];
}

export interface Span {
  at: ClauseText;
  from: number;
  to: number;
  errors: number;
}

export interface Located extends Span {
  /** The quote's tokens matched with [from, to). */
  quote: Token[];
}

/** The original's typos: per clause, the text's keys and the keys of each correction. */
export interface Typo {
  clause: string;
  text: string[];
  fixes: string[][];
}

/**
 * A clause's last words a quotation cannot stop before ("dangereux", "Nord"): one that stops
 * there is near.
 */
export interface Ending {
  clause: string;
  keys: string[];
}

/** Everything the checker searches, built once from the clauses. */
export interface QuoteIndex {
  texts: Record<Lang, ClauseText[]>;
  /** Every place a word occurs, per language: where composite pieces are looked for. */
  places: Record<Lang, Map<string, { c: number; i: number }[]>>;
  /**
   * Per language, the words in COMMON_CLAUSES clauses or more ("OTSC", "OTAN", "sécurité"): the
   * text's own refrain, which says nothing of which clause a phrase is from.
   */
  common: Record<Lang, Set<string>>;
  typos: Typo[];
  endings: Ending[];
  /** Per clause, the first words that sign it even as two words ("Nous réaffirmons"), as keys. */
  openers: Map<ClauseId, string[][]>;
  byId: Map<ClauseId, Clause>;
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
export function tokenAt(c: ClauseText, char: number): number {
  let lo = 0;
  let hi = c.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((c.offsets[mid] ?? 0) <= char) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A word in at least this many clauses is common (see QuoteIndex.common). */
const COMMON_CLAUSES = 5;

export function buildQuoteIndex(clauses: readonly Clause[]): QuoteIndex {
  const langs: Lang[] = ["fr", "en", "ru"];
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const texts = Object.fromEntries(
    langs.map((l) => [l, clauses.map((c) => clauseText(c, l))]),
  ) as Record<Lang, ClauseText[]>;
  const places = Object.fromEntries(
    langs.map((l) => {
      const map = new Map<string, { c: number; i: number }[]>();
      texts[l].forEach((ct, c) => {
        ct.tokens.forEach((t, i) => {
          const list = map.get(t.key) ?? [];
          list.push({ c, i });
          map.set(t.key, list);
        });
      });
      return [l, map];
    }),
  ) as Record<Lang, Map<string, { c: number; i: number }[]>>;
  const typos = QUOTE_DATA.typos.map((t) => {
    const text = tokenize(t.text).map((k) => k.key);
    const fixes = t.fixes.map((f) => tokenize(f).map((k) => k.key));
    if (fixes.some((f) => f.length !== text.length)) {
      throw new Error(`data/quotes.json: typo "${t.text}": a fix must have as many words`);
    }
    return { clause: t.clause, text, fixes };
  });
  const endings = QUOTE_DATA.endings.map((q) => {
    const keys = tokenize(q.text).map((k) => k.key);
    const at = texts.fr.find((c) => c.clause.id === q.clause);
    if (!at?.keys.endsWith(` ${keys.join(" ")}`)) {
      throw new Error(`data/quotes.json: ending "${q.text}" must end clause ${q.clause}`);
    }
    return { clause: q.clause, keys };
  });
  const openers = new Map<ClauseId, string[][]>(
    QUOTE_DATA.openers.map((o) => {
      const keys = o.texts.map((t) =>
        tokenize(t)
          .map((k) => k.key)
          .join(" "),
      );
      const starts = langs.flatMap((l) => texts[l].filter((c) => c.clause.id === o.clause));
      for (const k of keys) {
        if (!starts.some((c) => `${c.keys} `.startsWith(`${k} `))) {
          throw new Error(`data/quotes.json: opener "${k}" must start clause ${o.clause}`);
        }
      }
      return [o.clause as ClauseId, keys.map((k) => k.split(" "))];
    }),
  );
  const common = Object.fromEntries(
    langs.map((l) => [
      l,
      new Set(
        [...places[l]]
          .filter(([, ps]) => new Set(ps.map((p) => p.c)).size >= COMMON_CLAUSES)
          .map(([key]) => key),
      ),
    ]),
  ) as Record<Lang, Set<string>>;
  return { texts, places, common, typos, endings, openers, byId };
}

/** The quote's keys with the original's typos put back, so that a corrected typo still matches. */
export function correctTypos(index: QuoteIndex, tokens: Token[]): Token[] {
  const out = tokens.map((t) => ({ ...t }));
  for (const typo of index.typos) {
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
