/**
 * The maintainers' review of what people told the bot, from the store (DATA_DIR's SQLite file, or
 * PostgreSQL with DATABASE_URL):
 *   npm run review                      votes, corrections, unanswered questions
 *   npm run -s review -- --json         the same as JSON
 *   npm run review -- --export FILE     the kept questions as an evaluation question set
 *   npm run review -- --drop-votes      deletes every vote (after a lost salt, to start over)
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, databaseFrom, dataDirFrom } from "../config.ts";
import { parseQuestions } from "../core/questions.ts";
import { createLogger } from "../log.ts";
import type { Connection } from "../store/connection.ts";
import {
  buildReport,
  type FeedbackReport,
  type KeptQuestion,
  keptQuestions,
} from "../store/feedback-report.ts";
import { openConnection } from "../store/index.ts";
import { SETTINGS_FILE } from "../store/sqlite.ts";
import { runAsScript } from "./args.ts";

const USAGE = `usage: npm run review -- [--json] [--export FILE] [--drop-votes]
  (no option)    a report of the feedback in the store (DATABASE_URL, else DATA_DIR's database)
  --json         the same report as JSON
  --export FILE  write the questions whose text was kept, with the verdict people gave, in the
                 evaluation question-set format (data/eval/README.md), to curate into a new batch
  --drop-votes   delete every stored vote and correction: only to start over after the salt that
                 hashed their user ids was lost (the bot refuses to start until then)
  -h, --help     this help`;

const EMPTY: FeedbackReport = {
  votes: { up: 0, down: 0 },
  perClause: [],
  corrections: [],
  unanswered: 0,
  closest: 0,
  perDay: [],
  questions: { unanswered: [], corrected: [] },
};

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: { json?: boolean; export?: string; help?: boolean; "drop-votes"?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: "boolean" },
        export: { type: "string" },
        "drop-votes": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const problems: string[] = [];
  const database = databaseFrom(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = dataDirFrom(env);
  const file = path.join(dataDir, SETTINGS_FILE);
  const where = database ? "PostgreSQL (DATABASE_URL)" : file;
  // No SQLite file yet means no feedback yet, not an error; and reading must not create one.
  if (!database && !existsSync(file)) {
    if (values["drop-votes"]) {
      process.stdout.write(`No database yet in ${dataDir}: there are no votes to delete.\n`);
      return 0;
    }
    return nothingYet(
      values,
      `No database yet: ${file} does not exist (the bot creates it at its first start with DISCORD_TOKEN), so there is no feedback to review; if the bot runs with another DATA_DIR, or with DATABASE_URL, set it here too.`,
    );
  }
  // A review reads; it does not change the schema under the replicas running on the database.
  const conn = await openConnection(
    { dataDir, databaseUrl: database?.url ?? null, logger: createLogger("silent") },
    { migrate: false },
  );
  try {
    if (values["drop-votes"]) {
      const dropped = await dropVotes(conn);
      process.stdout.write(`${dropped} vote(s) deleted from ${where}.\n`);
      return 0;
    }
    return write(values, await buildReport(conn), await keptQuestions(conn), where);
  } catch (error) {
    if (!noTables(error)) throw error;
    if (values["drop-votes"]) {
      process.stdout.write(`No votes in ${where}: the bot has not started on it yet.\n`);
      return 0;
    }
    return nothingYet(
      values,
      `No feedback tables yet in ${where}: the bot has not started on it, so there is no feedback to review.`,
    );
  } finally {
    await conn.close();
  }
}

/** A database the bot never started on: PostgreSQL's undefined_table, or SQLite's words for it. */
function noTables(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "42P01" || (typeof message === "string" && message.includes("no such table"));
}

async function dropVotes(conn: Connection): Promise<number> {
  const result = await conn.db.deleteFrom("feedback_votes").executeTakeFirst();
  conn.afterDelete();
  return Number(result.numDeletedRows);
}

/**
 * Nothing stored yet: the one line saying so instead of a report of zeros (on stderr with --json,
 * whose stdout stays the empty report for scripts); --export writes no file.
 */
function nothingYet(values: { json?: boolean; export?: string }, line: string): number {
  if (values.json && values.export === undefined) {
    process.stdout.write(`${JSON.stringify(EMPTY, null, 2)}\n`);
    process.stderr.write(`${line}\n`);
  } else process.stdout.write(`${line}\n`);
  return 0;
}

function write(
  values: { json?: boolean; export?: string },
  report: FeedbackReport,
  kept: KeptQuestion[],
  where: string,
): number {
  if (values.export !== undefined) {
    // The same validation as every question file the evaluation reads.
    const questions = parseQuestions(kept, values.export);
    writeFileSync(values.export, `${JSON.stringify(questions, null, 1)}\n`);
    const kinds = countBy(questions.map((q) => q.kind));
    process.stdout.write(
      `${questions.length} question(s) written to ${values.export}${kinds ? ` (${kinds})` : ""}\n`,
    );
    return 0;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(textReport(report, where));
  return 0;
}

function countBy(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => `${n} ${item}`).join(", ");
}

export function textReport(r: FeedbackReport, where: string): string {
  const lines = [`Feedback in ${where}`, ""];
  lines.push(`Votes: ${r.votes.up} up, ${r.votes.down} down`);
  for (const c of r.perClause) lines.push(`  ${c.clause.padEnd(12)} ${c.up} up, ${c.down} down`);
  lines.push("", "Most corrected (answer shown → passage people chose):");
  if (r.corrections.length === 0) lines.push("  none");
  for (const c of r.corrections) {
    const pair = `${c.answered} → ${c.expected}`;
    lines.push(`  ${pair.padEnd(26)}${c.count}×`);
  }
  lines.push("", `Unanswered: ${r.unanswered}; closest passage only: ${r.closest}`);
  for (const d of r.perDay) {
    lines.push(`  ${d.day}  ${d.unanswered} unanswered, ${d.closest} closest`);
  }
  const { unanswered, corrected } = r.questions;
  if (unanswered.length + corrected.length === 0) {
    lines.push(
      "",
      "No question text kept (/settings feedback-text enabled:True, or LOG_QUESTIONS=true).",
    );
  } else {
    lines.push("", "Most frequent unanswered questions:");
    for (const q of unanswered) lines.push(`  ${q.count}×  ${q.question}`);
    lines.push("", "Corrected questions (answer shown → passage people chose):");
    for (const q of corrected) {
      lines.push(`  ${q.answered} → ${q.expected}  ${q.count}×  ${q.question}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

runAsScript(import.meta, main);
