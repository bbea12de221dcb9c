import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  embedLength,
  embedProblems,
  fitEmbeds,
  LIMITS,
  truncate,
} from "../../src/discord/render/limits.ts";

describe("truncate", () => {
  it("keeps short text as is", () => {
    expect(truncate("court", 10)).toBe("court");
  });

  it("cuts at a word boundary and ends with an ellipsis", () => {
    const out = truncate("un deux trois quatre cinq six sept", 16);
    expect(out.length).toBeLessThanOrEqual(16);
    expect(out).toBe("un deux trois…");
  });

  it("never splits an emoji in half", () => {
    const out = truncate("😀".repeat(10), 6);
    expect(out.length).toBeLessThanOrEqual(6);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("handles tiny limits", () => {
    expect(truncate("abc", 0)).toBe("");
    expect(truncate("abc", 1)).toBe("…");
  });
});

describe("embeds", () => {
  it("counts title, description, fields, footer", () => {
    expect(
      embedLength({
        title: "ab",
        description: "cde",
        fields: [{ name: "f", value: "gh" }],
        footer: { text: "ij" },
      }),
    ).toBe(10);
  });

  it("reports broken limits", () => {
    expect(embedProblems({ title: "x".repeat(257) })).toContain("title");
    expect(embedProblems({ fields: [{ name: "n", value: "" }] })).toContain("field value");
    expect(embedProblems({ description: "ok" })).toEqual([]);
  });

  it("keeps whole embeds within the 6000 total of a message", () => {
    const big = { description: "x".repeat(4000) };
    expect(fitEmbeds([big, big, big])).toHaveLength(1);
    const small = { description: "x" };
    expect(fitEmbeds(Array.from({ length: 12 }, () => small))).toHaveLength(
      LIMITS.embedsPerMessage,
    );
  });
});

describe("truncate, for any text (fast-check)", () => {
  it("keeps any text within the limit, unchanged when it fits, without half an emoji", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.nat(200), (text, max) => {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
        else expect(out).not.toMatch(/[\uD800-\uDBFF]…$/);
      }),
    );
  });
});
