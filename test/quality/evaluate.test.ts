import { describe, expect, it } from "vitest";
import type { Question } from "../../src/core/questions.ts";
import type { ClauseId } from "../../src/core/types.ts";
import { belowTargets, evaluate, type Ranker } from "../../src/quality/evaluate.ts";

const q = (id: string, lang: Question["lang"], kind: string, expect: ClauseId[]): Question => ({
  id,
  lang,
  q: `question ${id}`,
  expect,
  kind,
});

// English first, so the test also shows languages are reported in LANGS order (fr, en, ru).
const QUESTIONS: Question[] = [
  q("a3", "en", "english", ["P1", "P2"]), // acceptable clause at rank 3, after a repeated id
  q("a1", "fr", "lexical", ["M1"]), // rank 1
  q("a2", "fr", "typo", ["M2"]), // rank 2
  q("a4", "en", "english", ["M4"]), // abstains on an answerable question
  q("a5", "ru", "russian", ["M5"]), // rank 4: outside MRR@3
  q("u1", "en", "offtopic", []), // abstains: right
  q("u2", "fr", "offtopic", []), // answers: wrong
];

const RANKED: Record<string, string[]> = {
  a3: ["M3", "M3", "P4", "P2"],
  a1: ["M1", "M2"],
  a2: ["M1", "M2"],
  a4: [],
  a5: ["M1", "M2", "M3", "M5"],
  u1: [],
  u2: ["M6"],
};

const fake: Ranker = ({ id }) => {
  const ids = RANKED[id] ?? [];
  return { ids, score: ids.length > 0 ? 10 : null, via: "fake" };
};

describe("evaluate", () => {
  const report = evaluate(QUESTIONS, fake);

  it("computes the overall numbers", () => {
    expect(report.overall).toEqual({
      questions: 7,
      answerable: 5,
      top1Hits: 1,
      top1: 1 / 5,
      recall3: 3 / 5,
      mrr3: expect.closeTo((1 + 1 / 2 + 1 / 3) / 5, 12),
      falseAbstentions: 1,
      unanswerable: 2,
      abstained: 1,
      abstention: 1 / 2,
      // A ranker without tiers answers publicly: a1 is right; a2, a3, a5 and u2 are not.
      public: 5,
      publicRight: 1,
      publicPrecision: 1 / 5,
      publicShare: 4 / 5,
      offTopicPublic: 1,
      offTopicPublicRate: 1 / 2,
    });
  });

  it("counts only confident answers as public, and a hedged one to an off-topic question as no miss", () => {
    const tiered: Ranker = (question) => ({
      ...fake(question),
      confidence: question.id === "u2" || question.id === "a2" ? "closest" : "answer",
    });
    const r = evaluate(QUESTIONS, tiered);
    expect(r.overall).toMatchObject({ public: 3, publicRight: 1, offTopicPublic: 0 });
    expect(r.overall.offTopicPublicRate).toBe(0);
    expect(r.misses.map((m) => m.id)).not.toContain("u2");
    expect(r.misses.map((m) => m.id)).toContain("a2");
  });

  it("splits by language, in LANGS order", () => {
    expect(Object.keys(report.byLang)).toEqual(["fr", "en", "ru"]);
    expect(report.byLang.fr).toMatchObject({ answerable: 2, top1: 0.5, mrr3: 0.75, abstention: 0 });
    expect(report.byLang.en).toMatchObject({ answerable: 2, top1: 0, abstention: 1 });
    expect(report.byLang.en?.mrr3).toBeCloseTo(1 / 6, 12);
    // No expect-[] question in Russian: no abstention rate rather than a misleading 0.
    expect(report.byLang.ru).toMatchObject({ answerable: 1, top1: 0, mrr3: 0, abstention: null });
  });

  it("splits by kind, in order of appearance", () => {
    expect(Object.keys(report.byKind)).toEqual([
      "english",
      "lexical",
      "typo",
      "russian",
      "offtopic",
    ]);
    expect(report.byKind.offtopic).toMatchObject({ answerable: 0, top1: null, abstention: 0.5 });
    expect(report.byKind.typo).toMatchObject({ top1: 0, recall3: 1, mrr3: 0.5 });
  });

  it("lists the misses with what was got (deduplicated, top 3)", () => {
    expect(report.misses.map((m) => m.id)).toEqual(["a3", "a2", "a4", "a5", "u2"]);
    expect(report.misses[0]).toEqual({
      id: "a3",
      lang: "en",
      kind: "english",
      question: "question a3",
      expected: ["P1", "P2"],
      got: ["M3", "P4", "P2"],
      score: 10,
      via: "fake",
    });
    expect(report.misses.find((m) => m.id === "a4")).toMatchObject({ got: [], score: null });
    expect(report.misses.find((m) => m.id === "u2")).toMatchObject({ expected: [], got: ["M6"] });
  });

  it("gives null rates, not NaN, on an empty question list", () => {
    const empty = evaluate([], fake);
    expect(empty.overall).toMatchObject({ questions: 0, top1: null, mrr3: null, abstention: null });
    expect(empty.byLang).toEqual({});
    expect(empty.misses).toEqual([]);
  });
});

describe("belowTargets", () => {
  const report = evaluate(QUESTIONS, fake);

  it("names each threshold the report falls short of", () => {
    const failures = belowTargets(report, { top1: 0.2, perLang: 0.5, abstention: 0.6, mrr3: 0.3 });
    expect(failures).toEqual([
      "top-1 en 0.000 < 0.5",
      "top-1 ru 0.000 < 0.5",
      "abstention 0.500 < 0.6",
    ]);
  });

  it("checks only the thresholds given", () => {
    expect(belowTargets(report, {})).toEqual([]);
    expect(belowTargets(report, { mrr3: 0.37 })).toEqual(["MRR@3 0.367 < 0.37"]);
  });

  it("does not fail a metric that has no question to measure it", () => {
    const answerableOnly = evaluate(QUESTIONS.slice(0, 2), fake);
    expect(belowTargets(answerableOnly, { abstention: 0.9 })).toEqual([]);
  });
});

describe("an answer that stands for two ids", () => {
  it("counts as right at rank 1 for either, and only when it answers", () => {
    const questions = [
      { ...q("s1", "fr", "whole-text", []), expect: ["overview"] } as Question,
      q("s2", "fr", "count", ["signatories"]),
    ];
    const both: Ranker = () => ({ ids: ["overview"], score: null, alsoFirst: ["signatories"] });
    expect(evaluate(questions, both).overall.top1Hits).toBe(2);
    const silent: Ranker = () => ({ ids: [], score: null, alsoFirst: ["signatories"] });
    expect(evaluate(questions, silent).overall.top1Hits).toBe(0);
  });
});
