/** Plain-text rendering of answers, for the console and the `ask` command. */
import {
  closestText,
  DECLARATION_NAME,
  NOTE_LABEL,
  noAnswerText,
  noteSourceText,
  noteWhere,
  otherDocumentText,
  outOfRangeText,
  structureText,
  UNOFFICIAL,
} from "./messages.ts";
import { OVERVIEW, paginate } from "./overview.ts";
import type { Answer, Clause, Lang, Localized } from "./types.ts";

// French typography puts a space before the colon.
const SEE_ALSO_COLON: Record<Lang, string> = {
  fr: "Voir aussi :",
  en: "See also:",
  ru: "См. также:",
};
const MATCHED: Record<Lang, string> = { fr: "Termes trouvés :", en: "Matched:", ru: "Совпадения:" };

export function heading(clause: Clause, lang: Lang): string {
  return `${clause.label[lang]} — ${clause.title[lang]} [${clause.id}]`;
}

/** The clause: French original always (it prevails), the working translation when the reader is not French. */
export function renderClause(clause: Clause, lang: Lang): string {
  const lines = [heading(clause, lang), `« ${clause.text.fr} »`];
  if (lang !== "fr") lines.push(`(${UNOFFICIAL[lang]}) ${clause.text[lang]}`);
  return lines.join("\n");
}

/**
 * The declaration at a glance, as Discord's /declaration shows it (core/overview.ts): what the
 * text is, who signed it, its structure, then every clause with the id /quote takes, and how to
 * read on. The console's /declaration and an "overview" answer both print it.
 */
export function renderOverview(clauses: readonly Clause[], lang: Lang): string {
  const o = OVERVIEW[lang];
  const lines = [DECLARATION_NAME[lang], o.intro];
  const signatories = clauses.find((c) => c.kind === "signatories");
  if (signatories) {
    lines.push("", o.signatories, `  ${signatories.text.fr}`);
    if (lang !== "fr") lines.push(`  (${UNOFFICIAL[lang]}) ${signatories.text[lang]}`);
  }
  lines.push("", o.structure, ...o.structureLines.map((line) => `  • ${line}`), "");
  lines.push(...clauses.map((c) => `  ${c.label[lang]} — ${c.title[lang]} [${c.id}]`));
  lines.push("", READ_ON[lang](paginate(clauses).length));
  return lines.join("\n");
}

// Commands as typed in the console, where the overview is read.
const READ_ON: Localized<(pages: number) => string> = {
  fr: (pages) =>
    `Une clause : /quote M3 ou /measure 3. Le texte entier, page par page : /declaration 1 à /declaration ${pages}.`,
  en: (pages) =>
    `One clause: /quote M3 or /measure 3. The whole text, page by page: /declaration 1 to /declaration ${pages}.`,
  ru: (pages) =>
    `Один пункт: /quote M3 или /measure 3. Весь текст по страницам: /declaration 1 … /declaration ${pages}.`,
};

/** Page `page` (1-based, within 1…pages) of the whole text, cut where Discord cuts it, with the way on. */
export function renderPage(clauses: readonly Clause[], page: number, lang: Lang): string {
  const pages = paginate(clauses);
  const shown = pages[page - 1] ?? [];
  const heading = `${DECLARATION_NAME[lang]} — ${OVERVIEW[lang].page(page, pages.length)}`;
  const next = page < pages.length ? page + 1 : null;
  return [heading, ...shown.map((c) => renderClause(c, lang)), PAGE_ON[lang](next)].join("\n\n");
}

const PAGE_ON: Localized<(next: number | null) => string> = {
  fr: (next) =>
    `${next ? `Page suivante : /declaration ${next}` : "Fin du texte"} ; vue d’ensemble : /declaration.`,
  en: (next) =>
    `${next ? `Next page: /declaration ${next}` : "End of the text"}; overview: /declaration.`,
  ru: (next) =>
    `${next ? `Следующая страница: /declaration ${next}` : "Конец текста"}; обзор: /declaration.`,
};

export function renderAnswer(answer: Answer): string {
  const { lang } = answer;
  if (answer.kind === "none") {
    return answer.rule === "other-document" ? otherDocumentText(lang) : noAnswerText(lang);
  }
  if (answer.kind === "out-of-range") return outOfRangeText(answer, lang);
  if (answer.kind === "chitchat") return answer.reply;
  if (answer.kind === "note") {
    const { note, clause } = answer;
    return [
      `${NOTE_LABEL[lang]}: ${note.name[lang]}`,
      note.text[lang],
      noteWhere(note, clause, lang),
      noteSourceText(note, lang),
    ].join("\n");
  }
  if (answer.kind === "overview") {
    const overview = renderOverview(answer.clauses, lang);
    return answer.facet !== "summary"
      ? `${structureText(answer.clauses, lang, answer.states)}\n\n${overview}`
      : overview;
  }
  const lines = [renderClause(answer.clause, lang)];
  if (answer.confidence === "closest") {
    lines.unshift(closestText(`${answer.clause.label[lang]} [${answer.clause.id}]`, lang));
  }
  if (answer.matched.length > 0) lines.push(`${MATCHED[lang]} ${answer.matched.join(", ")}`);
  if (answer.seeAlso.length > 0) {
    lines.push(
      `${SEE_ALSO_COLON[lang]} ${answer.seeAlso.map((c) => `${c.label[lang]} [${c.id}]`).join(" · ")}`,
    );
  }
  return lines.join("\n");
}
