/**
 * Text analysis shared by the index and the queries: folding, tokenizing, stop words, stemming.
 * Stems come from Snowball ports (@orama/stemmers); stop words from the `stopword` package.
 */
import { stemmer as stemEn } from "@orama/stemmers/english";
import { stemmer as stemFr } from "@orama/stemmers/french";
import { stemmer as stemRu } from "@orama/stemmers/russian";
import { eng, fra, rus } from "stopword";
import { BoundedCache } from "./bounded-cache.ts";
import { RecentMemo } from "./recent-memo.ts";
import type { Lang } from "./types.ts";

const ASCII = /^\p{ASCII}*$/u;

/** Lower-case, strip accents and ligatures, so "Sécurité", "securite" and "SÉCURITÉ" compare equal. */
export function fold(text: string): string {
  const lowered = text.toLowerCase();
  // Most words are plain ASCII, which has no accents or ligatures to strip: the passes below would
  // return it unchanged, and fold runs on every word of every question.
  if (ASCII.test(lowered)) return lowered;
  return lowered.length <= MAX_WORD_CHARS
    ? FOLDED_WORDS.get(lowered, foldAccents)
    : FOLDED_TEXTS.get(lowered, foldAccents);
}

/** People reuse the same few hundred words; a whole question is folded by each of its readers. */
const MAX_WORD_CHARS = 24;
const FOLDED_WORDS = new BoundedCache<string, string>(10_000);
const FOLDED_TEXTS = new RecentMemo<string>(4);

function foldAccents(lowered: string): string {
  return (
    lowered
      // "й" is a letter of its own in Russian, not an accented "и": keep it through the accent strip
      // (composed first, so that a decomposed "й" is kept too).
      .normalize("NFC")
      .replace(/й/g, "\uE000")
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/\uE000/g, "й")
      // Ligatures after the accents are gone, so that an accented one ("ǣ") is split too.
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .normalize("NFC")
  );
}

const APOSTROPHES = /[’'`´ʼ‘]/g;

/** Every apostrophe-like mark typed for an apostrophe (’ ʼ ‘ ` ´) as the ASCII one: the one way. */
export function straightenApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}
// French elided articles and pronouns: "l’OTAN", "d’intérêt", "qu’un", "jusqu’à".
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=\p{L})/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

export interface Token {
  /** The word as typed, lower-cased, without elision. */
  word: string;
  /** Its stems (one per applicable stemmer, accent-folded); empty for stop words. */
  stems: string[];
}

/** Split into words: letters and digits, hyphenated words also kept whole ("euro-atlantique"). */
export function words(text: string): string[] {
  const out: string[] = [];
  const lowered = straightenApostrophes(text.toLowerCase());
  for (const chunk of lowered.split(/[^\p{L}\p{N}'-]+/u)) {
    // Most words have neither hyphen nor apostrophe, and need nothing more.
    if (!chunk.includes("-") && !chunk.includes("'")) {
      if (chunk) out.push(chunk);
      continue;
    }
    const trimmed = trimMarks(chunk);
    if (!trimmed) continue;
    const parts = trimmed
      .split("-")
      .map((part) => part.replace(ELISION, "").replace(/'s$/, "").replace(/'/g, ""))
      .filter(Boolean);
    out.push(...parts);
    // "euro-atlantique" is also indexed whole; "est-ce" and "a-t-elle" are grammar, not compounds.
    if (parts.length > 1 && !parts.some(isStopWord)) out.push(parts.join(""));
  }
  return out;
}

/** Leading and trailing hyphens and apostrophes off, in one pass (a regex anchored at the end rescans). */
function trimMarks(s: string): string {
  const mark = (c: string | undefined) => c === "-" || c === "'";
  let start = 0;
  let end = s.length;
  while (start < end && mark(s[start])) start++;
  while (end > start && mark(s[end - 1])) end--;
  return s.slice(start, end);
}

const list = (words: string): string[] => words.trim().split(/\s+/);

/**
 * Words that frame a question about this text rather than ask for a topic ("que dit la
 * déclaration", "what does the text say"). They occur in most questions and in no clause, so
 * counting them would make every question look half unanswered.
 */
const FRAMING: Record<Lang, string[]> = {
  fr: list(`
    declaration texte document dit dire disent parle parlent parler propose proposent
    est-ce quoi quel quels quelle quelles cest aborde mentionne mentionnent ca ceux chose
    ya y il ils elles resume resume-moi explique question sujet concernant propos koi c t
    la dedans la-dedans tout rien quelqu'un quelquun bien alors donc svp stp merci
    bonjour salut exactement vraiment plutot ou comment pourquoi combien quand veulent juste
    veut
  `),
  en: list(`
    declaration statement text document say says said saying tell mention mentions
    mentioned propose proposes proposed anything something thing things does do did is
    are there what whats s it they them exactly please hi hello thanks regarding
    concerning talk talks about want wants any anyone ever really just
  `),
  ru: list(`
    заявление заявлении заявления декларация декларации декларацию декларацией текст тексте
    документ документе говорится сказано
    говорит там про что ли есть какие какой какая о об насчёт насчет предлагается
    предлагают пожалуйста вообще
  `),
};

/** Common function words the `stopword` lists lack. */
const MORE_STOP_WORDS = list(`
  chaque doit doivent autre autres entre tous toutes tout aussi vers sous selon ainsi
  lorsque comme encore faire fait peut peuvent ete etre either each also yet lot lots
  like whom made против такое такой такая которые который которая также ещё еще лучше вместе against contre role roles
  роль play plays joue jouent
  sorry sry soz dsl desole desolee извини извините простите
`);

const STOP = new Set<string>(
  [...fra, ...eng, ...rus, ...MORE_STOP_WORDS, ...FRAMING.fr, ...FRAMING.en, ...FRAMING.ru].map(
    fold,
  ),
);

/**
 * English stop words that French chat uses as nouns after a determiner: "la came" (drugs), where
 * "it came out" says nothing. A French field of the index reads them as French.
 */
const FRENCH_NOUNS = new Set(list(`came`));
const FRENCH_DETERMINERS = new Set(list(`la de du ta sa ma cette leur`));

/** Whether `word`, a stop word elsewhere, is a French noun here: "la came" after its determiner. */
export function isFrenchNounAfter(previous: string, word: string): boolean {
  return FRENCH_DETERMINERS.has(previous) && FRENCH_NOUNS.has(word);
}

/** isStopWord for a word of one language's text (the index's fields): "came" is French there. */
export function isStopWordIn(word: string, lang: Lang | "any"): boolean {
  return !(lang === "fr" && FRENCH_NOUNS.has(fold(word))) && isStopWord(word);
}

/**
 * Stop words, and bare numbers: a clause number is the reference layer's business ("mesure 5"),
 * and a stray "5" in a question ("NATO's article 5") must not pull measure 5 by its "5." label.
 */
export function isStopWord(word: string): boolean {
  return /^\d+$/.test(word) || STOP.has(fold(word));
}

/** A run of one repeated letter read once, as phrase covers compare words ("cette" → "cete"). */
export function squeezeLetters(word: string): string {
  return word.replace(/(\p{L})\1+/gu, "$1");
}

const SQUEEZED_STOP = new Set([...STOP].map(squeezeLetters));

/** isStopWord for words as phrase covers give them, repeated letters read once ("cete", "ele"). */
export function isSqueezedStopWord(word: string): boolean {
  return /^\d+$/.test(word) || SQUEEZED_STOP.has(word);
}

/** Stems of one word in one language (both of the accented and the folded form, for French). */
export function stemsIn(word: string, lang: Lang): string[] {
  if (CYRILLIC.test(word)) return [fold(stemRu(word.replace(/ё/g, "е")))];
  if (lang === "ru") return [fold(word)];
  if (lang === "en") return [fold(stemEn(fold(word)))];
  return unique([fold(stemFr(word)), fold(stemFr(fold(word)))]);
}

/** Stemming is most of a query's analysis, and people reuse the same few hundred words. */
const stemCache = new Map<string, string[]>();

/** Query words can be in any of the three languages (users mix them), so Latin words get French and English stems. */
export function queryStems(word: string): string[] {
  let stems = stemCache.get(word);
  if (!stems) {
    stems = CYRILLIC.test(word)
      ? stemsIn(word, "ru")
      : unique([...stemsIn(word, "fr"), ...stemsIn(word, "en")]);
    // Capped so that a flood of odd words cannot grow it without bound.
    if (stemCache.size >= 50_000) stemCache.clear();
    stemCache.set(word, stems);
  }
  return stems;
}

/**
 * Longer "words" are noise (a URL, a key-mash, an attack): no stem or typo tolerance is spent
 * on them, since fuzzy matching costs grow with the square of a word's length.
 */
export const MAX_WORD_LENGTH = 40;

/**
 * At most this many unknown words of one question get typo tolerance: each costs a fuzzy walk of
 * an index's vocabulary, and a question of a hundred made-up words must not cost a hundred walks.
 * Real questions have one or two typos.
 */
export const MAX_FUZZY_WORDS = 6;

/** Each word's stems, or null for a stop word: the same few hundred words recur in every question. */
const wordCache = new Map<string, string[] | null>();

function contentStems(word: string): string[] | null {
  let stems = wordCache.get(word);
  if (stems === undefined) {
    stems = isStopWord(word) ? null : queryStems(word);
    if (wordCache.size >= 50_000) wordCache.clear();
    wordCache.set(word, stems);
  }
  return stems;
}

/** words(text), shared by the readers of one question: the summary test and the content tokens. */
export function recentWords(text: string): readonly string[] {
  return RECENT_WORDS.get(text, words);
}

const RECENT_WORDS = new RecentMemo<readonly string[]>(4);

/** Content tokens of a query (the first `limit` of them): stop and framing words dropped. */
export function analyzeQuery(text: string, limit = Number.POSITIVE_INFINITY): Token[] {
  const seen = new Set<string>();
  const out: Token[] = [];
  let before = "";
  for (const word of recentWords(text)) {
    if (out.length >= limit) break;
    // words() gives lower case; the determiners and nouns have no accents to fold.
    const previous = before;
    before = word;
    if (word.length > MAX_WORD_LENGTH || seen.has(word)) continue;
    seen.add(word);
    const stems =
      contentStems(word) ?? (isFrenchNounAfter(previous, word) ? queryStems(word) : null);
    if (stems) out.push({ word, stems });
  }
  return out;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
