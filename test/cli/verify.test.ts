import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/verify.ts";
import { runInProcess, runTs } from "./run.ts";

const verify = (args: string[]) => runInProcess(main, args);

describe("npm run verify", () => {
  it("prints the verdict and each change (the real script)", async () => {
    const r = await runTs("src/cli/verify.ts", [
      "la mesure 4 dit « Faciliter les contacts entre l’OTSC et l’OTAN »",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Citation mal attribuée");
    expect(r.stdout).toContain("Mesure 3 [M3], pas dans Mesure 4 [M4]");
  });

  it("credits a quotation led in by « D'après la mesure 5 » to measure 5 itself", async () => {
    const r = await verify([
      "--json",
      "D'après la mesure 5 : « Viser à assurer la participation mutuelle en tant qu’observateurs aux exercices militaires de l’OTSC et de l’OTAN »",
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: "verbatim", clause: "M5" });
  });

  it("--json prints exactly the contract", async () => {
    const r = await verify([
      "--json",
      "Regularly organize briefings on the most important exercises of the CSTO and NATO in order not to strengthen confidence",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      verdict: "near",
      clause: "M4",
      clauses: ["M4"],
      changes: [{ kind: "added", quote: "not", text: "" }],
      flags: ["negation"],
    });
  });

  it("--json prints an array for several quotations, skipping those too short to judge", async () => {
    const r = await verify([
      "--json",
      "« la paix » et « Établir des contacts directs entre les secrétaires généraux » puis « Faciliter les contacts entre l’OTSC et l’OTAN »",
    ]);
    const out = JSON.parse(r.stdout) as { verdict: string; clause: string }[];
    expect(out.map((o) => [o.verdict, o.clause])).toEqual([
      ["verbatim", "M1"],
      ["verbatim", "M3"],
    ]);
    // Nothing but a short quotation: it is too short to judge.
    const short = await verify(["--json", "« la paix »"]);
    expect((JSON.parse(short.stdout) as { verdict: string }).verdict).toBe("too-short");
  });

  it("shows changes in plain text, in the language asked for", async () => {
    const r = await verify([
      "--lang",
      "en",
      "« Établir des contacts directs entre les secrétaires généraux des trois organisations »",
    ]);
    expect(r.stdout).toContain("Near quote: words have changed");
    expect(r.stdout).toContain('"deux" → "trois"');
    expect(r.stdout).toContain("A number was added, removed or changed");
  });

  it("--help, and polite refusals", async () => {
    expect((await verify(["--help"])).stdout).toMatch(/^usage: npm run verify/);
    const empty = await verify([]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("no quotation given");
    expect((await verify(["--lang", "de", "x"])).stderr).toContain("--lang must be fr, en or ru");
    expect((await verify(["--nope"])).stderr).toMatch(/Unknown option '--nope'/);
  });
});
