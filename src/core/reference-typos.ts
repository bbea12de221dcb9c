/**
 * References as people type them: "mesur 4", "la mesue 2", "measre 5", "mesure4", "the apeal".
 * A word one edit away from a clause word of data/references.json ("measure", "considérant",
 * "пункт"…) and followed by a number is read as that word, and a number glued to such a word is
 * split from it; a message that is only a clause's name with a typo ("signatairs") names it.
 * Words the declaration itself uses are never corrected ("mesures" stays, "point" is not "pont").
 */
import { fold } from "./analysis.ts";
import { readReferenceData } from "./references.ts";

/** Shorter words are too often other words one letter away ("art" → "arm"). */
const MIN_CORRECTED = 4;

/** Whether `a` and `b` are at most one insertion, deletion, substitution or swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (a.length === b.length) {
    if (restA.slice(1) === restB.slice(1)) return true;
    // A swap of two neighbouring letters.
    return restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2);
  }
  return a.length > b.length ? restA.slice(1) === restB : restA === restB.slice(1);
}

function clauseWords(): string[] {
  const { words } = readReferenceData();
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
  const { words } = readReferenceData();
  return [words.measure, words.recital].flatMap((w) => (w?.stems ?? []).map(fold));
})();
const isClauseWord = (word: string) =>
  KNOWN.has(word) || STEMS.some((s) => word.startsWith(s) && word.length - s.length <= 2);

/** "6 punkt", "3 mesure": a number before a singular clause word, as chat types it. */
const NUMBER_FIRST =
  /(?<![\p{L}\p{N}])(\d{1,2})\s(mesure|measure|punkt|пункт|point|item|considerant|recital)(?![\p{L}])/u;

/** The clause word `word` is a typo of, or null. */
function correction(word: string): string | null {
  if (word.length < MIN_CORRECTED || KNOWN.has(word)) return null;
  return CLAUSE_WORDS.find((w) => withinOneEdit(word, w)) ?? null;
}

/**
 * The question with clause words' typos corrected where a number follows, and numbers glued to
 * clause words split off ("mesure4" → "mesure 4"). `isOtherWord` says which words are real words
 * of the text or its example questions other than the clause word: those are never corrected.
 */
/** A message that is only "m 3", "p.1", "M.3": a clause's letter and number, as ids are typed. */
const LONE_ID = /^\s*([mp])[\s.]{1,2}(\d)\s*[?!.]*\s*$/u;

export function fixReferenceTypos(
  question: string,
  isOtherWord: (word: string, clauseWord: string) => boolean,
): string {
  const id = LONE_ID.exec(fold(question));
  if (id) return `${id[1] === "m" ? "mesure" : "point"} ${id[2]}`;
  return fold(question)
    .replace(NUMBER_FIRST, "$2 $1")
    .replace(
      /(?<![\p{L}\p{N}])(\p{L}{3,20})(\s?)(\d{1,3}|[ivx]{1,4})(?![\p{L}\p{N}])/gu,
      (whole, word: string, space: string, number: string) => {
        const known = isClauseWord(word);
        const fixed = known ? word : correction(word);
        if (!fixed || (!known && isOtherWord(word, fixed))) return whole;
        if (space === "" && /^\p{L}/u.test(number)) return whole;
        return `${fixed} ${number}`;
      },
    );
}

/** The clause name `word` is a typo of, among `names` (folded), or null. */
export function nameTypo(word: string, names: Iterable<string>): string | null {
  if (word.length < MIN_CORRECTED + 1) return null;
  for (const n of names) if (n.length >= MIN_CORRECTED + 1 && withinOneEdit(word, n)) return n;
  return null;
}
