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

/** How many example questions held each feature: [about something else, about the whole text]. */
export interface WholeTextModel {
  questions: [number, number];
  features: Record<string, [number, number]>;
}

/**
 * Word beginnings stand for the words: "résumé", "résumer" and "résume", "summary" and
 * "summarize", "документ" and "документа" share one (a stemmer per language would need the
 * language first, which terse messages do not tell).
 */
const STEM_CHARS = 5;

/** A question about the whole text is short; words past these add nothing to tell it. */
const MAX_WORDS = 30;

/**
 * How many example questions' worth of the feature's overall rate smooth each class's rate: a
 * feature seen once, in a question about a clause, must not count for the whole text because
 * that class is the smaller (plain add-one smoothing did: "la réunion" leaned whole-text).
 */
const PRIOR_WEIGHT = 1;

/** The words and adjacent word pairs of a question, and its first word as such. */
export function featuresOf(question: string): string[] {
  const words = coverWords(question)
    .slice(0, MAX_WORDS)
    .map((w) => w.slice(0, STEM_CHARS));
  const features = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) features.add(`${words[i]} ${words[i + 1]}`);
  if (words[0]) features.add(`^${words[0]}`);
  return [...features];
}

export function trainWholeTextModel(
  examples: readonly { q: string; expect: readonly string[] }[],
): WholeTextModel {
  const model: WholeTextModel = { questions: [0, 0], features: {} };
  for (const e of examples) {
    const y = e.expect.includes(WHOLE_TEXT) ? 1 : 0;
    model.questions[y] += 1;
    for (const f of featuresOf(e.q)) {
      const counts = model.features[f] ?? [0, 0];
      counts[y] += 1;
      model.features[f] = counts;
    }
  }
  return model;
}

/**
 * The log-odds that `question` asks about the whole text. Features no example held say nothing;
 * without examples of both kinds there is no evidence either way (0).
 */
export function wholeTextLogOdds(model: WholeTextModel, question: string): number {
  const [other, whole] = model.questions;
  if (other === 0 || whole === 0) return 0;
  let logOdds = Math.log(whole / other);
  for (const f of featuresOf(question)) {
    const counts = model.features[f];
    if (!counts) continue;
    const [inOther, inWhole] = counts;
    const overall = (inOther + inWhole) / (other + whole);
    const pWhole = (inWhole + PRIOR_WEIGHT * overall) / (whole + PRIOR_WEIGHT);
    const pOther = (inOther + PRIOR_WEIGHT * overall) / (other + PRIOR_WEIGHT);
    logOdds += Math.log(pWhole / pOther);
  }
  return logOdds;
}
