import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { main } from "../../src/cli/review.ts";
import { readQuestions } from "../../src/core/questions.ts";
import { createLogger } from "../../src/log.ts";
import type { ShownAnswer } from "../../src/store/feedback.ts";
import { openStore } from "../../src/store/index.ts";
import { SETTINGS_FILE } from "../../src/store/sqlite.ts";
import { freshDatabase } from "../support/postgres.ts";
import { type RunResult, runInProcess, runTs } from "./run.ts";

const M4: ShownAnswer = {
  id: "10",
  clauseId: "M4",
  via: "search",
  confidence: "answer",
  score: 0.8,
};

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "review-"));
  const store = await openStore({
    dataDir: dir,
    logger: createLogger("silent"),
    replayWindowMs: 300_000,
  });
  const { feedback } = store;
  const note = {
    guildId: "1",
    lang: "fr" as const,
    score: null,
    clauseId: null,
    askerId: "412345678901234567",
  };
  await feedback.noteAnswer({
    ...note,
    answerId: "1",
    kind: "none",
    confidence: "none",
    question: "quelle heure est-il ?",
  });
  await feedback.noteAnswer({
    ...note,
    answerId: "2",
    kind: "none",
    confidence: "none",
    question: null,
  });
  await feedback.noteAnswer({
    ...note,
    answerId: "10",
    kind: "clause/search",
    confidence: "answer",
    clauseId: "M4",
    score: 0.8,
    question: "qui observe les exercices ?",
  });
  await feedback.vote(M4, { guildId: "1", userId: "7" }, "up");
  await feedback.vote(M4, { guildId: "1", userId: "8" }, "down");
  await feedback.correct(M4, { guildId: "1", userId: "8" }, "M5");
  await store.close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The command in this process, its output captured (the real script runs once, below). */
function review(args: string[], dataDir = dir): Promise<RunResult> {
  return runInProcess((a) => main(a, { DATA_DIR: dataDir }), args);
}

describe("npm run review", () => {
  it("--json prints the figures (the real script)", async () => {
    const r = await runTs("src/cli/review.ts", ["--json"], { env: { DATA_DIR: dir } });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      votes: { up: 1, down: 1 },
      unanswered: 2,
      closest: 0,
      corrections: [{ answered: "M4", expected: "M5", count: 1 }],
      perClause: [{ clause: "M4", up: 1, down: 1 }],
      questions: {
        unanswered: [{ question: "quelle heure est-il ?", count: 1 }],
        corrected: [
          { question: "qui observe les exercices ?", answered: "M4", expected: "M5", count: 1 },
        ],
      },
    });
    expect(report.perDay).toEqual([
      { day: new Date().toISOString().slice(0, 10), unanswered: 2, closest: 0 },
    ]);
  });

  it("prints a readable report", async () => {
    const r = await review([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Votes: 1 up, 1 down");
    expect(r.stdout).toMatch(/M4 → M5\s+1×/);
    expect(r.stdout).toContain("Unanswered: 2; closest passage only: 0");
    expect(r.stdout).toContain("1×  quelle heure est-il ?");
  });

  it("--export writes the kept questions as an evaluation batch", async () => {
    const file = path.join(dir, "fb.json");
    const r = await review(["--export", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`2 question(s) written to ${file}`);
    expect(readQuestions(file)).toEqual([
      {
        id: "fb-001",
        lang: "fr",
        q: "quelle heure est-il ?",
        expect: [],
        kind: "feedback-unanswered",
      },
      {
        id: "fb-002",
        lang: "fr",
        q: "qui observe les exercices ?",
        expect: ["M5"],
        kind: "feedback-correction",
      },
    ]);
    expect(readFileSync(file, "utf8")).toMatch(/^\[\n {1}\{/);
  });

  it("says in one line that there is no database yet, and creates none", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "review-empty-"));
    const file = path.join(empty, SETTINGS_FILE);
    try {
      const text = await review([], empty);
      expect(text.code).toBe(0);
      expect(text.stdout.split("\n")).toEqual([expect.stringMatching(/^No database yet: /), ""]);
      expect(text.stdout).toContain(file);
      expect(text.stdout).not.toContain("Votes:");
      // --json keeps its stdout a report, of zeros; the line goes to stderr.
      const json = await review(["--json"], empty);
      expect(JSON.parse(json.stdout)).toMatchObject({
        votes: { up: 0, down: 0 },
        unanswered: 0,
        corrections: [],
      });
      expect(json.stderr).toMatch(/^No database yet: /);
      const exported = path.join(empty, "fb.json");
      const exp = await review(["--export", exported], empty);
      expect(exp.stdout).toMatch(/^No database yet: /);
      expect(existsSync(exported)).toBe(false);
      expect(existsSync(file)).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.skipIf(!inject("postgresUrl"))(
    "reads a PostgreSQL the bot never started on without creating its tables",
    async () => {
      const url = await freshDatabase(inject("postgresUrl") as string, "review");
      const r = await runInProcess((a) => main(a, { DATABASE_URL: url }), []);
      expect(r.code).toBe(0);
      expect(r.stdout.split("\n")).toEqual([
        "No feedback tables yet in PostgreSQL (DATABASE_URL): the bot has not started on it, so there is no feedback to review.",
        "",
      ]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
        );
        expect(rows).toEqual([]);
      } finally {
        await client.end();
      }
    },
  );

  it("explains its options", async () => {
    expect((await review(["--help"])).stdout).toContain("--export FILE");
    const wrong = await review(["--nope"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("usage: npm run review");
  });
});
