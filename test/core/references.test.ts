import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAUSE_COUNTS } from "../../src/core/declaration.ts";
import { getEngine } from "../../src/core/engine.ts";
import { findReferences, leadingMeasure } from "../../src/core/references.ts";

const ids = (text: string) =>
  findReferences(text).map((t) =>
    t.kind === "clause" ? t.id : `out:${t.clauseKind}:${t.requested}`,
  );

describe("findReferences", () => {
  it.each([
    // French
    ["mesure 3", "M3"],
    ["que dit la mesure 4 ?", "M4"],
    ["la 3e mesure", "M3"],
    ["la 3ème mesure", "M3"],
    ["la troisième mesure", "M3"],
    ["mesure trois", "M3"],
    ["la mesure n°5", "M5"],
    ["point 2", "M2"],
    ["c'est quoi le point n°1 ?", "M1"],
    ["§3", "M3"],
    ["cf. § 6", "M6"],
    ["art. 3", "M3"],
    ["l’article 4", "M4"],
    ["paragraphe 2", "M2"],
    ["le §2 de la liste des mesures", "M2"],
    ["la dernière mesure", "M6"],
    ["la première mesure", "M1"],
    ["considérant 2", "P2"],
    ["le 2e considérant", "P2"],
    ["le premier considérant", "P1"],
    ["le dernier considérant", "P4"],
    ["le 3e paragraphe du préambule", "P3"],
    ["le paragraphe avant la liste", "appeal"],
    ["le dernier paragraphe", "closing"],
    ["la mesure qui suit la mesure 2", "M3"],
    ["les signatures", "signatories"],
    // English
    ["measure 3", "M3"],
    ["what's clause 6 about", "M6"],
    ["the third measure", "M3"],
    ["the 2nd measure", "M2"],
    ["measure number 5", "M5"],
    ["item 4", "M4"],
    ["M3", "M3"],
    ["recital 2", "P2"],
    ["what does the 2nd recital say", "P2"],
    ["the first recital", "P1"],
    ["paragraph 2 of the preamble", "P2"],
    ["the last measure", "M6"],
    ["the measure after measure 3", "M4"],
    ["what comes before measure 1", "appeal"],
    ["the paragraph before the list", "appeal"],
    ["the signature block", "signatories"],
    ["the last paragraph", "closing"],
    ["the message just before the signatures", "closing"],
    // Russian
    ["пункт 5", "M5"],
    ["что в пункте 5?", "M5"],
    ["третий пункт", "M3"],
    ["пункт второй про что?", "M2"],
    ["мера пятая", "M5"],
    ["2-й пункт", "M2"],
    ["последний пункт", "M6"],
    ["мера 4", "M4"],
    ["абзац 2 преамбулы", "P2"],
    // "абзац" numbers the recitals, as the bot's Russian labels do; the first and last keep theirs
    ["третий абзац", "P3"],
    ["что сказано в четвёртом абзаце?", "P4"],
    ["абзац 2", "P2"],
    ["пятый абзац", "M5"],
    ["второй абзац текста", "P1"],
    ["последний абзац", "closing"],
    // "последняя" starts like "после" (after) but moves nothing to the next clause
    ["последняя строка перед подписями", "closing"],
  ])("%s → %s", (text, id) => {
    // Exactly that clause: a second, spurious reference would be quoted too.
    expect(ids(text)).toEqual([id]);
  });

  it("reports numbers beyond the text as out of range", () => {
    expect(ids("mesure 9")).toEqual(["out:measure:9"]);
    expect(ids("measure 0")).toEqual(["out:measure:0"]);
    expect(ids("considérant 7")).toEqual(["out:recital:7"]);
    expect(ids("пункт 12")).toEqual(["out:measure:12"]);
  });

  it("lists several references in order, once each", () => {
    expect(ids("mesures 3 et 4, puis la mesure 3 encore et le considérant 1")).toEqual([
      "M3",
      "M4",
      "P1",
    ]);
  });

  it.each([
    ["les mesures 3 à 5", ["M3", "M4", "M5"]],
    ["measures 1-3", ["M1", "M2", "M3"]],
    ["в пунктах 4–6", ["M4", "M5", "M6"]],
    ["considérants 2 à 4", ["P2", "P3", "P4"]],
    ["mesure 2-3 et 5", ["M2", "M3", "M5"]],
    // a word that starts like a unit ("часто", often) is no unit
    ["пункты 1–3 часто цитируют", ["M1", "M2", "M3"]],
  ])("reads the range %j as every clause in it", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    ["la mesure 5 à 10 heures", ["M5"]],
    ["la mesure 2 à 6 mois d'intervalle", ["M2"]],
    ["measure 2 to 3 times a year", ["M2"]],
    ["пункт 3 – 5 человек", ["M3"]],
    // past the clauses of its kind, a count of something else
    ["la mesure 2 à 8 euros", ["M2"]],
    ["considérants 3 à 5", ["P3"]],
    // one number written with a hyphen, not a range from ten
    ["que dit la mesure dix-sept ?", ["out:measure:17"]],
  ])("reads no range in %j: a count or one number", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    // the preamble's name as a heading numbers the paragraph after it, never a measure's point
    ["Préambule. Paragraphe 2 : c'est quoi ?", ["P2"]],
    ["Preamble. Second paragraph: what does it say?", ["P2"]],
    ["Je passe sur le préambule. Point 5 : c'est quoi ?", ["M5"]],
    // a part noun right after the name and an ordinal, no article: a recital
    ["le préambule, premier morceau ?", ["P1"]],
    ["il y a le préambule, la deuxième partie c'est la liste ?", []],
  ])("reads the preamble's name next to %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it("finds a reference inside ordinary discussion", () => {
    expect(ids("Comme le dit la mesure 4, les briefings devraient être réguliers.")).toEqual([
      "M4",
    ]);
    expect(ids("As measure 2 says, consultations matter.")).toEqual(["M2"]);
  });

  it.each([
    "les 6 mesures",
    "qui a signé ?",
    "the two organisations",
    "on a mis un point final à la discussion",
    "measures against drugs",
    "Le premier ministre arrive",
    "What is NATO's article 5?",
    "l’article 5 du traité de Washington",
    "article 5 of the North Atlantic Treaty",
    "статья 5 устава НАТО",
    // an ordinal after a verb or another text's article
    "кто хотел стать первым в диалоге с НАТО?",
    "что такое статья пятая Вашингтонского договора?",
  ])("sees no reference in %s", (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe("according to, not after", () => {
  it.each([
    // A lead-in that means "according to" credits the clause itself…
    ["D'après la mesure 5, que faut-il faire ?", "M5"],
    ["d'après le point 2, que faut-il créer ?", "M2"],
    ["selon la mesure 5", "M5"],
    ["Suivant la mesure 5, que faut-il faire ?", "M5"],
    ["conformément à la mesure 5", "M5"],
    ["D'après le 2e considérant", "P2"],
    ["according to measure 5", "M5"],
    ["as per measure 5", "M5"],
    ["per measure 5", "M5"],
    ["согласно пункту 5", "M5"],
    ["по словам пункта 5", "M5"],
    ["как сказано в пункте 5", "M5"],
    ["в соответствии с пунктом 5", "M5"],
    // …while "after" (no "d'", no "according") still means the next clause.
    ["après la mesure 5", "M6"],
    ["la mesure d'après la mesure 5", "M6"],
    ["la mesure suivant la mesure 5", "M6"],
    ["after measure 5", "M6"],
    ["the measure after measure 5", "M6"],
    ["после пункта 5", "M6"],
    ["avant la mesure 5", "M4"],
  ])("%s → %s", (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it.each([
    ["D'après la mesure 5, que faut-il faire ?", "M5"],
    ["d'après le point 2, que faut-il créer ?", "M2"],
    ["According to measure 5, what should be done?", "M5"],
    ["Согласно пункту 5, что нужно делать?", "M5"],
  ])("the engine answers %s with that clause", (question, id) => {
    const answer = getEngine().answer(question);
    expect(answer.kind === "clause" && [answer.clause.id, answer.via, answer.confidence]).toEqual([
      id,
      "reference",
      "answer",
    ]);
  });
});

describe("measure numbers, for any N (fast-check)", () => {
  const M = CLAUSE_COUNTS.measure;
  it("resolve any measure number, in range to that measure, beyond it as out of range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom("mesure", "la mesure", "measure", "пункт"),
        (n, word) => {
          const found = findReferences(`${word} ${n}`);
          expect(found).toHaveLength(1);
          const target = found[0];
          if (n <= M) expect(target).toMatchObject({ kind: "clause", id: `M${n}` });
          else expect(target).toMatchObject({ clauseKind: "measure", requested: n });
        },
      ),
    );
  });
});

describe("an ordinal ending typed onto the number after the noun", () => {
  it.each([
    ["мера 5я", "M5"],
    ["пункт 3й", "M3"],
    ["пункт 2ой про что?", "M2"],
    ["measure 3rd", "M3"],
    ["considérant 2e", "P2"],
  ])("%j is %s", (question, id) => {
    const answer = getEngine().answer(question);
    expect(answer.kind === "clause" ? answer.clause.id : answer.kind).toBe(id);
  });

  it("a number beyond the text stays out of range with its ending", () => {
    expect(getEngine().answer("measure 35th").kind).toBe("out-of-range");
  });
});

describe("a measure's number alone opening a question (leadingMeasure)", () => {
  it.each([
    ["le 4, résumé vite fait ?", "M4"],
    ["la 2, c'est quoi ?", "M2"],
    ["la 4 en bref ?", "M4"],
    ["le 4, ça dit quoi ?", "M4"],
  ])("%j → %s, offered privately", (q, id) => {
    expect(leadingMeasure(q)).toBe(id);
    const answer = getEngine().answer(q);
    expect(answer).toMatchObject({ kind: "clause", confidence: "closest", clause: { id } });
  });

  it.each([
    "le 5, on se voit au café ?",
    "le 2, c'est quand ?",
    "le 3 aussi ?",
    "le 1 merci !",
    "le 3 ?",
    "la 2 ou la 3 ?",
    "le 12, c'est quoi ?",
    "le 5 mars, c'est quoi ?",
    "« le 4, c'est quoi ? »",
  ])("%j names no measure", (q) => {
    expect(leadingMeasure(q)).toBeNull();
  });
});
