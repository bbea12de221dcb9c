/**
 * Questions about the whole text read word by word, when no cover of phrases fits ("ça raconte
 * quoi ce texte ?", "can u summarize the doc"): cue words by their beginnings, the rest stop
 * words, fillers or words naming the text (data/whole-text.json, `cues` and `filler`).
 */
import { isStopWord } from "./analysis.ts";
import { coverWords } from "./phrase-cover.ts";
import { LANGS, type Localized } from "./types.ts";

export interface WholeTextWordData {
  text: Localized<string[]>;
  cues: { strong: Localized<string[]>; weak: Localized<string[]>; never: Localized<string[]> };
  filler: Localized<string[]>;
}

/** Words after which a word is the topic asked about ("summary of the match"), not the request's. */
export const TOPIC_BEFORE = new Set(
  [
    "sur",
    "about",
    "on",
    "of",
    "regarding",
    "concernant",
    "о",
    "об",
    "про",
    "насчет",
    "de",
    "du",
    "des",
  ].map((w) => coverWords(w)[0] ?? w),
);

/** Cue beginnings shorter than this must be the whole word ("but", "ton", "aim"). */
const MIN_PREFIX = 4;

/** The one-word names of the text ("texte", "doc", "заявление"): they name it wherever they stand. */
export function oneWordNames(text: Localized<string[]>): Set<string> {
  return new Set(
    LANGS.flatMap((l) =>
      text[l]
        .map(coverWords)
        .filter((w) => w.length === 1)
        .flat(),
    ),
  );
}

export class WholeTextWords {
  private readonly textWords: Set<string>;
  private readonly filler: Set<string>;
  private readonly strong: string[];
  private readonly weak: string[];
  private readonly never: Set<string>;

  constructor(data: WholeTextWordData) {
    const words = (lists: Localized<string[]>) =>
      LANGS.flatMap((l) => lists[l].flatMap(coverWords));
    this.textWords = oneWordNames(data.text);
    this.filler = new Set(words(data.filler));
    this.strong = words(data.cues.strong);
    this.weak = words(data.cues.weak);
    this.never = new Set(words(data.cues.never));
  }

  /** Whether the words ask for the whole text in brief; `isTopic` tells the declaration's words. */
  asksForSummary(words: readonly string[], isTopic: (word: string) => boolean): boolean {
    // One word alone is a search ("summary" is a word the closing is found by), not a request.
    if (words.length < 2 || words.some((w) => this.never.has(w))) return false;
    let strong = 0;
    let weak = 0;
    let named = false;
    const other: number[] = [];
    words.forEach((w, i) => {
      if (this.textWords.has(w)) named = true;
      else if (cues(this.strong, w)) strong++;
      else if (cues(this.weak, w)) weak++;
      else if (!isStopWord(w) && !this.filler.has(w)) other.push(i);
    });
    if (strong === 0 && !(weak > 0 && (named || weak > 1))) return false;
    if (other.length === 0) return true;
    // One word beyond the request, when the text is named or the cue is strong: never a word of
    // the declaration, nor the topic after "about".
    if (other.length > 1 || (!named && strong === 0)) return false;
    const i = other[0] ?? 0;
    const word = words[i] ?? "";
    return !isTopic(word) && !TOPIC_BEFORE.has(words[i - 1] ?? "");
  }
}

function cues(stems: readonly string[], word: string): boolean {
  return stems.some((s) => (s.length < MIN_PREFIX ? word === s : word.startsWith(s)));
}
