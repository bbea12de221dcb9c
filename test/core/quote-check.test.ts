/**
 * The quote checker on the cases of quote-cases.json (fr against the original, en and ru against
 * the working translations), plus the invariants: every clause checks verbatim in each language,
 * and the JSON contract has exactly its five fields.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDeclaration } from "../../src/core/declaration.ts";
import {
  checkText,
  getQuoteChecker,
  MAX_QUOTED,
  type QuoteCheck,
  toContract,
} from "../../src/core/quote-check.ts";
import { LANGS } from "../../src/core/types.ts";
import { bestTime, growth } from "../support/timing.ts";

interface Case {
  lang: string;
  why: string;
  text: string;
  expect: Partial<QuoteCheck> & Pick<QuoteCheck, "verdict">;
}

const { cases } = JSON.parse(
  readFileSync(new URL("./quote-cases.json", import.meta.url), "utf8"),
) as { cases: Case[] };

describe("quote cases (quote-cases.json)", () => {
  it("cover every verdict and flag in each language, with at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const verdicts = new Set(cases.map((c) => c.expect.verdict));
    expect([...verdicts].sort()).toEqual(
      ["composite", "misattributed", "near", "not-found", "too-short", "verbatim"].sort(),
    );
    const flags = new Set(cases.flatMap((c) => c.expect.flags ?? []));
    expect([...flags].sort()).toEqual(["accents", "negation", "number"]);
    for (const lang of LANGS) {
      const mine = cases.filter((c) => c.lang === lang);
      expect(mine.length, lang).toBeGreaterThanOrEqual(10);
    }
    expect(cases.some((c) => c.text.length > 100 && c.expect.verdict === "verbatim")).toBe(true);
  });

  it.each(cases.map((c) => [`${c.lang}: ${c.why}`, c] as const))("%s", (_name, c) => {
    const [report] = checkText(c.text);
    expect(report).toBeDefined();
    const got = toContract(report as NonNullable<typeof report>);
    expect(got.verdict).toBe(c.expect.verdict);
    // No flags or changes given means none; clauses are checked when given.
    expect(got.flags, "flags").toEqual(c.expect.flags ?? []);
    expect(got.changes, "changes").toEqual(c.expect.changes ?? []);
    for (const key of ["clause", "clauses"] as const) {
      if (key in c.expect) expect(got[key], key).toEqual(c.expect[key]);
    }
    if (c.lang !== "fr" && got.verdict !== "too-short") expect(report?.lang).toBe(c.lang);
  });
});

describe("quote checker", () => {
  const checker = getQuoteChecker();

  it("finds every clause verbatim in French, English and Russian", () => {
    for (const clause of loadDeclaration()) {
      for (const lang of LANGS) {
        const r = checker.check(clause.text[lang]);
        expect(r.verdict, `${clause.id} ${lang}`).toBe("verbatim");
        expect(r.clause, `${clause.id} ${lang}`).toBe(clause.id);
        expect(r.flags).toEqual([]);
      }
    }
  });

  it("prints exactly the contract's fields", () => {
    const [r] = checkText(
      "« Établir des contacts directs entre les secrétaires généraux des trois organisations »",
    );
    expect(Object.keys(toContract(r as NonNullable<typeof r>)).sort()).toEqual([
      "changes",
      "clause",
      "clauses",
      "flags",
      "verdict",
    ]);
  });

  it("checks each quotation of a text, with the words around them as framing", () => {
    const reports = checkText(
      "la mesure 4 dit « Organiser régulièrement des briefings » et la mesure 3 « Faciliter les contacts entre l’OTSC et l’OTAN »",
    );
    expect(reports.map((r) => r.verdict)).toEqual(["verbatim", "verbatim"]);
  });

  it("gives each quotation the clause named next to it, not one named elsewhere in the text", () => {
    const verdicts = (text: string) => checkText(text).map((r) => r.verdict);
    // A cue presents the first; the second's own lead-in names the right measure.
    expect(
      verdicts(
        'the text says "establish direct contacts between the Secretaries General of the two organizations" and measure 3 says "Facilitate contacts between the CSTO and NATO"',
      ),
    ).toEqual(["verbatim", "verbatim"]);
    // Each lead-in names the other quotation's measure.
    expect(
      verdicts(
        "la mesure 3 dit « Établir des contacts directs entre les secrétaires généraux » et la mesure 1 dit « Faciliter les contacts entre l’OTSC et l’OTAN »",
      ),
    ).toEqual(["misattributed", "misattributed"]);
    // A reference after a quotation, closed by punctuation, is that quotation's, not the next one's.
    expect(
      verdicts(
        "« Établir des contacts directs entre les secrétaires généraux » (mesure 3), puis « Faciliter les contacts entre l’OTSC et l’OTAN »",
      ),
    ).toEqual(["misattributed", "verbatim"]);
    expect(
      verdicts("« Faciliter les contacts entre l’OTSC et l’OTAN », dit la mesure 4 du texte"),
    ).toEqual(["misattributed"]);
  });

  it("frames every quotation before keeping the first `max`", () => {
    // Cut first, the last kept quotation would take the next one's lead-in as its own framing.
    const text =
      "la mesure 1 dit « Faciliter les contacts entre l’OTSC et l’OTAN » et la mesure 3 dit « Établir des contacts directs entre les secrétaires généraux »";
    const verdicts = (max: number) => checkText(text, max).map((r) => [r.verdict, r.clause]);
    expect(verdicts(1)).toEqual([["misattributed", "M3"]]);
    expect(verdicts(2)).toEqual([
      ["misattributed", "M3"],
      ["misattributed", "M1"],
    ]);
  });

  it("does not let everyday short quotations use up the quotations checked", () => {
    const misquote =
      "la mesure 1 dit « Établir des contacts directs entre les secrétaires généraux des trois organisations »";
    const everyday = "il m’a dit « ok » puis « à demain » et « merci », ";
    const reports = checkText(`${everyday.repeat(4)}${misquote}`, MAX_QUOTED);
    expect(reports.map((r) => [r.verdict, r.clause, r.flags])).toEqual([
      ["near", "M1", ["number"]],
    ]);
    // Only short quotations: the first says it is too short to judge.
    expect(checkText(everyday).map((r) => r.verdict)).toEqual(["too-short"]);
  });

  it("stays fast on long or hostile input (each scan bounded)", () => {
    const hostile = [
      "de ".repeat(2000),
      "a".repeat(5000),
      `« ${"la sécurité ".repeat(300)} »`,
      "« ".repeat(3000),
      `${"[…] ".repeat(500)}Faciliter les contacts`,
      `« ${"et […] ".repeat(150)}Faciliter les contacts entre l’OTSC et l’OTAN »`,
      `${"« Faciliter les contacts entre l’OTSC » et la mesure 3 dit ".repeat(60)}`,
      `« ${"Фaciliter ".repeat(100)} »`,
    ];
    for (const text of hostile) {
      expect(bestTime(() => checkText(text), 300)).toBeLessThan(300);
    }
  });

  it("takes time in proportion to the input (4n takes well under 16 times n)", () => {
    // One quotation, near but not exact (the approximate search and the piece search both run),
    // from a quarter of the longest read up to all of it.
    const phrase = "Faciliter les rencontres entre l’OTSC et l’OTAN ";
    const quote = (n: number) => checkText(`« ${phrase.repeat(n).slice(0, 1000)} »`);
    // Fifteen tries each: the suite's end-to-end files load both CPUs while this runs.
    expect(growth(quote, 5, 15)).toBeLessThan(6);
    // Many quotations framed and measured: everyday short ones next to references.
    const many = (n: number) => checkText("la mesure 3 dit « ok » ".repeat(n));
    expect(growth(many, 150, 15)).toBeLessThan(6);
  });
});
