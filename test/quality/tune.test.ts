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
      {
        minPrecision: 0,
        maxOffTopic: 1,
        minAbstention: 0,
      },
    );
    const inUse = all.find((r) => JSON.stringify(r.thresholds) === JSON.stringify(THRESHOLDS));
    expect(inUse).toBeDefined();
    const reports = batches.map((held) => {
      const examples = batches.filter((b) => b !== held).flatMap((b) => b.questions);
      return evaluate(held.questions, engineRanker(new Engine({ examples })));
    });
    const sum = (f: (r: (typeof reports)[number]) => number) =>
      reports.reduce((n, r) => n + f(r), 0);
    expect(inUse?.top1).toBeCloseTo(
      sum((r) => r.overall.top1Hits) / sum((r) => r.overall.answerable),
      2,
    );
    expect(inUse?.publicPrecision).toBeCloseTo(
      sum((r) => r.overall.publicRight) / sum((r) => r.overall.public),
      2,
    );
  });
});
