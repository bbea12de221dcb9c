import { describe, expect, it } from "vitest";
import { asksForFactNotInText, readAbstentionRules } from "../../src/core/abstention.ts";
import { loadDeclaration } from "../../src/core/declaration.ts";

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
    const fired: string[] = [];
    for (const c of loadDeclaration()) {
      const texts = [
        ...Object.values(c.text),
        ...Object.values(c.aids).flat(),
        ...Object.values(c.title),
      ];
      for (const t of texts) {
        const rule = asksForFactNotInText(t);
        if (rule) fired.push(`${rule} on ${c.id}: ${t}`);
      }
    }
    expect(fired).toEqual([]);
  });
});
