/** Plain-text rendering of answers, for the console and the `ask` command. */
import type { Engine } from "./engine.ts";
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
import type { Answer, Clause, Lang } from "./types.ts";

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

/** The declaration in brief: its name, then each clause's label and title. */
export function renderOverview(clauses: readonly Clause[], lang: Lang): string {
  return [
    DECLARATION_NAME[lang],
    ...clauses.map((c) => `  ${c.label[lang]} — ${c.title[lang]} [${c.id}]`),
    OVERVIEW_HINT[lang],
  ].join("\n");
}

const OVERVIEW_HINT: Record<Lang, string> = {
  fr: "Le texte entier : /declaration ; une clause : /quote M3.",
  en: "The whole text: /declaration; one clause: /quote M3.",
  ru: "Весь текст: /declaration; один пункт: /quote M3.",
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
    return answer.facet === "structure"
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

/** The whole declaration with its labels, for reading it through in the console. */
export function renderDeclaration(engine: Engine, lang: Lang): string {
  return engine.clauses.map((c) => renderClause(c, lang)).join("\n\n");
}
