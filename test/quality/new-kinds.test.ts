/**
 * The held-out batches of the new kinds (data/eval/new-kinds/) and the held-out quote messages:
 * what must hold however the rest scores. No chit-chat is ever answered with a public clause,
 * and no exact or near quotation is ever called misattributed. The other targets are printed by
 * `npm run eval` (section 1b), met or not; this test names no question.
 */
import { expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { newKindsReport } from "../../src/quality/new-kinds.ts";

it("answers no chit-chat with a public clause, and calls no exact or near quotation misattributed", () => {
  const fresh = newKindsReport(getEngine());
  expect(fresh.batches.length).toBeGreaterThan(0);
  expect(fresh.report.byKind.chitchat?.questions ?? 0).toBeGreaterThan(0);
  expect(fresh.report.byKind.chitchat?.offTopicPublic).toBe(0);
  expect(fresh.quotes.length).toBeGreaterThan(0);
  for (const q of fresh.quotes) expect(q.report.falseMisattributions, q.batch).toBe(0);
}, 60_000);
