/**
 * Questions about the whole text read word by word, when no cover of phrases fits ("ça raconte
 * quoi ce texte ?", "can u summarize the doc"): cue words by their beginnings, the rest stop
 * words, fillers or words naming the text (data/whole-text.json, `cues` and `filler`).
 */
import { isFrenchNounAfter, isSqueezedStopWord } from "./analysis.ts";
import { coverWords } from "./phrase-cover.ts";
import { PrefixIndex } from "./prefix-index.ts";
import { LANGS, type Localized } from "./types.ts";
import {
  ABOUT,
  ALTERNATIVE,
  before,
  DEMONSTRATIVES,
  FIRST_PERSON,
  GENRE_CUES,
  hasSubjectIt,
  NUMBER_WORD,
  OBJECT_MARKS,
  OBJECT_PRONOUNS,
  OWNERS,
  ownerOf,
  PRONOUNS,
  SUBJECTS,
  TO,
  TOPIC_ALWAYS,
  TOPIC_BEFORE,
  WHICH,
  YOU,
} from "./whole-text-grammar.ts";

export interface WholeTextWordData {
  text: Localized<string[]>;
  cues: {
    strong: Localized<string[]>;
    weak: Localized<string[]>;
    never: Localized<string[]>;
    /** Requests whose next word is what they ask about: "expliquer le Brexit", "объясни санкции". */
    verbs: Localized<string[]>;
    /** Weak cues read as whole words only: "ton" (not "ton affaire"), "parle" (not "parlement"). */
    exact: Localized<string[]>;
  };
  filler: Localized<string[]>;
  /**
   * The names of the two organisations the text is between, one list per party, the author (the
   * CSTO) first: named together ("a CSTO pitch to NATO", "un rapprochement OTSC-OTAN") they are
   * the whole text's subject.
   */
  parties: string[][];
  /** Words after a request that say for whom or in what form, not of what: "pour", "for", "для". */
  purpose: Localized<string[]>;
  /** Words that ask for the whole in brief by themselves: "overview", "en une phrase". */
  alone: Localized<string[]>;
  /** The names of the text's parts, as a reader lists them: "préambule, appel, liste". */
  partNames: Localized<string[]>;
  /**
   * What a reader may call the whole text to judge it ("un ultimatum", "propaganda", "friendly or
   * hostile", "legally binding"): a question made of these asks about the whole.
   */
  judgements: Localized<string[]>;
  /** Kinds of text ("une lettre", "a communiqué"): two of them, or one with "genre", ask what it is. */
  genres: Localized<string[]>;
  /** Someone wanting the request ("mon boss veut un résumé"): words before the request are context. */
  wanting: Localized<string[]>;
  /** Counts of the text's parts or signers read word by word: "how many … numbered points". */
  count: {
    howMany: Localized<string[]>;
    parts: Localized<string[]>;
    signers: Localized<string[]>;
    /** What signers are counted as: "combien de pays", "how many ministers". */
    counted: Localized<string[]>;
    /** Words of place after the counted parts: "avant l'appel", "after the preamble". */
    places: Localized<string[]>;
  };
}

/** Words a count may hold besides its own ("numbered", "j'compte pas pareil que mon coloc"). */
const MAX_COUNT_CONTEXT = 4;
/** How far after a word of place the part it names may come: "before the very first measure". */
const PLACE_WORDS = 4;

/** Word starts that ask how the text is built ("structure", "структура"). */
const STRUCTURE_CUES = [
  "structur",
  "структур",
  "устроен",
  "logique",
  "organis",
  "découp",
  "decoup",
];
/** "préambule, appel, liste, conclusion": this many parts named make a sketch of the whole. */
const MIN_PARTS_LISTED = 2;
/** The text's author is the first of the parties in whole-text.json (the CSTO), NATO the second. */
const AUTHOR = 0;
/** The word "structure" itself: a summary asked of it is the structure ("изложить структуру"). */
const STRUCTURE_WORDS = ["structur", "структур"];

/**
 * Words a request for a summary may add about its reader or its use ("pour mes lecteurs du blog",
 * "j'ai un papier à rendre"): at most this many, none of them the declaration's.
 */
const MAX_CONTEXT = 6;
/** Words beside a judgement of the text ("c'est une lettre, un appel ? je sais pas comment le qualifier"). */
const MAX_BESIDE_NAMED = 4;
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
  private readonly strong: Cues;
  private readonly weak: Cues;
  private readonly weakWords: Set<string>;
  private readonly never: Set<string>;
  private readonly verbs: Cues;
  private readonly party = new Map<string, number>();
  private readonly partNames: Set<string>;
  /** Requests in brief as word sequences ("en une phrase"): each counts as a strong cue. */
  private readonly brief: PhraseTable;
  private readonly judgements: PhraseTable;
  private readonly genres: PhraseTable;
  private readonly wanting: Set<string>;
  private readonly counting: {
    howMany: PhraseTable;
    parts: PhraseTable;
    signers: PhraseTable;
    counted: Set<string>;
    places: Set<string>;
  };
  private readonly purpose: Set<string>;

  constructor(data: WholeTextWordData) {
    const words = (lists: Localized<string[]>) =>
      LANGS.flatMap((l) => lists[l].flatMap(coverWords));
    this.textWords = oneWordNames(data.text);
    this.filler = new Set(words(data.filler));
    this.strong = new Cues(words(data.cues.strong));
    this.weak = new Cues(words(data.cues.weak));
    this.weakWords = new Set(words(data.cues.exact));
    this.never = new Set(words(data.cues.never));
    this.verbs = new Cues(words(data.cues.verbs));
    data.parties.forEach((names, i) => {
      for (const w of names.flatMap(coverWords)) this.party.set(w, i);
    });
    this.purpose = new Set(words(data.purpose));
    this.partNames = new Set(words(data.partNames));
    const phrases = (lists: Localized<string[]>) =>
      byFirstWord(LANGS.flatMap((l) => lists[l].map(coverWords)));
    this.brief = phrases(data.alone);
    this.judgements = phrases(data.judgements);
    this.genres = phrases(data.genres);
    this.wanting = new Set(words(data.wanting));
    this.counting = {
      howMany: phrases(data.count.howMany),
      parts: phrases(data.count.parts),
      signers: phrases(data.count.signers),
      counted: new Set(words(data.count.counted)),
      places: new Set(words(data.count.places)),
    };
  }

  /** Whether the words ask for the whole text in brief; `isTopic` tells the declaration's words. */
  asksForSummary(words: readonly string[], isTopic: (word: string) => boolean): boolean {
    // One word alone is a search ("summary" is a word the closing is found by), not a request.
    if (words.length < 2 || words.some((w) => this.never.has(w))) return false;
    const read = this.read(words);
    const { strong, firstStrong, request, weak, judged, named, other } = read;
    const asked = strong > 0 || judged || (weak > 0 && (named || weak > 1));
    if (!asked) return false;
    // A judgement is of the text when the text is named, or when nothing else is ("c'est un
    // ultimatum ou pas ?"): "is the CSTO hostile to NATO?" judges the organisations.
    if (judged && !named && strong === 0 && weak === 0) {
      const subject = hasSubjectIt(words);
      if (!subject && !words.some((w) => ALTERNATIVE.has(w))) return false;
      if (!subject && (other.length > 0 || read.parties)) return false;
    }
    if (other.length === 0) return true;
    if (other.some((i) => this.isPartName(words[i] ?? ""))) return false;
    // No word of one clause ("the tone of measure 3"), nor the topic after "about", nor the thing
    // a request names ("expliquer le Brexit en deux mots").
    // One organisation alone is a topic ("OTAN, ça veut dire quoi ?"), like a word of one clause.
    const outside = (i: number) =>
      !isTopic(words[i] ?? "") && !this.party.has(words[i] ?? "") && !this.namedTopic(words, i);
    if (other.every(outside)) {
      // One word beyond the request, when the text is named or the cue is strong or doubled.
      if (other.length === 1 && (named || strong > 0 || weak > 1)) return true;
      // A few words of context beside a judgement of the text ("c'est une lettre, un communiqué ?
      // je sais pas comment le qualifier dans mon mémoire").
      // The same beside a cue when the text is named as this one ("I missed the lecture — what's
      // this declaration about?"), not asked for ("какой документ … служит им ориентиром?").
      const subject = named || hasSubjectIt(words);
      // …unless one of them is another thing pointed at: "c'est de la propagande, ce film ?".
      const pointed = other.some((i) => DEMONSTRATIVES.has(words[i - 1] ?? ""));
      const beside = !pointed && other.length <= MAX_BESIDE_NAMED;
      if (beside && judged && subject) return true;
      // Context before the question only: after it, "le texte parle de faire retomber la
      // crispation" names the topic.
      const asked = words.findIndex(
        (w, i) => this.isWeak(w) || this.textWords.has(w) || i === firstStrong,
      );
      const prefix = other.every((i) => i < asked);
      if (beside && prefix && weak > 0 && this.namesThisText(words)) return true;
    }
    return (
      strong > 0 && this.asksWithContext(words, { firstStrong, request, named }, other, isTopic)
    );
  }

  /**
   * A count of the text's parts or of its signers, read word by word when no phrase covers it
   * ("How many recitals and how many numbered points are there?", "how many foreign ministers
   * signed"): never of another thing's ("how many measures does NATO have", "сколько пунктов в
   * уставе ОДКБ", "combien de mesures de farine").
   */
  countFacet(
    words: readonly string[],
    isTopic: (word: string) => boolean,
    knows: (word: string) => boolean,
  ): "structure" | "signatories" | null {
    const asks = this.phraseWords(words, this.counting.howMany);
    if (asks.size === 0) return null;
    const parts = this.phraseWords(words, this.counting.parts);
    const signers = this.phraseWords(words, this.counting.signers);
    if (parts.size === 0 && signers.size === 0) return null;
    // "combien de phrases dans la mesure 3 ?": a clause named by its number is counted in.
    if (words.some((w, i) => this.isPartName(w) && NUMBER_WORD.test(words[i + 1] ?? "")))
      return null;
    // "combien de considérants avant l'appel ?": a word of place and the part of the text it names
    // are not another thing counted ("avant de servir la farine" names none); what follows them
    // still is ("après le préambule du traité de Washington").
    const place = this.placeOf(words, Math.min(...parts));
    const other = words.flatMap((w, i) =>
      (place !== null && i >= place.from && i <= place.to) ||
      asks.has(i) ||
      parts.has(i) ||
      signers.has(i) ||
      this.counting.counted.has(w) ||
      isSqueezedStopWord(w) ||
      this.filler.has(w) ||
      this.textWords.has(w) ||
      NUMBER_WORD.test(w)
        ? []
        : [i],
    );
    if (other.length > MAX_COUNT_CONTEXT) return null;
    // "combien de ministres": the counted noun; "mesures de farine", "paragraphs in my essay's
    // preamble": another thing's parts.
    const counted = (i: number) => asks.has(i - 2) || asks.has(i - 1);
    const owned = (i: number) =>
      OWNERS.has(words[i - 1] ?? "") && words.slice(i + 1, i + 4).some((w) => this.isPartName(w));
    // "how many measures does the CSTO propose to NATO?": counting the text's parts, its author and
    // the party it is addressed to are who writes and who reads them. "How many measures does NATO
    // have?" asks about NATO; "how many NATO members were there at that point?" counts no part.
    const countsAPart = [...parts].some(counted);
    const writesOrReads = (i: number) =>
      this.party.get(words[i] ?? "") === AUTHOR ||
      TO.has(before(words, i)) ||
      (words[i - 1] === "l" && TO.has(before(words, i - 1)));
    const topic = (i: number) =>
      isTopic(words[i] ?? "") ||
      (this.party.has(words[i] ?? "") && !(countsAPart && writesOrReads(i))) ||
      owned(i) ||
      (!counted(i) && this.namedTopic(words, i));
    if (other.some(topic)) return null;
    // A word the text never uses counts another thing ("how many measures in a 12-bar blues",
    // "сколько мер муки") unless a new clause has begun ("…? j'compte pas pareil que mon coloc").
    const clause = words.findIndex((w) => SUBJECTS.has(w));
    const foreign = (i: number) =>
      !knows(words[i] ?? "") && !this.isPartName(words[i] ?? "") && (clause < 0 || i < clause);
    if (other.some(foreign)) return null;
    return signers.size > 0 ? "signatories" : "structure";
  }

  /** A word of place after the counted parts, up to the part of the text it names, if any. */
  private placeOf(words: readonly string[], after: number): { from: number; to: number } | null {
    const from = words.findIndex((w, i) => i > after && this.counting.places.has(w));
    if (from < 0) return null;
    const part = words.slice(from + 1, from + 1 + PLACE_WORDS).findIndex((w) => this.isPartName(w));
    return part < 0 ? null : { from, to: from + 1 + part };
  }

  /** Whether a request names the structure itself ("прошу изложить структуру документа"). */
  namesStructure(words: readonly string[]): boolean {
    return words.some((w) => STRUCTURE_WORDS.some((c) => w.startsWith(c)));
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
    return TOPIC_BEFORE.has(b) || this.strong.has(b) || this.verbs.has(b);
  }

  private isWeak(word: string): boolean {
    return this.weakWords.has(word) || this.weak.has(word);
  }

  /** A name of the text that is a noun ("déclaration", "doc"), not a pronoun ("ça", "it", "это"). */
  private isTextNoun(word: string | undefined): boolean {
    return word !== undefined && this.textWords.has(word) && !PRONOUNS.has(word);
  }

  /** Whether a name of the text stands for this one, not for one asked about ("quel document"). */
  private namesThisText(words: readonly string[]): boolean {
    return words.some((w, i) => this.textWords.has(w) && !WHICH.has(before(words, i)));
  }

  /** Whether a word names one of the two organisations ("OTAN", "ОДКБ"). */
  isParty(word: string): boolean {
    return this.party.has(word);
  }

  /** Whether a word names a part of the text ("préambule", "appel"): never a word of context. */
  isPartName(word: string): boolean {
    return this.partNames.has(word);
  }

  /** The request's cues, whether the text is named, and the other words' places. */
  private read(words: readonly string[]) {
    let strong = 0;
    let firstStrong = -1;
    let weak = 0;
    const other: number[] = [];
    const parties: number[] = [];
    const brief = this.phraseWords(words, this.brief);
    const judgement = this.phraseWords(words, this.judgements);
    const genre = this.genreWords(words);
    const request = new Set<number>();
    // The text may be named inside a judgement ("what kind of document is this"); "this" before
    // another noun points at that thing ("tl;dr this Reuters piece").
    const pointsElsewhere = (i: number) => {
      const next = words[i + 1] ?? "";
      return (
        DEMONSTRATIVES.has(words[i] ?? "") &&
        next !== "" &&
        !this.textWords.has(next) &&
        !isSqueezedStopWord(next) &&
        !this.filler.has(next) &&
        !this.isWeak(next) &&
        !judgement.has(i + 1) &&
        !genre.has(i + 1)
      );
    };
    let named = words.some((w, i) => this.textWords.has(w) && !pointsElsewhere(i));
    words.forEach((w, i) => {
      if (judgement.has(i) || genre.has(i)) return;
      if (brief.has(i) || this.strong.has(w)) {
        strong++;
        request.add(i);
        if (firstStrong < 0) firstStrong = i;
      } else if (this.textWords.has(w) && !pointsElsewhere(i)) return;
      else if (this.party.has(w)) parties.push(i);
      else if (this.isWeak(w)) weak++;
      else if (this.wanting.has(w)) return;
      else if (/^\d{4,}$/.test(w) && TOPIC_BEFORE.has(before(words, i))) other.push(i);
      else if (
        (!isSqueezedStopWord(w) || isFrenchNounAfter(words[i - 1] ?? "", w)) &&
        !this.filler.has(w) &&
        !NUMBER_WORD.test(w)
      )
        other.push(i);
    });
    // Both organisations named are the text's subject ("a CSTO pitch to NATO"); one of them is the
    // subject too when the text is named and asked for in brief ("en une phrase, ça demande quoi
    // à l'OTAN ?"); otherwise it is a topic ("what is NATO about").
    const bothParties = new Set(parties.map((i) => this.party.get(words[i] ?? ""))).size > 1;
    // "this CSTO declaration", "la déclaration de l'OTSC": the party names the text's author.
    const ofText = (i: number) =>
      this.isTextNoun(words[i + 1]) || this.isTextNoun(ownerOf(words, i));
    // "c'est un ultimatum à l'OTAN ?", "hostile envers l'OTAN": the party the text is addressed to.
    const addressed = (i: number) =>
      judgement.size + genre.size > 0 &&
      (TO.has(before(words, i)) ||
        (words[i - 1] === "l" && TO.has(before(words, i - 1))) ||
        judgement.has(i - 1));
    const single = parties.filter((i) => !ofText(i) && !addressed(i));
    if (!bothParties && !(named && strong > 0 && weak > 0)) other.push(...single);
    // "vous le résumeriez comment ?": an object pronoun before the request is the text.
    if (firstStrong > 1 && OBJECT_PRONOUNS.has(words[firstStrong - 1] ?? "")) {
      named ||= SUBJECTS.has(words[firstStrong - 2] ?? "") || YOU.has(words[firstStrong - 2] ?? "");
    }
    const judged = judgement.size > 0 || genre.size > 0;
    // "résume-moi ça en deux lignes, je suis pas diplomate": after the request, a new clause about
    // the reader is no part of it.
    const end = Math.max(-1, ...request);
    const first = end < 0 ? -1 : words.findIndex((w, i) => i > end && SUBJECTS.has(w));
    // …unless it names a topic: "summarize, we are talking about Brexit", and "résumé, il parle
    // du Brexit" ("on", "il" begin a topic more often than the reader's own clause).
    const topics = FIRST_PERSON.has(words[first] ?? "") ? ABOUT : TOPIC_BEFORE;
    const reader = words.slice(first).some((w) => topics.has(w)) ? -1 : first;
    const sorted = other.filter((i) => reader < 0 || i < reader).sort((a, b) => a - b);
    return {
      strong,
      firstStrong,
      request,
      weak,
      judged,
      named,
      parties: parties.length > 0,
      other: sorted,
    };
  }

  /** Kinds of text named as what the text is: two of them, or one beside "genre", "kind", "type". */
  private genreWords(words: readonly string[]): Set<number> {
    const at = this.phraseWords(words, this.genres);
    const kinds = new Set([...at].map((i) => words[i] ?? "").filter((w) => !isSqueezedStopWord(w)));
    return kinds.size >= 2 || words.some((w) => GENRE.has(w)) ? at : new Set();
  }

  /** The places of the words of `phrases` in the message ("en une phrase", "peace offer"). */
  private phraseWords(words: readonly string[], phrases: PhraseTable): Set<number> {
    const at = new Set<number>();
    words.forEach((w, i) => {
      for (const phrase of phrases.get(w) ?? []) {
        if (phrase.every((p, k) => words[i + k] === p)) {
          for (let k = 0; k < phrase.length; k++) at.add(i + k);
        }
      }
    });
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
    // text is named or someone wants the request: "mon colonel veut une synthèse pour demain".
    const wanted = words.slice(0, cue).some((w) => this.wanting.has(w));
    if (other.length > MAX_CONTEXT || (!named && !wanted && other.some((i) => i < cue))) {
      return false;
    }
    const topic = (i: number) => {
      const w = words[i] ?? "";
      const b = before(words, i);
      // "le traité de Maastricht": a cue's own "of" names its topic ("lecteurs du blog" does not).
      const ofCue = TOPIC_BEFORE.has(b) && this.isWeak(words[words.lastIndexOf(b, i) - 1] ?? "");
      return (
        isTopic(w) ||
        this.party.has(w) ||
        TOPIC_ALWAYS.has(words[i - 1] ?? "") ||
        TOPIC_ALWAYS.has(b) ||
        this.verbs.has(b) ||
        ofCue
      );
    };
    if (other.some(topic)) return false;
    return this.objectIsText(words, cue + 1, request);
  }

  /**
   * What follows a request, from `i`: nothing, the text or a word of purpose ("pour mes
   * lecteurs"), past its length ("un résumé de 3 lignes", "en deux lignes"); not another thing
   * ("résumé en deux lignes du match", "résume-moi le film").
   */
  private objectIsText(words: readonly string[], from: number, request: Set<number>): boolean {
    const ends = (w: string | undefined) =>
      w === undefined || this.textWords.has(w) || this.purpose.has(w) || SUBJECTS.has(w);
    const length = (at: number) => {
      const w = words[at] ?? "";
      return request.has(at) || this.filler.has(w) || NUMBER_WORD.test(w) || this.isWeak(w);
    };
    let i = from;
    for (;;) {
      while (i < words.length && !ends(words[i]) && length(i)) i++;
      if (ends(words[i])) return true;
      // "un résumé du texte", "un résumé de 3 lignes": past "of" and articles, the text or a length.
      if (!OBJECT_MARKS.has(words[i] ?? "")) {
        // "vous le résumeriez comment ?": a question word, not an object.
        return isSqueezedStopWord(words[i] ?? "") && ends(words[i + 1]);
      }
      while (i < words.length && OBJECT_MARKS.has(words[i] ?? "")) i++;
      if (ends(words[i]) && words[i] !== undefined) return this.textWords.has(words[i] ?? "");
      if (words[i] === undefined) return true;
      if (!length(i)) return false;
    }
  }
}

/** Phrases (as words) by their first word: a message's words look up only the phrases they start. */
type PhraseTable = Map<string, (readonly string[])[]>;

function byFirstWord(phrases: readonly (readonly string[])[]): PhraseTable {
  const table: PhraseTable = new Map();
  for (const p of phrases) {
    const [first] = p;
    if (first !== undefined) table.set(first, [...(table.get(first) ?? []), p]);
  }
  return table;
}

/** Cue beginnings; one shorter than MIN_PREFIX must be the whole word ("but", "ton", "aim"). */
class Cues {
  private readonly exact = new Set<string>();
  private readonly prefixes = new PrefixIndex<true>();

  constructor(stems: readonly string[]) {
    for (const s of stems) {
      if (s.length < MIN_PREFIX) this.exact.add(s);
      else this.prefixes.add(s, true);
    }
  }

  has(word: string): boolean {
    return this.exact.has(word) || this.prefixes.beginsAny(word);
  }
}

const GENRE = new Cues(GENRE_CUES);
