/**
 * The MiniSearch index over the clauses: every language's text and search aids are indexed, each
 * with its own language's analysis, so a question in French, English or Russian finds the French
 * clause it is about.
 */
import MiniSearch, { type SearchResult } from "minisearch";
import { isStopWord, stemsIn, type Token, words } from "./analysis.ts";
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
   * Each word's matches by its stems: [clause id, summed term scores, terms matched]. MiniSearch
   * scores an OR query as the sum of its terms' scores times the number of terms that matched,
   * so a question's scores are rebuilt exactly from its words' cached parts: a word is searched
   * once, not in every question that uses it.
   */
  private readonly matches = new BoundedCache<string, Array<[string, number, number]>>(20_000);
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
        if (isStopWord(term)) return null;
        const lang = field ? FIELD_LANG[field as keyof typeof FIELD_LANG] : "any";
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

  /** How many clauses a word matches (with the same typo tolerance as search). */
  documentFrequency(token: Token): number {
    return this.matchesOf(token).length;
  }

  /** Ranked clauses for the query tokens; each hit says which of the tokens matched it. */
  search(tokens: Token[]): RawHit[] {
    const hits = new Map<string, RawHit & { terms: number }>();
    for (const token of tokens) {
      for (const [id, score, terms] of this.matchesOf(token)) {
        const hit = hits.get(id);
        if (hit) {
          hit.score += score;
          hit.terms += terms;
          hit.matched.push(token);
        } else hits.set(id, { id, score, terms, matched: [token] });
      }
    }
    return [...hits.values()]
      .map(({ id, score, terms, matched }) => ({ id, score: score * terms, matched }))
      .sort((a, b) => b.score - a.score);
  }

  private matchesOf(token: Token): Array<[string, number, number]> {
    return this.matches.get(token.stems.join(" "), () =>
      this.run([token]).map((r) => [
        String(r.id),
        r.score / r.queryTerms.length,
        r.queryTerms.length,
      ]),
    );
  }

  /** For autocomplete: the last word is still being typed, so short prefixes count ("drog" → drogue). */
  complete(tokens: Token[]): string[] {
    if (tokens.length === 0) return [];
    return this.run(tokens, 3).map((r) => String(r.id));
  }

  /**
   * Typo tolerance and prefixes only for words the index does not know as typed: they are what
   * makes a search slow (a fuzzy walk of the whole vocabulary), and a known word needs neither.
   * Nor does a word `isWord` knows from elsewhere (the example questions): it is a real word the
   * clauses do not use, not a typo of one they do.
   */
  private run(tokens: Token[], minPrefix = 5): SearchResult[] {
    const stems = [...new Set(tokens.flatMap((t) => t.stems))];
    const unknown = new Set(
      tokens
        .filter((t) => !t.stems.some((s) => this.vocabulary.has(s) || this.isWord(s)))
        .flatMap((t) => t.stems),
    );
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
