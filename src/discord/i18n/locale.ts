/** Discord locales ("en-US", "fr", "ru", …) to the languages the engine knows. */
import type { Lang } from "../../core/types.ts";

/**
 * "fr" → fr, "ru" → ru, anything else (en-US, en-GB, de, null …) → en: English is the best-understood
 * fallback, and the French original is shown to everyone anyway.
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  const base = locale?.toLowerCase().split("-")[0];
  if (base === "fr") return "fr";
  if (base === "ru") return "ru";
  return "en";
}

/** Builds the `*_localizations` map Discord expects from one text per language. */
export function localizations(text: { fr: string; en: string; ru: string }): {
  fr: string;
  "en-US": string;
  "en-GB": string;
  ru: string;
} {
  return { fr: text.fr, "en-US": text.en, "en-GB": text.en, ru: text.ru };
}
