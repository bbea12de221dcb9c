/**
 * The search for the ranking weights and confidence thresholds (ranking.ts), on leave-one-batch-out
 * runs over the corpus batches only: every question is ranked by an engine that did not learn
 * from its batch, then each setting of the thresholds is scored on those rankings.
 */
import { RULES_ABOUT_THE_WHOLE } from "../core/abstention.ts";
import { Engine } from "../core/engine.ts";
import { type Batch, WHOLE_TEXT } from "../core/questions.ts";
import {
  type Confidence,
  confidence,
  type RankingWeights,
  type Scored,
  type Signals,
  THRESHOLDS,
  type Thresholds,
  WEIGHTS,
} from "../core/ranking.ts";
import type { Answer } from "../core/types.ts";

/** A tier and the ids that count as its first: a count of the signatories is also their clause. */
interface Tiered {
  tops: readonly string[];
  tier: Confidence;
}

interface Ranked {
  expect: readonly string[];
  /**
   * Answered before any ranking (a reference, chit-chat, a term note, a count, another document's
   * article…): the thresholds do not apply, the engine's tier and first id stand.
   */
  fixed: Tiered | null;
  top: string | null;
  best: Scored | undefined;
  none: number;
  signals: Signals;
  /** Unsure of any clause, the engine would offer the overview as the closest thing. */
  leansWholeText: boolean;
}

export interface TuneResult {
  weights: RankingWeights;
  thresholds: Thresholds;
  top1: number;
  publicPrecision: number;
  offTopicPublic: number;
  /** Share of answerable questions answered publicly. */
  publicShare: number;
  /** Share of off-topic questions told "nothing in the text answers this". */
  abstention: number;
}

function rankAll(batches: readonly Batch[], weights: RankingWeights): Ranked[] {
  return batches.flatMap((held) => {
    const engine = new Engine({
      weights,
      examples: batches.filter((b) => b !== held).flatMap((b) => b.questions),
    });
    return held.questions.map((q): Ranked => {
      const r = engine.rank(q.q);
      return {
        expect: q.expect,
        fixed: fixedAnswer(engine.answer(q.q), r.ranked[0]?.id),
        top: r.ranked[0]?.id ?? null,
        best: r.ranked[0],
        none: r.none,
        signals: {
          rule: r.rule,
          unknownWord: r.unknownWord,
          foreignShare: r.foreignShare,
          whereInText: r.whereInText,
          typosOnly: r.typosOnly,
        },
        leansWholeText:
          (r.rule === null || RULES_ABOUT_THE_WHOLE.has(r.rule)) && engine.leansWholeText(q.q),
      };
    });
  });
}

/**
 * The answer's tier and first id when the ranking's thresholds did not make it; else null. A
 * search answer that is not the ranking's first (a party's clause moved up: party-cues.ts) is
 * the engine's own choice too.
 */
function fixedAnswer(a: Answer, top: string | undefined): Ranked["fixed"] {
  switch (a.kind) {
    case "clause":
      return a.via === "search" && a.clause.id === top
        ? null
        : { tops: [a.clause.id], tier: a.confidence };
    case "overview":
      // The overview offered as the closest thing comes from an unsure ranking.
      if (a.confidence === "closest") return null;
      return {
        tops: a.facet === "signatories" ? [WHOLE_TEXT, "signatories"] : [WHOLE_TEXT],
        tier: "answer",
      };
    case "note":
      return { tops: [a.clause.id], tier: "closest" };
    case "none":
      return a.rule === "other-document" ? { tops: [], tier: "none" } : null;
    case "chitchat":
    case "out-of-range":
      return { tops: [], tier: "none" };
    default:
      return a satisfies never;
  }
}

/** The tier and first id a setting of the thresholds gives, as the engine's answer() would. */
function tierOf(r: Ranked, t: Thresholds): Tiered {
  if (r.fixed) return r.fixed;
  const tier = confidence(r.best, r.none, r.signals, t);
  if (tier !== "answer" && r.leansWholeText) return { tops: [WHOLE_TEXT], tier: "closest" };
  return { tops: tier === "none" || r.top === null ? [] : [r.top], tier };
}

function score(rows: readonly Ranked[], t: Thresholds): Omit<TuneResult, "weights" | "thresholds"> {
  const n = { answerable: 0, right: 0, pub: 0, pubRight: 0, off: 0, offPub: 0, offNone: 0 };
  let answerablePublic = 0;
  for (const r of rows) {
    // The same tier function the engine uses, caps included.
    const { tops, tier } = tierOf(r, t);
    const ok = tops.some((id) => r.expect.includes(id));
    if (r.expect.length > 0) {
      n.answerable++;
      if (ok) n.right++;
      if (tier === "answer") answerablePublic++;
    } else {
      n.off++;
      if (tier === "answer") n.offPub++;
      if (tier === "none") n.offNone++;
    }
    if (tier === "answer") {
      n.pub++;
      if (ok) n.pubRight++;
    }
  }
  return {
    top1: n.right / n.answerable,
    publicPrecision: n.pub ? n.pubRight / n.pub : 1,
    offTopicPublic: n.off ? n.offPub / n.off : 0,
    publicShare: answerablePublic / n.answerable,
    abstention: n.off ? n.offNone / n.off : 1,
  };
}

/**
 * Public answers must be right on questions from writers the corpus has never seen (target 98.5%),
 * and those do worse than leave-one-batch-out runs, whose writers resemble the training batches'
 * ones: the first runs of the 16 batches of rounds 21–27 had 98.1% of their public answers right
 * where leave-one-batch-out runs had 99.1%. The target plus that gap is 99.5%, which no setting
 * of the grid reached over the 65 batches of the time; 99.3% was the closest it came.
 */
export const TUNE_LIMITS = { minPrecision: 0.993, maxOffTopic: 0.03, minAbstention: 0.75 };

/**
 * When the vote may carry a public answer alone (`voteAlone`, `textCover` in ranking.ts): the first
 * pair never asks for the clause's text (no score is under 0), the others do under a score.
 */
const VOTE_ALONE: readonly (readonly [number, number])[] = [
  [0, 0],
  [0.55, 0.7],
  [0.6, 0.5],
  [0.6, 0.7],
  [0.6, 0.9],
  [0.65, 0.7],
];

/**
 * Top-1 and the share of silent off-topic questions are compared in steps of 0.1 point, the public
 * share in steps of half a point: differences smaller than these are a handful of questions.
 */
const STEP = 0.001;
const SHARE_STEP = 0.005;

/**
 * Every weight and threshold setting of the grid that keeps public answers at least
 * `minPrecision` right, answers at most `maxOffTopic` of the off-topic questions publicly and
 * tells at least `minAbstention` of them that the text is silent: best top-1 first, then most
 * answers made public, then most off-topic questions told the text is silent, then (as good
 * otherwise) the fewest changes from the settings in use, so that a difference of a few questions
 * does not move every weight.
 */
export function tune(
  batches: readonly Batch[],
  grid: { text: number[]; rule: number[] },
  limits = TUNE_LIMITS,
): TuneResult[] {
  const out: TuneResult[] = [];
  for (const text of grid.text) {
    for (const rule of grid.rule) {
      const weights = { text, rule };
      const rows = rankAll(batches, weights);
      for (const answer of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6])
        for (const margin of [0, 0.05, 0.1, 0.15, 0.2, 0.3])
          for (const closest of [0.05, 0.1, 0.15, 0.2, 0.25])
            for (const noneLead of [0, 0.1, 0.2, 0.35, 0.5])
              for (const sureDespite of [0.7, 0.8, 0.9, 1.01])
                for (const [voteAlone, textCover] of VOTE_ALONE) {
                  const thresholds = {
                    answer,
                    margin,
                    closest,
                    noneLead,
                    sureDespite,
                    voteAlone,
                    textCover,
                    foreignShare: THRESHOLDS.foreignShare,
                  };
                  const s = score(rows, thresholds);
                  if (
                    s.publicPrecision >= limits.minPrecision &&
                    s.offTopicPublic <= limits.maxOffTopic &&
                    s.abstention >= limits.minAbstention
                  )
                    out.push({ weights, thresholds, ...s });
                }
    }
  }
  const better = (a: number, b: number, step = STEP) => Math.round(b / step) - Math.round(a / step);
  return out.sort(
    (a, b) =>
      better(a.top1, b.top1) ||
      better(a.publicShare, b.publicShare, SHARE_STEP) ||
      better(a.abstention, b.abstention) ||
      changesFromCurrent(a) - changesFromCurrent(b),
  );
}

function changesFromCurrent(r: TuneResult): number {
  const now: Record<string, number> = { ...WEIGHTS, ...THRESHOLDS };
  const tried: Record<string, number> = { ...r.weights, ...r.thresholds };
  return Object.keys(now).filter((k) => now[k] !== tried[k]).length;
}
