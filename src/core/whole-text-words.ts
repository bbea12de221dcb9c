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
  /**
   * The names of the two organisations the text is between, one list per party: named together
   * ("a CSTO pitch to NATO", "un rapprochement OTSC-OTAN") they are the whole text's subject.
   */
  parties: string[][];
  /** Words after a request that say for whom or in what form, not of what: "pour", "for", "для". */
  purpose: Localized<string[]>;
}

/**
 * Words a request for a summary may add about its reader or its use ("pour mes lecteurs du blog",
 * "j'ai un papier à rendre"): at most this many, none of them the declaration's.
 */
const MAX_CONTEXT = 4;
const DETERMINERS = new Set(
  ["le", "la", "les", "ce", "cet", "cette", "mon", "ma", "mes", "ton", "ta", "tes"]
    .concat(["the", "this", "that", "my", "your", "our", "мой", "моя", "мое", "этот"])
    .map((w) => coverWords(w)[0] ?? w),
);
/** Articles and "of" between a request and what it asks about: "résumé du texte", "sum up the doc". */
const OBJECT_MARKS = new Set(
  ["le", "la", "les", "l", "du", "de", "des", "d", "ce", "cet", "cette", "the", "of", "this", "that"].map(
    (w) => coverWords(w)[0] ?? w,
  ),
);

/** Words after which a word is the topic asked about, wherever they stand: "a summary about X". */
const ABOUT = new Set(
  ["sur", "about", "on", "regarding", "concernant", "о", "об", "про", "насчет"].map(
    (w) => coverWords(w)[0] ?? w,
  ),
);
/** …and with "of" ("summary of the match"), after which a lone added word is the topic. */
export const TOPIC_BEFORE = new Set([
  ...ABOUT,
  ...["of", "de", "du", "des"].map((w) => coverWords(w)[0] ?? w),
]);

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
  private readonly party = new Map<string, number>();
  private readonly purpose: Set<string>;

  constructor(data: WholeTextWordData) {
    const words = (lists: Localized<string[]>) =>
      LANGS.flatMap((l) => lists[l].flatMap(coverWords));
    this.textWords = oneWordNames(data.text);
    this.filler = new Set(words(data.filler));
    this.strong = words(data.cues.strong);
    this.weak = words(data.cues.weak);
    this.never = new Set(words(data.cues.never));
    data.parties.forEach((names, i) => {
      for (const w of names.flatMap(coverWords)) this.party.set(w, i);
    });
    this.purpose = new Set(words(data.purpose));
  }

  /** Whether the words ask for the whole text in brief; `isTopic` tells the declaration's words. */
  asksForSummary(words: readonly string[], isTopic: (word: string) => boolean): boolean {
    // One word alone is a search ("summary" is a word the closing is found by), not a request.
    if (words.length < 2 || words.some((w) => this.never.has(w))) return false;
    let strong = 0;
    let firstStrong = -1;
    let weak = 0;
    let named = false;
    const other: number[] = [];
    const bothParties = new Set(words.map((w) => this.party.get(w))).size > 2;
    words.forEach((w, i) => {
      if (this.textWords.has(w)) named = true;
      else if (bothParties && this.party.has(w)) return;
      else if (cues(this.strong, w)) {
        strong++;
        if (firstStrong < 0) firstStrong = i;
      } else if (cues(this.weak, w)) weak++;
      else if (!isStopWord(w) && !this.filler.has(w)) other.push(i);
    });
    if (strong === 0 && !(weak > 0 && (named || weak > 1))) return false;
    if (other.length === 0) return true;
    const outside = (i: number) => !isTopic(words[i] ?? "") && !TOPIC_BEFORE.has(before(words, i));
    // One word beyond the request, when the text is named or the cue is strong or doubled: never a
    // word of the declaration, nor the topic after "about".
    if (other.length === 1 && (named || strong > 0 || weak > 1)) return outside(other[0] ?? 0);
    return strong > 0 && this.asksWithContext(words, firstStrong, other, isTopic);
  }

  /**
   * A strong request that says more about its reader or its use than about a topic: "un résumé
   * pour mes lecteurs du blog", "résume-moi ça en une phrase, j'ai un papier à rendre". What
   * follows the request must be nothing, the text, or a word of purpose ("pour", "for", "для"),
   * not another thing ("résume-moi le film"); no added word may be the declaration's or follow
   * "about".
   */
  private asksWithContext(
    words: readonly string[],
    cue: number,
    other: readonly number[],
    isTopic: (word: string) => boolean,
  ): boolean {
    // Words before the request name its topic: "résolution 1540 de l'ONU, en bref".
    if (other.length > MAX_CONTEXT || other.some((i) => i < cue)) return false;
    if (other.some((i) => isTopic(words[i] ?? "") || ABOUT.has(words[i - 1] ?? ""))) return false;
    let i = cue + 1;
    while (i < words.length && this.filler.has(words[i] ?? "")) i++;
    const next = words[i];
    if (next === undefined || this.textWords.has(next) || this.purpose.has(next)) return true;
    while (i < words.length && OBJECT_MARKS.has(words[i] ?? "")) i++;
    return this.textWords.has(words[i] ?? "");
  }
}

/**
 * The word before `i`, definite articles and possessives skipped: "of" in "main idea of the
 * movie". "a" and "l'" stay: "more of a political statement", "mes étudiants de l'ENAP".
 */
export function before(words: readonly string[], i: number): string {
  let j = i - 1;
  while (j > 0 && DETERMINERS.has(words[j] ?? "")) j--;
  return words[j] ?? "";
}

function cues(stems: readonly string[], word: string): boolean {
  return stems.some((s) => (s.length < MIN_PREFIX ? word === s : word.startsWith(s)));
}
