/** Discord locales ("en-US", "fr", "ru", …) to the languages the engine knows. */
import { langFromLocale } from "../../core/language.ts";
import type { Lang } from "../../core/types.ts";

/**
 * The language a Discord reader gets: their locale's, as the core reads it ("fr", "ru", anything
 * else → en); English when Discord sends none, the best-understood fallback (the French original is
 * shown to everyone anyway).
 */
export function readerLang(locale: string | null | undefined): Lang {
  return langFromLocale(locale) ?? "en";
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
