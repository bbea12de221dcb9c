/**
 * The answer-quality and speed targets in one place: the tests assert them and `npm run eval` /
 * `npm run bench` show and check them, so they cannot drift apart.
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

/** The development and team sets (in-sample: they shaped the engine): a regression floor. */
export const TARGETS: Readonly<QualityTargets> = Object.freeze({
  top1: 0.95,
  perLang: 0.9,
  abstention: 0.75,
  mrr3: 0.97,
});

/** The answer-quality targets, on questions the engine never learned from (held-out batches). */
export interface HeldOutTargets {
  top1: number;
  /** Top-1 in each language and in each of `kinds`. */
  perGroup: number;
  kinds: readonly string[];
  /** Share of public (confident) answers that are right. */
  publicPrecision: number;
  /** Share of off-topic questions answered publicly: at most this. */
  offTopicPublic: number;
}

export const HELD_OUT_TARGETS: Readonly<HeldOutTargets> = Object.freeze({
  top1: 0.95,
  perGroup: 0.92,
  kinds: ["paraphrase", "colloquial", "entity", "structure"],
  publicPrecision: 0.97,
  offTopicPublic: 0.05,
});

/**
 * The targets for held-out batches of the new kinds (chit-chat, terms, other documents, positions,
 * whole-text questions…), and for quote messages written blind.
 */
export interface NewKindTargets {
  top1: number;
  /** Top-1 in each language and each kind. */
  perGroup: number;
  publicPrecision: number;
  offTopicPublic: number;
  /** Chit-chat answered publicly: none. */
  chitchatPublic: number;
  quoteVerdict: number;
  /** Exact or near quotations called misattributed: none. */
  falseMisattributions: number;
}

export const NEW_KIND_TARGETS: Readonly<NewKindTargets> = Object.freeze({
  top1: 0.97,
  perGroup: 0.94,
  publicPrecision: 0.985,
  offTopicPublic: 0.02,
  chitchatPublic: 0,
  quoteVerdict: 0.97,
  falseMisattributions: 0,
});

export interface SpeedTargets {
  /** p99 latency of one question, in milliseconds (strictly below). */
  queryP99Ms: number;
  /** Median time to build the engine, corpus included, in milliseconds (strictly below). */
  buildMs: number;
  /** Growth of the resident set from loading the example corpus, in MB (strictly below). */
  corpusRssMb: number;
}

export const SPEED_TARGETS: Readonly<SpeedTargets> = Object.freeze({
  queryP99Ms: 1,
  buildMs: 200,
  corpusRssMb: 15,
});
