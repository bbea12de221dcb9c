/**
 * The baseline the engine must beat: MiniSearch exactly as it comes (default tokenizer, no
 * stemming, no fuzzy or prefix matching, OR of the terms) over the authoritative French texts
 * only. It abstains only when no clause shares a single word with the question.
 */
import MiniSearch from "minisearch";
import type { Clause } from "../core/types.ts";
import type { Ranker } from "./evaluate.ts";

export class Baseline {
  private readonly mini: MiniSearch<{ id: string; text: string }>;

  constructor(clauses: readonly Clause[]) {
    this.mini = new MiniSearch({ fields: ["text"] });
    this.mini.addAll(clauses.map((c) => ({ id: c.id, text: c.text.fr })));
  }

  /** Ranked clause ids with their scores; [] when nothing matches. */
  search(question: string): { id: string; score: number }[] {
    return this.mini.search(question).map((r) => ({ id: String(r.id), score: r.score }));
  }
}

export function baselineRanker(baseline: Baseline): Ranker {
  return ({ q }) => {
    const hits = baseline.search(q);
    return { ids: hits.map((h) => h.id), score: hits[0]?.score ?? null, via: "minisearch" };
  };
}
