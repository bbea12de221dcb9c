/**
 * When to say "nothing in the declaration answers this" instead of guessing.
 *
 * The declaration states no dates, places, figures or names of people, and it cannot know what
 * happened after it was written. A question that asks for one of those is unanswerable however
 * well its other words match ("When was the OSCE Platform for Co-operative Security adopted?"
 * matches recital 4 word for word, yet the recital gives no date), so such questions abstain
 * before any score is looked at.
 */
import { fold, type Token } from "./analysis.ts";

const FACTS_NOT_IN_TEXT: RegExp[] = [
  // time: the text carries no date
  /(?<![\p{L}])(?:when|quand|когда|date|dates|dated|year|years|annee|annees|год\p{L}*|дат[аеуы]|since when|depuis quand|founded|fondee?s?|основан\p{L}*)(?![\p{L}])/u,
  // quantities and money: no figures in the text (counting its own signatories or measures is fine)
  /(?<![\p{L}])(?:how many|how much|combien|сколько)(?![\p{L}])(?![^?.!]{0,40}?(?:sign|подпис|mesure|measure|considerant|recital|clause|пункт|мер[аыу]?(?![\p{L}])))/u,
  /(?<![\p{L}])(?:budget|budgets|бюджет\p{L}*|cost|costs|cout|couts|стоимост\p{L}*|population|habitants|население|численност\p{L}*)(?![\p{L}])/u,
  // the present day ("current issues" is a topic of measure 2, so "current" alone is not a cue)
  /(?<![\p{L}])(?:currently|nowadays|today|right now|en ce moment|actuellement|aujourd'hui|maintenant|de nos jours|сейчас|нынешн\p{L}*|в настоящее время)(?![\p{L}])/u,
  // people: the text names no one ("who is the secretary general?")
  /(?<![\p{L}])(?:who is|who's|whos|qui est|кто является|кто такой)\s+(?:(?:the|le|la|l'|current|actuel|actuelle|nato's|nato|otan|csto|otsc|osce|нато|одкб|обсе|сейчас)\s*){0,3}(?:secretary|secretaire|head|chef|leader|president|chairman|генеральн\p{L}*|глав\p{L}*|руководител\p{L}*|председател\p{L}*)/u,
  // people in office, by verb: "qui préside l'OSCE ?", "who leads NATO?"
  /(?<![\p{L}])(?:who chairs|who leads|who heads|who runs|qui preside|qui dirige|кто возглавляет|кто руководит)(?![\p{L}])/u,
  // places: where things are or happen (but "où le texte parle-t-il de…" asks about the text)
  /(?<![\p{L}])(?:headquarters|headquartered|siege|штаб-квартир\p{L}*|где находится|ou se trouve)(?![\p{L}])/u,
  /(?<![\p{L}])(?:where|ou|где)(?![\p{L}])[^?.!]{0,30}?(?:held|take place|takes place|took place|located|based|ont lieu|a lieu|se deroul|se tien|situe|проход\p{L}*|провод\p{L}*|расположен\p{L}*)/u,
  // what came after it
  /(?<![\p{L}])(?:reply|replied|respond|responded|response|approve|approved|approval|approuve|approuvee|одобрил\p{L}*|refuse|refused|rejected|refuse|rejete|rejetee|отказал\p{L}*|отверг\p{L}*|react|reaction|reacted|repondu|reponse|reagi|reagir|reagit|ответил\p{L}*|ответ|отреагировал\p{L}*|outcome|implemented|mis en oeuvre|реализован\p{L}*)(?![\p{L}])/u,
];

export function asksForFactNotInText(question: string): boolean {
  const folded = fold(question).replace(/[’'`]/g, "'");
  return FACTS_NOT_IN_TEXT.some((re) => re.test(folded));
}

/**
 * Share of the question that a clause answers, each word weighted by how specific it is (its
 * inverse document frequency): a word found in one clause (w = ln(14/1) ≈ 2.6) says far more than
 * "OTAN" found in eight (ln(14/8) ≈ 0.56), and a word found nowhere ("Ukraine", "budget") weighs
 * as much as the most specific, since it is what the declaration does not talk about.
 */
export function specificity(documentFrequency: number, clauses: number): number {
  return Math.log(clauses / Math.max(1, documentFrequency));
}

/** The share of the question's weight (`weights`: each content word's specificity) that `matched` holds. */
export function weightedCoverage(
  matched: readonly Token[],
  weights: ReadonlyMap<Token, number>,
): number {
  let total = 0;
  for (const w of weights.values()) total += w;
  const hit = matched.reduce((sum, t) => sum + (weights.get(t) ?? 0), 0);
  return total > 0 ? hit / total : 0;
}

/**
 * Thresholds calibrated on the development and team sets (npm run eval reports the effect of a
 * change). An answer needs a minimal score, and either half of the question's weight matched, or a
 * strong score over at least 30% of it: long paraphrases match few of their words, but strongly
 * (the lowest answerable question in the sets sits near 0.37), while off-topic questions that
 * share one generic word ("energy security": 0.28) fall below.
 */
export const MIN_SCORE = 3;
export const MIN_COVERAGE = 0.5;
export const STRONG_SCORE = 20;
export const MIN_COVERAGE_IF_STRONG = 0.3;

export function isRelevant(score: number, coverage: number): boolean {
  if (score < MIN_SCORE) return false;
  return coverage >= MIN_COVERAGE || (score >= STRONG_SCORE && coverage >= MIN_COVERAGE_IF_STRONG);
}
