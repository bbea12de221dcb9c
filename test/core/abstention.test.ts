import { describe, expect, it } from "vitest";
import {
  asksForFactNotInText,
  asksWhereInText,
  readAbstentionData,
  readAbstentionRules,
} from "../../src/core/abstention.ts";
import { getEngine } from "../../src/core/engine.ts";
import { declarationTexts } from "../support/declaration-texts.ts";

const rules = readAbstentionRules();

describe("abstention rules (data/abstention.json)", () => {
  it("has examples that must fire and must not for every rule", () => {
    for (const r of rules) {
      expect(r.fires.length, r.id).toBeGreaterThan(0);
      expect(r.spares.length, r.id).toBeGreaterThan(0);
    }
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it.each(rules.flatMap((r) => r.fires.map((q) => [r.id, q])))("%s fires on %s", (id, q) => {
    expect(asksForFactNotInText(q)).toBe(id);
  });

  it.each(rules.flatMap((r) => r.spares.map((q) => [r.id, q])))("%s spares %s", (_id, q) => {
    expect(asksForFactNotInText(q)).toBeNull();
  });

  it("names the rule that fired", () => {
    expect(asksForFactNotInText("When was the CSTO founded?")).toBe("time");
    expect(asksForFactNotInText("Did NATO reply to this appeal?")).toBe("aftermath");
  });

  it("never fires on the declaration's own text, translations or search aids", () => {
    const fired = declarationTexts().flatMap(({ id, text }) => {
      const rule = asksForFactNotInText(text);
      return rule ? [`${rule} on ${id}: ${text}`] : [];
    });
    expect(fired).toEqual([]);
  });
});

describe("questions that ask where the text says something (data/abstention.json, whereInText)", () => {
  const { whereInText } = readAbstentionData();

  it.each(whereInText.fires)("asks where in the text: %s", (q) => {
    expect(asksWhereInText(q)).toBe(true);
  });

  it.each(whereInText.spares)("asks nothing of the text: %s", (q) => {
    expect(asksWhereInText(q)).toBe(false);
  });

  it("offers the closest passage rather than silence when asked where", () => {
    // Read like the off-topic questions, it would be "nothing answers this".
    const a = getEngine().answer("где они натовцам спасибо говорят и за что");
    expect(a).toMatchObject({ kind: "clause", clause: { id: "M6" }, confidence: "closest" });
  });
});
