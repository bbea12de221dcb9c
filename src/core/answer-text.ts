/**
 * The texts of the engine's answers that are more than one text of the catalogue: composed here
 * once, for every language, and shown by both front ends (Discord's replies, the console and
 * `npm run ask`).
 */
import { textsFor } from "../text/index.ts";
import { CLAUSE_COUNTS } from "./declaration.ts";
import type { Clause, ClauseKind, Lang, OutOfRange, TermNote } from "./types.ts";
import { sayUserError, UserError } from "./user-error.ts";

/** How a front end shows a command: as typed (console, JSON), or as code (Discord). */
export type CommandStyle = (command: string) => string;
const asTyped: CommandStyle = (command) => command;

/** Nothing answers: the answer, then the commands and questions that could. */
export function noAnswerText(lang: Lang, style: CommandStyle = asTyped): string {
  const { answers } = textsFor(lang);
  const hints = answers.hints({
    overview: style("/declaration"),
    first: style("/measure 1"),
    last: style(`/measure ${CLAUSE_COUNTS.measure}`),
  });
  return `${answers.noAnswer}\n${hints}`;
}

/** A clause number beyond the text, as the user error /measure and /quote answer with. */
export function outOfRangeError(a: Omit<OutOfRange, "kind">, reason?: string): UserError {
  const params = { requested: a.requested, available: a.available };
  return a.clauseKind === "measure"
    ? new UserError({ id: "measureOutOfRange", params, ...(reason && { reason }) })
    : new UserError({ id: "recitalOutOfRange", params, ...(reason && { reason }) });
}

export function outOfRangeText(a: Omit<OutOfRange, "kind">, lang: Lang): string {
  return sayUserError(outOfRangeError(a), lang);
}

/** Each part of the text as a structure answer names it, from its kind and how many in a row. */
function part(kind: ClauseKind, n: number, lang: Lang, first: Clause): string {
  const { structure } = textsFor(lang).answers;
  switch (kind) {
    case "opening":
      return `${first.label[lang].toLowerCase()} (${first.title[lang]})`;
    case "recital":
      return structure.recitals({ n });
    case "appeal":
      return first.title[lang].replace(/^./, (x) => x.toLowerCase());
    case "measure":
      return structure.measures({ n });
    case "closing":
      return structure.closing;
    case "signatories":
      return structure.signatories;
  }
}

/** The declaration's parts in reading order, each kind once with its count. */
export function structureText(clauses: readonly Clause[], lang: Lang, states: number): string {
  const groups: { kind: ClauseKind; n: number; first: Clause }[] = [];
  for (const c of clauses) {
    const last = groups.at(-1);
    if (last?.kind === c.kind) last.n++;
    else groups.push({ kind: c.kind, n: 1, first: c });
  }
  const { structure } = textsFor(lang).answers;
  const list = groups.map((g) => part(g.kind, g.n, lang, g.first)).join(structure.separator);
  const signers = structure.signers({ states });
  return `${structure.lead} ${list}. ${signers.charAt(0).toUpperCase()}${signers.slice(1)}.`;
}

/** Where the declaration names the term, under a note. */
export function noteWhere(note: TermNote, clause: Clause, lang: Lang): string {
  return textsFor(lang).answers.note.where({
    name: note.name[lang],
    label: clause.label[lang],
    title: clause.title[lang],
  });
}

export function noteSourceText(note: TermNote, lang: Lang): string {
  return textsFor(lang).answers.note.source(note.source);
}
