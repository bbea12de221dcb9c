/**
 * Questions that ask for what the declaration never states (data/abstention.json): it carries no
 * date, place, figure or person's name, and cannot know what happened after it was written.
 * "When was the OSCE Platform adopted?" matches recital 4 word for word, yet the recital gives no
 * date. A rule that fires does not decide alone: it weighs towards "the text does not say this"
 * in the ranking (ranking.ts), and its id is logged and shown with evaluation misses.
 *
 * The patterns are generated from the rules' word lists, each part bounded, so a scan is linear
 * in the question's length.
 */
import { fileURLToPath } from "node:url";
import { fold } from "./analysis.ts";
import { type RuleExamples, readDataFile } from "./data-file.ts";
import { PrefixIndex } from "./prefix-index.ts";
import {
  alternatives,
  normaliseForPatterns,
  WORD_START,
  type WordList,
  wordListSource,
} from "./word-patterns.ts";

const RULES_FILE = fileURLToPath(new URL("../../data/abstention.json", import.meta.url));

export interface AbstentionRuleData extends WordList, RuleExamples {
  id: string;
  /** Words that may stand between the cue and `then` (up to three). */
  between?: string[];
  /** Or any text up to this many characters. */
  within?: number;
  then?: WordList;
  unless?: WordList;
  /** "unless" words count only in the cue's own sentence ("when was it signed? lol when pigs fly"). */
  unlessInSentence?: boolean;
  /** Words right before the cue that spare the question ("le point combien": which number). */
  unlessBefore?: WordList;
  /**
   * The question may be about the whole text rather than a fact it lacks ("is this legally
   * binding?"): the overview may still be offered as the closest thing.
   */
  mayBeAboutTheWhole?: boolean;
}

interface Rule {
  id: string;
  cue: RegExp;
  unless?: RegExp;
  unlessInSentence: boolean;
  unlessBefore?: RegExp;
}

/** How far after the cue an "unless" word may stand ("how many … countries"). */
const UNLESS_WINDOW = 40;
/** How far before the cue an "unlessBefore" word is looked for: it must end right there. */
const UNLESS_BEFORE_WINDOW = 30;

const wordsSource = (w: WordList) => `${WORD_START}${wordListSource(w)}`;

/**
 * The rules a question may fire, by the first letters of their cues: a cue starts at a word
 * start, so its first run of letters is one of the question's (a whole word's: "how" of "how
 * many") or begins one (a stem's: "численност"). Only those rules are run; an entry that starts
 * with no letter ("9 000") has its rule run on every question.
 */
const FIRST_LETTERS = /^\p{L}+/u;
const LETTER_RUNS = /\p{L}+/gu;

interface CueIndex {
  byWord: Map<string, number[]>;
  stems: PrefixIndex<number>;
  always: number[];
}

function cueIndex(rules: readonly WordList[]): CueIndex {
  const index: CueIndex = { byWord: new Map(), stems: new PrefixIndex(), always: [] };
  rules.forEach((r, rule) => {
    const first = (entry: string) => FIRST_LETTERS.exec(fold(entry))?.[0];
    for (const entry of r.words ?? []) {
      const word = first(entry);
      if (word === undefined) index.always.push(rule);
      else index.byWord.set(word, [...(index.byWord.get(word) ?? []), rule]);
    }
    for (const entry of r.stems ?? []) {
      const stem = first(entry);
      if (stem === undefined) index.always.push(rule);
      else index.stems.add(stem, rule);
    }
  });
  return index;
}

/** The rules whose cues may start somewhere in the question, by their order in RULES. */
function rulesThatMayStart(index: CueIndex, folded: string): Set<number> {
  const out = new Set(index.always);
  for (const run of folded.match(LETTER_RUNS) ?? []) {
    for (const rule of index.byWord.get(run) ?? []) out.add(rule);
    index.stems.forEachBeginning(run, (rule) => out.add(rule));
  }
  return out;
}

function compile(r: AbstentionRuleData): Rule {
  let source = wordsSource(r);
  if (r.then) {
    const gap = r.between
      ? `\\s(?:(?:${alternatives(r.between)})\\s?){0,3}`
      : `[^?.!]{0,${r.within ?? 0}}?`;
    // "d'après le texte" is according to it, not a word of later ("après").
    source += `${gap}(?<!d')${wordsSource(r.then)}`;
  }
  return {
    id: r.id,
    cue: new RegExp(source, "gu"),
    ...(r.unless && { unless: new RegExp(wordsSource(r.unless), "u") }),
    unlessInSentence: r.unlessInSentence ?? false,
    ...(r.unlessBefore && {
      unlessBefore: new RegExp(`${wordsSource(r.unlessBefore)}[\\s,'-]{0,3}$`, "u"),
    }),
  };
}

interface AbstentionData {
  rules: AbstentionRuleData[];
  /** Words that ask where the text says something (asksWhereInText). */
  whereInText: WordList & RuleExamples;
}

export function readAbstentionData(file = RULES_FILE): AbstentionData {
  return readDataFile<AbstentionData>(file);
}

export function readAbstentionRules(file = RULES_FILE): AbstentionRuleData[] {
  return readAbstentionData(file).rules;
}

const DATA = readAbstentionData();
const RULE_DATA = DATA.rules;
const WHERE_IN_TEXT = new RegExp(wordsSource(DATA.whereInText), "u");

/**
 * "c'est écrit où ce conte de fées ?", "where does it even say that", "где там": the question asks
 * where the text says something, so it is about the text, however much its other words read like
 * the questions the text does not answer.
 */
export function asksWhereInText(question: string): boolean {
  return WHERE_IN_TEXT.test(normaliseForPatterns(question));
}
const RULES: Rule[] = RULE_DATA.map(compile);
const CUE_INDEX = cueIndex(RULE_DATA);

/** The rules whose questions may be about the whole text (AbstentionRuleData.mayBeAboutTheWhole). */
export const RULES_ABOUT_THE_WHOLE: ReadonlySet<string> = new Set(
  RULE_DATA.filter((r) => r.mayBeAboutTheWhole).map((r) => r.id),
);

/** The id of the first rule that says the question asks for a fact the text never states, or null. */
export function asksForFactNotInText(question: string): string | null {
  const folded = normaliseForPatterns(question);
  const candidates = rulesThatMayStart(CUE_INDEX, folded);
  if (candidates.size === 0) return null;
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i] as Rule;
    if (candidates.has(i) && firesIn(rule, folded)) return rule.id;
  }
  return null;
}

/**
 * Whether some match of the rule's cue is not spared: by an "unless" word in the match (between
 * its two parts: "were there ever any words on drugs in this text") or just after it, or by an
 * "unlessBefore" word ending right before it. Every match is tried, so that a spared one ("one
 * capital") does not hide a later one; each search starts past the last.
 */
function firesIn(rule: Rule, folded: string): boolean {
  rule.cue.lastIndex = 0;
  for (let m = rule.cue.exec(folded); m !== null; m = rule.cue.exec(folded)) {
    const end = m.index + m[0].length;
    if (m[0].length === 0) rule.cue.lastIndex++;
    if (rule.unless?.test(unlessWindow(folded, m.index, end, rule.unlessInSentence))) continue;
    const before = folded.slice(Math.max(0, m.index - UNLESS_BEFORE_WINDOW), m.index);
    if (rule.unlessBefore?.test(before)) continue;
    return true;
  }
  return false;
}

/**
 * The cue and the words after it, up to UNLESS_WINDOW characters; for a rule whose "unless" words
 * count in its sentence only, never past its end ("when was it signed? lol when pigs fly" still
 * asks a date), while others read on ("… might actually happen, right? which one is it").
 */
function unlessWindow(folded: string, start: number, end: number, inSentence: boolean): string {
  const after = folded.slice(end, end + UNLESS_WINDOW);
  const stop = inSentence ? after.search(SENTENCE_END) : -1;
  return folded.slice(start, end) + (stop < 0 ? after : after.slice(0, stop));
}
/** "?", "!" or a single full stop: an ellipsis ("when... pigs fly") is a pause, not an end. */
const SENTENCE_END = /[?!]|(?<![.…])\.(?![.…])/u;

const SENTENCE_BREAK = /(?<=[?!.…])\s+/u;

/**
 * The rule for a question of several sentences: when one asks where the text says something
 * and fires no rule ("« guidés par la Plateforme de l'OSCE »… depuis quand ? c'est dans quel
 * considérant ?", "Диалог советов, ага, сейчас не будет. где это предлагается?"), the others are
 * the asker's aside, and the question is that one; otherwise as asksForFactNotInText.
 */
export function factNotInTextAsked(
  question: string,
  where = asksWhereInText(question),
): string | null {
  const rule = asksForFactNotInText(question);
  if (!rule || !where) return rule;
  const sentences = question.split(SENTENCE_BREAK).filter((s) => s.trim() !== "");
  if (sentences.length < 2) return rule;
  const asking = sentences.filter(asksWhereInText);
  return asking.every((s) => asksForFactNotInText(s) === null) ? null : rule;
}
