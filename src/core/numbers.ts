/**
 * Numbers written as people write them: "3", "trois", "three", "три", "3e", "3rd", "3-й",
 * "troisième", "third", "третьего", "IV". One table per language (data/numbers.json) generates
 * both the regex alternatives that find them and the lookup that reads them, so the two cannot
 * disagree. Everything works on accent-folded, lower-cased text.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LANGS, type Lang } from "./types.ts";
import { alternatives } from "./word-patterns.ts";

const NUMBERS_FILE = fileURLToPath(new URL("../../data/numbers.json", import.meta.url));

interface LangNumbers {
  cardinals: Record<string, number>;
  ordinals?: Record<string, number>;
  /** Word starts of declined ordinals (Russian). */
  stems?: Record<string, number>;
  suffixes: string[];
  last: string[];
  /** Word starts of declined "last" words (Russian). */
  lastStems?: string[];
  /** "Avant-dernier", "penultimate": the one before the last. */
  secondLast?: string[];
  secondLastStems?: string[];
  /** "Antépénultième", "antepenultimate": two before the last. */
  thirdLast?: string[];
  thirdLastStems?: string[];
}
type NumberData = Record<Lang, LangNumbers> & { roman: Record<string, number> };

const data = JSON.parse(readFileSync(NUMBERS_FILE, "utf8")) as NumberData;

/** "Last" reads as -1, "second to last" as -2: the caller knows how many there are. */
export const LAST = -1;
export const SECOND_LAST = -2;
export const THIRD_LAST = -3;

const cardinals = new Map<string, number>();
const ordinals = new Map<string, number>();
const stems: [string, number][] = [];
const suffixes = new Set<string>();
const lastWords: string[] = [];
const lastStems: string[] = [];
const secondLastWords: string[] = [];
const secondLastStems: string[] = [];
const thirdLastWords: string[] = [];
const thirdLastStems: string[] = [];
for (const lang of LANGS) {
  const t = data[lang];
  for (const [w, n] of Object.entries(t.cardinals)) cardinals.set(w, n);
  for (const [w, n] of Object.entries(t.ordinals ?? {})) ordinals.set(w, n);
  for (const [w, n] of Object.entries(t.stems ?? {})) stems.push([w, n]);
  for (const s of t.suffixes) suffixes.add(s);
  lastWords.push(...t.last);
  lastStems.push(...(t.lastStems ?? []));
  secondLastWords.push(...(t.secondLast ?? []));
  secondLastStems.push(...(t.secondLastStems ?? []));
  thirdLastWords.push(...(t.thirdLast ?? []));
  thirdLastStems.push(...(t.thirdLastStems ?? []));
}
stems.sort((a, b) => b[0].length - a[0].length);
const roman = new Map(Object.entries(data.roman));

/** Regex source: a cardinal number, in digits or words ("3", "trois", "three", "три"). */
export const CARDINAL = `(?:\\d{1,3}|${alternatives(cardinals.keys())})`;
/** Regex source: the number `n` alone, in digits or words ("6", "six", "шесть"). */
export function cardinalOf(n: number): string {
  const words = [...cardinals].filter(([, v]) => v === n).map(([w]) => w);
  return `(?:${n}|${alternatives(words)})`;
}
/** Regex source: a roman numeral up to XII. */
export const ROMAN = `(?:${alternatives(roman.keys())})`;
/** Regex source: an ordinal ending after digits, as in "мера 5я", "measure 3rd" (none captured). */
export const DIGIT_SUFFIX = `(?:(?<=\\d)(?:${alternatives(suffixes)}))?`;
/**
 * An ordinal counted from the end, as the reference scanner writes "the third … from the end" once
 * it has read it: "3fromend", stretched with "z" to the length of what it replaces (no one types
 * this).
 */
const FROM_END_MARK = "fromend";
const FROM_END_ORDINAL = new RegExp(`^(\\d{1,2})${FROM_END_MARK}z*$`, "u");

/** The token `readOrdinal` reads as the `n`th from the end (-n), at least `length` long. */
export function fromEndOrdinal(n: number, length = 0): string {
  return `${n}${FROM_END_MARK}`.padEnd(length, "z");
}

/**
 * Ordinal stems and their endings. A stem whose cardinal is the stem and a soft sign ("пять",
 * "шесть") is no ordinal with that sign ("шесть мер", "пятью" count, they name nothing); "третью"
 * ("трет", whose cardinal is "три") stays one.
 */
function stemsWithEndings(list: readonly string[]): string {
  const cardinalToo = list.filter((s) => cardinals.has(`${s}ь`));
  const others = list.filter((s) => !cardinals.has(`${s}ь`));
  const notCardinal = `(?:${alternatives(cardinalToo)})(?!ью?(?![\\p{L}\\p{N}]))`;
  const parts = [others.length ? alternatives(others) : "", cardinalToo.length ? notCardinal : ""];
  return `(?:${parts.filter(Boolean).join("|")})\\p{L}{0,4}`;
}

/** Regex source: an ordinal, or a "last" word ("3e", "third", "третьем", "dernière", "последний"). */
export const ORDINAL = [
  `\\d{1,2}${FROM_END_MARK}z*`,
  `\\d{1,3}(?:${alternatives(suffixes)})`,
  alternatives([...ordinals.keys(), ...lastWords, ...secondLastWords, ...thirdLastWords]),
  stemsWithEndings([...stems.map(([s]) => s), ...lastStems, ...secondLastStems, ...thirdLastStems]),
]
  .map((alt) => `(?:${alt})`)
  .join("|");

/** Regex source: an ordinal counted from the start ("3e", "third", "третьем"), no "last" word. */
export const COUNTED_ORDINAL = [
  `\\d{1,3}(?:${alternatives(suffixes)})`,
  alternatives(ordinals.keys()),
  stemsWithEndings(stems.map(([s]) => s)),
]
  .map((alt) => `(?:${alt})`)
  .join("|");

/** The value of a cardinal token (digits, a number word, a roman numeral); null if it is none. */
export function readCardinal(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  return cardinals.get(token) ?? roman.get(token) ?? null;
}

/**
 * The value of an ordinal token; LAST for "dernier", "last", "последний", SECOND_LAST for
 * "avant-dernier", "penultimate", "предпоследний", THIRD_LAST for "antépénultième"; null if none.
 */
export function readOrdinal(token: string): number | null {
  if (thirdLastWords.includes(token) || thirdLastStems.some((s) => token.startsWith(s))) {
    return THIRD_LAST;
  }
  if (secondLastWords.includes(token) || secondLastStems.some((s) => token.startsWith(s))) {
    return SECOND_LAST;
  }
  const fromEnd = FROM_END_ORDINAL.exec(token);
  if (fromEnd) return -Number(fromEnd[1]);
  const digits = /^(\d+)-?\p{L}*$/u.exec(token);
  if (digits) return Number(digits[1]);
  const exact = ordinals.get(token);
  if (exact !== undefined) return exact;
  for (const [stem, n] of stems) if (token.startsWith(stem)) return n;
  if (lastWords.includes(token) || lastStems.some((s) => token.startsWith(s))) return LAST;
  return null;
}
