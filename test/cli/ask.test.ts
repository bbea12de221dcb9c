import { describe, expect, it } from "vitest";
import { runTs } from "./run.ts";

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
    const r = await runTs("src/cli/ask.ts", ["--json", "trafic de drogue"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      results: Array<{ id: string; label: string; score: number; text: string }>;
    };
    expect(json.results[0]).toMatchObject({ id: "M6", label: "Mesure 6" });
    expect(json.results[0]?.text).toMatch(/^6\. En saluant/);
    const scores = json.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("shows the chosen translation with --lang", async () => {
    const r = await runTs("src/cli/ask.ts", ["--lang", "ru", "--json", "mesure 2"]);
    const json = JSON.parse(r.stdout) as {
      results: Array<{ id: string; translation?: { lang: string; text: string } }>;
    };
    expect(json.results[0]?.id).toBe("M2");
    expect(json.results[0]?.translation?.lang).toBe("ru");
    expect(json.results[0]?.translation?.text).toMatch(/консультаций/);
  });

  it("says so when nothing answers, with an empty result list", async () => {
    const r = await runTs("src/cli/ask.ts", ["--json", "recette de crêpes"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: "none", results: [] });
  });

  it("explains its usage when the question is missing or an option is wrong", async () => {
    const empty = await runTs("src/cli/ask.ts", []);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("usage: npm run ask");
    const bad = await runTs("src/cli/ask.ts", ["--lang", "de", "question"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--lang must be fr, en or ru");
  });
});
