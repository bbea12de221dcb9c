import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeQuery,
  fold,
  isStopWord,
  isStopWordIn,
  queryStems,
  stemsIn,
  words,
} from "../../src/core/analysis.ts";
import { bestTime } from "../support/timing.ts";

describe("fold", () => {
  it("removes case, accents and ligatures", () => {
    expect(fold("SÉCURITÉ")).toBe("securite");
    expect(fold("manœuvres")).toBe("manoeuvres");
    expect(fold("Напряжённость")).toBe("напряженность");
  });
  it("keeps the Russian й, which is a letter and not an accented и", () => {
    expect(fold("второй")).toBe("второй");
  });
});

describe("words", () => {
  it("strips French elisions with straight and curly apostrophes", () => {
    expect(words("l’OTAN d'intérêt qu’un")).toEqual(["otan", "intérêt", "un"]);
  });
  it("keeps hyphenated words whole as well as in parts, but not grammar like est-ce", () => {
    expect(words("euro-atlantique")).toEqual(["euro", "atlantique", "euroatlantique"]);
    expect(words("est-ce")).toEqual(["est", "ce"]);
  });
  it("drops punctuation, emoji and English possessives", () => {
    expect(words("NATO's «plan» 🚀!!")).toEqual(["nato", "plan"]);
  });
});

describe("stop words and stems", () => {
  it("knows the stop words of the three languages and question framing", () => {
    for (const w of ["le", "the", "что", "déclaration", "says"])
      expect(isStopWord(w), w).toBe(true);
    expect(isStopWord("drogue")).toBe(false);
  });
  it("reads an English stop word French chat uses as a noun only after a determiner", () => {
    const content = (q: string) => analyzeQuery(q).map((t) => t.word);
    expect(content("ils parlent de la came ?")).toContain("came");
    expect(content("what came next after this?")).not.toContain("came");
    expect(isStopWordIn("came", "fr")).toBe(false);
    expect(isStopWordIn("came", "en")).toBe(true);
  });
  it("stems French, English and Russian with Snowball", () => {
    expect(stemsIn("organisations", "fr")).toContain("organis");
    expect(stemsIn("trafficking", "en")).toEqual(["traffick"]);
    expect(stemsIn("наркотиков", "ru")).toEqual(stemsIn("наркотики", "ru"));
  });
  it("gives the same stem to a French word typed with or without accents", () => {
    const accented = stemsIn("sécurité", "fr");
    expect(accented.some((s) => stemsIn("securite", "fr").includes(s))).toBe(true);
  });
  it("stems Latin query words as French and English, since users mix them", () => {
    expect(queryStems("drugs")).toContain("drug");
  });
  it("reduces a question to its content words", () => {
    expect(
      analyzeQuery("Qu’est-ce que la déclaration dit sur la drogue ?").map((t) => t.word),
    ).toEqual(["drogue"]);
  });
});

describe("hostile input", () => {
  it("splits words in time linear in the text: hyphens, apostrophes and digits in long runs", () => {
    for (const text of [
      `${"1".repeat(50_000)}x`,
      `${"-".repeat(50_000)}x`,
      `a${"'-".repeat(25_000)}b`,
    ]) {
      expect(
        bestTime(() => words(text), 100),
        text.slice(0, 10),
      ).toBeLessThan(100);
    }
  });

  it("drops words too long to be words before any stemming or typo tolerance", () => {
    expect(analyzeQuery(`${"x".repeat(20_000)} drogue`).map((t) => t.word)).toEqual(["drogue"]);
  });
});

describe("fold and the Russian short i", () => {
  it("keeps «й» whether it is typed composed or decomposed", () => {
    expect(fold("й")).toBe("й");
    expect(fold("й".normalize("NFD"))).toBe("й");
    expect(fold("ЙОД".normalize("NFD"))).toBe("йод");
  });
});

describe("fold, for any text (fast-check)", () => {
  it("is idempotent, leaves no combining mark and ignores case and composition", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) => {
        const f = fold(s);
        expect(fold(f)).toBe(f);
        expect(f).not.toMatch(/\p{M}/u);
        expect(fold(s.normalize("NFD"))).toBe(f);
      }),
    );
  });

  it("ignores case in the declaration's alphabets", () => {
    const letters = [
      ..."abcdefghijklmnopqrstuvwxyzéèêëàâçîïôöùûüœæабвгдеёжзийклмнопрстуфхцчшщъыьэюя -'",
    ];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), maxLength: 60 }), (s) => {
        expect(fold(s.toUpperCase())).toBe(fold(s));
      }),
    );
  });

  it("makes accented and plain Latin words compare equal", () => {
    expect(fold("Sécurité ÉTRANGÈRES cœur")).toBe(fold("securite etrangeres coeur"));
  });
});
