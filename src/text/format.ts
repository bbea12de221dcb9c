/**
 * How a text of the catalogue is filled in: `{name}` takes a value, and a count takes the form its
 * noun has after it in the reader's language, chosen by `Intl.PluralRules` (Russian has three).
 *
 * - `{n}`: the value of `n`.
 * - `{n|one:mesure|other:mesures}`: the count and the noun's form for it ("1 mesure", "3 mesures").
 *   Where some form holds `#`, the forms are whole phrases, with the count in place of `#`:
 *   `{n|one:votre vote est effacé|other:vos # votes sont effacés}`.
 * - `{n|measure}`: the same with the forms of the language's noun `measure` (its `nouns`), written
 *   as above: `measure: "one:mesure|other:mesures"`.
 *
 * The counts of the parsed text, `{measures}` and `{recitals}`, are filled in every text once, when
 * a language is loaded (`fillCounts`); the other placeholders when the text is said.
 */
import { CLAUSE_COUNTS } from "../core/declaration.ts";
import { LANGS, type Lang } from "../core/types.ts";

/** The forms a noun takes after a count, by CLDR plural category; `other` stands in for a missing one. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>>;

/** The nouns a language's texts name by key (`{n|measure}`), each as its forms: "one:…|other:…". */
export type Nouns = Readonly<Record<string, string>>;

/** What a placeholder is filled with. */
export type Value = string | number;

const RULES = new Map(LANGS.map((lang) => [lang, new Intl.PluralRules(lang)]));

/** The CLDR plural category of `n` in `lang` ("one", "few", "many", "other"). */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  return (RULES.get(lang) ?? new Intl.PluralRules(lang)).select(n);
}

/**
 * `n` with the form of the noun its count takes in `lang`; where some form holds `#`, the form
 * alone, with `n` in place of `#`.
 */
export function counted(n: number, lang: Lang, forms: PluralForms): string {
  const form = forms[pluralCategory(n, lang)] ?? forms.other ?? forms.many ?? "";
  const phrases = Object.values(forms).some((f) => f?.includes("#"));
  return phrases ? form.replaceAll("#", String(n)) : `${n} ${form}`;
}

/** The counts every text may name, as the parsed text counts them. */
export const COUNTS: Readonly<Record<string, number>> = {
  measures: CLAUSE_COUNTS.measure,
  recitals: CLAUSE_COUNTS.recital,
};

/** A placeholder: `{name}` or `{name|forms}`. */
const PLACEHOLDER = /\{(\w+)(?:\|([^{}]*))?\}/g;

/** Whether `text` still has a placeholder to fill. */
export function hasPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/**
 * `text` with each placeholder whose name `values` has filled in (see the top of this file); the
 * others stay as they are. A plural placeholder needs `lang`.
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, Value>>,
  lang?: Lang,
  nouns: Nouns = {},
): string {
  return text.replace(PLACEHOLDER, (m, key: string, spec?: string) => {
    const value = values[key];
    if (value === undefined) return m;
    if (spec === undefined) return String(value);
    if (!lang) throw new Error(`"${m}" needs a language to choose its plural form`);
    return counted(Number(value), lang, pluralForms(spec, nouns));
  });
}

/** "one:мера|few:меры|many:мер" as the forms `counted` takes; a bare word names one of `nouns`. */
function pluralForms(spec: string, nouns: Nouns): PluralForms {
  if (!spec.includes(":")) {
    const forms = nouns[spec];
    if (!forms) throw new Error(`no noun "${spec}" for "{…|${spec}}"`);
    return pluralForms(forms, {});
  }
  return Object.fromEntries(
    spec.split("|").map((pair) => {
      const at = pair.indexOf(":");
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/**
 * `value` (a string, or JSON holding strings) with every count placeholder filled in; below a key
 * naming a language, plural placeholders take that language's forms.
 */
export function fillCounts<T>(value: T, lang?: Lang, nouns: Nouns = {}): T {
  if (typeof value === "string") return fillPlaceholders(value, COUNTS, lang, nouns) as T;
  if (Array.isArray(value)) return value.map((v) => fillCounts(v, lang, nouns)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillCounts(v, isLang(k) ? k : lang, nouns)]),
    ) as T;
  }
  return value;
}

function isLang(key: string): key is Lang {
  return (LANGS as readonly string[]).includes(key);
}
