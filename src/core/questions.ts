/**
 * Question files: the example questions the engine learns from (data/corpus/) and the evaluation
 * sets (data/eval/), in one format (described in data/eval/README.md). Parsing validates every
 * entry so that a typo in a hand-edited file fails loudly instead of silently counting as an
 * off-topic question.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CLAUSE_IDS, type ClauseId, LANGS, type Lang } from "./types.ts";

export const EVAL_DIR = fileURLToPath(new URL("../../data/eval/", import.meta.url));
export const CORPUS_DIR = fileURLToPath(new URL("../../data/corpus/", import.meta.url));
export const DEV_QUESTIONS_FILE = `${EVAL_DIR}dev-questions.json`;
export const TEAM_QUESTIONS_FILE = `${EVAL_DIR}team-questions.json`;

/** The expected answer of a question about the declaration as a whole ("what is it about?"). */
export const WHOLE_TEXT = "overview";

export interface Question {
  id: string;
  lang: Lang;
  q: string;
  /**
   * Acceptable clause ids; [] means the declaration does not answer the question; ["overview"]
   * means it is answered about the whole text.
   */
  expect: (ClauseId | typeof WHOLE_TEXT)[];
  kind: string;
}

const isString = (x: unknown): x is string => typeof x === "string";

export function parseQuestions(data: unknown, source = "questions"): Question[] {
  if (!Array.isArray(data)) throw new Error(`${source}: expected a JSON array of questions`);
  const seen = new Set<string>();
  return data.map((raw: unknown, i) => {
    const at = `${source}[${i}]`;
    if (typeof raw !== "object" || raw === null) throw new Error(`${at}: not an object`);
    const { id, lang, q, expect, kind } = raw as Record<string, unknown>;
    if (!isString(id) || !id) throw new Error(`${at}: missing "id"`);
    if (seen.has(id)) throw new Error(`${at}: duplicate id ${id}`);
    seen.add(id);
    if (!isString(lang) || !(LANGS as readonly string[]).includes(lang))
      throw new Error(`${at} (${id}): "lang" must be one of ${LANGS.join(", ")}`);
    if (!isString(q) || !q.trim()) throw new Error(`${at} (${id}): missing "q"`);
    if (!Array.isArray(expect) || !expect.every(isString))
      throw new Error(`${at} (${id}): "expect" must be an array of clause ids`);
    const unknown = expect.filter(
      (e) => e !== WHOLE_TEXT && !(CLAUSE_IDS as readonly string[]).includes(e),
    );
    if (unknown.length > 0)
      throw new Error(`${at} (${id}): unknown clause ids ${unknown.join(", ")}`);
    if (!isString(kind) || !kind) throw new Error(`${at} (${id}): missing "kind"`);
    return { id, lang: lang as Lang, q, expect: expect as Question["expect"], kind };
  });
}

export function readQuestions(file: string = DEV_QUESTIONS_FILE): Question[] {
  return parseQuestions(JSON.parse(readFileSync(file, "utf8")), file);
}

/** One batch of example questions, named by its file ("t07"). */
export interface Batch {
  name: string;
  questions: Question[];
}

/** A batch file is named by its batch: "t07.json", "h02.json" (not "manifest.json"). */
export function batchFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^[a-z]+\d+\.json$/.test(f))
    .sort();
}

/** The batches of example questions in a folder (data/corpus/ by default), in name order. */
export function readBatches(dir: string = CORPUS_DIR): Batch[] {
  return batchFiles(dir).map((f) => ({
    name: f.replace(/\.json$/, ""),
    questions: readQuestions(`${dir}${f}`),
  }));
}

/** The held-out batches (data/eval/h01.json …): evaluation only, never used to build or tune. */
export function readHeldOutBatches(): Batch[] {
  return readBatches(EVAL_DIR).filter((b) => /^h\d+$/.test(b.name));
}

/**
 * The held-out batches of the kinds added later (chit-chat, terms, other documents, positions,
 * Latin-letter Russian, whole-text questions…: data/eval/new-kinds/), judged on their own targets.
 */
export const NEW_KINDS_DIR = `${EVAL_DIR}new-kinds/`;
export function readNewKindBatches(): Batch[] {
  // Between two rounds no pair may be held out: git keeps no empty folder.
  return existsSync(NEW_KINDS_DIR) ? readBatches(NEW_KINDS_DIR) : [];
}

/**
 * Held-out stress batches of questions about the whole text and their look-alikes (about one part,
 * or about something else): data/eval/whole-text/.
 */
export const WHOLE_TEXT_DIR = `${EVAL_DIR}whole-text/`;
export function readWholeTextBatches(): Batch[] {
  return existsSync(WHOLE_TEXT_DIR) ? readBatches(WHOLE_TEXT_DIR) : [];
}

/** Quote batches (data/eval/quotes/): messages that quote the text, for `npm run eval -- --quotes`. */
export const QUOTES_DIR = `${EVAL_DIR}quotes/`;

/** The texts of the development set and the held-out batches: varied questions for timing. */
export function benchmarkQuestions(): string[] {
  return [
    ...readQuestions(DEV_QUESTIONS_FILE),
    ...readHeldOutBatches().flatMap((b) => b.questions),
  ].map((q) => q.q);
}
