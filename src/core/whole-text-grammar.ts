/**
 * The small words a question about the whole text is read with (whole-text-words.ts): articles,
 * pronouns, "of" and "about", in French, English and Russian, folded as phrase covers compare
 * words ("cette" → "cete"). Grammar, not facts about the text: the cue words are data
 * (data/whole-text.json).
 */
import { CARDINAL } from "./numbers.ts";
import { coverWords } from "./phrase-cover.ts";

/** The words as coverWords spells them, so that "cette" and "quelle" meet "cete" and "quele". */
function folded(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => coverWords(w)[0] ?? w));
}

export const DETERMINERS = folded([
  ...["le", "la", "les", "ce", "cet", "cette", "mon", "ma", "mes", "ton", "ta", "tes"],
  // "s" is what is left of "what's", "it's".
  ...["the", "this", "that", "my", "your", "our", "s", "мой", "моя", "мое", "этот"],
]);
/** Articles and "of" between a request and what it asks about: "résumé du texte", "sum up the doc". */
export const OBJECT_MARKS = folded([
  ...["le", "la", "les", "l", "du", "de", "des", "d", "ce", "cet", "cette"],
  ...["the", "of", "this", "that"],
]);
/** Words after which a word is the topic asked about, wherever they stand: "a summary about X". */
export const ABOUT = folded([
  "sur",
  "about",
  "on",
  "regarding",
  "concernant",
  "о",
  "об",
  "про",
  "насчет",
]);
const WHAT = ["what", "что", "чём", "чем"];
/** Words after which a word is always the topic, even among words of context. */
export const TOPIC_ALWAYS = new Set([...ABOUT, ...folded(WHAT)]);
/**
 * …and with "of" ("summary of the match"), "what" or "what is" ("explain like i'm five what
 * inflation is", "что такое блокчейн простыми словами"), after which a lone added word is the topic.
 */
export const TOPIC_BEFORE = new Set([
  ...ABOUT,
  ...folded([...WHAT, "of", "de", "du", "des", "quoi", "такое", "такой", "такая", "is"]),
]);
/** "deux", "3", "five": how long the answer should be ("en deux lignes"), never what it is about. */
export const NUMBER_WORD = new RegExp(`^${CARDINAL}$`, "u");
/** Words that ask what kind of thing the text is, beside one kind ("quel genre", "what kind"). */
export const GENRE_CUES = [
  "genre",
  "type",
  "kind",
  "sort",
  "nature",
  "qualif",
  "categor",
  "жанр",
  "тип",
];
/** "c'est un ultimatum", "is it…": the subject of a judgement, when nothing else is named. */
const SUBJECT_IT = folded(["c", "it", "its", "это"]);
export const OBJECT_PRONOUNS = folded(["le", "la", "l"]);
const OF = folded(["l", "d", "de", "du", "des", "of", "the"]);
/** "à l'OTAN", "envers l'OTAN", "to NATO", "к НАТО": towards the addressee. */
export const TO = folded([
  "à",
  "envers",
  "vers",
  "to",
  "towards",
  "toward",
  "against",
  "к",
  "против",
]);
/** "my essay's preamble", "mon mémoire": the reader's own text. */
export const OWNERS = folded([
  ...["my", "your", "our", "mon", "ma", "mes", "ton", "ta", "tes", "notre", "votre"],
  ...["мой", "моей", "моего"],
]);
/** Names of the text that are pronouns ("ça", "it", "это"), not nouns ("déclaration", "doc"). */
export const PRONOUNS = folded(["ça", "cela", "it", "this", "that", "это", "оно", "она", "он"]);
export const YOU = folded(["vous", "tu", "you", "u"]);
export const FIRST_PERSON = folded(["je", "j", "chu", "jsuis", "i", "im", "я", "мы", "we"]);
/** The reader beginning a new clause after a request ("…, chu dans le métro", "…, I'm on a bus"). */
export const SUBJECTS = new Set([...FIRST_PERSON, ...folded(["on", "il", "ils"])]);
/** "quel document", "which text", "какой документ": a text asked about, not this one. */
export const WHICH = folded([
  ...["quel", "quelle", "quels", "quelles", "which", "what"],
  ...["какой", "какая", "какое", "каким"],
]);
export const DEMONSTRATIVES = folded([
  ...["ce", "cet", "cette", "ces", "this", "that", "these", "those"],
  ...["этот", "эта", "эти", "тот", "та"],
]);
/** "… ou pas ?", "or what", "или нет": a judgement offered as a choice is a question about it. */
export const ALTERNATIVE = folded(["ou", "or", "или", "либо", "vs"]);
/** "résume-moi le film", "summarize me the movie": the request's reader, not its object. */
const FOR_ME = folded(["moi", "me", "m", "nous", "us", "мне", "нам"]);

/** Whether the text is the subject of a judgement: "c'est …", "is it …", "est-ce un …". */
export function hasSubjectIt(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      SUBJECT_IT.has(w) ||
      (w === "ce" && words[i - 1] === "est" && ["un", "une"].includes(words[i + 1] ?? "")),
  );
}

/**
 * The word before `i`, definite articles, possessives and "me" skipped: "of" in "main idea of the
 * movie", "résume" in "résume-moi le film". "a" and "l'" stay: "more of a political statement",
 * "mes étudiants de l'ENAP".
 */
export function before(words: readonly string[], i: number): string {
  let j = i - 1;
  while (j >= 0 && (DETERMINERS.has(words[j] ?? "") || FOR_ME.has(words[j] ?? ""))) j--;
  return words[j] ?? "";
}

/** The word a party's name belongs to: "déclaration" in "la déclaration de l'OTSC". */
export function ownerOf(words: readonly string[], i: number): string {
  let j = i - 1;
  while (j >= 0 && (DETERMINERS.has(words[j] ?? "") || OF.has(words[j] ?? ""))) j--;
  return words[j] ?? "";
}
