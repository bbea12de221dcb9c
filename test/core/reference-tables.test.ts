/**
 * The reference tables as data: every position rule fires on its examples and spares the others,
 * ordinals 1–20 in every language read right (a clause, or a correct "out of range", never 0), no
 * rule fires on the declaration's own text, and scanning hostile text stays linear.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asksForFactNotInText } from "../../src/core/abstention.ts";
import { CLAUSE_COUNTS, loadDeclaration } from "../../src/core/declaration.ts";
import { getEngine } from "../../src/core/engine.ts";
import { asksForSummary, findReferences, readReferenceData } from "../../src/core/references.ts";
import { bestTime } from "../support/timing.ts";

const first = (text: string) => {
  const t = findReferences(text)[0];
  return t === undefined ? null : t.kind === "clause" ? t.id : `out:${t.clauseKind}:${t.requested}`;
};

describe("position rules (data/references.json)", () => {
  const rules = readReferenceData().positions;

  it("each has examples that must fire and must not", () => {
    for (const r of rules) {
      expect(r.fires.length, r.target).toBeGreaterThan(0);
      expect(r.spares.length, r.target).toBeGreaterThan(0);
    }
  });

  it.each(rules.flatMap((r) => r.fires.map((q) => [r.target, q])))("→ %s: %s", (id, q) => {
    expect(first(q)).toBe(id);
  });

  it.each(rules.flatMap((r) => r.spares.map((q) => [r.target, q])))("not → %s: %s", (id, q) => {
    expect(first(q)).not.toBe(id);
  });
});

/** Ordinal and cardinal forms of n, per language, as people write them. */
const FR_ORD = [
  "premier",
  "deuxième",
  "troisième",
  "quatrième",
  "cinquième",
  "sixième",
  "septième",
  "huitième",
  "neuvième",
  "dixième",
  "onzième",
  "douzième",
  "treizième",
  "quatorzième",
  "quinzième",
  "seizième",
  "dix-septième",
  "dix-huitième",
  "dix-neuvième",
  "vingtième",
];
const EN_ORD = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
];
const RU_ORD = [
  "первый",
  "второй",
  "третий",
  "четвёртый",
  "пятый",
  "шестой",
  "седьмой",
  "восьмой",
  "девятый",
  "десятый",
  "одиннадцатый",
  "двенадцатый",
  "тринадцатый",
  "четырнадцатый",
  "пятнадцатый",
  "шестнадцатый",
  "семнадцатый",
  "восемнадцатый",
  "девятнадцатый",
  "двадцатый",
];
const RU_ORD_PREP = [
  "первом",
  "втором",
  "третьем",
  "четвёртом",
  "пятом",
  "шестом",
  "седьмом",
  "восьмом",
  "девятом",
  "десятом",
  "одиннадцатом",
  "двенадцатом",
  "тринадцатом",
  "четырнадцатом",
  "пятнадцатом",
  "шестнадцатом",
  "семнадцатом",
  "восемнадцатом",
  "девятнадцатом",
  "двадцатом",
];
const EN_SUFFIX = (n: number) =>
  n % 10 === 1 && n !== 11
    ? "st"
    : n % 10 === 2 && n !== 12
      ? "nd"
      : n % 10 === 3 && n !== 13
        ? "rd"
        : "th";

function expected(kind: "measure" | "recital", n: number): string {
  return n <= CLAUSE_COUNTS[kind] ? `${kind === "measure" ? "M" : "P"}${n}` : `out:${kind}:${n}`;
}

describe("ordinals 1–20, every language, every form", () => {
  const measureForms = (k: number) => [
    `la ${k}e mesure`,
    `la ${k}ème mesure`,
    `la ${FR_ORD[k - 1]} mesure`,
    `mesure ${k}`,
    `the ${k}${EN_SUFFIX(k)} measure`,
    `the ${EN_ORD[k - 1]} measure`,
    `what does point ${k} say`,
    `${RU_ORD[k - 1]} пункт`,
    `что в ${RU_ORD_PREP[k - 1]} пункте?`,
    `${k}-й пункт`,
  ];
  const recitalForms = (k: number) => [
    `le ${k}e considérant`,
    `le ${FR_ORD[k - 1]} considérant`,
    `the ${EN_ORD[k - 1]} recital`,
    `the ${k}${EN_SUFFIX(k)} whereas clause`,
    `${RU_ORD[k - 1]} абзац преамбулы`,
    `абзац ${k} преамбулы`,
  ];

  // Every n from 1 to 20, not a sample: the property must hold for each.
  const ns = Array.from({ length: 20 }, (_, i) => i + 1);

  it.each(ns)("measure %i in every form: that measure, or out of range with the number", (k) => {
    for (const q of measureForms(k)) expect(first(q), q).toBe(expected("measure", k));
  });

  it.each(ns)("recital %i in every form: that recital, or out of range with the number", (k) => {
    for (const q of recitalForms(k)) expect(first(q), q).toBe(expected("recital", k));
  });

  it("never reads a number as 0", () => {
    for (const k of ns) {
      for (const q of [...measureForms(k), ...recitalForms(k)])
        expect(first(q), q).not.toMatch(/:0$/);
    }
  });
});

describe("summary requests (data/references.json)", () => {
  const { fires, spares } = readReferenceData().summaryExamples;
  const engine = getEngine();

  it.each(fires)("%s → the overview", (q) => {
    expect(asksForSummary(q)).toBe(true);
    expect(engine.answer(q).kind).toBe("overview");
  });

  it.each(spares)("%s → not the overview", (q) => {
    expect(engine.answer(q).kind).not.toBe("overview");
  });
});

describe("invariants", () => {
  it("no reference or abstention rule fires on the declaration's own text or its translations", () => {
    const fired: string[] = [];
    for (const c of loadDeclaration()) {
      for (const text of Object.values(c.text)) {
        if (findReferences(text).length > 0)
          fired.push(`reference in ${c.id}: ${text.slice(0, 40)}`);
        const rule = asksForFactNotInText(text);
        if (rule) fired.push(`${rule} in ${c.id}`);
      }
    }
    expect(fired).toEqual([]);
  });
});

describe("hostile text", () => {
  // Pieces of every pattern's vocabulary, repeated to 4,000 characters (Discord's longest message).
  const pieces = [
    "абзац",
    "перв",
    "последн",
    "mesure ",
    "la 3e ",
    "paragraphe ",
    "avant ",
    "la liste",
    "where ",
    "how many ",
    "qui est ",
    "le ",
    "1",
    "-",
    "'",
    "§",
    " ",
  ];

  it("a 4,000-character message costs under 5 ms to scan, whatever it repeats", () => {
    const worst: number[] = [];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (parts) => {
        const unit = parts.join("");
        const text = unit.repeat(Math.ceil(4000 / unit.length)).slice(0, 4000);
        findReferences(text);
        asksForFactNotInText(text);
        // Timed after a warm-up run (the figure is the scan, not the JIT), best of several tries.
        worst.push(
          bestTime(() => {
            findReferences(text);
            asksForFactNotInText(text);
          }, 5),
        );
      }),
      { numRuns: 40 },
    );
    expect(Math.max(...worst)).toBeLessThan(5);
  });
});
