/** User-facing strings of the core, per language; the front ends add their own around them. */

import { CLAUSE_COUNTS } from "./declaration.ts";
import type { Clause, ClauseKind, Lang, Localized, OutOfRange, TermNote } from "./types.ts";

export const MEASURE_COUNT = CLAUSE_COUNTS.measure;
export const RECITAL_COUNT = CLAUSE_COUNTS.recital;

/** The forms a noun takes after a count, by CLDR plural category; `other` stands in for a missing one. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>>;

/** The CLDR plural category of `n` in `lang` ("one", "few", "many", "other"). */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  return new Intl.PluralRules(lang).select(n);
}

/** `n` with the form of the noun its count takes in `lang`. */
export function counted(n: number, lang: Lang, forms: PluralForms): string {
  const form = forms[pluralCategory(n, lang)] ?? forms.other ?? forms.many ?? "";
  return `${n} ${form}`;
}

/** A measure, as a count names it: "21 мера", "2 меры", "5 мер". */
export const MEASURE_NOUN: Localized<PluralForms> = {
  fr: { one: "mesure", other: "mesures" },
  en: { one: "measure", other: "measures" },
  ru: { one: "мера", few: "меры", many: "мер" },
};

/** A measure as the Russian clause labels name it ("Пункт 3"): "21 пункт", "2 пункта", "5 пунктов". */
const MEASURE_POINT_RU: PluralForms = { one: "пункт", few: "пункта", many: "пунктов" };

/** A recital, as a count names it. */
export const RECITAL_NOUN: Localized<PluralForms> = {
  fr: { one: "considérant", other: "considérants" },
  en: { one: "recital", other: "recitals" },
  ru: { one: "абзац", few: "абзаца", many: "абзацев" },
};

/** "21 measures", "21 мера": `n` measures in `lang`. */
export const measures = (n: number, lang: Lang): string => counted(n, lang, MEASURE_NOUN[lang]);

/** "7 recitals", "7 абзацев": `n` recitals in `lang`. */
export const recitals = (n: number, lang: Lang): string => counted(n, lang, RECITAL_NOUN[lang]);

/** The counts texts kept outside the code (JSON) may name, as the parsed text counts them. */
const COUNTS: Record<string, number> = {
  measures: MEASURE_COUNT,
  recitals: RECITAL_COUNT,
};

const LANG_KEYS: ReadonlySet<string> = new Set<Lang>(["fr", "en", "ru"]);

/**
 * `text` with each `{key}` replaced by `values[key]`, and each `{key|one:form|few:form|…}` by the
 * count with the noun form its language takes for it (see `counted`); unknown keys stay as they are.
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, number>>,
  lang?: Lang,
): string {
  return text.replace(/\{(\w+)(?:\|([^{}]*))?\}/g, (m, key: string, forms?: string) => {
    const n = values[key];
    if (n === undefined) return m;
    if (forms === undefined) return String(n);
    if (!lang) throw new Error(`"${m}" needs a language to choose its plural form`);
    return counted(n, lang, pluralForms(forms));
  });
}

/** "one:мера|few:меры|many:мер" as the forms `counted` takes. */
function pluralForms(spec: string): PluralForms {
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
export function fillCounts<T>(value: T, lang?: Lang): T {
  if (typeof value === "string") return fillPlaceholders(value, COUNTS, lang) as T;
  if (Array.isArray(value)) return value.map((v) => fillCounts(v, lang)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        fillCounts(v, LANG_KEYS.has(k) ? (k as Lang) : lang),
      ]),
    ) as T;
  }
  return value;
}

export const DECLARATION_NAME: Localized = {
  fr: "Déclaration des ministres des Affaires étrangères de l’OTSC aux ministres de l’OTAN",
  en: "Declaration of the CSTO Foreign Ministers to the NATO Foreign Ministers",
  ru: "Заявление министров иностранных дел ОДКБ к министрам иностранных дел НАТО",
};

export const UNOFFICIAL: Localized = {
  fr: "Traduction de travail non officielle — le texte français fait foi",
  en: "Unofficial working translation — the French text prevails",
  ru: "Неофициальный рабочий перевод — французский текст имеет преимущественную силу",
};

const NO_ANSWER: Localized = {
  fr: "Rien dans la déclaration ne répond à cette question.",
  en: "Nothing in the declaration answers this.",
  ru: "В заявлении нет ответа на этот вопрос.",
};

/** How a front end shows a command: as typed (console, JSON), or as code (Discord). */
export type CommandStyle = (command: string) => string;
const asTyped: CommandStyle = (command) => command;

const hints = (c: CommandStyle): Localized => ({
  fr: `Essayez ${c("/declaration")} pour une vue d’ensemble, ${c("/measure 1")} à ${c(`/measure ${MEASURE_COUNT}`)}, ou une question comme « qui a signé ? », « que propose le texte sur la drogue ? », « que dit le 2e considérant ? ».`,
  en: `Try ${c("/declaration")} for an overview, ${c("/measure 1")} to ${c(`/measure ${MEASURE_COUNT}`)}, or a question such as "who signed?", "what do they propose about drugs?", "what does the 2nd recital say?".`,
  ru: `Попробуйте ${c("/declaration")} для обзора, ${c("/measure 1")}–${c(`/measure ${MEASURE_COUNT}`)} или вопрос вроде «кто подписал?», «что предлагается насчёт наркотиков?», «что говорится в пункте 3?».`,
});

/** Above a passage that is only the closest one: the text does not say this in so many words. */
export function closestText(label: string, lang: Lang): string {
  return {
    fr: `La déclaration ne dit pas cela en ces termes. Le passage le plus proche est : ${label}.`,
    en: `The declaration does not say this in so many words. The closest passage is: ${label}.`,
    ru: `В заявлении об этом прямо не сказано. Ближайший фрагмент: ${label}.`,
  }[lang];
}

export function noAnswerText(lang: Lang, style: CommandStyle = asTyped): string {
  return `${NO_ANSWER[lang]}\n${hints(style)[lang]}`;
}

/** /measure without a number. */
export function measureMissingText(lang: Lang, max = MEASURE_COUNT): string {
  return {
    fr: `Indiquez un numéro de mesure, de 1 à ${max} : la déclaration compte ${measures(max, lang)}.`,
    en: `Give a measure number from 1 to ${max}: the declaration has ${measures(max, lang)}.`,
    ru: `Укажите номер меры от 1 до ${max}: в заявлении ${measures(max, lang)}.`,
  }[lang];
}

/** /measure with something that is no measure number; `shown` is what was typed, made safe to show. */
export function measureMalformedText(shown: string, lang: Lang, max = MEASURE_COUNT): string {
  return {
    fr: `« ${shown} » n’est pas un numéro de mesure : la déclaration compte ${measures(max, lang)}, de 1 à ${max}.`,
    en: `“${shown}” is not a measure number: the declaration has ${measures(max, lang)}, numbered 1 to ${max}.`,
    ru: `«${shown}» — не номер меры: в заявлении ${measures(max, lang)}, с номерами от 1 до ${max}.`,
  }[lang];
}

export function outOfRangeText(a: Omit<OutOfRange, "kind">, lang: Lang): string {
  const n = a.requested;
  const max = a.available;
  if (a.clauseKind === "measure") {
    return {
      fr: `La déclaration compte ${measures(max, lang)} (1 à ${max}) : il n’y a pas de mesure ${n}.`,
      en: `The declaration has ${measures(max, lang)} (1–${max}); measure ${n} does not exist.`,
      ru: `В заявлении ${counted(max, lang, MEASURE_POINT_RU)} (1–${max}); пункта ${n} нет.`,
    }[lang];
  }
  return {
    fr: `Le préambule compte ${recitals(max, lang)} (1 à ${max}) : il n’y a pas de considérant ${n}.`,
    en: `The preamble has ${recitals(max, lang)} (1–${max}); recital ${n} does not exist.`,
    ru: `В преамбуле ${recitals(max, lang)} (1–${max}); абзаца ${n} нет.`,
  }[lang];
}

/** Each part of the text as a structure answer names it, from its kind and how many in a row. */
const PART: Record<ClauseKind, (n: number, lang: Lang, first: Clause) => string> = {
  opening: (_n, lang, c) => `${c.label[lang].toLowerCase()} (${c.title[lang]})`,
  recital: (n, lang) =>
    ({
      fr: `un préambule de ${counted(n, lang, { one: "considérant", other: "considérants" })}`,
      en: `a preamble of ${counted(n, lang, { one: "recital", other: "recitals" })}`,
      ru: `преамбула из ${counted(n, lang, { one: "абзаца", other: "абзацев" })}`,
    })[lang],
  appeal: (_n, lang, c) => c.title[lang].replace(/^./, (x) => x.toLowerCase()),
  measure: (n, lang) =>
    ({
      fr: counted(n, lang, { one: "mesure numérotée", other: "mesures numérotées" }),
      en: counted(n, lang, { one: "numbered measure", other: "numbered measures" }),
      ru: counted(n, lang, {
        one: "пронумерованный пункт",
        few: "пронумерованных пункта",
        many: "пронумерованных пунктов",
      }),
    })[lang],
  closing: (_n, lang) =>
    ({ fr: "un paragraphe de conclusion", en: "a closing paragraph", ru: "заключительный абзац" })[
      lang
    ],
  signatories: (_n, lang) => ({ fr: "les signatures", en: "the signatures", ru: "подписи" })[lang],
};

const STRUCTURE_LEAD: Localized = {
  fr: "La déclaration se compose, dans l’ordre, de :",
  en: "The declaration is made of, in order:",
  ru: "Заявление состоит, по порядку, из следующих частей:",
};

/** The declaration's parts in reading order, each kind once with its count. */
export function structureText(clauses: readonly Clause[], lang: Lang, states: number): string {
  const groups: { kind: ClauseKind; n: number; first: Clause }[] = [];
  for (const c of clauses) {
    const last = groups.at(-1);
    if (last?.kind === c.kind) last.n++;
    else groups.push({ kind: c.kind, n: 1, first: c });
  }
  const parts = groups.map((g) => PART[g.kind](g.n, lang, g.first));
  const signers = {
    fr: `les ministres des Affaires étrangères de ${counted(states, lang, { one: "État", other: "États" })} signent`,
    en: `the foreign ministers of ${counted(states, lang, { one: "state", other: "states" })} sign it`,
    ru: `подписали министры иностранных дел ${counted(states, lang, { one: "государства", other: "государств" })}`,
  }[lang];
  // French typography puts a space before the semicolon.
  const list = parts.join(lang === "fr" ? " ; " : "; ");
  return `${STRUCTURE_LEAD[lang]} ${list}. ${signers.charAt(0).toUpperCase()}${signers.slice(1)}.`;
}

/** The label of a note: what it says is not from the declaration. */
export const NOTE_LABEL: Localized = {
  fr: "Note — ne vient pas de la déclaration",
  en: "Note — not from the declaration",
  ru: "Справка — не из текста заявления",
};

/** Where the declaration names the term, under a note. */
export function noteWhere(note: TermNote, clause: Clause, lang: Lang): string {
  return {
    fr: `La déclaration nomme « ${note.name.fr} » sans l’expliquer, dans : ${clause.label[lang]} — ${clause.title[lang]}.`,
    en: `The declaration names "${note.name.en}" without explaining it, in: ${clause.label[lang]} — ${clause.title[lang]}.`,
    ru: `Заявление упоминает «${note.name.ru}», не объясняя, в части: ${clause.label[lang]} — ${clause.title[lang]}.`,
  }[lang];
}

export function noteSourceText(note: TermNote, lang: Lang): string {
  const word = { fr: "Source :", en: "Source:", ru: "Источник:" }[lang];
  return `${word} ${note.source.title} — ${note.source.url}`;
}

/** Why a question about another document's article gets no clause. */
export function otherDocumentText(lang: Lang): string {
  return {
    fr: `Cette question porte sur l’article ou le point d’un autre texte. La déclaration n’a pas d’articles : elle compte ${recitals(RECITAL_COUNT, lang)} et ${measures(MEASURE_COUNT, lang)}.`,
    en: `This asks about an article or point of another document. The declaration has no articles: it has ${recitals(RECITAL_COUNT, lang)} and ${measures(MEASURE_COUNT, lang)}.`,
    ru: `Вопрос касается статьи или пункта другого документа. В заявлении нет статей: в нём ${recitals(RECITAL_COUNT, lang)} преамбулы и ${counted(MEASURE_COUNT, lang, MEASURE_POINT_RU)}.`,
  }[lang];
}
