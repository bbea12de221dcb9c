/**
 * `npm run eval` and the README's quality table count the same way, and both say how: all
 * questions, and the answerable ones that top-1 and the public share are computed on.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT, runTs } from "./run.ts";

interface Overall {
  questions: number;
  answerable: number;
}

it("labels its columns, questions and answerable, as the README's table does, with the same counts", async () => {
  // The labels from a one-file report (quick; the full report prints the same header), the
  // counts from the full one.
  const file = "data/eval/dev-questions.json";
  const [text, json] = await Promise.all([
    runTs("src/cli/eval.ts", [file]),
    runTs("src/cli/eval.ts", ["--json"]),
  ]);
  expect(text.code, text.stderr).toBe(0);
  expect(json.code, json.stderr).toBe(0);
  const report = JSON.parse(json.stdout) as {
    heldOut: { overall: Overall };
    heldOutNovel: { overall: Overall };
    leaveOneBatchOut: { overall: Overall };
  };
  const lines = text.stdout.split("\n");
  expect(lines[0]).toMatch(/^Columns: questions, all of them; answerable, those a clause answers/);
  const header = lines.find((l) => l.includes("top-1") && l.includes("questions")) ?? "";
  expect(header.trim().split(/\s{2,}/)).toEqual([
    "questions",
    "answerable",
    "top-1",
    "public ok",
    "public",
    "off→public",
    "silent",
  ]);
  const questions = JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as {
    expect: string[];
  }[];
  const all = lines.find((l) => l.startsWith("all ")) ?? "";
  expect(all.split(/\s+/).slice(1, 3)).toEqual([
    String(questions.length),
    String(questions.filter((q) => q.expect.length > 0).length),
  ]);

  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("### Figures (`npm run eval`)"));
  const row = (label: string) =>
    (table.split("\n").find((l) => l.includes(label)) ?? "")
      .split("|")
      .map((c) => c.trim())
      .slice(2, 4);
  expect(row("questions the engine never learned from")).toEqual(["questions", "answerable"]);
  const counts = (o: Overall) => [String(o.questions), String(o.answerable)];
  expect(row("**held-out batches h01–h04**")).toEqual(counts(report.heldOut.overall));
  expect(row("… novel only")).toEqual(counts(report.heldOutNovel.overall));
  expect(row("**leave-one-batch-out**")).toEqual(counts(report.leaveOneBatchOut.overall));
  // The full report builds an engine per corpus batch and checks every held-out set: 4–5 minutes
  // alone on two cores, and it grows with each batch written; beside the other test files, more.
}, 900_000);
