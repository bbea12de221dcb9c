/**
 * The texts in a reader's language: `textsFor(lang)` is that language's catalogue with the counts
 * of the parsed text filled in, and each text that takes parameters a function of them
 * (`textsFor("fr").settings.qaAdded({ channel })`).
 */
import type { Lang } from "../core/types.ts";
import type { Catalogue, HelpEntry, Said } from "./catalogue.ts";
import { en } from "./en.ts";
import { COUNTS, fillPlaceholders, hasPlaceholder, type Nouns, type Value } from "./format.ts";
import { fr } from "./fr.ts";
import { ru } from "./ru.ts";

export type { Catalogue, HelpEntry, Text, UserErrorTexts } from "./catalogue.ts";

/** A language's texts, as the front ends say them. */
export type Texts = Said<Catalogue>;

/** Every language's catalogue, as written. */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { fr, en, ru };

/** `value` with the counts filled in and each text still holding a placeholder made a function. */
function said(value: unknown, lang: Lang, nouns: Nouns): unknown {
  if (typeof value === "string") {
    const text = fillPlaceholders(value, COUNTS, lang, nouns);
    if (!hasPlaceholder(text)) return text;
    return (params: Readonly<Record<string, Value>>) => fillPlaceholders(text, params, lang, nouns);
  }
  if (Array.isArray(value)) return value.map((v) => said(v, lang, nouns));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, said(v, lang, nouns)]));
  }
  return value;
}

const TEXTS = Object.fromEntries(
  Object.entries(CATALOGUES).map(([lang, c]) => [lang, said(c, lang as Lang, c.nouns)]),
) as Record<Lang, Texts>;

export function textsFor(lang: Lang): Texts {
  return TEXTS[lang];
}

/** The help entries a front end shows: Discord's /help embed and the console's /help. */
export function helpFor(front: "discord" | "console", lang: Lang): Said<HelpEntry>[] {
  return TEXTS[lang].help.entries.filter((e) => e.where === "both" || e.where === front);
}
