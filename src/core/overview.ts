/**
 * The declaration at a glance, as /declaration shows it on Discord and in the console: what the
 * text is, who signed it, its structure; and the whole text cut into pages. Both front ends render
 * these, so they say the same thing. Counts come from the parsed text. Pages are cut on the French
 * text only, so page N is the same for every reader whatever their language, and in either front end.
 */
import { CLAUSE_COUNTS } from "./declaration.ts";
import { counted, measures, recitals } from "./messages.ts";
import type { Clause, Lang, Localized } from "./types.ts";

const M = CLAUSE_COUNTS.measure;
const R = CLAUSE_COUNTS.recital;

export interface OverviewTexts {
  /** What the text is, in two sentences. */
  intro: string;
  signatories: string;
  structure: string;
  /** The parts of the text in reading order; the measures are listed after them. */
  structureLines: string[];
  page: (n: number, total: number) => string;
}

export const OVERVIEW: Localized<OverviewTexts> = {
  fr: {
    intro:
      "Déclaration des ministres des Affaires étrangères de l’OTSC appelant l’OTAN à établir des contacts entre les deux organisations. Le texte français fait foi.",
    signatories: "Signataires",
    structure: "Structure",
    structureLines: [
      "Préambule : « Nous, ministres… »",
      `${recitals(R, "fr")} (P1–P${R})`,
      "L’appel à l’OTAN",
      `${measures(M, "fr")} (M1–M${M})`,
      "Conclusion et signataires",
    ],
    page: (n, total) => `Page ${n}/${total}`,
  },
  en: {
    intro:
      "Declaration of the CSTO foreign ministers calling on NATO to open contacts between the two organisations. The French text is authoritative; translations are unofficial.",
    signatories: "Signatories",
    structure: "Structure",
    structureLines: [
      "Opening: “We, the ministers…”",
      `${recitals(R, "en")} (P1–P${R})`,
      "The appeal to NATO",
      `${measures(M, "en")} (M1–M${M})`,
      "Closing and signatories",
    ],
    page: (n, total) => `Page ${n}/${total}`,
  },
  ru: {
    intro:
      "Заявление министров иностранных дел ОДКБ с призывом к НАТО установить контакты между двумя организациями. Аутентичен французский текст; переводы неофициальные.",
    signatories: "Подписавшие",
    structure: "Структура",
    structureLines: [
      "Вступление: «Мы, министры…»",
      `${counted(R, "ru", { one: "пункт", few: "пункта", many: "пунктов" })} преамбулы (P1–P${R})`,
      "Обращение к НАТО",
      `${measures(M, "ru")} (M1–M${M})`,
      "Заключение и подписи",
    ],
    page: (n, total) => `Страница ${n}/${total}`,
  },
};

/** The overview's structure, one line each: the parts of the text, then every measure by title. */
export function structureLines(clauses: readonly Clause[], lang: Lang): string[] {
  return [
    ...OVERVIEW[lang].structureLines.map((line) => `• ${line}`),
    "",
    ...clauses
      .filter((c) => c.kind === "measure")
      .map((c) => `${c.label[lang]} — ${c.title[lang]}`),
  ];
}

/** French characters per page: with the translations alongside, a page stays far below 6000. */
export const PAGE_BUDGET = 1500;

/** Groups clauses, in reading order, into pages of about PAGE_BUDGET French characters. */
export function paginate(clauses: readonly Clause[], budget = PAGE_BUDGET): Clause[][] {
  const pages: Clause[][] = [];
  let current: Clause[] = [];
  let size = 0;
  for (const clause of clauses) {
    if (current.length > 0 && size + clause.text.fr.length > budget) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(clause);
    size += clause.text.fr.length;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}
