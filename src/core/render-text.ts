/** Plain-text rendering of answers, for the console and the `ask` command. */
import { textsFor } from "../text/index.ts";
import {
  noAnswerText,
  noteSourceText,
  noteWhere,
  outOfRangeText,
  structureText,
} from "./answer-text.ts";
import { paginate } from "./overview.ts";
import type { Answer, Clause, Lang } from "./types.ts";

export function heading(clause: Clause, lang: Lang): string {
  return `${clause.label[lang]} — ${clause.title[lang]} [${clause.id}]`;
}

/** The clause: French original always (it prevails), the working translation when the reader is not French. */
export function renderClause(clause: Clause, lang: Lang): string {
  const lines = [heading(clause, lang), `« ${clause.text.fr} »`];
  if (lang !== "fr") lines.push(`(${textsFor(lang).document.unofficial}) ${clause.text[lang]}`);
  return lines.join("\n");
}

/**
 * The declaration at a glance, as Discord's /declaration shows it (core/overview.ts): what the
 * text is, who signed it, its structure, then every clause with the id /quote takes, and how to
 * read on. The console's /declaration and an "overview" answer both print it.
 */
export function renderOverview(clauses: readonly Clause[], lang: Lang): string {
  const { overview: o, document } = textsFor(lang);
  const lines = [document.name, o.intro];
  const signatories = clauses.find((c) => c.kind === "signatories");
  if (signatories) {
    lines.push("", o.signatories, `  ${signatories.text.fr}`);
    if (lang !== "fr") lines.push(`  (${document.unofficial}) ${signatories.text[lang]}`);
  }
  lines.push("", o.structure, ...o.structureLines.map((line) => `  • ${line}`), "");
  lines.push(...clauses.map((c) => `  ${c.label[lang]} — ${c.title[lang]} [${c.id}]`));
  lines.push("", o.readOn({ pages: paginate(clauses).length }));
  return lines.join("\n");
}

/** Page `page` (1-based, within 1…pages) of the whole text, cut where Discord cuts it, with the way on. */
export function renderPage(clauses: readonly Clause[], page: number, lang: Lang): string {
  const pages = paginate(clauses);
  const shown = pages[page - 1] ?? [];
  const { overview, document } = textsFor(lang);
  const heading = `${document.name} — ${overview.page({ n: page, total: pages.length })}`;
  // Commands as typed in the console, where the pages are read.
  const on = page < pages.length ? overview.nextPage({ next: page + 1 }) : overview.lastPage;
  return [heading, ...shown.map((c) => renderClause(c, lang)), on].join("\n\n");
}

export function renderAnswer(answer: Answer): string {
  const { lang } = answer;
  if (answer.kind === "none") {
    return answer.rule === "other-document"
      ? textsFor(lang).answers.otherDocument
      : noAnswerText(lang);
  }
  if (answer.kind === "out-of-range") return outOfRangeText(answer, lang);
  if (answer.kind === "chitchat") return answer.reply;
  if (answer.kind === "note") {
    const { note, clause } = answer;
    return [
      `${textsFor(lang).answers.note.label}: ${note.name[lang]}`,
      note.text[lang],
      noteWhere(note, clause, lang),
      noteSourceText(note, lang),
    ].join("\n");
  }
  if (answer.kind === "overview") {
    const overview = renderOverview(answer.clauses, lang);
    const shown =
      answer.facet !== "summary"
        ? `${structureText(answer.clauses, lang, answer.states)}\n\n${overview}`
        : overview;
    // Offered as the closest thing: the reader is told the bot is not sure.
    return answer.confidence === "closest"
      ? `${textsFor(lang).answers.closestOverview}\n\n${shown}`
      : shown;
  }
  const { answers } = textsFor(lang);
  const lines = [renderClause(answer.clause, lang)];
  if (answer.confidence === "closest") {
    lines.unshift(answers.closest({ label: `${answer.clause.label[lang]} [${answer.clause.id}]` }));
  }
  if (answer.matched.length > 0) lines.push(answers.matched({ words: answer.matched.join(", ") }));
  if (answer.seeAlso.length > 0) {
    const label = answer.seeAlso.map((c) => `${c.label[lang]} [${c.id}]`).join(" · ");
    lines.push(answers.seeAlso({ label }));
  }
  return lines.join("\n");
}
