import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { fixReferenceTypos, withinOneEdit } from "../../src/core/reference-typos.ts";

const engine = getEngine();
const top = (q: string) => {
  const a = engine.answer(q);
  return a.kind === "clause" ? `${a.clause.id} ${a.via}` : a.kind;
};

describe("references as people type them", () => {
  it.each([
    ["mesur 4", "M4"],
    ["mesure4", "M4"],
    ["la mesue 2", "M2"],
    ["measre 5", "M5"],
    ["la mesur numero 3", "M3"],
    ["measre no. 5", "M5"],
    ["pnukt № 2", "M2"],
    ["п.6", "M6"],
    ["м 3", "M3"],
    ["considérent 2", "P2"],
    ["recitel 3", "P3"],
    ["recitel four", "P4"],
    ["the 3rd measre", "M3"],
    ["the first recitel", "P1"],
    ["deuxième considérent", "P2"],
    ["preambel para 1", "P1"],
    ["préambul, 3e paragraphe", "P3"],
    ["преамбла абз. 4", "P4"],
    ["абзац 2 преамблы", "P2"],
    ["преамбула п1", "P1"],
    ["3й абзац преамбли", "P3"],
    ["пп.2", "M2"],
    ["m e a s u r e 4", "M4"],
    ["M E S U R E 3 ?", "M3"],
  ])("%j is %s", (q, id) => {
    expect(top(q)).toBe(`${id} reference`);
  });

  it("reads a lone clause name with a typo", () => {
    expect(top("signatairs")).toMatch(/^signatories/);
    expect(top("the apeal")).toMatch(/^appeal/);
  });

  it("leaves articles that are numbers, and words of the reference tables, alone", () => {
    expect(top("mesur une fois")).not.toMatch(/reference$/);
    expect(top("the last part of the movie")).not.toMatch(/reference$/);
    // Letters typed one by one are read whole only where they make a clause word.
    expect(fixReferenceTypos("a b c d 4", () => false)).toBe("a b c d 4");
    expect(fixReferenceTypos("m e a s u r e 4", () => false)).toBe("measure 4");
    // "п1" is read as "п. 1", so another document's point stays another document's.
    expect(fixReferenceTypos("п1 ст. 51 Устава ООН", () => false)).toBe("п. 1 ст. 51 устава оон");
    expect(engine.answer("п1 ст. 51 Устава ООН").kind).not.toBe("clause");
    // A clause word in another case after an ordinal is declined, not misspelt.
    expect(fixReferenceTypos("что в последнем абзаце", () => false)).toBe("что в последнем абзаце");
    expect(top("что в последнем абзаце")).toBe("closing reference");
  });

  it("leaves words of the text alone, and numbers that follow no clause word", () => {
    expect(top("les mesures 3 et 4")).toBe("M3 reference");
    expect(engine.answer("combien de soldats 4000 ?").kind).not.toBe("clause");
  });

  it("counts one insertion, deletion, substitution or swap", () => {
    expect(withinOneEdit("mesure", "mesur")).toBe(true);
    expect(withinOneEdit("mesure", "mesrue")).toBe(true);
    expect(withinOneEdit("mesure", "mesuer")).toBe(true);
    expect(withinOneEdit("measure", "meassure")).toBe(true);
    expect(withinOneEdit("mesure", "masure")).toBe(true);
    expect(withinOneEdit("mesure", "misura")).toBe(false);
  });

  it("agrees with a plain count of edits on any two words", () => {
    /** One insertion, deletion, substitution or swap turns `a` into `b`, tried every way. */
    const oneEditApart = (a: string, b: string): boolean => {
      if (a === b) return true;
      for (let i = 0; i <= a.length; i++) {
        const head = a.slice(0, i);
        if (head + a.slice(i + 1) === b) return true;
        if (a[i + 1] !== undefined && head + a[i + 1] + a[i] + a.slice(i + 2) === b) return true;
        for (const c of new Set(b)) {
          if (head + c + a.slice(i) === b || head + c + a.slice(i + 1) === b) return true;
        }
      }
      return false;
    };
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 6 });
    fc.assert(
      fc.property(word, word, (a, b) => withinOneEdit(a, b) === oneEditApart(a, b)),
      { numRuns: 2000 },
    );
  });
});
