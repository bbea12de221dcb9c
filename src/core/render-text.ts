/** Plain-text rendering of answers, for the console and the `ask` command. */
import type { Engine } from "./engine.ts";
import { closestText, noAnswerText, outOfRangeText, UNOFFICIAL } from "./messages.ts";
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

export function renderAnswer(answer: Answer): string {
  const { lang } = answer;
  if (answer.kind === "none") return noAnswerText(lang);
  if (answer.kind === "out-of-range") return outOfRangeText(answer, lang);
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
