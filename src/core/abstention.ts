/**
 * Questions that ask for what the declaration never states (data/abstention.json): it carries no
 * date, place, figure or person's name, and cannot know what happened after it was written.
 * "When was the OSCE Platform adopted?" matches recital 4 word for word, yet the recital gives no
 * date. A rule that fires does not decide alone: it weighs towards "the text does not say"
 * in the ranking (see ranking.ts), and its id is logged and shown with evaluation misses.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fold } from "./analysis.ts";

const RULES_FILE = fileURLToPath(new URL("../../data/abstention.json", import.meta.url));

export interface AbstentionRuleData {
  id: string;
  cue: string;
  unless?: string;
  fires: string[];
  spares: string[];
}

interface Rule {
  id: string;
  cue: RegExp;
  unless?: RegExp;
}

/** How far after the cue an "unless" pattern may stand ("how many … countries"). */
const UNLESS_WINDOW = 40;

export function readAbstentionRules(file = RULES_FILE): AbstentionRuleData[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { rules: AbstentionRuleData[] }).rules;
}

const RULES: Rule[] = readAbstentionRules().map((r) => ({
  id: r.id,
  cue: new RegExp(r.cue, "u"),
  ...(r.unless !== undefined && { unless: new RegExp(r.unless, "u") }),
}));

/** The text the rules read: folded, one kind of apostrophe, one space between words. */
export function normaliseForRules(text: string): string {
  return fold(text).replace(/[’'`´ʼ‘]/g, "'").replace(/\s+/g, " ");
}

/** The id of the first rule that says the question asks for a fact the text never states, or null. */
export function asksForFactNotInText(question: string): string | null {
  const folded = normaliseForRules(question);
  for (const rule of RULES) {
    const m = rule.cue.exec(folded);
    if (!m) continue;
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + UNLESS_WINDOW);
    if (rule.unless?.test(after)) continue;
    return rule.id;
  }
  return null;
}
