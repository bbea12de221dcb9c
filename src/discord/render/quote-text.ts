/**
 * /quote output: plain message text meant to be read inside a discussion — the French clause as a
 * block quote and a citation line, plus the working translation for English and Russian readers.
 */
import type { Clause, Lang } from "../../core/types.ts";
import { textsFor } from "../../text/index.ts";
import { escapeMarkdown } from "./highlight.ts";
import { LIMITS, truncate } from "./limits.ts";

function blockQuote(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

export function quoteText(clause: Clause, lang: Lang): string {
  const { card, document } = textsFor(lang);
  const citation = card.citation({
    label: `${clause.label[lang]} (${clause.title[lang]})`,
    declaration: document.name,
  });
  const translation =
    lang === "fr"
      ? ""
      : `\n\n*${document.unofficial}*\n${blockQuote(escapeMarkdown(clause.text[lang]))}`;
  // Budget: the citation is never cut; the translation goes first if space runs out, then the original.
  const original = blockQuote(escapeMarkdown(clause.text.fr));
  const tail = `\n${citation}`;
  const full = `${original}${tail}${translation}`;
  if (full.length <= LIMITS.content) return full;
  const withoutTranslation = `${original}${tail}`;
  if (withoutTranslation.length <= LIMITS.content) return withoutTranslation;
  return `${truncate(original, LIMITS.content - tail.length)}${tail}`;
}
