/**
 * Terms the declaration names without explaining them (data/terms.json): "c'est quoi l'OSCE ?"
 * asks what the OSCE is, which the text never says. The answer is a short sourced note, labelled
 * as not from the declaration, with the clause where the term appears.
 *
 * A message asks for a note when, once the names of terms are taken out, only words that ask
 * ("what is", "что такое") and words that frame a question are left: "what does the text say
 * about NATO?" is a question about the text, not about NATO.
 */
import { fileURLToPath } from "node:url";
import { type RuleExamples, readDataFile } from "./data-file.ts";
import { coverWords, PhraseCover } from "./phrase-cover.ts";
import { LANGS, type Localized, type TermNote } from "./types.ts";

const TERMS_FILE = fileURLToPath(new URL("../../data/terms.json", import.meta.url));

export interface TermData extends TermNote {
  names: string[];
  /** The term whose note answers "which countries are in it?" (the CSTO → its member states). */
  members?: string;
}

export interface TermsData extends RuleExamples<{ text: string; term: string }> {
  terms: TermData[];
  ask: Localized<string[]>;
  /** Asking words that ask who belongs to an organisation rather than what it is. */
  members: Localized<string[]>;
  frame: Localized<string[]>;
}

/** Longer messages discuss something; a request for a definition is short. */
const MAX_WORDS = 14;

export function readTermsData(file = TERMS_FILE): TermsData {
  return readDataFile<TermsData>(file);
}

class TermMatcher {
  /** Each name as its words → the term, longest names first. */
  private readonly names: { words: string[]; term: TermData }[];
  private readonly around = new PhraseCover<"ask" | "members" | "frame">();
  private readonly byId: Map<string, TermData>;

  constructor(data: TermsData) {
    this.names = data.terms
      .flatMap((term) => term.names.map((n) => ({ words: coverWords(n), term })))
      .filter((n) => n.words.length > 0)
      .sort((a, b) => b.words.join(" ").length - a.words.join(" ").length);
    this.byId = new Map(data.terms.map((t) => [t.id, t]));
    for (const lang of LANGS) {
      for (const p of data.members[lang]) this.around.add(p, "members");
      for (const p of data.ask[lang]) this.around.add(p, "ask");
      for (const p of data.frame[lang]) this.around.add(p, "frame");
    }
    this.around.add("^\\d{1,3}$", "frame", { pattern: true });
  }

  match(text: string): TermData | null {
    const words = coverWords(text);
    if (words.length === 0 || words.length > MAX_WORDS) return null;
    const rest = [...words];
    let best: TermData | null = null;
    let found = 0;
    for (const name of this.names) {
      let at = indexOfWords(rest, name.words);
      while (at >= 0) {
        best ??= name.term;
        found++;
        rest.splice(at, name.words.length);
        at = indexOfWords(rest, name.words);
      }
    }
    if (!best) return null;
    // "north atlantic alliance = nato?": two names side by side ask whether they are one thing.
    if (rest.length === 0 && found > 1) return best;
    const around = this.around.cover(rest);
    if (around?.includes("members") && best.members) return this.byId.get(best.members) ?? best;
    return around?.includes("ask") || around?.includes("members") ? best : null;
  }
}

function indexOfWords(words: readonly string[], name: readonly string[]): number {
  for (let i = 0; i + name.length <= words.length; i++) {
    if (name.every((w, j) => words[i + j] === w)) return i;
  }
  return -1;
}

const data = readTermsData();
const matcher = new TermMatcher(data);

/** The note a message asks for ("what is the OSCE?"), or null when it asks something else. */
export function askedTerm(text: string): TermNote | null {
  const term = matcher.match(text);
  if (!term) return null;
  const { id, clause, name, text: note, source } = term;
  return { id, clause, name, text: note, source };
}
