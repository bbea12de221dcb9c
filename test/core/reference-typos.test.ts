import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { withinOneEdit } from "../../src/core/reference-typos.ts";

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
    ["considérent 2", "P2"],
    ["recitel 3", "P3"],
  ])("%j is %s", (q, id) => {
    expect(top(q)).toBe(`${id} reference`);
  });

  it("reads a lone clause name with a typo", () => {
    expect(top("signatairs")).toMatch(/^signatories/);
    expect(top("the apeal")).toMatch(/^appeal/);
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
});
