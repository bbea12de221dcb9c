/**
 * Words for an end of the text, or a paragraph numbered without its kind, may mean either of two
 * clauses; a question's other words choose, and without such words the clause first named stays.
 */
import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { checkText } from "../../src/core/quote/check.ts";
import type { Answer } from "../../src/core/types.ts";

const engine = getEngine();
const answered = (a: Answer) => (a.kind === "clause" ? a.clause.id : a.kind);

describe("a reference with two readings, chosen by the question's words", () => {
  // The question's other words choose; without any, or with words that only say where, the
  // clause the reference names first stays.
  it.each([
    ["the premier paragraphe — peace, security, terrorism, all that, yeah?", "P1"],
    ["allez une fois, ils disent quoi sur le droit des nations tout au début ?", "P1"],
    ["какие глобальные угрозы упомянуты в самом начале?", "P1"],
    ["la toute fin, le 'ready to talk' — ils disent quoi pile ?", "closing"],
    ["c'est quoi ce concept de 'indivisible security' dans le deuxième paragraphe ?", "P2"],
    ["le premier paragraphe", "opening"],
    ["tout au début, avant les considérants, c'est quoi ?", "opening"],
    ["the very end of the doc", "signatories"],
    // the signatures list names: what "they say" at the end is the closing sentence
    ["à la toute fin ils disent quoi, on est partants pour papoter ?", "closing"],
    ["в самом конце что они говорят?", "closing"],
    ["dernière phrase, c'est quoi le message, on est chauds pour bosser ensemble ?", "closing"],
    ["what's the vibe at the very end, friendly?", "closing"],
    ["the very end of the text, who's there", "signatories"],
    // …unless the question's own words choose
    ["tout en bas, ils parlent de quels pays ?", "signatories"],
    ["what's in the first paragraph about NATO?", "opening"],
    // words the text does not use choose by the questions each clause answers, when they point
    // clearly at one reading
    ["le tout premier paragraphe, il cause de quoi, terro et tout ?", "P1"],
    ["в первом абзаце про ядерку и прочие страшилки есть?", "P1"],
  ])("%s → %s", (q, id) => {
    expect(answered(engine.answer(q))).toBe(id);
  });
});

describe("the first or last of 'the list', which alone may be the signatory states' for a quotation", () => {
  it.each([
    ["la fin de la liste ?", "M6"],
    ["la fin de la liste, les États membres de quoi ?", "M6"],
    ["the start of the list, what does it ask for?", "M1"],
  ])("%j → %s", (q, id) => {
    expect(answered(engine.answer(q))).toBe(id);
  });

  it.each([
    [
      "en bas de page : « du Kazakhstan, du Kirghizistan et du Tadjikistan », la fin de la liste",
      "verbatim",
    ],
    ["« de l'Arménie, du Belarus », le début de la liste", "verbatim"],
    ["«du Kazakhstan, du Kirghizistan et du Tadjikistan» — конец списка", "verbatim"],
    [
      "la fin de la liste des mesures : « du Kazakhstan, du Kirghizistan et du Tadjikistan »",
      "misattributed",
    ],
    [
      "la fin de la liste : « Organiser régulièrement des briefings sur les exercices »",
      "misattributed",
    ],
  ])("%j is %s", (text, verdict) => {
    expect(checkText(text)[0]?.verdict).toBe(verdict);
  });
});
