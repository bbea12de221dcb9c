import { describe, expect, it } from "vitest";
import {
  asksForFactNotInText,
  isRelevant,
  MIN_COVERAGE_IF_STRONG,
  STRONG_SCORE,
  specificity,
  weightedCoverage,
} from "../../src/core/abstention.ts";
import type { Token } from "../../src/core/analysis.ts";

const token = (word: string): Token => ({ word, stems: [word] });

describe("weightedCoverage", () => {
  it("weighs a word found in one clause far above one found in eight", () => {
    expect(specificity(1, 14)).toBeGreaterThan(4 * specificity(8, 14));
    expect(specificity(0, 14)).toBe(specificity(1, 14));
  });

  it("is the matched share of the question's weight", () => {
    const otan = token("otan");
    const drogue = token("drogue");
    const weights = new Map([
      [otan, specificity(8, 14)],
      [drogue, specificity(1, 14)],
    ]);
    expect(weightedCoverage([otan, drogue], weights)).toBe(1);
    expect(weightedCoverage([drogue], weights)).toBeGreaterThan(0.8);
    expect(weightedCoverage([otan], weights)).toBeLessThan(0.2);
    expect(weightedCoverage([], new Map())).toBe(0);
  });
});

describe("isRelevant", () => {
  it("needs half the weight, or a strong score over 30% of it", () => {
    expect(isRelevant(10, 0.5)).toBe(true);
    expect(isRelevant(10, 0.4)).toBe(false);
    expect(isRelevant(STRONG_SCORE, MIN_COVERAGE_IF_STRONG)).toBe(true);
    expect(isRelevant(STRONG_SCORE, 0.28)).toBe(false);
    expect(isRelevant(1, 1)).toBe(false);
  });
});

describe("asksForFactNotInText", () => {
  it.each([
    "When was the CSTO founded?",
    "Quand a-t-elle été signée ?",
    "Сколько военнослужащих в ОДКБ?",
    "How many countries are in NATO?",
    "Who is the NATO secretary general right now?",
    "Qui préside l'OSCE ?",
    "Où se trouve le siège de l'OSCE ?",
    "Где проходят учения ОДКБ?",
    "Did NATO reply to this appeal?",
    "Pourquoi l'OTAN a-t-elle refusé le dialogue ?",
  ])("sees that %s asks for what the text never states", (q) => {
    expect(asksForFactNotInText(q)).toBe(true);
  });

  it.each([
    "How many countries signed?",
    "consultations on current regional and European security issues",
    "Où est-ce que le texte parle de confiance ?",
    "Qu'est-ce qui est proposé pour les secrétaires généraux ?",
    "L'OTSC est-elle toujours ouverte au dialogue ?",
  ])("lets %s through to the search", (q) => {
    expect(asksForFactNotInText(q)).toBe(false);
  });
});
