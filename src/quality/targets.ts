/**
 * The answer-quality and speed targets of issue 4, in one place: the regression test asserts them
 * and `npm run eval` / `npm run bench` show and check them, so they cannot drift apart.
 */
export interface QualityTargets {
  /** Top-1 accuracy on answerable questions (expect non-empty). */
  top1: number;
  /** Top-1 accuracy on answerable questions, for each language separately. */
  perLang: number;
  /** Share of expect-[] questions on which the bot says nothing relevant. */
  abstention: number;
  /** Mean reciprocal rank of the first acceptable clause within the top 3, on answerable questions. */
  mrr3: number;
}

export const TARGETS: Readonly<QualityTargets> = Object.freeze({
  top1: 0.95,
  perLang: 0.9,
  abstention: 0.9,
  mrr3: 0.97,
});

export interface SpeedTargets {
  /** p99 latency of one question, in milliseconds (strictly below). */
  queryP99Ms: number;
  /** Median time to build the engine, in milliseconds (strictly below). */
  buildMs: number;
}

export const SPEED_TARGETS: Readonly<SpeedTargets> = Object.freeze({
  queryP99Ms: 1,
  buildMs: 50,
});
