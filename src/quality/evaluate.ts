/**
 * Answer-quality metrics over a question set, for any ranker (the engine, the baseline, a fake in
 * tests). Pure: the questions and the ranker are passed in, nothing is read or printed here.
 */

import type { Question } from "../core/questions.ts";
import { LANGS } from "../core/types.ts";
import type { HeldOutTargets, QualityTargets } from "./targets.ts";

/** What a ranker says about one question. */
export interface Ranking {
  /** Clause ids, best first; [] means "nothing relevant" (the ranker abstains). */
  ids: readonly string[];
  /** The top answer's score, shown next to misses; null when there is none or it has no score. */
  score: number | null;
  /** How the answer was reached ("search", "reference", "none"…), shown next to misses. */
  via?: string;
  /**
   * The answer's tier: "answer" is shown publicly, "closest" privately with a hedge, "none" says
   * the text does not answer. A ranker without tiers counts every answer as public.
   */
  confidence?: "answer" | "closest" | "none";
  /**
   * Ids the first answer stands for as well as `ids[0]`: a count of the signatories is an answer
   * about the whole text and the signatories paragraph at once.
   */
  alsoFirst?: readonly string[];
}

export type Ranker = (question: Question) => Ranking;

/** MRR is cut at 3: the bot shows one answer and up to two "see also" clauses. */
export const MRR_DEPTH = 3;

export interface GroupStats {
  questions: number;
  /** Questions with a non-empty `expect`. */
  answerable: number;
  /** Answerable questions whose top clause is acceptable. */
  top1Hits: number;
  top1: number | null;
  /** Share of answerable questions with an acceptable clause in the top 3. */
  recall3: number | null;
  mrr3: number | null;
  /** Answerable questions on which the ranker said nothing. */
  falseAbstentions: number;
  /** Questions with `expect: []`. */
  unanswerable: number;
  /** Unanswerable questions on which the ranker said nothing. */
  abstained: number;
  abstention: number | null;
  /** Questions answered publicly (confident tier), and how many of those were right. */
  public: number;
  publicRight: number;
  /** Share of public answers that are right (an answer to an off-topic question is wrong). */
  publicPrecision: number | null;
  /** Share of answerable questions answered publicly (a bot that hedged everything would score 0). */
  publicShare: number | null;
  /** Unanswerable questions answered publicly. */
  offTopicPublic: number;
  /** Share of unanswerable questions answered publicly (lower is better). */
  offTopicPublicRate: number | null;
}

export interface Miss {
  id: string;
  lang: string;
  kind: string;
  question: string;
  expected: readonly string[];
  /** The ranker's first ids (up to 3); [] when it abstained. */
  got: readonly string[];
  score: number | null;
  via?: string;
  confidence?: string;
}

export interface Report {
  overall: GroupStats;
  byLang: Record<string, GroupStats>;
  byKind: Record<string, GroupStats>;
  /** Answerable questions whose top clause is wrong (or missing), and expect-[] questions answered. */
  misses: Miss[];
}

interface Outcome {
  question: Question;
  ranking: Ranking;
  /** 1-based rank of the first acceptable clause, null when none is ranked. */
  rank: number | null;
}

function outcome(question: Question, ranker: Ranker): Outcome {
  const ranking = ranker(question);
  // A ranker that repeats an id must not push later clauses down the list.
  const ids = [...new Set(ranking.ids)];
  const expected = (id: string) => (question.expect as readonly string[]).includes(id);
  const i = ids.findIndex(expected);
  const first = ids.length > 0 && (ranking.alsoFirst ?? []).some(expected);
  return { question, ranking: { ...ranking, ids }, rank: first ? 1 : i < 0 ? null : i + 1 };
}

const rate = (hits: number, n: number): number | null => (n === 0 ? null : hits / n);

function stats(outcomes: readonly Outcome[]): GroupStats {
  const answerable = outcomes.filter((o) => o.question.expect.length > 0);
  const unanswerable = outcomes.filter((o) => o.question.expect.length === 0);
  const top1Hits = answerable.filter((o) => o.rank === 1).length;
  const within3 = answerable.filter((o) => o.rank !== null && o.rank <= MRR_DEPTH);
  const reciprocal = within3.reduce((sum, o) => sum + 1 / (o.rank ?? Number.POSITIVE_INFINITY), 0);
  const abstained = unanswerable.filter((o) => o.ranking.ids.length === 0).length;
  const isPublic = (o: Outcome) =>
    o.ranking.ids.length > 0 && (o.ranking.confidence ?? "answer") === "answer";
  const publicAnswers = outcomes.filter(isPublic);
  const publicRight = publicAnswers.filter((o) => o.rank === 1).length;
  const offTopicPublic = unanswerable.filter(isPublic).length;
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    top1Hits,
    top1: rate(top1Hits, answerable.length),
    recall3: rate(within3.length, answerable.length),
    mrr3: rate(reciprocal, answerable.length),
    falseAbstentions: answerable.filter((o) => o.ranking.ids.length === 0).length,
    unanswerable: unanswerable.length,
    abstained,
    abstention: rate(abstained, unanswerable.length),
    public: publicAnswers.length,
    publicRight,
    publicPrecision: rate(publicRight, publicAnswers.length),
    publicShare: rate(answerable.filter(isPublic).length, answerable.length),
    offTopicPublic,
    offTopicPublicRate: rate(offTopicPublic, unanswerable.length),
  };
}

/** Groups in a stable order: the listed keys first (languages in LANGS order), then as met. */
function groupBy(
  outcomes: readonly Outcome[],
  key: (q: Question) => string,
  first: readonly string[] = [],
): Record<string, GroupStats> {
  const groups = new Map<string, Outcome[]>(first.map((k) => [k, []]));
  for (const o of outcomes) {
    const k = key(o.question);
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  return Object.fromEntries(
    [...groups].filter(([, os]) => os.length > 0).map(([k, os]) => [k, stats(os)]),
  );
}

/** A wrong top clause, or an off-topic question answered publicly ("closest" is a fair hedge). */
function isMiss(o: Outcome): boolean {
  if (o.question.expect.length > 0) return o.rank !== 1;
  return o.ranking.ids.length > 0 && (o.ranking.confidence ?? "answer") === "answer";
}

export function evaluate(questions: readonly Question[], ranker: Ranker): Report {
  const outcomes = questions.map((q) => outcome(q, ranker));
  return {
    overall: stats(outcomes),
    byLang: groupBy(outcomes, (q) => q.lang, LANGS),
    byKind: groupBy(outcomes, (q) => q.kind),
    misses: outcomes.filter(isMiss).map(({ question: q, ranking: r }) => ({
      id: q.id,
      lang: q.lang,
      kind: q.kind,
      question: q.q,
      expected: q.expect,
      got: r.ids.slice(0, MRR_DEPTH),
      score: r.score,
      ...(r.via !== undefined && { via: r.via }),
      ...(r.confidence !== undefined && { confidence: r.confidence }),
    })),
  };
}

/**
 * The thresholds a report falls short of, one readable line each. A metric with no question to
 * measure it on (a file without expect-[] questions, say) is not a failure: there is no evidence.
 */
export function belowTargets(report: Report, targets: Partial<QualityTargets>): string[] {
  const out: string[] = [];
  const check = (name: string, value: number | null, min: number | undefined) => {
    if (min !== undefined && value !== null && value < min)
      out.push(`${name} ${value.toFixed(3)} < ${min}`);
  };
  check("top-1", report.overall.top1, targets.top1);
  for (const [lang, s] of Object.entries(report.byLang))
    check(`top-1 ${lang}`, s.top1, targets.perLang);
  check("abstention", report.overall.abstention, targets.abstention);
  check("MRR@3", report.overall.mrr3, targets.mrr3);
  return out;
}

/** The held-out targets on a report, one readable line per shortfall. */
export function belowHeldOutTargets(report: Report, t: HeldOutTargets): string[] {
  const out: string[] = [];
  const atLeast = (name: string, value: number | null, min: number) => {
    if (value === null) out.push(`${name}: no question to measure it on`);
    else if (value < min) out.push(`${name} ${value.toFixed(3)} < ${min}`);
  };
  atLeast("top-1", report.overall.top1, t.top1);
  for (const [lang, s] of Object.entries(report.byLang))
    atLeast(`top-1 ${lang}`, s.top1, t.perGroup);
  for (const kind of t.kinds)
    atLeast(`top-1 ${kind}`, report.byKind[kind]?.top1 ?? null, t.perGroup);
  atLeast("public answers right", report.overall.publicPrecision, t.publicPrecision);
  // No public answer at all would make "public answers right" vacuous.
  if (!report.overall.public) out.push("no public answer at all");
  const off = report.overall.offTopicPublicRate;
  if (off !== null && off > t.offTopicPublic)
    out.push(`off-topic answered publicly ${off.toFixed(3)} > ${t.offTopicPublic}`);
  return out;
}
