import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { readRelativePositionData, relativePosition } from "../../src/core/relative-position.ts";
import { declarationTexts } from "../support/declaration-texts.ts";

const data = readRelativePositionData();
const engine = getEngine();

describe("clauses named by their place next to a topic (data/relative-positions.json)", () => {
  it.each(data.fires.map((f) => [f.text, f.target]))("%j is %s", (text, target) => {
    expect(engine.answer(text)).toMatchObject({ kind: "clause", clause: { id: target } });
  });

  it.each(data.spares)("%j names no place", (text) => {
    expect(relativePosition(text)).toBeNull();
  });

  it("never fires on the declaration's own words", () => {
    const fired = declarationTexts().flatMap(({ id, text }) =>
      relativePosition(text) ? [`${id}: ${text}`] : [],
    );
    expect(fired).toEqual([]);
  });

  it.each(data.betweenSpares.map((s) => [s.text, s.notClause]))(
    "%j is not %s, the clause between the two it names",
    (text, between) => {
      expect(engine.answer(text)).not.toMatchObject({ clause: { id: between } });
    },
  );
});

describe("look-alikes of a place in the text (data/relative-positions.json)", () => {
  it.each(data.lookAlikes)("%j is answered by no reference", (text) => {
    const answer = engine.answer(text);
    expect(answer.kind === "clause" && answer.via === "reference").toBe(false);
  });
});
