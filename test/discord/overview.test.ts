import { describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { paginate } from "../../src/core/overview.ts";
import { LANGS } from "../../src/core/types.ts";
import { helpEmbed } from "../../src/discord/render/help-embed.ts";
import { embedProblems, LIMITS } from "../../src/discord/render/limits.ts";
import { overviewPayload, pagePayload } from "../../src/discord/render/overview.ts";
import { quoteText } from "../../src/discord/render/quote-text.ts";
import { hugeClause } from "./fixtures.ts";

const { clauses } = getEngine();

describe("overview", () => {
  it("lists every clause in the menu, within Discord's limits, in every language", () => {
    for (const lang of LANGS) {
      const { embeds, components } = overviewPayload(clauses, lang);
      for (const embed of embeds) expect(embedProblems(embed)).toEqual([]);
      const menu = components[0]?.components[0];
      if (!menu || !("options" in menu)) throw new Error("no select menu");
      expect(menu.options.map((o) => o.value)).toEqual(clauses.map((c) => c.id));
      for (const option of menu.options) {
        expect(option.label.length).toBeLessThanOrEqual(LIMITS.selectLabel);
        expect(option.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.selectDescription);
      }
    }
  });
});

describe("pages", () => {
  it("cover the whole French text in reading order, each clause once", () => {
    const pages = paginate(clauses);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat().map((c) => c.id)).toEqual(clauses.map((c) => c.id));
  });

  it("stay within the limits with translations, and clamp out-of-range pages", () => {
    const count = paginate(clauses).length;
    for (const lang of LANGS) {
      for (let page = 0; page < count; page++) {
        const { embeds } = pagePayload(clauses, page, lang);
        for (const embed of embeds) expect(embedProblems(embed)).toEqual([]);
      }
    }
    expect(pagePayload(clauses, 99, "fr").embeds[0]?.title).toContain(`${count}/${count}`);
  });

  it("link to neighbouring pages and back to the overview", () => {
    const ids = (page: number) =>
      pagePayload(clauses, page, "fr").components.flatMap((row) =>
        row.components.map((c) => ("custom_id" in c ? c.custom_id : "")),
      );
    expect(ids(0)).toEqual(["page:1", "overview"]);
    expect(ids(1)).toContain("page:0");
  });

  it("survive absurdly long clauses", () => {
    for (const lang of LANGS) {
      const { embeds } = pagePayload([hugeClause(), hugeClause()], 0, lang);
      for (const embed of embeds) expect(embedProblems(embed)).toEqual([]);
    }
  });
});

describe("quoteText", () => {
  it("block-quotes the French text with a citation line", () => {
    const m4 = clauses.find((c) => c.id === "M4");
    if (!m4) throw new Error("no M4");
    const fr = quoteText(m4, "fr");
    expect(fr.split("\n")[0]).toMatch(/^> 4\. Organiser/);
    expect(fr).toMatch(/\n— Mesure 4 \(.*\), Déclaration/);
    expect(quoteText(m4, "en")).toMatch(/Unofficial working translation/);
  });

  it("stays within 2000 characters and keeps its citation", () => {
    for (const lang of LANGS) {
      const text = quoteText(hugeClause(), lang);
      expect(text.length).toBeLessThanOrEqual(LIMITS.content);
      expect(text).toMatch(/\n— /);
    }
  });
});

describe("help", () => {
  it("fits in every language", () => {
    for (const lang of LANGS) {
      for (const textKept of [false, true]) {
        expect(embedProblems(helpEmbed(lang, { textKept, days: 3650 }))).toEqual([]);
      }
    }
  });
});
