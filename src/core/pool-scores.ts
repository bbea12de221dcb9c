/**
 * The pools' BM25 table: every term of the voting pools scored once, at build, against every pool
 * that holds it, with MiniSearch's formula and parameters, so that a lookup reads the scores
 * MiniSearch's `search` would compute (test/core/question-pools.test.ts compares the two on every
 * term, exact and one typo away).
 *
 * Why not MiniSearch itself, as for the clause texts: the pools hold about 11,000 terms, and
 * MiniSearch keeps each in a radix tree of Maps with two more Maps for its frequencies, about
 * 600 bytes a term; it was half the heap the engine holds and took the memory the example corpus
 * adds past its budget. Here a term is one Map entry and its scores sit in typed arrays.
 */

/** BM25+ as MiniSearch computes it (its calcBM25Score, same order of operations). */
export interface Bm25Params {
  k: number;
  b: number;
  d: number;
}

/** MiniSearch's weight of a match one edit away: fuzzyWeight × length / (length + distance). */
const FUZZY_WEIGHT = 0.45;

/**
 * A pool's score for a term, [pool index, score], highest first as MiniSearch sorts its hits.
 * Equal scores keep the pools' order here; MiniSearch's fuzzy hits keep its radix tree's, which
 * may differ, but only pools of the same size can tie, and no two pools are.
 */
export type PoolScore = [number, number];

export class PoolScores {
  /** Term → row; the scores of row r are postings starts[r] to starts[r + 1]. */
  private readonly rows = new Map<string, number>();
  private readonly starts: Uint32Array;
  private readonly pools: Uint8Array;
  private readonly scores: Float64Array;
  /** The terms by length, for the walk over the terms one edit from a typo. */
  private readonly byLength: string[][] = [];

  /** `counts[i]`: pool i's terms and how many example questions held each. */
  constructor(counts: readonly Record<string, number>[], bm25: Bm25Params) {
    if (counts.length > 256) throw new Error("at most 256 pools");
    // MiniSearch counts a pool's terms used at least once, and keeps a running mean of them.
    const lengths = counts.map((pool) => Object.keys(pool).filter((t) => (pool[t] ?? 0) >= 1));
    let average = 0;
    lengths.forEach((terms, id) => {
      average = (average * id + terms.length) / (id + 1);
    });
    const holders = new Map<string, number[]>();
    lengths.forEach((terms, id) => {
      for (const term of terms) {
        const list = holders.get(term);
        if (list) list.push(id);
        else holders.set(term, [id]);
      }
    });
    let postings = 0;
    for (const list of holders.values()) postings += list.length;
    this.starts = new Uint32Array(holders.size + 1);
    this.pools = new Uint8Array(postings);
    this.scores = new Float64Array(postings);
    let at = 0;
    for (const [term, ids] of holders) {
      const row = this.rows.size;
      this.rows.set(term, row);
      const sameLength = this.byLength[term.length];
      if (sameLength) sameLength.push(term);
      else this.byLength[term.length] = [term];
      const scored = ids.map((id): PoolScore => {
        const frequency = counts[id]?.[term] ?? 0;
        const length = lengths[id]?.length ?? 0;
        return [id, bm25Score(frequency, ids.length, counts.length, length, average, bm25)];
      });
      // Stable: equal scores keep the pools' order, as MiniSearch's sort of its hits does.
      scored.sort((x, y) => y[1] - x[1]);
      for (const [id, score] of scored) {
        this.pools[at] = id;
        this.scores[at] = score;
        at++;
      }
      this.starts[row + 1] = at;
    }
  }

  has(term: string): boolean {
    return this.rows.has(term);
  }

  /** Calls `visit` with each pool holding `term` itself and its score, highest first. */
  forEachExact(term: string, visit: (pool: number, score: number) => void): void {
    const row = this.rows.get(term);
    if (row === undefined) return;
    for (let i = this.starts[row] ?? 0; i < (this.starts[row + 1] ?? 0); i++) {
      visit(this.pools[i] ?? 0, this.scores[i] ?? 0);
    }
  }

  /** The pools holding `term` itself and its scores, highest first (MiniSearch's exact search). */
  exact(term: string): PoolScore[] {
    const row = this.rows.get(term);
    if (row === undefined) return [];
    const out: PoolScore[] = [];
    for (let i = this.starts[row] ?? 0; i < (this.starts[row + 1] ?? 0); i++) {
      out.push([this.pools[i] ?? 0, this.scores[i] ?? 0]);
    }
    return out;
  }

  /**
   * The scores of the terms one edit from `term`, each weighted as MiniSearch weighs a fuzzy
   * match, summed per pool, highest first (MiniSearch's search with `fuzzy: 1` for a term no
   * pool holds).
   */
  oneEditAway(term: string): PoolScore[] {
    const sums = new Map<number, number>();
    for (let length = term.length - 1; length <= term.length + 1; length++) {
      for (const near of this.byLength[length] ?? []) {
        if (near === term || !withinOneEdit(term, near)) continue;
        const weight = (FUZZY_WEIGHT * near.length) / (near.length + 1);
        for (const [pool, score] of this.exact(near)) {
          sums.set(pool, (sums.get(pool) ?? 0) + weight * score);
        }
      }
    }
    return [...sums].sort((x, y) => y[1] - x[1]);
  }
}

function bm25Score(
  termFreq: number,
  matchingCount: number,
  totalCount: number,
  fieldLength: number,
  avgFieldLength: number,
  { k, b, d }: Bm25Params,
): number {
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return (
    invDocFreq *
    (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)))
  );
}

/** Levenshtein distance at most one (one letter changed, added or dropped), as MiniSearch counts. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length > b.length) return withinOneEdit(b, a);
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // After the first difference: the rest equal once one letter is skipped in b (added) or in both.
  const skipB = b.length > a.length ? 1 : 0;
  for (let j = i + (skipB ? 0 : 1); j < a.length; j++) {
    if (a.charCodeAt(j) !== b.charCodeAt(j + (skipB ? 1 : 0))) return false;
  }
  return true;
}
