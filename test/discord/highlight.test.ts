import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold } from "../../src/core/analysis.ts";
import {
  escapeMarkdown,
  highlight,
  highlightSegments,
  normalize,
  termMatchesWord,
} from "../../src/discord/render/highlight.ts";

describe("normalize", () => {
  it("drops case and accents and unifies apostrophes", () => {
    expect(normalize("Prévenir L’OTAN")).toBe("prevenir l'otan");
  });

  it("is the engine's fold: the Russian «й» stays a letter of its own", () => {
    expect(normalize("Постоянный")).toBe(fold("Постоянный"));
    expect(normalize("Постоянный")).toContain("й");
    // «мой» and «мои» are different words: one does not bold the other.
    expect(highlight("мои слова", ["мой"], 100)).toBe("мои слова");
    expect(highlight("Постоянный совет", ["постоянный"], 100)).toBe("**Постоянный** совет");
  });
});

describe("termMatchesWord", () => {
  it("matches exact words, plurals and close inflections", () => {
    expect(termMatchesWord("briefings", "briefings")).toBe(true);
    expect(termMatchesWord("consultation", "consultations")).toBe(true);
    expect(termMatchesWord("reguliers", "regulieres")).toBe(true);
    expect(termMatchesWord("militaires", "militaire")).toBe(true);
  });

  it("does not light up short or unrelated words", () => {
    expect(termMatchesWord("la", "la")).toBe(false);
    expect(termMatchesWord("con", "contacts")).toBe(false);
    expect(termMatchesWord("securite", "secretaires")).toBe(false);
    expect(termMatchesWord("drogue", "dangereux")).toBe(false);
  });
});

describe("highlight", () => {
  const text = "afin de créer des mécanismes visant à prevenir les incidents militaires dangereux.";

  it("bolds matched terms accent-insensitively", () => {
    expect(highlight(text, ["prévenir", "Incidents"], 4096)).toBe(
      "afin de créer des mécanismes visant à **prevenir** les **incidents** militaires dangereux.",
    );
  });

  it("bolds accented text for an unaccented query", () => {
    expect(highlight("la sécurité régionale", ["securite"], 100)).toBe("la **sécurité** régionale");
  });

  it("joins adjacent matched words into one bold run", () => {
    expect(highlight(text, ["incidents", "militaires"], 4096)).toContain(
      "**incidents militaires**",
    );
  });

  it("leaves the text unchanged without terms", () => {
    expect(highlight(text, [], 4096)).toBe(text);
    expect(highlightSegments(text, [])).toEqual([{ text, bold: false }]);
  });

  it("escapes markdown in the quoted text", () => {
    expect(escapeMarkdown("a*b_c~d`e|f")).toBe("a\\*b\\_c\\~d\\`e\\|f");
    expect(highlight("un *faux* gras", ["gras"], 100)).toBe("un \\*faux\\* **gras**");
  });

  it("stays within the limit and never leaves a dangling bold marker", () => {
    const long = Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? "incidents" : "mot")).join(
      " ",
    );
    for (const max of [1, 2, 5, 17, 100, 1024, 4096]) {
      const out = highlight(long, ["incidents"], max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect((out.match(/\*\*/g) ?? []).length % 2).toBe(0);
    }
    expect(highlight(long, ["incidents"], 100).endsWith("…")).toBe(true);
  });
});

describe("highlight, for any text, terms and cap (fast-check)", () => {
  // Words that terms can match, markdown Discord would interpret, spaces and emoji (surrogate
  // pairs), so cuts land inside escapes, bold runs and pairs.
  const piece = fc.constantFrom(
    "sécurité",
    "OTAN",
    "l’OTAN",
    "militaires",
    "incidents",
    "безопасность",
    "*",
    "**",
    "_",
    "~",
    "`",
    "|",
    "\\",
    " ",
    "  ",
    "\n",
    "👍",
    "🇫🇷",
    ".",
    "a",
  );
  const text = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(""));
  const terms = fc.array(
    fc.oneof(
      fc.constantFrom("securite", "otan", "militaires", "incidents", "безопасность"),
      fc.string(),
    ),
    { maxLength: 4 },
  );

  it("never exceeds its cap, and gives the whole text when it fits", () => {
    fc.assert(
      fc.property(text, terms, fc.integer({ min: 1, max: 400 }), (t, ts, max) => {
        const out = highlight(t, ts, max);
        expect(out.length).toBeLessThanOrEqual(max);
        const whole = highlight(t, ts, Number.POSITIVE_INFINITY);
        if (whole.length <= max) expect(out).toBe(whole);
        else expect(out.endsWith("…")).toBe(true);
      }),
    );
  });
});
