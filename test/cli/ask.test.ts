import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/ask.ts";
import { CLAUSE_ORDER } from "../../src/core/declaration.ts";
import { ROOT, type RunResult, runInProcess, runTs } from "./run.ts";

/** The command in this process; the first test and --jsonl (standard input) run the real script. */
function ask(args: string[]): Promise<RunResult> {
  return runInProcess(main, args);
}

describe("npm run ask", () => {
  it("prints the best passage with its label, clause id and French text", async () => {
    const r = await runTs("src/cli/ask.ts", ["what do they propose about drug trafficking?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Measure 6");
    expect(r.stdout).toContain("[M6]");
    expect(r.stdout).toContain("lutte contre le trafic de stupéfiants");
    expect(r.stdout).toContain("drug trafficking");
  });

  it("prints ranked JSON results with --json", async () => {
    const r = await ask(["--json", "trafic de drogue"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      results: Array<{ id: string; label: string; score: number; text: string }>;
    };
    expect(json.results[0]).toMatchObject({ id: "M6", label: "Mesure 6" });
    expect(json.results[0]?.text).toMatch(/^6\. En saluant/);
    const scores = json.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("answers « d'après la mesure 5 » with measure 5 itself, and « d'après le point 2 » with measure 2", async () => {
    const first = async (q: string) =>
      (JSON.parse((await ask(["--json", q])).stdout) as { results: { id: string }[] }).results[0]
        ?.id;
    expect(await first("D'après la mesure 5, que faut-il faire ?")).toBe("M5");
    expect(await first("d'après le point 2, que faut-il créer ?")).toBe("M2");
    expect(await first("après la mesure 5 ?")).toBe("M6");
  });

  it("shows the chosen translation with --lang", async () => {
    const r = await ask(["--lang", "ru", "--json", "mesure 2"]);
    const json = JSON.parse(r.stdout) as {
      results: Array<{ id: string; translation?: { lang: string; text: string } }>;
    };
    expect(json.results[0]?.id).toBe("M2");
    expect(json.results[0]?.translation?.lang).toBe("ru");
    expect(json.results[0]?.translation?.text).toMatch(/консультаций/);
  });

  it("says so when nothing answers, with an empty result list", async () => {
    const r = await ask(["--json", "recette de crêpes"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: "none", results: [] });
  });

  it("explains its usage when the question is missing or an option is wrong", async () => {
    const empty = await ask([]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("usage: npm run ask");
    const bad = await ask(["--lang", "de", "question"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--lang must be fr, en or ru");
  });
});

describe("npm run ask: confidence, --jsonl and --help", () => {
  it("reports the confidence tier; results are empty exactly when it is none", async () => {
    const answers = [];
    // One at a time: the captured output must be one command's.
    for (const q of [
      "trafic de drogue",
      "anything on cooperation with zyxwvut?",
      "recette de crêpes",
      "mesure 9",
    ]) {
      answers.push(JSON.parse((await ask(["--json", q])).stdout));
    }
    const [sure, unsure, none, out] = answers;
    expect(sure.confidence).toBe("answer");
    expect(unsure.confidence).toBe("closest");
    expect(unsure.results[0].id).toBe("P4");
    expect(none).toMatchObject({ confidence: "none", results: [] });
    expect(out).toMatchObject({ kind: "out-of-range", confidence: "none", results: [] });
  }, 30_000);

  it("gives the overview for a summary request: every clause, in order", async () => {
    const r = await ask(["--json", "tl;dr?"]);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ kind: "overview", confidence: "answer" });
    expect(json.results.map((x: { id: string }) => x.id)).toEqual(CLAUSE_ORDER);
    expect(json.results[0].id).toBe("opening");
  });

  it("hedges in plain text when only the closest passage fits", async () => {
    const r = await ask(["anything on cooperation with zyxwvut?"]);
    expect(r.stdout).toMatch(/does not say this in so many words/);
    expect(r.stdout).toContain("[P4]");
  });

  it("--jsonl answers one question per line, in order, one JSON object per line", async () => {
    const input =
      "trafic de drogue\n\nanything on cooperation with zyxwvut?\nrecette de crêpes\nmesure 2\n";
    const r = await runTs("src/cli/ask.ts", ["--jsonl"], { input });
    expect(r.code).toBe(0);
    const records = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.map((x) => x.question)).toEqual([
      "trafic de drogue",
      "",
      "anything on cooperation with zyxwvut?",
      "recette de crêpes",
      "mesure 2",
    ]);
    expect(records.map((x) => x.confidence)).toEqual([
      "answer",
      "none",
      "closest",
      "none",
      "answer",
    ]);
    expect(records[0].results[0]).toMatchObject({
      id: "M6",
      label: "Mesure 6",
      score: expect.any(Number),
      text: expect.stringMatching(/^6\. En saluant/),
    });
    for (const x of records) expect(x.results.length === 0).toBe(x.confidence === "none");
  });

  it("--jsonl gives, per question, exactly the object --json gives (one compact line)", async () => {
    const questions = [
      "trafic de drogue",
      "mesure 12",
      "anything on cooperation with zyxwvut?",
      "recette de crêpes",
      "what is the date of the declaration?",
      "mesure 2",
      "tl;dr?",
      "кто подписал?",
    ];
    const r = await runTs("src/cli/ask.ts", ["--jsonl", "--lang", "en"], {
      input: `${questions.join("\n")}\n`,
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(questions.length);
    const fields = (o: Record<string, unknown>) => Object.keys(o).sort();
    for (const [i, question] of questions.entries()) {
      const json = await ask(["--json", "--lang", "en", question]);
      const line = lines[i] ?? "";
      // Compact: one line, no indentation.
      expect(line).toBe(JSON.stringify(JSON.parse(line)));
      expect(JSON.parse(line), question).toEqual(JSON.parse(json.stdout));
      expect(fields(JSON.parse(line))).toEqual(fields(JSON.parse(json.stdout)));
    }
    const outOfRange = JSON.parse(lines[1] ?? "{}");
    expect(outOfRange).toMatchObject({
      question: "mesure 12",
      lang: "en",
      kind: "out-of-range",
      confidence: "none",
      results: [],
    });
    expect(outOfRange.message).toMatch(/12/);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ kind: "clause", via: "search" });
  }, 60_000);

  it("the README's --jsonl example runs as written, on the sample questions it names", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const commands = [...readme.matchAll(/^(npm run -s ask -- --jsonl < (\S+))\s/gm)];
    expect(commands.length).toBeGreaterThan(0);
    for (const [, command, file] of commands) {
      expect(file).toBe("examples/questions.txt");
      const questions = readFileSync(path.join(ROOT, file ?? ""), "utf8")
        .split("\n")
        .filter((l) => l.trim());
      expect(questions.length).toBeGreaterThanOrEqual(12);
      // As typed at the project's root, through npm and the shell.
      const r = spawnSync("sh", ["-c", command ?? ""], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const records = r.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(records.map((x) => x.question)).toEqual(questions);
      // A dozen realistic questions in the three languages, answered in every way the bot answers.
      expect(new Set(records.map((x) => x.lang))).toEqual(new Set(["fr", "en", "ru"]));
      expect(new Set(records.map((x) => x.confidence))).toEqual(
        new Set(["answer", "closest", "none"]),
      );
      expect(records.some((x) => x.kind === "out-of-range")).toBe(true);
    }
  }, 60_000);

  it("--help and -h print the usage and exit 0; a bad flag gets one line naming it", async () => {
    for (const flag of ["--help", "-h"]) {
      const r = await ask([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("usage: npm run ask");
      expect(r.stdout).toContain("--jsonl");
    }
    const bad = await ask(["--frobnicate", "question"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe("Unknown option '--frobnicate'");
    expect(bad.stderr).toContain("usage: npm run ask");
  });
});
