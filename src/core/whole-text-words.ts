/**
 * Questions about the whole text read word by word, when no cover of phrases fits ("ça raconte
 * quoi ce texte ?", "can u summarize the doc"): cue words by their beginnings, the rest stop
 * words, fillers or words naming the text (data/whole-text.json, `cues` and `filler`).
 */
import { isSqueezedStopWord } from "./analysis.ts";
import { CARDINAL } from "./numbers.ts";
import { coverWords } from "./phrase-cover.ts";
import { LANGS, type Localized } from "./types.ts";

export interface WholeTextWordData {
  text: Localized<string[]>;
  cues: {
    strong: Localized<string[]>;
    weak: Localized<string[]>;
    never: Localized<string[]>;
    /** Requests whose next word is what they ask about: "expliquer le Brexit", "объясни санкции". */
    verbs: Localized<string[]>;
  };
  filler: Localized<string[]>;
  /**
   * The names of the two organisations the text is between, one list per party: named together
   * ("a CSTO pitch to NATO", "un rapprochement OTSC-OTAN") they are the whole text's subject.
   */
  parties: string[][];
  /** Words after a request that say for whom or in what form, not of what: "pour", "for", "для". */
  purpose: Localized<string[]>;
  /** Words that ask for the whole in brief by themselves: "overview", "en une phrase". */
  alone: Localized<string[]>;
  /** The names of the text's parts, as a reader lists them: "préambule, appel, liste". */
  partNames: Localized<string[]>;
}

/** Word starts that ask how the text is built ("structure", "структура"). */
const STRUCTURE_CUES = ["structur", "структур"];
/** "préambule, appel, liste, conclusion": this many parts named make a sketch of the whole. */
const MIN_PARTS_LISTED = 2;

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
  [
    "le",
    "la",
    "les",
    "l",
    "du",
    "de",
    "des",
    "d",
    "ce",
    "cet",
    "cette",
    "the",
    "of",
    "this",
    "that",
  ].map((w) => coverWords(w)[0] ?? w),
);

/** Words after which a word is the topic asked about, wherever they stand: "a summary about X". */
const ABOUT = new Set(
  ["sur", "about", "on", "regarding", "concernant", "о", "об", "про", "насчет"].map(
    (w) => coverWords(w)[0] ?? w,
  ),
);
/**
 * …and with "of" ("summary of the match") or "what" ("explain like i'm five what inflation is"),
 * after which a lone added word is the topic.
 */
export const TOPIC_BEFORE = new Set([
  ...ABOUT,
  ...["of", "de", "du", "des", "what", "что"].map((w) => coverWords(w)[0] ?? w),
]);

/** "deux", "3", "five": how long the answer should be ("en deux lignes"), never what it is about. */
const NUMBER_WORD = new RegExp(`^${CARDINAL}$`, "u");

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
  private readonly verbs: string[];
  private readonly party = new Map<string, number>();
  private readonly partNames: Set<string>;
  /** Requests in brief as word sequences ("en une phrase"): each counts as a strong cue. */
  private readonly brief: string[][];
  private readonly purpose: Set<string>;

  constructor(data: WholeTextWordData) {
    const words = (lists: Localized<string[]>) =>
      LANGS.flatMap((l) => lists[l].flatMap(coverWords));
    this.textWords = oneWordNames(data.text);
    this.filler = new Set(words(data.filler));
    this.strong = words(data.cues.strong);
    this.weak = words(data.cues.weak);
    this.never = new Set(words(data.cues.never));
    this.verbs = words(data.cues.verbs);
    data.parties.forEach((names, i) => {
      for (const w of names.flatMap(coverWords)) this.party.set(w, i);
    });
    this.purpose = new Set(words(data.purpose));
    this.partNames = new Set(words(data.partNames));
    this.brief = LANGS.flatMap((l) => data.alone[l].map(coverWords)).filter((p) => p.length > 0);
  }

  /** Whether the words ask for the whole text in brief; `isTopic` tells the declaration's words. */
  asksForSummary(words: readonly string[], isTopic: (word: string) => boolean): boolean {
    // One word alone is a search ("summary" is a word the closing is found by), not a request.
    if (words.length < 2 || words.some((w) => this.never.has(w))) return false;
    const { strong, firstStrong, request, weak, named, other } = this.read(words);
    if (strong === 0 && !(weak > 0 && (named || weak > 1))) return false;
    if (other.length === 0) return true;
    const outside = (i: number) => !isTopic(words[i] ?? "") && !this.namedTopic(words, i);
    // One word beyond the request, when the text is named or the cue is strong or doubled: never a
    // word of the declaration, nor the topic after "about", nor the thing a request names
    // ("expliquer le Brexit en deux mots").
    if (other.length === 1 && (named || strong > 0 || weak > 1)) return outside(other[0] ?? 0);
    return (
      strong > 0 && this.asksWithContext(words, { firstStrong, request, named }, other, isTopic)
    );
  }

  /**
   * Whether the words check the text's structure by listing its parts: "La structure, c'est
   * préambule, appel, liste, conclusion ?". No part may be the topic of "of" ("the structure of
   * the appeal and the list"), and no other word may be a content word.
   */
  listsParts(words: readonly string[]): boolean {
    if (!words.some((w) => STRUCTURE_CUES.some((c) => w.startsWith(c)))) return false;
    const parts = words.flatMap((w, i) => (this.partNames.has(w) ? [i] : []));
    if (new Set(parts.map((i) => words[i])).size < MIN_PARTS_LISTED) return false;
    if (parts.some((i) => TOPIC_BEFORE.has(before(words, i)))) return false;
    return words.every(
      (w) =>
        this.partNames.has(w) ||
        STRUCTURE_CUES.some((c) => w.startsWith(c)) ||
        isSqueezedStopWord(w) ||
        this.filler.has(w) ||
        this.textWords.has(w),
    );
  }

  /**
   * Whether the word at `i` is what the message asks about: after "about", "of" or "what", or
   * right after a request that takes an object ("summarize the match", "объясни санкции"; not
   * "les thèmes principaux reviennent").
   */
  namedTopic(words: readonly string[], i: number): boolean {
    const b = before(words, i);
    return TOPIC_BEFORE.has(b) || cues(this.strong, b) || cues(this.verbs, b);
  }

  /** The request's cues, whether the text is named, and the other words' places. */
  private read(words: readonly string[]) {
    let strong = 0;
    let firstStrong = -1;
    let weak = 0;
    let named = false;
    const other: number[] = [];
    const parties: number[] = [];
    const brief = this.briefWords(words);
    const request = new Set<number>();
    words.forEach((w, i) => {
      if (brief.has(i) || cues(this.strong, w)) {
        strong++;
        request.add(i);
        if (firstStrong < 0) firstStrong = i;
      } else if (this.textWords.has(w)) named = true;
      else if (this.party.has(w)) parties.push(i);
      else if (cues(this.weak, w)) weak++;
      else if (!isSqueezedStopWord(w) && !this.filler.has(w) && !NUMBER_WORD.test(w)) other.push(i);
    });
    // Both organisations named are the text's subject ("a CSTO pitch to NATO"); one of them is the
    // subject too when the text is named and asked for in brief ("en une phrase, ça demande quoi
    // à l'OTAN ?"); otherwise it is a topic ("what is NATO about").
    const bothParties = new Set(parties.map((i) => this.party.get(words[i] ?? ""))).size > 1;
    if (!bothParties && !(named && strong > 0 && weak > 0)) other.push(...parties);
    return { strong, firstStrong, request, weak, named, other: other.sort((a, b) => a - b) };
  }

  /** The places of the words of a request in brief ("en une phrase", "in a nutshell"). */
  private briefWords(words: readonly string[]): Set<number> {
    const at = new Set<number>();
    for (const phrase of this.brief) {
      for (let i = 0; i + phrase.length <= words.length; i++) {
        if (phrase.every((p, k) => words[i + k] === p))
          for (let k = 0; k < phrase.length; k++) at.add(i + k);
      }
    }
    return at;
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
    {
      firstStrong: cue,
      request,
      named,
    }: { firstStrong: number; request: Set<number>; named: boolean },
    other: readonly number[],
    isTopic: (word: string) => boolean,
  ): boolean {
    // Words before the request name its topic ("résolution 1540 de l'ONU, en bref") unless the
    // text is named: "mon colonel veut une synthèse pour demain, vous me faites ça ?".
    if (other.length > MAX_CONTEXT || (!named && other.some((i) => i < cue))) return false;
    if (other.some((i) => isTopic(words[i] ?? "") || ABOUT.has(words[i - 1] ?? ""))) return false;
    let i = cue + 1;
    while (i < words.length && (request.has(i) || this.filler.has(words[i] ?? ""))) i++;
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
