/**
 * The declaration at a glance, as /declaration shows it on Discord and in the console: what the
 * text is, who signed it, its structure (the texts are the catalogue's `overview`); and the whole
 * text cut into pages. Both front ends render these, so they say the same thing. Pages are cut on
 * the French text only, so page N is the same for every reader whatever their language, and in
 * either front end.
 */
import { textsFor } from "../text/index.ts";
import type { Clause, Lang } from "./types.ts";

/** The overview's structure, one line each: the parts of the text, then every measure by title. */
export function structureLines(clauses: readonly Clause[], lang: Lang): string[] {
  return [
    ...textsFor(lang).overview.structureLines.map((line) => `• ${line}`),
    "",
    ...clauses
      .filter((c) => c.kind === "measure")
      .map((c) => `${c.label[lang]} — ${c.title[lang]}`),
  ];
}

/** French characters per page: with the translations alongside, a page stays far below 6000. */
export const PAGE_BUDGET = 1500;

/** Groups clauses, in reading order, into pages of about PAGE_BUDGET French characters. */
export function paginate(clauses: readonly Clause[], budget = PAGE_BUDGET): Clause[][] {
  const pages: Clause[][] = [];
  let current: Clause[] = [];
  let size = 0;
  for (const clause of clauses) {
    if (current.length > 0 && size + clause.text.fr.length > budget) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(clause);
    size += clause.text.fr.length;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}
