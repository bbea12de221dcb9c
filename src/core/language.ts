/** Which language a question is in: the Discord locale when there is one, else the text itself. */
import { franc } from "franc-min";
import { mostlyCyrillic } from "./alphabets.ts";
import { straightenApostrophes } from "./analysis.ts";
import { chitchat } from "./chitchat.ts";
import { RecentMemo } from "./recent-memo.ts";
import { looksTransliterated, toCyrillic } from "./translit.ts";
import { LANGS, type Lang } from "./types.ts";

/** "en-US" → en, "ru" → ru, "fr" → fr; other locales read the English translation. */
export function langFromLocale(locale: string | null | undefined): Lang | null {
  if (!locale) return null;
  const base = locale.toLowerCase().split(/[-_]/)[0] ?? "";
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : "en";
}

// Short questions defeat trigram statistics; these words settle most of them. They are matched as
// typed (accents count: "à" is French, "a" is not).
const FRENCH_WORDS = `le la les des du de au aux à qui que quoi quel quelle est sont ont dit sur pour
  avec dans un une et ou pas ce cette entre mesure considérant signé ils elles otan otsc je tu moi
  toi mon ma mes ton ta tes nous vous leur oui non merci bonjour salut où comment pourquoi quand
  combien parle parlent veut veulent faut deux trois quatre cinq sept huit neuf dix premier première
  deuxième troisième dernier dernière préambule paragraphe`;
const ENGLISH_WORDS = `the what who whom which does do did is are was about with between they this
  that of and or how why any anything say says measure clause signed nato csto i me my you your
  it its we our their them yes no thanks hello hi tell where when can could would should want
  wants talk talks there one two three four five seven eight nine ten first second third last
  recital preamble paragraph`;

const FRENCH_CUES = new Set(FRENCH_WORDS.trim().split(/\s+/));
const ENGLISH_CUES = new Set(ENGLISH_WORDS.trim().split(/\s+/));
const NOT_LETTERS = /\P{L}+/u;
/** French elisions: "l'OTAN", "d'intérêt", "qu'ils", "c'est". */
const FRENCH_ELISION = /(?<![\p{L}])(?:l|d|qu|c)'(?=\p{L})/giu;

/**
 * The reader's Discord locale when there is one; else the alphabet; else the words of a greeting,
 * a thank-you or a question ("hi", "merci beaucoup", "tell me a joke"), which short messages are
 * made of and trigram statistics misread; only then a statistical guess.
 */
export function detectLanguage(text: string, hint?: string | null): Lang {
  const fromHint = langFromLocale(hint);
  if (fromHint) return fromHint;
  if (mostlyCyrillic(text)) return "ru";
  const chat = chitchat(text)?.lang;
  if (chat) return chat;
  const { fr, en } = cueCounts(text);
  if (looksTransliterated(text, Math.max(fr, en))) return "ru";
  if (fr !== en) return fr > en ? "fr" : "en";
  // Accented Latin letters are far more common in French than in English.
  if (/[àâçéèêëîïôûùüÿœ]/i.test(text)) return "fr";
  const guess = franc(text, { only: ["fra", "eng"], minLength: 3 });
  // The French text is the authoritative one: when in doubt, answer in French.
  return guess === "eng" ? "en" : "fr";
}

/** How many French and English question words the text holds. */
function cueCounts(text: string): { fr: number; en: number } {
  return RECENT_CUES.get(text, countCues);
}

// The language guess and the transliteration reader both count the same question's cues.
const RECENT_CUES = new RecentMemo<{ fr: number; en: number }>(4);

function countCues(text: string): { fr: number; en: number } {
  const apostrophes = straightenApostrophes(text);
  // Whole runs of letters, looked up: one alternation of every cue tried at every character cost
  // more than the rest of the language guess.
  let fr = apostrophes.match(FRENCH_ELISION)?.length ?? 0;
  let en = 0;
  for (const run of apostrophes.split(NOT_LETTERS)) {
    // Split before lower-casing ("İ" lower-cases to "i" and a mark), and "ſ" read as the "s" a
    // case-insensitive match took it for.
    const word = run.toLowerCase().replace(/ſ/g, "s");
    if (FRENCH_CUES.has(word)) fr++;
    if (ENGLISH_CUES.has(word)) en++;
  }
  return { fr, en };
}

/** Russian typed in Latin letters, spelled in Cyrillic ("kto podpisal" → "кто подписал"); else null. */
export function fromTransliteration(
  text: string,
  keepLatin?: (word: string) => boolean,
): string | null {
  if (mostlyCyrillic(text)) return null;
  const { fr, en } = cueCounts(text);
  return looksTransliterated(text, Math.max(fr, en)) ? toCyrillic(text, keepLatin) : null;
}
