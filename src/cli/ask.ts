/**
 * One-shot questions from the shell:
 *   npm run ask -- "what do they propose about drug trafficking?"
 *   npm run -s ask -- --json --lang en "trafic de drogue"
 *   npm run -s ask -- --jsonl < examples/questions.txt   one question per line in, per line out the
 *                                                        object --json prints
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { outOfRangeText } from "../core/answer-text.ts";
import { type Engine, getEngine } from "../core/engine.ts";
import type { Confidence } from "../core/ranking.ts";
import { renderAnswer } from "../core/render-text.ts";
import type { Answer, Clause, Lang } from "../core/types.ts";
import { COMMON_OPTIONS, readArgs, usageError } from "./args.ts";

const USAGE = `usage: npm run ask -- [--json] [--lang fr|en|ru] "your question"
       npm run -s ask -- --jsonl [--lang fr|en|ru] < questions.txt
  --json    the answer as JSON: question, lang, kind, via (for a clause), confidence ("answer" |
            "closest" | "none"), message (when nothing answers) and the ranked results
  --jsonl   read one question per line on standard input, print for each the same object as
            --json, on one line
  --lang    the reader's language (translations, labels); default: the question's own
  -h, --help  this help`;

interface JsonResult {
  id: string;
  label: string;
  title: string;
  score: number;
  text: string;
  translation?: { lang: Lang; text: string; unofficial: true };
  matched: string[];
}

function confidenceOf(answer: Answer): Confidence {
  if (answer.kind === "clause" || answer.kind === "overview") return answer.confidence;
  // A note is not the declaration's content: it is shown like the closest passage, privately.
  if (answer.kind === "note") return "closest";
  return "none";
}

/**
 * Ranked results for --json: the answer first, then the other relevant clauses. `results` is
 * empty exactly when the confidence is "none" (nothing close, or a clause number out of range).
 */
export function jsonAnswer(engine: Engine, question: string, answer: Answer) {
  const { lang } = answer;
  const confidence = confidenceOf(answer);
  const result = (clause: Clause, score: number, matched: string[]): JsonResult => ({
    id: clause.id,
    label: clause.label[lang],
    title: clause.title[lang],
    score: Number(score.toFixed(4)),
    text: clause.text.fr,
    ...(lang !== "fr" && {
      translation: { lang, text: clause.text[lang], unofficial: true as const },
    }),
    matched,
  });
  if (answer.kind === "none") {
    return {
      question,
      lang,
      kind: "none",
      confidence,
      ...(answer.rule && { rule: answer.rule }),
      message: renderAnswer(answer),
      results: [],
    };
  }
  if (answer.kind === "out-of-range") {
    return {
      question,
      lang,
      kind: "out-of-range",
      confidence,
      message: outOfRangeText(answer, lang),
      results: [],
    };
  }
  if (answer.kind === "chitchat") {
    const { intent, reply } = answer;
    return { question, lang, kind: "chitchat", confidence, intent, message: reply, results: [] };
  }
  if (answer.kind === "note") {
    const { note, clause } = answer;
    const message = renderAnswer(answer);
    const results = [result(clause, 0, [])];
    return { question, lang, kind: "note", confidence, note: note.id, message, results };
  }
  if (answer.kind === "overview") {
    // The whole declaration in brief: every clause, in reading order.
    const results = answer.clauses.map((c) => result(c, 1, []));
    const message = renderAnswer(answer);
    return { question, lang, kind: "overview", facet: answer.facet, confidence, message, results };
  }
  const results = [result(answer.clause, answer.score, answer.matched)];
  if (answer.via === "reference") {
    results.push(...answer.seeAlso.map((c) => result(c, 0, [])));
  } else {
    for (const hit of engine.search(question, { lang, limit: 5 }).slice(1)) {
      results.push(result(hit.clause, hit.score, hit.matched));
    }
  }
  return { question, lang, kind: "clause", via: answer.via, confidence, results };
}

/**
 * One line of --jsonl: exactly what --json prints for the same question, on one line. A blank
 * line is answered as an empty question ("none"), so that output line n always answers input line n.
 */
export function jsonlRecord(engine: Engine, question: string, lang?: Lang) {
  return jsonAnswer(engine, question, engine.answer(question, lang ? { lang } : {}));
}

async function answerLines(engine: Engine, lang: Lang | undefined): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    process.stdout.write(`${JSON.stringify(jsonlRecord(engine, line.trim(), lang))}\n`);
  }
}

const fail = (message: string) => usageError(message, USAGE);

export async function main(argv: string[]): Promise<number> {
  const parsed = readArgs(parse, argv, USAGE);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const lang = values.lang;
  const engine = getEngine();
  if (values.jsonl) {
    if (positionals.length > 0) return fail("--jsonl reads the questions from standard input");
    await answerLines(engine, lang as Lang | undefined);
    return 0;
  }
  const question = positionals.join(" ").trim();
  if (!question) return fail("no question given");
  const answer = engine.answer(question, lang ? { lang: lang as Lang } : {});
  if (values.json)
    process.stdout.write(`${JSON.stringify(jsonAnswer(engine, question, answer), null, 2)}\n`);
  else process.stdout.write(`${renderAnswer(answer)}\n`);
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, jsonl: { type: "boolean", default: false } },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
