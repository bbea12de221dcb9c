/**
 * The MiniSearch index over the clauses: every language's text and search aids are indexed, each
 * with its own language's analysis, so a question in French, English or Russian finds the French
 * clause it is about.
 */
import MiniSearch, { type SearchResult } from "minisearch";
import { isStopWordIn, MAX_FUZZY_WORDS, stemsIn, type Token, words } from "./analysis.ts";
import { BoundedCache } from "./bounded-cache.ts";
import type { Clause, Lang } from "./types.ts";

interface IndexedClause {
  id: string;
  labels: string;
  titles: string;
  fr: string;
  en: string;
  ru: string;
  aidsFr: string;
  aidsEn: string;
  aidsRu: string;
}

const FIELD_LANG: Record<keyof Omit<IndexedClause, "id">, Lang | "any"> = {
  labels: "any",
  titles: "any",
  fr: "fr",
  en: "en",
  ru: "ru",
  aidsFr: "fr",
  aidsEn: "en",
  aidsRu: "ru",
};
const FIELDS = Object.keys(FIELD_LANG) as (keyof typeof FIELD_LANG)[];

/**
 * Field weights, from a grid search over the development and team question sets (labels 0.5–2,
 * titles 1–3, French 0.8–2, translations 0.7–1.3, aids 1–3: 432 settings). The results form a
 * plateau (134–135 of 136 answerable right, all 24 abstentions kept); this point sits inside it, so
 * small changes to the data do not tip it. Titles count double: they name each clause's topic.
 */
export type FieldBoost = Record<(typeof FIELDS)[number], number>;

export const FIELD_BOOST: FieldBoost = {
  labels: 1,
  titles: 2,
  fr: 2,
  en: 1,
  ru: 1,
  aidsFr: 1,
  aidsEn: 1,
  aidsRu: 1,
};

/** Typo tolerance grows with word length: one edit from 5 letters, two from 9. */
function fuzziness(term: string): number | false {
  return term.length >= 9 ? 2 : term.length >= 5 ? 1 : false;
}

export interface RawHit {
  id: string;
  score: number;
  /** The query tokens (words) whose stems matched this clause. */
  matched: Token[];
}

export class SearchIndex {
  readonly size: number;
  private readonly mini: MiniSearch<IndexedClause>;
  private readonly boost: FieldBoost;
  /** Every indexed term: a query word found here exactly needs no typo tolerance. */
  private readonly vocabulary = new Set<string>();
  /**
   * Each stem's matches, [clause id, score], with or without typo tolerance. MiniSearch scores an
   * OR query as the sum of its distinct terms' scores times the number of those terms that
   * matched, so a question's scores are rebuilt exactly from its stems' cached ones: a stem is
   * searched once, not in every question that uses it.
   */
  private readonly matches = new BoundedCache<string, Array<[string, number]>>(20_000);
  /** Words that other sources (the example questions) know are real words, not typos. */
  private readonly isWord: (stem: string) => boolean;

  constructor(
    clauses: readonly Clause[],
    boost: FieldBoost = FIELD_BOOST,
    isWord: (stem: string) => boolean = () => false,
  ) {
    this.boost = boost;
    this.isWord = isWord;
    this.size = clauses.length;
    this.mini = new MiniSearch<IndexedClause>({
      fields: FIELDS,
      storeFields: [],
      tokenize: (text) => words(text),
      processTerm: (term, field) => {
        const lang = field ? FIELD_LANG[field as keyof typeof FIELD_LANG] : "any";
        if (isStopWordIn(term, lang)) return null;
        const stems =
          lang === "any"
            ? [...new Set([...stemsIn(term, "fr"), ...stemsIn(term, "en")])]
            : stemsIn(term, lang);
        for (const stem of stems) this.vocabulary.add(stem);
        return stems;
      },
    });
    this.mini.addAll(
      clauses.map((c) => ({
        id: c.id,
        labels: Object.values(c.label).join(" "),
        titles: Object.values(c.title).join(" "),
        fr: c.text.fr,
        en: c.text.en,
        ru: c.text.ru,
        aidsFr: c.aids.fr.join(" ; "),
        aidsEn: c.aids.en.join(" ; "),
        aidsRu: c.aids.ru.join(" ; "),
      })),
    );
  }

  /** Whether a clause text, translation or aid holds this stem as typed. */
  knows(stem: string): boolean {
    return this.vocabulary.has(stem);
  }

  /**
   * The words of a question that get typo tolerance: those the index does not know, the first
   * MAX_FUZZY_WORDS of them.
   */
  typoTolerant(tokens: readonly Token[]): Set<Token> {
    return new Set(tokens.filter((t) => this.isUnknown(t)).slice(0, MAX_FUZZY_WORDS));
  }

  /** How many clauses a word matches (`fuzzy`: with typo tolerance, as search gives it). */
  documentFrequency(token: Token, fuzzy: boolean): number {
    return new Set(token.stems.flatMap((s) => this.stemMatches(s, fuzzy).map(([id]) => id))).size;
  }

  /** Ranked clauses for the query tokens; each hit says which of the tokens matched it. */
  search(tokens: Token[], tolerant: ReadonlySet<Token> = this.typoTolerant(tokens)): RawHit[] {
    // Distinct stems, as MiniSearch takes them: a stem two words share counts once.
    const stems = new Map<string, { fuzzy: boolean; owners: Token[] }>();
    for (const token of tokens) {
      const fuzzy = tolerant.has(token);
      for (const stem of token.stems) {
        const entry = stems.get(stem) ?? { fuzzy: false, owners: [] };
        entry.fuzzy ||= fuzzy;
        entry.owners.push(token);
        stems.set(stem, entry);
      }
    }
    const hits = new Map<string, { score: number; terms: number; matched: Set<Token> }>();
    for (const [stem, { fuzzy, owners }] of stems) {
      for (const [id, score] of this.stemMatches(stem, fuzzy)) {
        const hit = hits.get(id) ?? { score: 0, terms: 0, matched: new Set<Token>() };
        hit.score += score;
        hit.terms += 1;
        for (const t of owners) hit.matched.add(t);
        hits.set(id, hit);
      }
    }
    return [...hits]
      .map(([id, h]) => ({ id, score: h.score * h.terms, matched: [...h.matched] }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Typo tolerance and prefixes only for words the index does not know as typed: they are what
   * makes a search slow (a fuzzy walk of the whole vocabulary), and a known word needs neither.
   * Nor does a word `isWord` knows from elsewhere (the example questions): it is a real word the
   * clauses do not use, not a typo of one they do.
   */
  private isUnknown(token: Token): boolean {
    return !token.stems.some((s) => this.vocabulary.has(s) || this.isWord(s));
  }

  private stemMatches(stem: string, fuzzy: boolean): Array<[string, number]> {
    return this.matches.get(`${fuzzy ? "~" : "="}${stem}`, () =>
      this.mini
        .search(stem, {
          boost: this.boost,
          fuzzy: fuzzy && fuzziness(stem),
          prefix: fuzzy && stem.length >= 5,
          tokenize: (text) => [text],
          processTerm: (term) => term,
        })
        .map((r) => [String(r.id), r.score]),
    );
  }

  /** For autocomplete: the last word is still being typed, so short prefixes count ("drog" → drogue). */
  complete(tokens: Token[]): string[] {
    if (tokens.length === 0) return [];
    return this.run(tokens, 3).map((r) => String(r.id));
  }

  /** Autocomplete's search: typo tolerance and short prefixes for the words the index does not know. */
  private run(tokens: Token[], minPrefix: number): SearchResult[] {
    const stems = [...new Set(tokens.flatMap((t) => t.stems))];
    const unknown = new Set([...this.typoTolerant(tokens)].flatMap((t) => t.stems));
    return this.mini.search(
      { combineWith: "OR", queries: stems },
      {
        boost: this.boost,
        fuzzy: (term) => unknown.has(term) && fuzziness(term),
        prefix: (term) => unknown.has(term) && term.length >= minPrefix,
        // Terms arrive already analysed; keep them as they are.
        tokenize: (text) => [text],
        processTerm: (term) => term,
      },
    );
  }
}
