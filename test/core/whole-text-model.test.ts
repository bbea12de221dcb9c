import { describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import { WHOLE_TEXT } from "../../src/core/questions.ts";
import {
  featuresOf,
  trainWholeTextModel,
  wholeTextLogOdds,
} from "../../src/core/whole-text-model.ts";

const WHOLE = [WHOLE_TEXT];

describe("the learned reading of questions about the whole text", () => {
  it("reads words by their beginnings, the pairs of adjacent words and the first word", () => {
    expect(featuresOf("Résumé du TEXTE ?")).toEqual([
      "resum",
      "du",
      "texte",
      "resum du",
      "du texte",
      "^resum",
    ]);
    expect(featuresOf("")).toEqual([]);
    // A long message is read up to a bound: the cost of a question does not grow with its length.
    expect(featuresOf("mot ".repeat(10_000)).length).toBeLessThanOrEqual(3);
  });

  it("counts, for each feature, the questions of each kind that held it", () => {
    const model = trainWholeTextModel([
      { q: "résumé svp", expect: WHOLE },
      { q: "résumé de la mesure 3", expect: ["M3"] },
      { q: "recette de tarte", expect: [] },
    ]);
    expect(model.questions).toEqual([2, 1]);
    expect(model.features.resum).toEqual([1, 1]);
    expect(model.features.svp).toEqual([0, 1]);
    expect(model.features.tarte).toEqual([1, 0]);
  });

  it("leans towards the questions most like it, and says nothing without both kinds", () => {
    const model = trainWholeTextModel([
      { q: "de quoi parle ce texte", expect: WHOLE },
      { q: "c'est quoi l'idée du texte", expect: WHOLE },
      { q: "que dit la mesure 3", expect: ["M3"] },
      { q: "que propose la mesure sur la drogue", expect: ["M6"] },
      { q: "recette de tarte aux pommes", expect: [] },
    ]);
    expect(wholeTextLogOdds(model, "il parle de quoi ce texte")).toBeGreaterThan(0);
    expect(wholeTextLogOdds(model, "que dit la mesure 5")).toBeLessThan(0);
    expect(wholeTextLogOdds(trainWholeTextModel([{ q: "texte", expect: WHOLE }]), "texte")).toBe(0);
  });

  it("does not count a word once seen about a clause for the whole text, the smaller kind", () => {
    const model = trainWholeTextModel([
      { q: "de quoi parle le texte", expect: WHOLE },
      ...["la mesure 1", "la mesure 2", "la mesure 4 et la réunion", "qui a signé"].map((q) => ({
        q,
        expect: ["M1"],
      })),
    ]);
    expect(wholeTextLogOdds(model, "réunion")).toBeLessThan(wholeTextLogOdds(model, "zzz"));
  });
});

describe("the engine offers the overview as the closest thing", () => {
  const engine = new Engine();

  it.each([
    "explique le bazar à un vieux loup de mer qui y connaît rien",
    "pls explain this doc like i'm a physicist who knows zero diplomacy",
    "пишу пост в блог, дай короткий пересказ всей декларации",
  ])("to %j, privately: no clause is sure and it reads as those about the whole text", (q) => {
    expect(engine.answer(q)).toMatchObject({ kind: "overview", confidence: "closest" });
  });

  it.each([
    "what do they want about drug trafficking?",
    "la mesure 3 en gros ça veut dire quoi ?",
    "recette de la tarte tatin",
    "tl;dr of the Treaty of Versailles",
  ])("never to %j", (q) => {
    expect(engine.answer(q).kind).not.toBe("overview");
  });

  it("learns from the examples it is given, as the leave-one-batch-out runs need", () => {
    const blind = new Engine({ examples: [{ q: "que dit la mesure 3", expect: ["M3"] }] });
    expect(
      blind.answer("pls explain this doc like i'm a physicist who knows zero diplomacy").kind,
    ).not.toBe("overview");
  });
});
