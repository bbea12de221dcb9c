import { describe, expect, it } from "vitest";
import { loadDeclaration } from "../../src/core/declaration.ts";
import type { Question } from "../../src/core/questions.ts";
import type { Answer, Clause, SearchHit } from "../../src/core/types.ts";
import { type Answering, engineRanker } from "../../src/quality/engine-ranker.ts";

const clauses = loadDeclaration();
const clause = (id: string): Clause => {
  const c = clauses.find((x) => x.id === id);
  if (!c) throw new Error(`no clause ${id}`);
  return c;
};
const hit = (id: string, score: number): SearchHit => ({ clause: clause(id), score, matched: [] });
const question: Question = { id: "x", lang: "fr", q: "anything", expect: ["M1"], kind: "lexical" };

function fakeEngine(answer: Answer, hits: SearchHit[]): Answering {
  return { answer: () => answer, search: () => hits };
}

describe("engineRanker", () => {
  it("ranks the answer, then its see-also clauses, then the other search hits, once each", () => {
    const answer: Answer = {
      kind: "clause",
      clause: clause("M1"),
      via: "search",
      confidence: "answer",
      score: 7,
      matched: ["x"],
      seeAlso: [clause("M4")],
      lang: "fr",
    };
    const ranker = engineRanker(fakeEngine(answer, [hit("M1", 7), hit("M3", 5), hit("M4", 4)]));
    expect(ranker(question)).toEqual({
      ids: ["M1", "M4", "M3"],
      score: 7,
      via: "search",
      confidence: "answer",
    });
  });

  it("treats a reference answer like any other", () => {
    const answer: Answer = {
      kind: "clause",
      clause: clause("M4"),
      via: "reference",
      confidence: "answer",
      score: 1,
      matched: [],
      seeAlso: [],
      lang: "fr",
    };
    const ranker = engineRanker(fakeEngine(answer, []));
    expect(ranker(question)).toEqual({
      ids: ["M4"],
      score: 1,
      via: "reference",
      confidence: "answer",
    });
  });

  it("abstains on 'none' and on an out-of-range reference, whatever search would say", () => {
    const none = engineRanker(fakeEngine({ kind: "none", lang: "fr" }, [hit("M1", 3)]));
    expect(none(question)).toEqual({ ids: [], score: null, via: "none", confidence: "none" });
    const ruled = engineRanker(fakeEngine({ kind: "none", lang: "fr", rule: "time" }, []));
    expect(ruled(question).via).toBe("none/time");
    const outOfRange: Answer = {
      kind: "out-of-range",
      clauseKind: "measure",
      requested: 9,
      available: 6,
      lang: "fr",
    };
    expect(engineRanker(fakeEngine(outOfRange, []))(question).ids).toEqual([]);
  });
});
