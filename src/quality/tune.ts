/**
 * The search for the ranking weights and confidence thresholds (ranking.ts), on leave-one-batch-out
 * runs over the corpus batches only: every question is ranked by an engine that did not learn
 * from its batch, then each setting of the thresholds is scored on those rankings.
 */
import { Engine } from "../core/engine.ts";
import type { Batch } from "../core/questions.ts";
import {
  confidence,
  type RankingWeights,
  type Scored,
  type Signals,
  THRESHOLDS,
  type Thresholds,
} from "../core/ranking.ts";

interface Ranked {
  expect: readonly string[];
  /** Answered by reference (or out of range): the thresholds do not apply. */
  fixed: { top: string | null } | null;
  top: string | null;
  best: Scored | undefined;
  none: number;
  signals: Signals;
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
      const a = engine.answer(q.q);
      const fixed =
        a.kind === "out-of-range"
          ? { top: null }
          : a.kind === "clause" && a.via === "reference"
            ? { top: a.clause.id }
            : null;
      const r = engine.rank(q.q);
      return {
        expect: q.expect,
        fixed,
        top: r.ranked[0]?.id ?? null,
        best: r.ranked[0],
        none: r.none,
        signals: { rule: r.rule, unknownWord: r.unknownWord, foreignShare: r.foreignShare },
      };
    });
  });
}

function score(rows: readonly Ranked[], t: Thresholds): Omit<TuneResult, "weights" | "thresholds"> {
  const n = { answerable: 0, right: 0, pub: 0, pubRight: 0, off: 0, offPub: 0, offNone: 0 };
  let answerablePublic = 0;
  for (const r of rows) {
    // The same tier function the engine uses, caps included.
    const tier = r.fixed
      ? r.fixed.top
        ? "answer"
        : "none"
      : confidence(r.best, r.none, r.signals, t);
    const top = tier === "none" ? null : (r.fixed?.top ?? r.top);
    const ok = top !== null && r.expect.includes(top);
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
 * A point of margin over the held-out targets (public answers ≥ 97% right, ≤ 5% of off-topic
 * questions public): questions from writers the corpus has never seen do worse than
 * leave-one-batch-out runs, whose writers resemble the training batches' ones.
 */
export const TUNE_LIMITS = { minPrecision: 0.98, maxOffTopic: 0.03, minAbstention: 0.75 };

/**
 * Every weight and threshold setting of the grid that keeps public answers at least
 * `minPrecision` right, answers at most `maxOffTopic` of the off-topic questions publicly and
 * tells at least `minAbstention` of them that the text is silent, best top-1 first, then most
 * answers made public.
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
              for (const sureDespite of [0.7, 0.8, 0.9, 1.01]) {
                const thresholds = {
                  answer,
                  margin,
                  closest,
                  noneLead,
                  sureDespite,
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
  return out.sort((a, b) => b.top1 - a.top1 || b.publicShare - a.publicShare);
}
