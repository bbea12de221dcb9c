/**
 * Question-to-question matching: the example questions people asked about each clause (and about
 * things the text does not say, under "none") are pooled into one document per label, scored
 * with MiniSearch's BM25 (pool-scores.ts). A new question is scored against each pool; this is what lets
 * "do they want to watch each other's war games?" find measure 5 though it shares no word with it.
 *
 * One pool per label rather than one document per example: it generalised better in
 * leave-one-batch-out runs (top-1 98.1% against 97.1% for 12 nearest neighbours) and searches 15
 * documents instead of thousands.
 */
import { MAX_FUZZY_WORDS, type Token } from "./analysis.ts";
import { BoundedCache } from "./bounded-cache.ts";
import { CLASS_TERM, type Entities } from "./entities.ts";
import { type PoolScore, PoolScores } from "./pool-scores.ts";
import { WHOLE_TEXT } from "./questions.ts";
import type { ClauseId } from "./types.ts";

/**
 * An example question and the clauses that answer it ([]: the text does not answer it;
 * ["overview"]: the whole text does, which no clause's pool learns from).
 */
export interface Example {
  q: string;
  expect: readonly string[];
}

export const NONE = "none";
export type Label = ClauseId | typeof NONE;

/**
 * BM25 over pools: term frequency saturates late (k = 5), since a word that recurs across many
 * examples of a clause is strong evidence for it. Pool length is barely penalised (b = 0.1): a
 * clause with more examples is not a worse answer, but the "none" pool, fed by every batch of
 * chit-chat and off-topic questions, grows far past the others and came to hold most words people
 * use; unweighted, its share of the vote kept rising as batches joined the corpus. Scores are
 * raised to SHARPNESS before they are shared out, so a clear winner keeps most of the vote.
 * Chosen by leave-one-batch-out runs over the 69 batches of the time: b = 0, 0.05, 0.1, 0.15, 0.25
 * gave top-1 97.74, 97.89, 97.93, 98.00, 98.07% and public answers right 99.39, 99.35, 99.33,
 * 99.27, 99.18%; 0.1 is the best top-1 that keeps public answers at least 99.3% right, the limit
 * the thresholds are tuned to (src/quality/tune.ts).
 */
export const BM25 = { k: 5, b: 0.1, d: 0.5 };
export const SHARPNESS = 4;

/**
 * One edit from 5 letters. The pools' vocabulary is large, and a two-edit walk of it was most of a
 * question's cost; the clause-text search still allows two edits on long words.
 */
function toleratesTypo(term: string): boolean {
  return term.length >= 5;
}

/** A question's terms: every stem of every content word, plus the class of each entity named. */
export function termsOf(tokens: readonly Token[], entities: Entities): string[] {
  const terms = new Set<string>();
  for (const t of tokens) for (const s of t.stems) terms.add(s);
  for (const e of entities.inWords(tokens.map((t) => t.word))) terms.add(CLASS_TERM[e.cls]);
  return [...terms];
}

export interface Votes {
  /** Each label's share of the vote (sums to 1 when any pool matched). */
  share: Map<Label, number>;
  /** The terms that matched some pool, exactly or within the typo tolerance. */
  matched: Set<string>;
}

/** Each label's pool: how often each term occurs in the example questions with that label. */
export type Pools = Record<string, Record<string, number>>;

/**
 * A term of the "none" pool that a single example question holds (a film's title, a drug's name in
 * a question about medicine) is left out: the off-topic batches bring thousands of them, each a
 * pool entry MiniSearch holds in three Maps, and alone they decide nothing the pool's other words do
 * not. Leaving them out took 1.7 MB off the heap the corpus adds, with top-1 in the leave-one-batch-
 * out runs +0.05 point and on the held-out batches within 0.13 point. Terms of the clauses' pools
 * all stay: dropping their single ones too saved 1.2 MB more but cost h01–h04 0.7 point.
 */
const MIN_QUESTIONS = 2;

/** Pools the analysed examples (an example with two labels counts in both). */
export function poolExamples(
  examples: readonly { terms: readonly string[]; expect: readonly string[] }[],
): Pools {
  const pools: Pools = {};
  const questions = new Map<string, number>();
  for (const e of examples) {
    if (e.expect.includes(WHOLE_TEXT)) continue;
    for (const term of e.terms) questions.set(term, (questions.get(term) ?? 0) + 1);
    for (const label of e.expect.length > 0 ? e.expect : [NONE]) {
      const pool = pools[label] ?? termCounts();
      for (const term of e.terms) pool[term] = (pool[term] ?? 0) + 1;
      pools[label] = pool;
    }
  }
  const none = pools[NONE] ?? {};
  const seen: Record<string, number> = termCounts();
  for (const term of Object.keys(none)) {
    if ((questions.get(term) ?? 0) >= MIN_QUESTIONS) continue;
    delete none[term];
    seen[term] = 1;
  }
  pools[SEEN] = seen;
  return pools;
}

/**
 * A term count with no prototype: a question's word may be "constructor" or "__proto__", which on
 * a plain object would read an inherited function or set the prototype instead of counting.
 */
function termCounts(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

/**
 * The terms left out of the "none" pool, kept as known words only: a word some example question
 * held is a real word, not a typo of the text's to match by tolerance (search-index.ts).
 */
export const SEEN = "seen";

export class QuestionIndex {
  private readonly table: PoolScores;
  private readonly labels: Label[];
  /** Terms of example questions kept only as known words (see SEEN). */
  private readonly seen: Set<string>;
  /** Terms of example questions that some clause answered (the "none" pool left out). */
  private readonly answeredVocabulary = new Set<string>();

  /** Scores of the terms one typo from a word no example held: a walk over the terms each time. */
  private readonly nearScores = new BoundedCache<string, PoolScore[]>(5_000);

  /** `isWord`: terms known elsewhere (the clause texts) are real words, not typos to tolerate. */
  constructor(
    pools: Pools,
    private readonly isWord: (term: string) => boolean = () => false,
  ) {
    const { [SEEN]: seen = {}, ...voting } = pools;
    this.labels = Object.keys(voting) as Label[];
    this.table = new PoolScores(Object.values(voting), BM25);
    this.seen = new Set(Object.keys(seen));
    for (const [label, pool] of Object.entries(voting)) {
      if (label !== NONE) for (const term of Object.keys(pool)) this.answeredVocabulary.add(term);
    }
  }

  /** Whether some question the text answers holds this term: a word of the text's own subject. */
  answered(term: string): boolean {
    return this.answeredVocabulary.has(term);
  }

  /** Whether some example question holds this term as typed. */
  knows(term: string): boolean {
    return this.table.has(term) || this.seen.has(term);
  }

  /**
   * MiniSearch scores an OR query as the sum of its terms' scores times the number of terms that
   * matched, so each pool's score is rebuilt exactly from the terms' scores.
   */
  vote(terms: readonly string[]): Votes {
    const share = new Map<Label, number>();
    const matched = new Set<string>();
    const sums = new Map<number, [number, number]>();
    let fuzzyLeft = MAX_FUZZY_WORDS;
    let hit = false;
    const add = (pool: number, s: number) => {
      hit = true;
      const sum = sums.get(pool);
      if (sum) {
        sum[0] += s;
        sum[1] += 1;
      } else sums.set(pool, [s, 1]);
    };
    for (const term of terms) {
      const unknown = !this.knows(term) && !this.isWord(term);
      const fuzzy = unknown && fuzzyLeft-- > 0;
      // The pools' own scores are read in place: no list is built for the terms they hold.
      hit = false;
      this.table.forEachExact(term, add);
      // A term no pool holds, searched with typo tolerance, scores as the pool terms near it.
      if (!hit && fuzzy && toleratesTypo(term)) {
        for (const [pool, s] of this.nearScores.get(term, (t) => this.table.oneEditAway(t))) {
          add(pool, s);
        }
      }
      if (hit) matched.add(term);
    }
    let total = 0;
    for (const [pool, [sum, count]] of sums) {
      const label = this.labels[pool];
      if (!label) continue;
      const s = (sum * count) ** SHARPNESS;
      share.set(label, s);
      total += s;
    }
    if (total > 0) for (const [l, v] of share) share.set(l, v / total);
    return { share, matched };
  }
}
