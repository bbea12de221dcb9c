/**
 * The held-out batches of the new kinds (data/eval/new-kinds/) and the held-out quote messages:
 * what must hold however the rest scores. No chit-chat is ever answered with a public clause,
 * and no exact or near quotation is called misattributed (but the known misses, pinned); the
 * question targets hold on the pool. All targets are printed by `npm run eval` (section 1b), met
 * or not; this test names no question.
 */
import { beforeAll, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { newKindsReport } from "../../src/quality/new-kinds.ts";

let fresh: ReturnType<typeof newKindsReport>;
beforeAll(() => {
  fresh = newKindsReport(getEngine());
}, 120_000);

it("answers no chit-chat with a public clause", () => {
  expect(fresh.batches.length).toBeGreaterThan(0);
  expect(fresh.report.byKind.chitchat?.questions ?? 0).toBeGreaterThan(0);
  expect(fresh.report.byKind.chitchat?.offTopicPublic).toBe(0);
});

it("meets the question targets on the pool: top-1, each language and kind, public answers, off-topic", () => {
  // Only the quote sets may fall short (their own tests above and below).
  expect(fresh.failures.filter((f) => !/^q\d+[ :]/.test(f))).toEqual([]);
});

/**
 * Held-out sets whose first run found a wrong misattribution, left unread so they stay held out
 * (README, "Figures"): the count may fall, never rise, and no other set may gain one.
 */
const KNOWN_WRONG_MISATTRIBUTIONS: Readonly<Record<string, number>> = {
  q301: 1,
  q588: 2,
  q688: 1,
};

it("calls no exact or near quotation misattributed, in any held-out quote set but the known ones", () => {
  expect(fresh.quotes.length).toBeGreaterThan(0);
  for (const q of fresh.quotes) {
    const known = KNOWN_WRONG_MISATTRIBUTIONS[q.batch] ?? 0;
    expect(q.report.falseMisattributions, q.batch).toBeLessThanOrEqual(known);
  }
});
