/**
 * A learned reading of questions about the declaration as a whole, for the phrasings the rules
 * (whole-text.ts) do not hold: "j'dois présenter ça en séminaire, les idées-forces svp", "pls
 * explain this doc like i'm a physicist". New writers phrase such requests in more ways than any
 * table of phrases lists, while the example questions hold a thousand of them.
 *
 * A naive Bayes over which words and word pairs a question holds, its function words included
 * ("what is this about" is made of nothing else): the log-odds that the example questions most
 * like it asked about the whole text rather than a clause or something else.
 */
import { coverWords } from "./phrase-cover.ts";
import { WHOLE_TEXT } from "./questions.ts";

/**
 * What the example questions teach, as `npm run train` writes it: the log-odds before any word
 * is read, and what each feature adds to them.
 */
export interface WholeTextModel {
  prior: number;
  weights: Record<string, number>;
}

/**
 * Word beginnings stand for the words: "résumé", "résumer" and "résume", "summary" and
 * "summarize", "документ" and "документа" share one (a stemmer per language would need the
 * language first, which terse messages do not tell).
 */
const STEM_CHARS = 5;

/** A question about the whole text is short; words past these add nothing to tell it. */
const MAX_WORDS = 30;
/** Enough characters for those words: a long message costs no more than its start. */
const MAX_CHARS = 400;

/**
 * How many example questions' worth of the feature's overall rate smooth each class's rate: a
 * feature seen once, in a question about a clause, must not count for the whole text because
 * that class is the smaller (plain add-one smoothing did: "la réunion" leaned whole-text).
 */
const PRIOR_WEIGHT = 1;

/**
 * A feature of fewer example questions is left out: it would weigh the most and generalise the
 * least, and more than half the features are such. Leaving them out cost the leave-one-batch-out
 * runs 0.4 % of the questions about the whole text and halved the memory the model takes. Weights
 * are kept to two decimals.
 */
const MIN_QUESTIONS = 2;
const DECIMALS = 100;

/** The words and adjacent word pairs of a question, and its first word as such. */
export function featuresOf(question: string): string[] {
  const words = coverWords(question.slice(0, MAX_CHARS))
    .slice(0, MAX_WORDS)
    .map((w) => w.slice(0, STEM_CHARS));
  const features = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) features.add(`${words[i]} ${words[i + 1]}`);
  if (words[0]) features.add(`^${words[0]}`);
  return [...features];
}

/** Without examples of both kinds there is no evidence either way: no weight at all. */
export function trainWholeTextModel(
  examples: readonly { q: string; expect: readonly string[] }[],
): WholeTextModel {
  const questions = [0, 0];
  const counts = new Map<string, [number, number]>();
  for (const e of examples) {
    const y = e.expect.includes(WHOLE_TEXT) ? 1 : 0;
    questions[y] = (questions[y] ?? 0) + 1;
    for (const f of featuresOf(e.q)) {
      const c = counts.get(f) ?? [0, 0];
      c[y] += 1;
      counts.set(f, c);
    }
  }
  const [other = 0, whole = 0] = questions;
  if (other === 0 || whole === 0) return { prior: 0, weights: {} };
  const weights: Record<string, number> = {};
  for (const [f, [inOther, inWhole]] of counts) {
    if (inOther + inWhole < MIN_QUESTIONS) continue;
    const overall = (inOther + inWhole) / (other + whole);
    const pWhole = (inWhole + PRIOR_WEIGHT * overall) / (whole + PRIOR_WEIGHT);
    const pOther = (inOther + PRIOR_WEIGHT * overall) / (other + PRIOR_WEIGHT);
    const weight = Math.round(Math.log(pWhole / pOther) * DECIMALS) / DECIMALS;
    // A feature as common in both kinds says nothing (and -0 would not survive JSON).
    if (weight !== 0) weights[f] = weight;
  }
  return { prior: Math.log(whole / other), weights };
}

/** The trained model, read for answering: features no example held say nothing. */
export class WholeTextReading {
  /**
   * The weights as the trained file holds them: copying tens of thousands of them into a Map took
   * a sixth of the engine's build, and a question looks up only a few dozen.
   */
  private readonly weights: Record<string, number>;
  private readonly prior: number;

  constructor(model: WholeTextModel) {
    this.prior = model.prior;
    this.weights = model.weights;
  }

  /** The log-odds that `question` asks about the whole text. */
  logOdds(question: string): number {
    let logOdds = this.prior;
    // A feature is at most STEM_CHARS letters, a pair with a space or a "^" word: never the name
    // of an object's own property ("constructor"), so a plain lookup reads only trained weights.
    for (const f of featuresOf(question)) logOdds += this.weights[f] ?? 0;
    return logOdds;
  }
}
