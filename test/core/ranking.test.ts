import { describe, expect, it } from "vitest";
import { confidence, type Scored, type Signals, THRESHOLDS } from "../../src/core/ranking.ts";

const calm: Signals = { rule: null, unknownWord: false, foreignShare: 0 };
const top = (score: number, coverage: number): Scored => ({
  id: "M4",
  score,
  matched: [],
  coverage,
});

describe("confidence tiers", () => {
  it("keeps an answer the example questions' vote carries alone private, under the vote's bar", () => {
    const low = THRESHOLDS.voteAlone - 0.05;
    expect(low).toBeGreaterThanOrEqual(THRESHOLDS.answer);
    // The clause's own text holds little of the question: the vote made the score.
    expect(confidence(top(low, THRESHOLDS.textCover - 0.2), 0, calm)).toBe("closest");
    // The clause's text covers the question: the same score is a public answer.
    expect(confidence(top(low, THRESHOLDS.textCover), 0, calm)).toBe("answer");
    // Above the bar, the vote may carry it.
    expect(confidence(top(THRESHOLDS.voteAlone, 0.1), 0, calm)).toBe("answer");
  });

  it("still needs a score above the answer bar, ahead of 'none', and no doubt", () => {
    expect(confidence(top(THRESHOLDS.answer - 0.01, 1), 0, calm)).toBe("closest");
    expect(confidence(top(0.9, 1), 0.9 + THRESHOLDS.noneLead + 0.01, calm)).toBe("none");
    expect(confidence(top(0.9, 1), 0, { ...calm, rule: "date" })).toBe("closest");
    expect(confidence(top(0.9, 0), 0, calm)).toBe("closest");
  });
});
