/**
 * Russian typed in Latin letters (data/translit.json): "chto oni hotyat ot NATO?" is read as
 * "что они хотят от нато?" and answered as Russian. Chat transliteration follows no standard
 * ("h" or "kh" for "х", "y" for "ы" or "й"), so the table is the team's, with examples.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FILE = fileURLToPath(new URL("../../data/translit.json", import.meta.url));

export interface TranslitData {
  minCues: number;
  minEndingShare: number;
  cues: string[];
  /** Cues too short to count alone ("v", "na"): they count only beside a longer one. */
  singleLetter: string[];
  endings: string[];
  letters: [string, string][];
  /** Whole words spelled otherwise than letter by letter ("eto" → "это"). */
  words: [string, string][];
  fires: { text: string; ru: string }[];
  spares: string[];
}

export function readTranslitData(file = FILE): TranslitData {
  return JSON.parse(readFileSync(file, "utf8")) as TranslitData;
}

const data = readTranslitData();
const CUES = new Set(data.cues);
const SHORT = new Set(data.singleLetter);
const ENDING = new RegExp(`(?:${data.endings.sort((a, b) => b.length - a.length).join("|")})$`);
const LETTERS = [...data.letters].sort((a, b) => b[0].length - a[0].length);
const LETTER = new RegExp(LETTERS.map(([from]) => from).join("|"), "g");
const TO = new Map(LETTERS);
const WORDS = new Map(data.words);
const VOWEL_Y = /([aeiouy])y(?![aeiou])/g;
/**
 * "i" after "e" or "i" closes the syllable as «й» before a consonant ("krupneishie",
 * "evraziiskaya"), and ends a word as «й» after "e", "o" or "y" ("kakoi", "vsei", "novyi"). After
 * "a", "o" or "u" inside a word it is mostly «и» ("poisk", "stoit", "ukraina", "naibolee").
 */
const VOWEL_I = /(?<=[ei])i(?=[bcdfghjklmnpqrstvwxz])|(?<=[eoy])i$/g;

/** Latin words of a message that has no letter outside ASCII; null otherwise. */
function asciiWords(text: string): string[] | null {
  if (/[^\p{ASCII}]/u.test(text.replace(/[—–«»“”’]/g, " "))) return null;
  return text.toLowerCase().match(/[a-z']+(?:-[a-z]+)*/g) ?? [];
}

/**
 * Whether the message is Russian in Latin letters. `foreignCues` counts its English or French
 * question words (language.ts), whichever is higher.
 */
export function looksTransliterated(text: string, foreignCues: number): boolean {
  const words = asciiWords(text);
  if (!words || words.length === 0) return false;
  const long = words.filter((w) => CUES.has(w) && !SHORT.has(w)).length;
  const short = words.filter((w) => SHORT.has(w)).length;
  const cues = long > 0 ? long + short : 0;
  if (cues >= data.minCues && cues > foreignCues) return true;
  if (foreignCues > 0) return false;
  const longWords = words.filter((w) => w.length >= 4);
  if (longWords.length === 0) return false;
  const russian = longWords.filter((w) => ENDING.test(w)).length;
  return russian / longWords.length >= data.minEndingShare && longWords.length >= 2;
}

/**
 * The message spelled in Cyrillic, letter group by letter group. Words `keepLatin` knows stay as
 * typed: chat mixes in English ("k komu oni obrashchayutsya, k NATO foreign ministers?").
 */
export function toCyrillic(text: string, keepLatin: (word: string) => boolean = () => false) {
  return text.toLowerCase().replace(/[a-z']+(?:-[a-z']+)*/g, (word) => {
    if (keepLatin(word) && !CUES.has(word)) return word;
    const whole = WORDS.get(word);
    if (whole) return whole;
    return (
      word
        .replace(VOWEL_Y, "$1\uE000")
        .replace(VOWEL_I, "\uE000")
        // A soft sign is typed as an apostrophe after a consonant; elsewhere it is a quotation mark.
        .replace(/(?<=[bcdfghjklmnpqrstvwxz])'/g, "\uE001")
        .replace(LETTER, (m) => TO.get(m) ?? m)
        .replace(/\uE000/g, "й")
        .replace(/\uE001/g, "ь")
    );
  });
}
