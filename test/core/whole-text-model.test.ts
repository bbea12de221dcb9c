import { describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import { WHOLE_TEXT } from "../../src/core/questions.ts";
import {
  featuresOf,
  trainWholeTextModel,
  WholeTextReading,
} from "../../src/core/whole-text-model.ts";

const WHOLE = [WHOLE_TEXT];
const about = (expect: string[]) => (q: string) => ({ q, expect });

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
    // A long message is read up to a bound: its cost does not grow with its length.
    expect(featuresOf("mot ".repeat(10_000)).length).toBeLessThanOrEqual(3);
  });

  it("never makes a feature of an object's own property name, which a weight lookup would read", () => {
    const names = Object.getOwnPropertyNames(Object.prototype);
    const text = names.join(" ");
    expect(featuresOf(text).filter((f) => names.includes(f))).toEqual([]);
  });

  it("weighs the features of at least two example questions, and only those", () => {
    const model = trainWholeTextModel([
      ...["résumé svp", "le texte en résumé"].map(about(WHOLE)),
      ...["résumé de la mesure 3", "recette de tarte"].map(about(["M3"])),
    ]);
    expect(model.prior).toBe(0);
    // "^resum" began one question of each kind: it says nothing, and is left out too.
    expect(Object.keys(model.weights).sort()).toEqual(["de", "resum"]);
    expect(model.weights.resum).toBeGreaterThan(0);
    expect(model.weights.de).toBeLessThan(0);
  });

  it("leans towards the questions most like it, and says nothing without both kinds", () => {
    const reading = new WholeTextReading(
      trainWholeTextModel([
        ...["de quoi parle ce texte", "c'est quoi l'idée du texte", "ce texte parle de quoi"].map(
          about(WHOLE),
        ),
        ...["que dit la mesure 3", "que dit la mesure sur la drogue", "la mesure 5"].map(
          about(["M3"]),
        ),
      ]),
    );
    expect(reading.logOdds("il parle de quoi ce texte")).toBeGreaterThan(0);
    expect(reading.logOdds("que dit la mesure 5")).toBeLessThan(0);
    const oneKind = new WholeTextReading(trainWholeTextModel(["texte", "texte"].map(about(WHOLE))));
    expect(oneKind.logOdds("texte")).toBe(0);
  });

  it("does not count a word seen only about clauses for the whole text, the smaller kind", () => {
    const reading = new WholeTextReading(
      trainWholeTextModel([
        ...["de quoi parle le texte", "le texte parle de quoi"].map(about(WHOLE)),
        ...["la réunion et la mesure 1", "la réunion de la mesure 2", "qui a signé"].map(
          about(["M1"]),
        ),
      ]),
    );
    expect(reading.logOdds("réunion")).toBeLessThan(reading.logOdds("zzz"));
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
    // A fact the text never states keeps its "nothing answers this".
    "What's the date of this declaration?",
  ])("never to %j", (q) => {
    expect(engine.answer(q).kind).not.toBe("overview");
  });

  it("learns from the examples it is given, as the leave-one-batch-out runs need", () => {
    const blind = new Engine({ examples: [{ q: "que dit la mesure 3", expect: ["M3"] }] });
    const q = "pls explain this doc like i'm a physicist who knows zero diplomacy";
    expect(blind.answer(q).kind).not.toBe("overview");
  });
});
