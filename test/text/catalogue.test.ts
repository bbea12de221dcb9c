/**
 * The text catalogue (src/text/): every language has every text, none is empty, each names the
 * same placeholders in every language, and each can be said. The types already refuse a missing
 * text or a placeholder a text must fill; these tests hold what the types cannot see.
 */
import { describe, expect, it } from "vitest";
import { LANGS, type Lang } from "../../src/core/types.ts";
import { COUNTS } from "../../src/text/format.ts";
import { CATALOGUES, helpFor, textsFor } from "../../src/text/index.ts";

/** Every leaf of `value` by its path ("settings.qaAdded", "help.entries.0.what"). */
function leaves(value: unknown, at = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      for (const [p, leaf] of leaves(v, at ? `${at}.${key}` : key)) out.set(p, leaf);
    }
  } else out.set(at, value);
  return out;
}

/** The placeholders a text names, without the counts every text may name. */
function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1] ?? "");
  return [...new Set(names)].filter((name) => !(name in COUNTS)).sort();
}

const written = Object.fromEntries(LANGS.map((lang) => [lang, leaves(CATALOGUES[lang])])) as Record<
  Lang,
  Map<string, unknown>
>;

describe("the text catalogue", () => {
  it("has the same texts in every language", () => {
    const paths = (lang: Lang) => [...written[lang].keys()].sort();
    for (const lang of LANGS) expect(paths(lang), lang).toEqual(paths("fr"));
    expect(written.fr.size).toBeGreaterThan(150);
  });

  it("has no empty text; only a line a language has no use for is null", () => {
    for (const lang of LANGS) {
      for (const [path, text] of written[lang]) {
        if (text === null) {
          // English names the commands in English: it has no other names to list.
          expect(`${lang}:${path}`).toBe("en:console.aliases");
          continue;
        }
        expect(typeof text, `${lang}:${path}`).toBe("string");
        expect((text as string).trim(), `${lang}:${path}`).not.toBe("");
      }
    }
  });

  it("names the same placeholders in every language", () => {
    for (const [path, fr] of written.fr) {
      if (typeof fr !== "string" || path.startsWith("nouns.")) continue;
      for (const lang of LANGS) {
        const text = written[lang].get(path);
        if (typeof text !== "string") continue;
        expect(placeholders(text), `${lang}:${path}`).toEqual(placeholders(fr));
      }
    }
  });

  it("says every text: counts filled in, each placeholder taken, no brace left", () => {
    for (const lang of LANGS) {
      const said = leaves(textsFor(lang));
      for (const [path, raw] of written[lang]) {
        const text = said.get(path);
        if (raw === null) {
          expect(text, path).toBeNull();
          continue;
        }
        const names = placeholders(raw as string);
        // Sample values: a count for every name, which plural placeholders need.
        const params = Object.fromEntries(names.map((name) => [name, 2]));
        expect(typeof text, `${lang}:${path}`).toBe(names.length > 0 ? "function" : "string");
        const out = typeof text === "function" ? text(params) : text;
        expect(out, `${lang}:${path}`).not.toMatch(/[{}]/);
        expect(String(out).trim(), `${lang}:${path}`).not.toBe("");
      }
    }
  });

  it("chooses plural forms by the count, through the language's nouns", () => {
    const { errors } = textsFor("ru");
    expect(errors.measureMissing({ max: 21 })).toBe(
      "Укажите номер меры от 1 до 21: в заявлении 21 мера.",
    );
    expect(errors.measureMissing({ max: 3 })).toBe(
      "Укажите номер меры от 1 до 3: в заявлении 3 меры.",
    );
    expect(textsFor("fr").errors.tooManyChannels({ max: 1 })).toBe(
      "Au plus 1 salon de questions-réponses par serveur.",
    );
  });

  it("gives each front end its help entries", () => {
    for (const lang of LANGS) {
      const discord = helpFor("discord", lang).map((e) => e.where);
      const terminal = helpFor("console", lang).map((e) => e.where);
      expect(discord).not.toContain("console");
      expect(terminal).not.toContain("discord");
      expect(discord.length + terminal.length).toBeGreaterThan(textsFor(lang).help.entries.length);
    }
  });
});
