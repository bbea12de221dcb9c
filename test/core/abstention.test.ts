import { describe, expect, it } from "vitest";
import {
  asksForFactNotInText,
  asksWhereInText,
  readAbstentionData,
  readAbstentionRules,
} from "../../src/core/abstention.ts";
import { confidence } from "../../src/core/ranking.ts";
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
    // A passage well behind "none" is no answer, unless the question asks where the text says it.
    const top = { id: "M6" as const, score: 0.2, matched: [], coverage: 0.5 };
    const signals = { rule: null, unknownWord: false, foreignShare: 0 };
    expect(confidence(top, 0.6, signals)).toBe("none");
    expect(confidence(top, 0.6, { ...signals, whereInText: true })).toBe("closest");
    // …and never when a rule says what the text lacks ("where does it give the date?").
    expect(confidence(top, 0.6, { ...signals, whereInText: true, rule: "date" })).toBe("none");
  });
});
