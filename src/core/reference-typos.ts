/**
 * References as people type them: "mesur 4", "la mesue 2", "measre 5", "mesure4", "recitel four",
 * "the 3rd measre", "preambel para 1", "преамбла абз. 4", "the apeal". A word one edit away from a
 * clause word of data/references.json ("measure", "considérant", "пункт"…) is read as that word
 * where a number follows it or an ordinal precedes it, and a number glued to such a word is split
 * from it; a word one edit away from a name of the preamble ("preamble", "преамбула") is read as
 * that name anywhere; a message that is only a clause's name with a typo ("signatairs") names it.
 * Words the declaration itself uses are never corrected ("mesures" stays, "point" is not "pont").
 */
import { fold, isStopWord } from "./analysis.ts";
import { CARDINAL, ORDINAL } from "./numbers.ts";
import { REFERENCE_DATA } from "./references.ts";

/** Shorter words are too often other words one letter away ("art" → "arm"). */
const MIN_CORRECTED = 4;

/** Whether `a` and `b` are at most one insertion, deletion, substitution or swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    // A swap of two neighbouring letters.
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2);
  }
  return a.length > b.length ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** Whether `a` from `i` and `b` from `j` are the same letters (compared in place: no copies). */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (let k = 0; i + k < a.length; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

/**
 * The first of `words` at most one edit from a given word, or null. Words are kept by length, and
 * only those of the word's length and one letter shorter or longer are compared: every question's
 * every word is looked up.
 */
function nearestWithinOneEdit(words: readonly string[]): (word: string) => string | null {
  const byLength = new Map<number, string[]>();
  for (const w of words) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
  return (word) => {
    for (const n of [word.length, word.length - 1, word.length + 1]) {
      const found = byLength.get(n)?.find((w) => withinOneEdit(word, w));
      if (found) return found;
    }
    return null;
  };
}

function clauseWords(): string[] {
  const { words } = REFERENCE_DATA;
  const lists = [words.measure, words.recital].flatMap((w) => [
    ...(w?.words ?? []),
    ...(w?.stems ?? []),
  ]);
  return [
    ...new Set(lists.map(fold).filter((w) => /^\p{L}+$/u.test(w) && w.length >= MIN_CORRECTED)),
  ];
}

const CLAUSE_WORDS = clauseWords();
const KNOWN = new Set(CLAUSE_WORDS);
/** Declined clause words ("мера", "пункта") start with a stem of the tables. */
const STEMS = (() => {
  const { words } = REFERENCE_DATA;
  return [words.measure, words.recital].flatMap((w) => (w?.stems ?? []).map(fold));
})();
const isClauseWord = (word: string) =>
  KNOWN.has(word) || STEMS.some((s) => word.startsWith(s) && word.length - s.length <= 2);

/** Names of the preamble as whole words ("preambule", "преамбулы"): long, and like no other word. */
const PREAMBLE_NAMES = (REFERENCE_DATA.words.preamble?.words ?? [])
  .map(fold)
  .filter((w) => /^\p{L}{6,}$/u.test(w));
const PREAMBLE_KNOWN = new Set(PREAMBLE_NAMES);
const nearPreambleName = nearestWithinOneEdit(PREAMBLE_NAMES);
const nearClauseWord = nearestWithinOneEdit(CLAUSE_WORDS);

/** A number after a clause word: digits, a roman numeral, or a number word ("recitel four"). */
const NUMBER_AFTER = `\\d{1,3}|[ivx]{1,4}|${CARDINAL}`;
/** "mesur numero 3", "measre no. 5": a number sign may stand between the word and its number. */
const NUMBER_SIGN = "(?:n°|nº|no\\.?|numero|number|num\\.?|nr\\.?|#|№)";
const WORD_THEN_NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\p{L}{3,20})(\\s?|\\s${NUMBER_SIGN}\\s?)(${NUMBER_AFTER})(?![\\p{L}\\p{N}])`,
  "gu",
);
/** An ordinal right before a word: "the 3rd measre", "deuxième considérent". */
const ORDINAL_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ORDINAL})\\s$`, "u");
/** How far before a word its ordinal is looked for: the longest ordinal and a space. */
const ORDINAL_WINDOW = 24;
const WORD = /(?<![\p{L}\p{N}])\p{L}{4,20}(?![\p{L}\p{N}])/gu;

/** "6 punkt", "3 mesure": a number before a singular clause word, as chat types it. */
const NUMBER_FIRST =
  /(?<![\p{L}\p{N}/])(\d{1,2})\s(mesure|measure|punkt|пункт|point|item|considerant|recital)(?![\p{L}])/u;

/** Every word of the reference tables ("part", "bloc", "liste"): each is itself, no typo. */
const VOCABULARY = new Set(
  Object.values(REFERENCE_DATA.words).flatMap((w) => (w.words ?? []).map(fold)),
);

/** The name of the preamble `word` is a typo of ("preambel", "преамбла"), or null. */
function preambleTypo(word: string): string | null {
  if (word.length < 6 || PREAMBLE_KNOWN.has(word) || VOCABULARY.has(word)) return null;
  return nearPreambleName(word) ?? nearInflectedPreamble(word);
}

/** A Russian case ending: "преамбулы", "преамбуле", "преамбулу". */
const RU_ENDING = /[аыеиуюяо]$/u;

/**
 * "преамбли": a typo in a Russian name of the preamble that also takes another case ending. The
 * stems are compared, without their endings, and the name is given in the case that was typed.
 */
function nearInflectedPreamble(word: string): string | null {
  if (!RU_ENDING.test(word)) return null;
  const stem = word.slice(0, -1);
  const name = PREAMBLE_NAMES.find(
    (n) => RU_ENDING.test(n) && n.slice(0, -1) !== stem && withinOneEdit(stem, n.slice(0, -1)),
  );
  if (!name) return null;
  // The ending typed may be a typo too: then the genitive, the case of "абзац преамбулы".
  const stemOf = name.slice(0, -1);
  const inCase = [`${stemOf}${word.slice(-1)}`, `${stemOf}ы`].find((n) => PREAMBLE_KNOWN.has(n));
  return inCase ?? name;
}

/** The clause word `word` is a typo of, or null. */
function correction(word: string): string | null {
  if (word.length < MIN_CORRECTED || KNOWN.has(word) || VOCABULARY.has(word)) return null;
  return nearClauseWord(word);
}

/**
 * The question with clause words' typos corrected where a number follows, and numbers glued to
 * clause words split off ("mesure4" → "mesure 4"). `isOtherWord` says which words are real words
 * of the text or its example questions other than the clause word: those are never corrected.
 */
/** A message that is only "m 3", "p.1", "M.3", "п.6": a clause's letter and number, as typed. */
const LONE_ID = /^\s*(m|p|pt|pkt|п|пп|м)(?:[\s.]{1,2}|(?<=t))(\d)[\s?!.]*$/u;

/** "m e a s u r e 4": a word typed letter by letter, read whole where it makes a clause word. */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}(?: \p{L}){3,19}(?![\p{L}\p{N}])/gu;
/**
 * "преамбула п1", "пп.2": the Russian abbreviation of "пункт" glued to its number, read as "п. 1"
 * (so that "п1 ст. 51 Устава ООН" stays another document's, as "п. 1 ст. 51" is).
 */
const SHORT_POINT = /(?<![\p{L}\p{N}])пп?\.?(\d{1,2})(?![\p{L}\p{N}])/gu;

export function fixReferenceTypos(
  question: string,
  isOtherWord: (word: string, clauseWord: string) => boolean,
): string {
  const id = LONE_ID.exec(fold(question));
  if (id) return `${id[1] === "m" || id[1] === "м" ? "mesure" : "point"} ${id[2]}`;
  /** The clause word `word` stands for, or null: itself when it is one, or the one it misspells. */
  const clauseWord = (word: string): string | null => {
    if (isClauseWord(word)) return word;
    const fixed = correction(word);
    return fixed && !isOtherWord(word, fixed) ? fixed : null;
  };
  return fold(question)
    .replace(SPACED_LETTERS, (run: string) => clauseWord(run.replaceAll(" ", "")) ?? run)
    .replace(SHORT_POINT, "п. $1")
    .replace(NUMBER_FIRST, "$2 $1")
    .replace(WORD_THEN_NUMBER, (whole, word: string, space: string, number: string) => {
      // "un", "une" are articles as often as numbers: "mesur une fois" is no reference.
      if (/^\p{L}/u.test(number) && (space === "" || isStopWord(number))) return whole;
      const fixed = clauseWord(word);
      return fixed ? `${fixed} ${number}` : whole;
    })
    .replace(WORD, (word: string, at: number, text: string) => {
      // A name of the preamble anywhere ("preambel para 1")…
      const preamble = preambleTypo(word);
      if (preamble) return isOtherWord(word, preamble) ? word : preamble;
      // …a clause word after an ordinal ("the 3rd measre"), not one declined ("последнем абзаце").
      // The ordinal first: it is the rarer of the two, and the cheaper to look for.
      if (!ORDINAL_BEFORE.test(text.slice(Math.max(0, at - ORDINAL_WINDOW), at))) return word;
      const fixed = isClauseWord(word) ? null : correction(word);
      if (!fixed) return word;
      return isOtherWord(word, fixed) ? word : fixed;
    });
}

/** The clause name `word` is a typo of, among `names` (folded), or null. */
export function nameTypo(word: string, names: Iterable<string>): string | null {
  if (word.length < MIN_CORRECTED + 1) return null;
  for (const n of names) if (n.length >= MIN_CORRECTED + 1 && withinOneEdit(word, n)) return n;
  return null;
}
