/**
 * One-shot question from the shell:
 *   npm run ask -- "what do they propose about drug trafficking?"
 *   npm run ask -- --json --lang en "trafic de drogue"
 */
import { parseArgs } from "node:util";
import { type Engine, getEngine } from "../core/engine.ts";
import { noAnswerText, outOfRangeText } from "../core/messages.ts";
import { renderAnswer } from "../core/render-text.ts";
import { type Answer, type Clause, LANGS, type Lang } from "../core/types.ts";

const USAGE = 'usage: npm run ask -- [--json] [--lang fr|en|ru] "your question"';

interface JsonResult {
  id: string;
  label: string;
  title: string;
  score: number;
  text: string;
  translation?: { lang: Lang; text: string; unofficial: true };
  matched: string[];
}

/** Ranked results for --json: the answer first, then the other relevant clauses. */
export function jsonAnswer(engine: Engine, question: string, answer: Answer) {
  const { lang } = answer;
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
  if (answer.kind === "none")
    return { question, lang, kind: "none", message: noAnswerText(lang), results: [] };
  if (answer.kind === "out-of-range") {
    return {
      question,
      lang,
      kind: "out-of-range",
      message: outOfRangeText(answer, lang),
      results: [],
    };
  }
  const results = [result(answer.clause, answer.score, answer.matched)];
  if (answer.via === "reference") {
    results.push(...answer.seeAlso.map((c) => result(c, 0, [])));
  } else {
    for (const hit of engine.search(question, { lang, limit: 5 }).slice(1)) {
      results.push(result(hit.clause, hit.score, hit.matched));
    }
  }
  return { question, lang, kind: "clause", via: answer.via, results };
}

export function main(argv: string[]): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const question = positionals.join(" ").trim();
  const lang = values.lang;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) {
    process.stderr.write(`--lang must be fr, en or ru\n${USAGE}\n`);
    return 2;
  }
  if (!question) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const engine = getEngine();
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
    options: { json: { type: "boolean", default: false }, lang: { type: "string" } },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
