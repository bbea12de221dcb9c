/**
 * The declaration as data: the French text is parsed into its clauses (never retyped), then
 * joined with the team's labels, titles, translations and search aids from data/clauses.json.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CLAUSE_IDS,
  type Clause,
  type ClauseId,
  type ClauseKind,
  type Localized,
} from "./types.ts";

const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));
export const DECLARATION_FILE = `${DATA_DIR}declaration.fr.txt`;
export const CLAUSE_DATA_FILE = `${DATA_DIR}clauses.json`;

/** Paragraphs are separated by one blank line; the round-trip test relies on this separator. */
export const PARAGRAPH_SEPARATOR = "\n\n";

export interface ParsedClause {
  id: ClauseId;
  kind: ClauseKind;
  number: number | null;
  position: number;
  text: string;
}

/**
 * Split the French text into clauses by structure, not by position alone, so that a changed
 * source file fails loudly instead of shifting every id by one.
 */
export function parseDeclaration(source: string): ParsedClause[] {
  const paragraphs = source.split(PARAGRAPH_SEPARATOR);
  const clauses: ParsedClause[] = [];
  let recitals = 0;
  let seenAppeal = false;
  let seenMeasures = false;
  paragraphs.forEach((text, position) => {
    const add = (id: ClauseId, kind: ClauseKind, number: number | null = null) =>
      clauses.push({ id, kind, number, position, text });
    const measure = /^(\d+)\.\s/.exec(text);
    if (position === 0) add("opening", "opening");
    else if (/^Signé\s*:/.test(text)) add("signatories", "signatories");
    else if (measure) {
      const n = Number(measure[1]);
      add(`M${n}` as ClauseId, "measure", n);
      seenMeasures = true;
    } else if (/faisons appel/.test(text)) {
      add("appeal", "appeal");
      seenAppeal = true;
    } else if (!seenAppeal) {
      recitals += 1;
      add(`P${recitals}` as ClauseId, "recital", recitals);
    } else if (seenMeasures) add("closing", "closing");
    else
      throw new Error(`declaration: unexpected paragraph ${position + 1}: ${text.slice(0, 40)}…`);
  });
  const ids = clauses.map((c) => c.id).join(",");
  if (ids !== CLAUSE_IDS.join(",")) {
    throw new Error(`declaration: expected clauses ${CLAUSE_IDS.join(",")}, parsed ${ids}`);
  }
  return clauses;
}

/** One entry of data/clauses.json: what the team wrote about a clause. */
export interface ClauseData {
  id: string;
  label: Localized;
  title: Localized;
  translation: { en: string; ru: string };
  aids: Localized<string[]>;
  /** Words that, alone in a question, name this clause ("signataires ?", "the conclusion"). */
  names?: string[];
}

export function mergeClauses(parsed: ParsedClause[], data: ClauseData[]): Clause[] {
  const byId = new Map(data.map((d) => [d.id, d]));
  return parsed.map((p) => {
    const d = byId.get(p.id);
    if (!d) throw new Error(`declaration: ${CLAUSE_DATA_FILE} has no entry for clause ${p.id}`);
    return {
      ...p,
      label: d.label,
      title: d.title,
      text: { fr: p.text, en: d.translation.en, ru: d.translation.ru },
      aids: d.aids,
      ...(d.names && { names: d.names }),
    };
  });
}

export function readClauseData(): ClauseData[] {
  return (JSON.parse(readFileSync(CLAUSE_DATA_FILE, "utf8")) as { clauses: ClauseData[] }).clauses;
}

let ownNames: Map<string, string[]> | undefined;

/** A clause's own labels and names in clauses.json ("Conclusion", "Closing", "Заключение"), read once. */
export function clauseOwnNames(id: ClauseId): string[] {
  ownNames ??= new Map(
    readClauseData().map((c) => [c.id, [...Object.values(c.label), ...(c.names ?? [])]]),
  );
  return ownNames.get(id) ?? [];
}

/** The clause ids in reading order, and how many numbered measures and recitals, read from the text itself. */
const parsed = parseDeclaration(readFileSync(DECLARATION_FILE, "utf8"));
export const CLAUSE_ORDER: readonly ClauseId[] = parsed.map((c) => c.id);
export const CLAUSE_COUNTS: Readonly<Record<"measure" | "recital", number>> = {
  measure: parsed.filter((c) => c.kind === "measure").length,
  recital: parsed.filter((c) => c.kind === "recital").length,
};

/** The signatures: the text's last clause. */
export const SIGNATURES: ClauseId | undefined = parsed[parsed.length - 1]?.id;

/** The clause that introduces the numbered measures: the one right before the first of them. */
export const LIST_INTRODUCTION: ClauseId | undefined =
  parsed[parsed.findIndex((c) => c.kind === "measure") - 1]?.id;

/** The clause of the same kind as `like` (a recital, a measure) numbered `n`, if the text has one. */
export function sameKindNumbered(like: ClauseId, n: number): ClauseId | undefined {
  const kind = parsed.find((c) => c.id === like)?.kind;
  if (kind !== "recital" && kind !== "measure") return undefined;
  return parsed.find((c) => c.kind === kind && c.number === n)?.id;
}

/** The shortest and the longest clause of a kind, by the characters of the French text. */
export function clauseByLength(
  kind: "measure" | "recital",
  which: "shortest" | "longest",
): ClauseId | undefined {
  const ofKind = parsed.filter((c) => c.kind === kind);
  const sorted = [...ofKind].sort((a, b) => a.text.length - b.text.length);
  return (which === "shortest" ? sorted[0] : sorted.at(-1))?.id;
}

export function loadDeclaration(): Clause[] {
  return mergeClauses(parseDeclaration(readFileSync(DECLARATION_FILE, "utf8")), readClauseData());
}
