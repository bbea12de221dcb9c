import { describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import { readBatches } from "../../src/core/questions.ts";
import { THRESHOLDS, WEIGHTS } from "../../src/core/ranking.ts";
import { engineRanker } from "../../src/quality/engine-ranker.ts";
import { evaluate } from "../../src/quality/evaluate.ts";
import { tune } from "../../src/quality/tune.ts";

describe("the threshold grid", () => {
  // Three corpus batches, each ranked by an engine trained on the other two: small and quick.
  const batches = readBatches().slice(-3);

  it("scores the settings in use as the engine answers: overviews, notes and references included", () => {
    const all = tune(
      batches,
      { text: [WEIGHTS.text], rule: [WEIGHTS.rule] },
      { minPrecision: 0, maxOffTopic: 1, minAbstention: 0 },
    );
    const inUse = all.find((r) =>
      expect.objectContaining(THRESHOLDS).asymmetricMatch(r.thresholds),
    );
    if (!inUse) throw new Error("the settings in use are not in the grid");
    const reports = batches.map((held) => {
      const examples = batches.filter((b) => b !== held).flatMap((b) => b.questions);
      return evaluate(held.questions, engineRanker(new Engine({ examples })));
    });
    const sum = (f: (r: (typeof reports)[number]) => number) =>
      reports.reduce((n, r) => n + f(r), 0);
    const o = (r: (typeof reports)[number]) => r.overall;
    expect(inUse.top1).toBe(sum((r) => o(r).top1Hits) / sum((r) => o(r).answerable));
    expect(inUse.publicPrecision).toBe(sum((r) => o(r).publicRight) / sum((r) => o(r).public));
    expect(inUse.offTopicPublic).toBe(
      sum((r) => o(r).offTopicPublic) / sum((r) => o(r).unanswerable),
    );
    expect(inUse.abstention).toBe(sum((r) => o(r).abstained) / sum((r) => o(r).unanswerable));
    const publicAnswerable = sum((r) => Math.round((o(r).publicShare ?? 0) * o(r).answerable));
    expect(inUse.publicShare).toBe(publicAnswerable / sum((r) => o(r).answerable));
    // Three engines trained and a grid scored: seconds on a busy two-core machine, not a timing.
  }, 120_000);
});
