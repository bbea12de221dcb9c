/**
 * Honest figures: every question is scored by an engine that never learned from it.
 * - Leave-one-batch-out: for each batch of example questions, an engine built on all the other
 *   batches scores it.
 * - Held-out batches (data/eval/h*.json): written blind like the corpus, never used to build or
 *   tune anything; the engine built on the whole corpus scores them.
 */
import { Engine, type EngineOptions } from "../core/engine.ts";
import type { Batch } from "../core/questions.ts";
import { engineRanker } from "./engine-ranker.ts";
import { evaluate, type Ranker, type Report } from "./evaluate.ts";

export interface HeldOutReport {
  /** All the batches' questions together. */
  pooled: Report;
  perBatch: { batch: string; report: Report }[];
}

/** Each batch scored by an engine built from the others. */
export function leaveOneBatchOut(
  batches: readonly Batch[],
  opts: Omit<EngineOptions, "examples"> = {},
): HeldOutReport {
  const rankers = new Map<string, Ranker>();
  for (const held of batches) {
    const engine = new Engine({
      ...opts,
      examples: batches.filter((b) => b !== held).flatMap((b) => b.questions),
    });
    const ranker = engineRanker(engine);
    for (const q of held.questions) rankers.set(q.id, ranker);
  }
  const ranker: Ranker = (q) => {
    const r = rankers.get(q.id);
    if (!r) throw new Error(`no engine holds out question ${q.id}`);
    return r(q);
  };
  return report(batches, ranker);
}

/** Batches that no engine ever learned from, scored by one engine. */
export function heldOut(batches: readonly Batch[], engine: Engine): HeldOutReport {
  return report(batches, engineRanker(engine));
}

function report(batches: readonly Batch[], ranker: Ranker): HeldOutReport {
  return {
    pooled: evaluate(
      batches.flatMap((b) => b.questions),
      ranker,
    ),
    perBatch: batches.map((b) => ({ batch: b.name, report: evaluate(b.questions, ranker) })),
  };
}

/**
 * The batches without the questions whose text (case and outer spaces aside) some corpus example
 * also has: short questions ("qui a signé ?", "пятый пункт") recur across independent writers,
 * and an engine answers those from memory. The figure on the rest is the stricter one.
 */
export function novelOnly(batches: readonly Batch[], corpus: readonly Batch[]): Batch[] {
  const key = (q: string) => q.trim().toLowerCase();
  const seen = new Set(corpus.flatMap((b) => b.questions.map((q) => key(q.q))));
  return batches.map((b) => ({ ...b, questions: b.questions.filter((q) => !seen.has(key(q.q))) }));
}
