import { describe, expect, it } from "vitest";
import { analyzeQuery } from "../../src/core/analysis.ts";
import { loadDeclaration } from "../../src/core/declaration.ts";
import { CLASS_TERM, getEntities, readEntities } from "../../src/core/entities.ts";
import { termsOf } from "../../src/core/question-index.ts";

const entities = getEntities();
const data = readEntities();

describe("entity tables (data/entities.json)", () => {
  it("lists exactly the six signatory states, each named in the signatories clause", () => {
    const signatories = data.states.filter((s) => s.signatory);
    expect(signatories.map((s) => s.id).sort()).toEqual([
      "armenia",
      "belarus",
      "kazakhstan",
      "kyrgyzstan",
      "russia",
      "tajikistan",
    ]);
    const clause = loadDeclaration().find((c) => c.id === "signatories");
    const named = new Set(
      Object.values(clause?.text ?? {}).flatMap((t) =>
        entities.inWords(analyzeQuery(t).map((x) => x.word)).map((e) => e.id),
      ),
    );
    for (const s of signatories) expect(named, s.id).toContain(s.id);
  });

  it.each([
    ["Georgia", "georgia", false],
    ["Грузии", "georgia", false],
    ["Армении", "armenia", true],
    ["kirghizistan", "kyrgyzstan", true],
    ["Ouzbékistan", "uzbekistan", false],
    ["OTAN", "nato", true],
    ["ОДКБ", "csto", true],
    ["ONU", "un", false],
  ])("reads %s as %s (in the text: %s)", (word, id, inText) => {
    expect(entities.of(word.toLowerCase())).toMatchObject({ id, inText });
  });

  it.each(["sign", "security", "observers", "the", "мира", "paix"])(
    "reads no entity in %s",
    (word) => {
      expect(entities.of(word)).toBeUndefined();
    },
  );

  it("finds multi-word names", () => {
    expect(entities.inWords(["united", "nations", "and", "nato"]).map((e) => e.id)).toEqual([
      "un",
      "nato",
    ]);
  });

  it("adds a class term, so any state's question meets the others' examples", () => {
    expect(termsOf(analyzeQuery("did Georgia sign?"), entities)).toContain(CLASS_TERM.state);
    expect(termsOf(analyzeQuery("Грузия подписала?"), entities)).toContain(CLASS_TERM.state);
    expect(termsOf(analyzeQuery("what about NATO?"), entities)).toContain(CLASS_TERM.org);
    expect(termsOf(analyzeQuery("what about drugs?"), entities)).not.toContain(CLASS_TERM.state);
  });
});
