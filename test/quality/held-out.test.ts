import { describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import type { Batch, Question } from "../../src/core/questions.ts";
import { leaveOneBatchOut } from "../../src/quality/held-out.ts";

const q = (id: string, text: string, expect: Question["expect"]): Question => ({
  id,
  lang: "en",
  q: text,
  expect,
  kind: "paraphrase",
});

// "zorblat" appears in no clause: only an example question can teach that it means measure 3.
const BATCHES: Batch[] = [
  { name: "a1", questions: [q("a1-1", "what about the zorblat thing", ["M3"])] },
  { name: "a2", questions: [q("a2-1", "zorblat zorblat zorblat", ["M3"])] },
  { name: "a3", questions: [q("a3-1", "grumpf quux", ["M5"])] },
];

describe("leaveOneBatchOut", () => {
  it("scores each batch with an engine that learned from the others only", () => {
    const report = leaveOneBatchOut(BATCHES);
    expect(report.perBatch.map((b) => b.batch)).toEqual(["a1", "a2", "a3"]);
    // a1 and a2 teach each other "zorblat"; a3's made-up words are known only to a3.
    expect(report.perBatch[0]?.report.overall.top1).toBe(1);
    expect(report.perBatch[1]?.report.overall.top1).toBe(1);
    expect(report.perBatch[2]?.report.overall.top1).toBe(0);
    expect(report.pooled.overall.answerable).toBe(3);
  });

  it("differs from an engine that saw everything", () => {
    const all = new Engine({ examples: BATCHES.flatMap((b) => b.questions) });
    const a = all.answer("grumpf quux");
    expect(a.kind === "clause" && a.clause.id).toBe("M5");
  });
});
