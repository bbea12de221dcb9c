/** Which language a question is in: the Discord locale when there is one, else the text itself. */
import { franc } from "franc-min";
import { LANGS, type Lang } from "./types.ts";

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** "en-US" → en, "ru" → ru, "fr" → fr; other locales read the English translation. */
export function langFromLocale(locale: string | null | undefined): Lang | null {
  if (!locale) return null;
  const base = locale.toLowerCase().split(/[-_]/)[0] ?? "";
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : "en";
}

// Short questions defeat trigram statistics; these words settle most of them.
const FRENCH_CUES =
  /(?<![\p{L}])(?:le|la|les|des|du|qui|que|quoi|quel|quelle|est|sont|ont|dit|sur|pour|avec|dans|une?|et|ou|pas|ce|cette|mesure|considérant|signé|ils)(?![\p{L}])/giu;
const ENGLISH_CUES =
  /(?<![\p{L}])(?:the|what|who|which|does|do|did|is|are|was|about|with|they|this|that|of|and|or|how|why|any|anything|say|says|measure|clause|signed)(?![\p{L}])/giu;

export function detectLanguage(text: string, hint?: string | null): Lang {
  const fromHint = langFromLocale(hint);
  if (fromHint) return fromHint;
  const cyrillic = text.match(CYRILLIC)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (cyrillic > latin) return "ru";
  const fr = text.match(FRENCH_CUES)?.length ?? 0;
  const en = text.match(ENGLISH_CUES)?.length ?? 0;
  if (fr !== en && Math.max(fr, en) >= 2) return fr > en ? "fr" : "en";
  const guess = franc(text, { only: ["fra", "eng"], minLength: 10 });
  if (guess === "eng") return "en";
  if (guess === "fra") return "fr";
  if (fr !== en) return fr > en ? "fr" : "en";
  // Accented Latin letters are far more common in French than in English.
  return /[àâçéèêëîïôûùüÿœ]/i.test(text) || !en ? "fr" : "en";
}
