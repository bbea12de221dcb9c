/**
 * /quote output: plain message text meant to be read inside a discussion — the French clause as a
 * block quote and a citation line, plus the working translation for English and Russian readers.
 */
import { DECLARATION_NAME, UNOFFICIAL } from "../../core/messages.ts";
import type { Clause, Lang } from "../../core/types.ts";
import { strings } from "../i18n/strings.ts";
import { escapeMarkdown } from "./highlight.ts";
import { LIMITS, truncate } from "./limits.ts";

function blockQuote(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

export function quoteText(clause: Clause, lang: Lang): string {
  const citation = strings(lang).citation(
    `${clause.label[lang]} (${clause.title[lang]})`,
    DECLARATION_NAME[lang],
  );
  const translation =
    lang === "fr"
      ? ""
      : `\n\n*${UNOFFICIAL[lang]}*\n${blockQuote(escapeMarkdown(clause.text[lang]))}`;
  // Budget: the citation is never cut; the translation goes first if space runs out, then the original.
  const original = blockQuote(escapeMarkdown(clause.text.fr));
  const tail = `\n${citation}`;
  const full = `${original}${tail}${translation}`;
  if (full.length <= LIMITS.content) return full;
  const withoutTranslation = `${original}${tail}`;
  if (withoutTranslation.length <= LIMITS.content) return withoutTranslation;
  return `${truncate(original, LIMITS.content - tail.length)}${tail}`;
}
