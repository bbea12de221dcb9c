/**
 * Who speaks and to whom (data/references.json "parties"): a question that asks for the speakers
 * or the addressees gets the opening or the appeal when the search ranks it near the top.
 */
import { describe, expect, it } from "vitest";
import { Engine, getEngine } from "../../src/core/engine.ts";
import { partyAsked, partyRules } from "../../src/core/party-cues.ts";
import { readBatches } from "../../src/core/questions.ts";
import { declarationTexts } from "../support/declaration-texts.ts";

const engine = getEngine();

describe("the speakers and the addressees (data/references.json parties)", () => {
  const rows = partyRules();

  it.each(rows.flatMap((r) => r.fires.map((f) => [f, r.clause] as const)))(
    "%j asks for its party: %s",
    (text, clause) => {
      expect(partyAsked(text)).toBe(clause);
      expect(engine.answer(text)).toMatchObject({ kind: "clause", clause: { id: clause } });
    },
  );

  it.each(rows.flatMap((r) => r.spares.map((s) => [s, r.clause] as const)))(
    "%j is not moved to %s",
    (text, clause) => {
      expect(engine.answer(text)).not.toMatchObject({ clause: { id: clause } });
    },
  );

  it("never names another clause's party on the declaration's own words", () => {
    // The opening's own aids ("qui parle", "who is speaking") ask for its speakers.
    const fired = declarationTexts().flatMap(({ id, text }) => {
      const party = partyAsked(text);
      return party && party !== id ? [`${id}: ${text} → ${party}`] : [];
    });
    expect(fired).toEqual([]);
  });
});

describe("a question for the speakers that the search alone leaves unanswered", () => {
  // Built without the batch that wrote this question, as the leave-one-batch-out runs are: the
  // search finds too little of the opening's words in it to answer at all.
  const held = "t152";
  const engineWithout = new Engine({
    examples: readBatches()
      .filter((b) => b.name !== held)
      .flatMap((b) => b.questions),
  });

  it("offers the speakers' clause as the closest passage", () => {
    const q = "Pour mon exposé : au nom de qui la déclaration est-elle faite ?";
    expect(
      readBatches()
        .find((b) => b.name === held)
        ?.questions.map((x) => x.q),
    ).toContain(q);
    expect(engineWithout.answer(q)).toMatchObject({
      kind: "clause",
      clause: { id: "opening" },
      confidence: "closest",
    });
  });

  it("not for the author of another work", () => {
    expect(engineWithout.answer("Qui a écrit Les Misérables ?")).toMatchObject({ kind: "none" });
  });
});
