/**
 * Questions about the declaration as a whole (data/whole-text.json): what it is about ("de quoi
 * parle la déclaration ?"), how it is made ("combien de mesures ?") and how many states signed it
 * ("combien de pays ont signé ?"). All are answered from the parsed text: its parts, in order, and
 * how many of each.
 */
import { fileURLToPath } from "node:url";
import { type RuleExamples, readDataFile } from "./data-file.ts";
import { CARDINAL } from "./numbers.ts";
import { coverTokens, coverWords, PhraseCover } from "./phrase-cover.ts";
import { SENTENCE_END } from "./terms.ts";
import { LANGS, type Localized } from "./types.ts";
import { oneWordNames, type WholeTextWordData, WholeTextWords } from "./whole-text-words.ts";
import { normaliseForPatterns, WORD_END, WORD_START, wordListSource } from "./word-patterns.ts";

const FILE = fileURLToPath(new URL("../../data/whole-text.json", import.meta.url));

export type WholeTextFacet = "summary" | "structure" | "signatories";
type Tag = "summary" | "structure" | "text" | "alone" | "frame" | "signers" | "howMany" | "signed";

/** A question about the whole text is short; a longer one asks about something in it. */
const MAX_WORDS = 20;

export interface WholeTextData
  extends RuleExamples<{ text: string; facet: WholeTextFacet }>,
    WholeTextWordData {
  summary: Localized<string[]>;
  structure: Localized<string[]>;
  frame: Localized<string[]>;
  /** Questions that count the signatories whole ("how many signatories"), or in two halves. */
  signers: Localized<string[]>;
  howMany: Localized<string[]>;
  signed: Localized<string[]>;
  /**
   * Question words that make a later sentence a question of its own ("… un ultimatum ? ils
   * réclament quoi en premier ?"): the message then asks more than the whole text's overview.
   */
  laterQuestion: Localized<string[]>;
}

export function readWholeTextData(file = FILE): WholeTextData {
  return readDataFile<WholeTextData>(file);
}

function buildCover(data: WholeTextData): PhraseCover<Tag> {
  const cover = new PhraseCover<Tag>();
  const textWords = oneWordNames(data.text);
  const alone = LANGS.flatMap((lang) =>
    data.alone[lang].map((a) => ` ${coverWords(a).join(" ")} `),
  );
  const tags = ["text", "summary", "alone", "structure", "frame", "signers", "howMany", "signed"];
  for (const tag of tags as Tag[]) {
    for (const lang of LANGS) {
      for (const p of data[tag][lang]) {
        cover.add(p, tag);
        // "c'est un texte de quel genre" names the text inside the phrase that asks about it, and
        // "what's the overall tone" holds a request for the whole in brief ("overall tone").
        const asks = tag === "summary" || tag === "structure";
        const words = ` ${coverWords(p).join(" ")} `;
        if (asks && coverWords(p).some((w) => textWords.has(w))) cover.add(p, "text");
        if (asks && alone.some((a) => words.includes(a))) cover.add(p, "alone");
      }
    }
  }
  // "in 3 lines", "for a 15 year old", "like i'm five": a number frames a request.
  cover.add(`^${CARDINAL}$`, "frame", { pattern: true });
  return cover;
}

const DATA = readWholeTextData();
const COVER = buildCover(DATA);
const BY_WORDS = new WholeTextWords(DATA);
const LATER_QUESTION = new RegExp(
  `${WORD_START}${wordListSource({ words: LANGS.flatMap((l) => DATA.laterQuestion[l]) })}${WORD_END}`,
  "u",
);

/**
 * Words a question about the whole text may hold beyond its phrases ("grosso modo", "for my
 * students at ENAP"), when it names the text or asks for it in brief: never a word of the
 * declaration, which would make it a question about that part.
 */
const MAX_GAPS = 1;

/**
 * Whether the message asks what the whole declaration is about or how it is made. `knows` tells
 * the declaration's own words (its text and search aids), which no gap between phrases may be;
 * `ofFewClauses` those of only a few clauses, which no word beside a request may be.
 */
export function wholeTextFacet(
  message: string,
  knows: (word: string) => boolean = () => true,
  ofFewClauses: (word: string) => boolean = knows,
): WholeTextFacet | null {
  const sentences = message.split(SENTENCE_END).filter((s) => s.trim() !== "");
  // "c'est une demande polie ou un ultimatum ? ils réclament quoi en premier aux gens d'en face ?":
  // a later sentence asks a question of its own, which the overview does not answer.
  const asksMore = sentences
    .slice(1)
    .some(
      (s) =>
        LATER_QUESTION.test(normaliseForPatterns(s)) && !facetOfMessage(s, knows, ofFewClauses),
    );
  if (asksMore) return null;
  const whole = facetOfMessage(message, knows, ofFewClauses);
  if (whole) return whole;
  // "how long is it, roughly? worth reading the whole thing?": the first sentence asks, the others
  // chat, naming no part of the text.
  if (sentences.length < 2 || sentences.length > MAX_SENTENCES) return null;
  // The question first: a sentence before it sets up a topic ("Parler de « … » quand on masse
  // des troupes, c'est pas hypocrite ? Que dit le texte là-dessus ?").
  const [first = "", ...chat] = sentences;
  const asked = facetOfMessage(first, knows, ofFewClauses);
  if (!asked) return null;
  const aboutAPart = (s: string) =>
    s.includes("=") ||
    coverWords(s).some((w) => ofFewClauses(w) || BY_WORDS.isPartName(w) || BY_WORDS.isParty(w));
  return chat.some(aboutAPart) ? null : asked;
}

/** A message of more sentences is a discussion. */
const MAX_SENTENCES = 3;

function facetOfMessage(
  message: string,
  knows: (word: string) => boolean,
  ofFewClauses: (word: string) => boolean,
): WholeTextFacet | null {
  const words = coverWords(message);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  // The dictionaries know "réaffirmation", not the "reafirmation" phrases are compared on.
  const tokens = coverTokens(message);
  const spelled = new Map(words.map((w, i) => [w, tokens[i] ?? w]));
  const asTyped = (test: (word: string) => boolean) => (w: string) => test(spelled.get(w) ?? w);
  const known = asTyped(knows);
  const ofFew = asTyped(ofFewClauses);
  const covered = COVER.coverWithGaps(words, MAX_GAPS);
  const facet = covered ? facetOf(words, covered.tags, covered.gaps, known) : null;
  if (facet) return facet;
  if (BY_WORDS.listsParts(words)) return "structure";
  const count = BY_WORDS.countFacet(words, ofFew, known);
  if (count) return count;
  if (!BY_WORDS.asksForSummary(words, ofFew)) return null;
  return BY_WORDS.namesStructure(words) ? "structure" : "summary";
}

function facetOf(
  words: readonly string[],
  tags: readonly Tag[],
  gaps: readonly number[],
  knows: (word: string) => boolean,
): WholeTextFacet | null {
  if (gaps.some((at) => knows(words[at] ?? "") || BY_WORDS.isPartName(words[at] ?? "")))
    return null;
  // "que dit le texte sur l'Afghanistan ?" asks about a topic, which the gap is.
  if (gaps.some((at) => BY_WORDS.namedTopic(words, at))) return null;
  const named = tags.includes("text") || tags.includes("alone");
  // Without the text named, every word must be one of the phrases: "combien de mesures de farine ?"
  // is a recipe.
  if (gaps.length > 0 && !named) return null;
  if (tags.includes("signers") || (tags.includes("howMany") && tags.includes("signed"))) {
    return "signatories";
  }
  if (tags.includes("structure")) return "structure";
  // "résume le préambule", "summary of the preamble": a summary of a part, not of the whole.
  if (words.some((w) => BY_WORDS.isPartName(w))) return null;
  if (tags.includes("alone")) return "summary";
  return tags.includes("summary") && tags.includes("text") ? "summary" : null;
}
