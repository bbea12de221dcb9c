/**
 * /measure through `handleInteraction` and the recording transport: every measure's card, in the
 * reader's language, its previous/next buttons, the private refusals, and the autocomplete.
 */
import { describe, expect, it } from "vitest";
import type { Clause, Lang } from "../../../src/core/types.ts";
import { expectRefusal, fileHarness, LOCALES } from "../../support/handler-harness.ts";
import { componentIds, embedsOf } from "../../support/payloads.ts";
import { autocomplete, slash } from "../../support/recording-transport.ts";

const h = await fileHarness();

const measures = h.engine.clauses.filter((c) => c.kind === "measure");
const measure = (number: unknown, locale = "fr") =>
  h.run(slash("measure", [{ name: "number", type: 4, value: number }], { locale }));

/** The card of `clause` for a `lang` reader: its label and title, the French text, a translation. */
function expectCard(message: Parameters<typeof embedsOf>[0], clause: Clause, lang: Lang): void {
  const [embed, ...more] = embedsOf(message);
  expect(more).toEqual([]);
  expect(embed?.title).toBe(h.cardTitle(clause.id, lang));
  expect(embed?.description).toContain(clause.text.fr);
  // French readers read the original alone; others get the working translation beside it.
  const fields = embed?.fields ?? [];
  if (lang === "fr") expect(fields).toEqual([]);
  else expect(fields.map((f) => f.value)).toEqual([clause.text[lang]]);
}

describe("/measure N", () => {
  it("the declaration has measures to show", () => {
    expect(measures.map((c) => c.number)).toEqual(measures.map((_, i) => i + 1));
    expect(measures.length).toBeGreaterThanOrEqual(4);
  });

  for (const clause of measures) {
    it(`/measure ${clause.number} shows ${clause.id}, publicly, with its neighbours' buttons`, async () => {
      const a = await measure(clause.number);
      expect(a.sent.map((s) => s.kind)).toEqual(["callback"]);
      expect(a.type).toBe(4);
      expect(a.ephemeral).toBe(false);
      expectCard(a.message, clause, "fr");
      const { previous, next } = h.engine.neighbours(clause.id);
      expect(componentIds(a.message)).toEqual([
        ...(previous ? [`prev:${previous.id}`] : []),
        ...(next ? [`next:${next.id}`] : []),
      ]);
      expect(a.outcome).toMatchObject({ outcome: "clause", clause: clause.id });
    });
  }

  it.each(LOCALES)(
    "in locale %s, the card speaks %s and keeps the French original",
    async (locale, lang) => {
      const [, , third] = measures;
      if (!third) throw new Error("no third measure");
      const a = await measure(3, locale);
      expectCard(a.message, third, lang);
    },
  );

  it("reads the number as people write it: a string, a word, a roman numeral", async () => {
    for (const [raw, locale, id] of [
      ["2", "fr", "M2"],
      ["trois", "fr", "M3"],
      ["IV", "en-US", "M4"],
      ["пять", "ru", "M5"],
    ] as const) {
      expect((await measure(raw, locale)).outcome, raw).toMatchObject({ clause: id });
    }
  });
});

describe("/measure refusals", () => {
  it.each([0, measures.length + 1, 99])(
    "measure %i is beyond the text: said privately, with the count",
    async (n) => {
      for (const [locale, lang] of LOCALES) {
        const text = expectRefusal(
          await measure(n, locale),
          h.engine,
          lang,
          "measure-out-of-range",
        );
        expect(text).toContain(String(measures.length));
        expect(text).toContain(String(n));
      }
    },
  );

  it.each(["abc", "3.5", "-1", "1e9", 2.5, -1])(
    "a malformed value (%j) is refused privately, quoting it",
    async (raw) => {
      for (const [locale, lang] of LOCALES) {
        const text = expectRefusal(await measure(raw, locale), h.engine, lang, "measure-malformed");
        // Escaped for Discord's markdown, so "3.5" may read "3\.5".
        expect(text.replace(/\\(.)/g, "$1")).toContain(String(raw));
      }
    },
  );

  it("an empty value asks for a number", async () => {
    expectRefusal(await measure("  ", "en-US"), h.engine, "en", "measure-missing");
  });

  it("echoes what was typed without letting it ping or format", async () => {
    const text = expectRefusal(
      await measure("@everyone **x**"),
      h.engine,
      "fr",
      "measure-malformed",
    );
    expect(text).not.toContain("**x**");
  });
});

describe("/measure autocomplete", () => {
  const choices = async (typed: string, locale = "fr") => {
    const a = await h.run(autocomplete("measure", { number: typed }, { locale }));
    expect(a.sent.map((s) => s.kind)).toEqual(["callback"]);
    expect(a.type).toBe(8);
    return (a.message.choices ?? []) as { name: string; value: number }[];
  };

  it("offers every measure, numbered and titled in the reader's language", async () => {
    for (const [locale, lang] of LOCALES) {
      const offered = await choices("", locale);
      expect(offered.map((c) => c.value)).toEqual(measures.map((c) => c.number));
      expect(offered.map((c) => c.name)).toEqual(
        measures.map((c) => `${c.number} — ${c.title[lang]}`),
      );
    }
  });

  it("a number typed picks that measure", async () => {
    expect((await choices("4")).map((c) => c.value)).toEqual([4]);
  });

  it.each([
    ["drog", "fr"],
    ["drug", "en-US"],
    ["нарко", "ru"],
  ])("words find the measure on drug trafficking: %j (%s)", async (typed, locale) => {
    const drugs = measures.find((c) => /stupéfiants/.test(c.text.fr));
    expect((await choices(typed, locale)).map((c) => c.value)).toEqual([drugs?.number]);
  });

  it("something unrelated still offers every measure, never an empty list", async () => {
    expect(await choices("zzzzqqq")).toHaveLength(measures.length);
  });
});
