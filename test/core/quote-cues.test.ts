/**
 * When chat presents a quotation (data/quotes.json cues, or a clause reference next to quotation
 * marks): every rule's examples, and the invariant that no cue fires on the declaration itself.
 */

import { describe, expect, it } from "vitest";
import { MAX_WORDS_BEFORE } from "../../src/core/credit-reach.ts";
import { checkText } from "../../src/core/quote/check.ts";
import { cueIn, presentedQuotations, readQuoteData } from "../../src/core/quote-cues.ts";
import { declarationTexts } from "../support/declaration-texts.ts";
import { bestTime } from "../support/timing.ts";

const { cues } = readQuoteData();

describe("quotation cues (data/quotes.json)", () => {
  it("has examples that must fire and must not for every rule, with unique ids", () => {
    for (const r of cues) {
      expect(r.fires.length, r.id).toBeGreaterThan(0);
      expect(r.spares.length, r.id).toBeGreaterThan(0);
    }
    expect(new Set(cues.map((r) => r.id)).size).toBe(cues.length);
  });

  it.each(cues.flatMap((r) => r.fires.map((m) => [r.id, m])))("%s presents %s", (id, m) => {
    expect(presentedQuotations(m)?.cue).toBe(id);
  });

  it.each(cues.flatMap((r) => r.spares.map((m) => [r.id, m])))("%s spares %s", (_id, m) => {
    expect(presentedQuotations(m)).toBeNull();
  });

  it("a clause reference next to a quotation presents it, and names the clause", () => {
    const p = presentedQuotations("la mesure 3 dit « faciliter les contacts »");
    expect(p?.cue).toBe("reference");
    expect(p?.quotations[0]?.named).toEqual([{ kind: "clause", id: "M3" }]);
    expect(presentedQuotations("пункт 5: «взаимное участие»")?.cue).toBe("reference");
  });

  it("names, for each quotation, the clause its own lead-in or closing words name", () => {
    const named = (text: string) =>
      presentedQuotations(text)?.quotations.map((q) =>
        q.named.map((r) => (r.kind === "clause" ? r.id : "?")),
      );
    expect(
      named(
        "la mesure 3 dit « faciliter les contacts » et la mesure 1 dit « établir des contacts »",
      ),
    ).toEqual([["M3"], ["M1"]]);
    // "measure 3 says" leads the second quotation in; the first is presented by a cue only.
    expect(
      named('the text says "direct contacts" and measure 3 says "facilitate contacts"'),
    ).toEqual([[], ["M3"]]);
    // The reference closes the first; the second has nothing of its own that presents it.
    expect(
      named("« faciliter les contacts » (mesure 4), et aussi « établir des contacts »"),
    ).toEqual([["M4"]]);
    // A lead-in reads back only to the previous quotation.
    expect(named("mesure 2 : « établir » « faciliter les contacts »")).toEqual([["M2"]]);
  });

  it("quotation marks alone, or a cue alone, present nothing", () => {
    expect(presentedQuotations("« à demain » !")).toBeNull();
    expect(presentedQuotations("la déclaration dit qu’il faut des contacts")).toBeNull();
  });

  it("a cue far from the quotation does not count", () => {
    const far = `la déclaration dit ${"bla ".repeat(40)} « faciliter les contacts »`;
    expect(presentedQuotations(far)).toBeNull();
  });

  it("never fires on the declaration's own text, translations, titles or search aids", () => {
    const fired = declarationTexts().flatMap(({ id, text }) => {
      const rule = cueIn(text);
      return [
        ...(rule ? [`${rule} on ${id}: ${text}`] : []),
        ...(presentedQuotations(text) ? [`presented on ${id}: ${text}`] : []),
      ];
    });
    expect(fired).toEqual([]);
  });

  it("scans a long message quickly", () => {
    const text = `${"« la mesure 3 dit ".repeat(500)}${'"'.repeat(2000)}`;
    expect(bestTime(() => presentedQuotations(text), 100)).toBeLessThan(100);
  });
});

// Both tables quote measure 4 and name measure 5: a fire credits nothing, a spare still credits 5.
describe.each([
  ["how far a credit reaches (data/quotes.json creditReach)", readQuoteData().creditReach],
  ["credits the message denies (data/quotes.json deniedCredits)", readQuoteData().deniedCredits],
])("%s", (_name, table) => {
  it.each(table.fires)(
    "%j credits the quotation to no clause named out of reach or denied",
    (text) => {
      expect(checkText(text)[0]).toMatchObject({ verdict: "verbatim", clause: "M4" });
    },
  );

  it.each(table.spares)("%j still credits measure 5: misattributed", (text) => {
    expect(checkText(text)[0]).toMatchObject({ verdict: "misattributed", clause: "M4" });
  });
});

describe("credits the message denies: the declaration's own words", () => {
  it("reads no denial in the declaration's own words between a reference and the quotation", () => {
    const quote = "« Organiser régulièrement des briefings sur les exercices »";
    // Every run of as many of the text's words as a credit reaches across before a quotation.
    const denied = declarationTexts().flatMap(({ id, text }) => {
      // Without the marks that end a statement: a statement ended before a quotation cuts it.
      const words = text.replace(/[«»"“”.!?;]/g, " ").split(/\s+/);
      return words.flatMap((_, i) => {
        const between = words.slice(i, i + MAX_WORDS_BEFORE).join(" ");
        const named = presentedQuotations(`la mesure 5 ${between} ${quote}`)?.quotations[0]?.named;
        return named?.length === 0 ? [`${id}: ${between}`] : [];
      });
    });
    expect(denied).toEqual([]);
  });

  it("reads no landmark, turn or denial in the declaration's own words before a reference", () => {
    const quote = "« Organiser régulièrement des briefings sur les exercices »";
    // Every run of a few of the text's words, as the words that lead in the reference.
    const cut = declarationTexts().flatMap(({ id, text }) => {
      const words = text.replace(/[«»"“”.!?;:]/g, " ").split(/\s+/);
      return words.flatMap((_, i) => {
        const lead = words.slice(i, i + 6).join(" ");
        const named = presentedQuotations(`${lead} la mesure 5 dit ${quote}`)?.quotations[0]?.named;
        return named?.length === 0 ? [`${id}: ${lead}`] : [];
      });
    });
    expect(cut).toEqual([]);
  });
});
