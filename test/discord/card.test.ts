import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { LANGS } from "../../src/core/types.ts";
import { cardComponents, cardPayload, clauseEmbed } from "../../src/discord/render/card.ts";
import { embedProblems, LIMITS } from "../../src/discord/render/limits.ts";
import { clause, hugeClause } from "./fixtures.ts";

describe("clauseEmbed", () => {
  it("titles with label — title, describes with the French text, names the declaration", () => {
    const embed = clauseEmbed(clause(), { lang: "fr" });
    expect(embed.title).toBe("Mesure 3 — Prévenir les incidents militaires");
    expect(embed.description).toContain("3. Faciliter les contacts");
    expect(embed.footer?.text).toMatch(/^Déclaration/);
    expect(embed.fields).toBeUndefined();
  });

  it("adds the working translation, marked unofficial, for English and Russian readers", () => {
    const en = clauseEmbed(clause(), { lang: "en" });
    expect(en.title).toBe("Measure 3 — Preventing military incidents");
    expect(en.description).toContain("3. Faciliter les contacts");
    expect(en.fields?.[0]?.name).toMatch(/Unofficial working translation/);
    expect(en.fields?.[0]?.value).toContain("Facilitate contacts");
    const ru = clauseEmbed(clause(), { lang: "ru" });
    expect(ru.fields?.[0]?.value).toContain("Содействовать");
  });

  it("bolds matched terms in the original and in the translation", () => {
    const embed = clauseEmbed(clause(), { lang: "en", matched: ["incidents"] });
    expect(embed.description).toContain("**incidents**");
    expect(embed.fields?.[0]?.value).toContain("**incidents**");
  });

  it("fits every Discord limit even for absurdly long clauses", () => {
    for (const lang of LANGS) {
      const embed = clauseEmbed(hugeClause(), { lang, matched: ["incidents"] });
      expect(embedProblems(embed)).toEqual([]);
      expect(embed.description?.endsWith("…")).toBe(true);
    }
  });

  it("keeps every real clause whole and within limits in every language", () => {
    for (const c of getEngine().clauses) {
      for (const lang of LANGS) {
        const embed = clauseEmbed(c, { lang });
        expect(embedProblems(embed)).toEqual([]);
        expect(embed.description).not.toContain("…");
      }
    }
  });
});

describe("cardComponents", () => {
  it("links previous/next and up to two see-also clauses with unique short custom ids", () => {
    const engine = getEngine();
    const m3 = engine.clause("M3");
    const m4 = engine.clause("M4");
    const m5 = engine.clause("M5");
    if (!m3 || !m4 || !m5) throw new Error("missing clauses");
    const rows = cardComponents({ ...engine.neighbours("M3"), seeAlso: [m4, m5, m3] }, "fr");
    const ids = rows.flatMap((r) => r.components.map((c) => ("custom_id" in c ? c.custom_id : "")));
    expect(ids).toEqual(["prev:M2", "next:M4", "see:M4", "see:M5"]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of rows) {
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const button of row.components) {
        expect("label" in button ? (button.label?.length ?? 0) : 0).toBeLessThanOrEqual(
          LIMITS.buttonLabel,
        );
      }
    }
  });

  it("has no previous button on the first clause nor next on the last", () => {
    const engine = getEngine();
    const first = cardPayload(engine.clauses[0] ?? clause(), {
      lang: "fr",
      ...engine.neighbours("opening"),
    });
    expect(first.components[0]?.components).toHaveLength(1);
    expect(cardComponents(engine.neighbours("signatories"), "en")[0]?.components).toHaveLength(1);
  });

  it("truncates long button labels", () => {
    const rows = cardComponents({ previous: hugeClause(), seeAlso: [hugeClause()] }, "fr");
    for (const row of rows) {
      for (const button of row.components) {
        expect("label" in button ? (button.label?.length ?? 0) : 0).toBeLessThanOrEqual(
          LIMITS.buttonLabel,
        );
      }
    }
  });
});
