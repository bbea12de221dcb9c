/**
 * Terms the declaration names without explaining them (data/terms.json): "c'est quoi l'OSCE ?"
 * asks what the OSCE is, which the text never says. The answer is a short sourced note, labelled
 * as not from the declaration, with the clause where the term appears.
 *
 * A message asks for a note when, once asides ("even", "serious question", "вообще") and the names
 * of terms are taken out, only words that ask ("what is", "stands for", "=", "что такое") and
 * words that frame a question are left: "what does the text say about NATO?" is a question about
 * the text, not about NATO. Two names with words that compare them ("X c'est autre chose que Y",
 * "X vs Y") ask whether they are one thing.
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
  /** Words that ask whether two named terms are one thing ("vs", "autre chose que", "или нет"). */
  compare: Localized<string[]>;
  /** Asides taken out wherever they stand ("even", "serious question", "вообще"). */
  asides: Localized<string[]>;
}

/** Longer messages discuss something; a request for a definition is short. */
const MAX_WORDS = 14;

export function readTermsData(file = TERMS_FILE): TermsData {
  return readDataFile<TermsData>(file);
}

/** The words a message is read on; "=" is one ("nato = ?" asks what NATO is). */
export function termWords(text: string): string[] {
  return text.split(/(=+)/).flatMap((part) => (part.startsWith("=") ? ["="] : coverWords(part)));
}

type Tag = "ask" | "members" | "frame" | "compare";

/** A term's name as the words it is compared on. */
interface Name {
  words: string[];
  letters: number;
  term: TermData;
}

/** A term's name found in a message: where it starts, and how many letters it has. */
interface Found {
  term: TermData;
  at: number;
  letters: number;
}

class TermMatcher {
  /** Each name as its words → the term, by the name's first word. */
  private readonly byFirstWord = new Map<string, Name[]>();
  private readonly around = new PhraseCover<Tag>(termWords);
  private readonly asides = new PhraseCover<"aside">(termWords);
  private readonly byId: Map<string, TermData>;

  constructor(data: TermsData) {
    for (const term of data.terms) {
      for (const n of term.names) {
        const words = termWords(n);
        const first = words[0];
        if (first === undefined) continue;
        const name = { words, letters: words.join("").length, term };
        this.byFirstWord.set(first, [...(this.byFirstWord.get(first) ?? []), name]);
      }
    }
    this.byId = new Map(data.terms.map((t) => [t.id, t]));
    for (const lang of LANGS) {
      for (const p of data.members[lang]) this.around.add(p, "members");
      for (const p of data.ask[lang]) this.around.add(p, "ask");
      for (const p of data.frame[lang]) this.around.add(p, "frame");
      for (const p of data.compare[lang]) this.around.add(p, "compare");
      for (const p of data.asides[lang]) this.asides.add(p, "aside");
    }
    this.around.add("^\\d{1,3}$", "frame", { pattern: true });
  }

  match(text: string): TermData | null {
    const typed = termWords(text);
    if (typed.length > 2 * MAX_WORDS) return null;
    // "(serious question, I'm new here)" neither asks nor discusses: it neither counts nor stays.
    const words = this.asides.without(typed);
    if (words.length === 0 || words.length > MAX_WORDS) return null;
    const { found, rest } = this.findNames(words);
    const best = found[0]?.term;
    if (!best) return null;
    const around = this.around.cover(rest);
    if (!around) return null;
    if (around.includes("members") && best.members) return this.byId.get(best.members) ?? best;
    if (around.includes("ask") || around.includes("members")) return best;
    // "north atlantic alliance = nato?", "Belarus vs Biélorussie": two terms side by side, or two
    // names with words that compare them, ask whether they are one thing.
    const twoTerms = new Set(found.map((f) => f.term)).size > 1;
    if (around.includes("compare")) return found.length > 1 ? best : null;
    return twoTerms && around.length === 0 ? best : null;
  }

  /**
   * The names in the words, none overlapping another, and the words left. The longest name comes
   * first, as the most telling ("NATO's secretary general"); of two as long, the first named, as
   * the subject ("l'OTSC, c'est l'équivalent de l'OTAN ?").
   */
  private findNames(words: readonly string[]): { found: Found[]; rest: string[] } {
    const candidates: (Found & { length: number })[] = [];
    words.forEach((word, at) => {
      for (const name of this.byFirstWord.get(word) ?? []) {
        if (name.words.every((w, j) => words[at + j] === w)) {
          candidates.push({
            term: name.term,
            at,
            letters: name.letters,
            length: name.words.length,
          });
        }
      }
    });
    candidates.sort((a, b) => b.letters - a.letters || a.at - b.at);
    const taken = words.map(() => false);
    const found: Found[] = [];
    for (const c of candidates) {
      if (taken.slice(c.at, c.at + c.length).some(Boolean)) continue;
      taken.fill(true, c.at, c.at + c.length);
      found.push({ term: c.term, at: c.at, letters: c.letters });
    }
    return { found, rest: words.filter((_, i) => !taken[i]) };
  }
}

const data = readTermsData();
const matcher = new TermMatcher(data);

/** The term tables as loaded, shared with the readers that need their names and asides. */
export { data as TERMS_DATA };

/** "(oui je sais, honte à moi)": words in brackets are an aside, whatever they say. */
const BRACKETED = /\([^()]{0,200}\)/gu;

/**
 * Where a message's sentences end: "Что такое ОДКБ? Напомните молодёжи." is two. A run of marks
 * is matched from its first one only, so a scan of "???…" stays linear.
 */
export const SENTENCE_END = /(?<![?!.])[?!.]+(?:\s|$)/u;

/**
 * A term asked about in one sentence of a message whose other sentences are chat around it
 * ("Что такое ОДКБ? Напомните молодёжи."): none of their words is one `knows` (the declaration's).
 */
export function askedTermInSentences(
  text: string,
  knows: (word: string) => boolean,
): TermNote | null {
  const whole = askedTerm(text);
  if (whole) return whole;
  const sentences = text.split(SENTENCE_END).filter((s) => s.trim() !== "");
  if (sentences.length < 2 || sentences.length > MAX_SENTENCES) return null;
  const asked = sentences.map((s) => askedTerm(s));
  const found = asked.filter((t) => t !== null);
  if (found.length !== 1) return null;
  const chat = sentences.filter((_, i) => asked[i] === null);
  return chat.every((s) => !coverWords(s).some(knows)) ? (found[0] ?? null) : null;
}

/** A message of more sentences is a discussion, not a request for a definition. */
const MAX_SENTENCES = 3;

/** The note a message asks for ("what is the OSCE?"), or null when it asks something else. */
export function askedTerm(text: string): TermNote | null {
  // A message all in brackets is no aside: "(c'est quoi l'OSCE ?)".
  const outside = text.replace(BRACKETED, " ");
  const term = matcher.match(/[\p{L}\p{N}]/u.test(outside) ? outside : text);
  if (!term) return null;
  const { id, clause, name, text: note, source } = term;
  return { id, clause, name, text: note, source };
}
