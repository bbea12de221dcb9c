import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DECLARATION_FILE,
  loadDeclaration,
  PARAGRAPH_SEPARATOR,
  parseDeclaration,
  readClauseData,
} from "../../src/core/declaration.ts";
import { CLAUSE_IDS, LANGS } from "../../src/core/types.ts";

const source = readFileSync(DECLARATION_FILE, "utf8");

describe("parseDeclaration", () => {
  it("reproduces the original text exactly when the clause texts are joined", () => {
    const clauses = parseDeclaration(source);
    expect(clauses.map((c) => c.text).join(PARAGRAPH_SEPARATOR)).toBe(source);
  });

  it("finds every clause in reading order with their kinds and numbers", () => {
    const clauses = parseDeclaration(source);
    expect(clauses.map((c) => c.id)).toEqual([...CLAUSE_IDS]);
    expect(clauses.filter((c) => c.kind === "measure").map((c) => c.number)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(clauses.filter((c) => c.kind === "recital").map((c) => c.number)).toEqual([1, 2, 3, 4]);
    expect(clauses.find((c) => c.id === "appeal")?.text).toMatch(/^nous faisons appel/);
    expect(clauses.at(-1)?.text).toMatch(/^Signé\s*:/);
  });

  it("keeps the authoritative typos of the French text", () => {
    const text = parseDeclaration(source)
      .map((c) => c.text)
      .join(" ");
    expect(text).toContain("visant à prevenir");
    expect(text).toContain("les exercices les plus importantes");
  });

  it("fails loudly when a paragraph is missing", () => {
    const broken = source
      .split(PARAGRAPH_SEPARATOR)
      .filter((_, i) => i !== 3)
      .join(PARAGRAPH_SEPARATOR);
    expect(() => parseDeclaration(broken)).toThrow(/declaration: expected clauses/);
  });
});

describe("data/clauses.json", () => {
  const data = readClauseData();

  it("has every clause id exactly once, in reading order", () => {
    expect(data.map((d) => d.id)).toEqual([...CLAUSE_IDS]);
  });

  it("fills every language of every field, with no empty string", () => {
    for (const d of data) {
      for (const lang of LANGS) {
        expect(d.label[lang].trim(), `${d.id} label ${lang}`).not.toBe("");
        expect(d.title[lang].trim(), `${d.id} title ${lang}`).not.toBe("");
        expect(d.aids[lang].length, `${d.id} aids ${lang}`).toBeGreaterThanOrEqual(5);
        for (const aid of d.aids[lang]) expect(aid.trim(), `${d.id} aid ${lang}`).not.toBe("");
      }
      expect(d.translation.en.trim()).not.toBe("");
      expect(d.translation.ru.trim()).not.toBe("");
    }
  });

  it("numbers the measures' translations like the French", () => {
    for (const c of loadDeclaration().filter((c) => c.kind === "measure")) {
      expect(c.text.en.startsWith(`${c.number}.`), c.id).toBe(true);
      expect(c.text.ru.startsWith(`${c.number}.`), c.id).toBe(true);
    }
  });

  it("labels measures and recitals with their numbers in the three languages", () => {
    const clauses = loadDeclaration();
    const m3 = clauses.find((c) => c.id === "M3");
    expect(m3?.label).toEqual({ fr: "Mesure 3", en: "Measure 3", ru: "Пункт 3" });
    const p2 = clauses.find((c) => c.id === "P2");
    expect(p2?.label.fr).toBe("Considérant 2");
    expect(p2?.label.en).toBe("Recital 2");
  });
});
