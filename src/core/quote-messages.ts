/**
 * What a quote check says, per language: the verdict's title and its explanation lines. The
 * front ends choose how words are shown (`QuoteFormat`): plain text for the console and
 * `npm run verify`, ~~text~~ → **quote** in Discord.
 */
import {
  getQuoteChecker,
  MIN_QUOTE_CHARS,
  type QuoteChange,
  type QuoteReport,
  type Verdict,
} from "./quote/check.ts";
import { groupLabel } from "./reference-credits.ts";
import type { ClauseId, Lang, Localized } from "./types.ts";

export interface QuoteFormat {
  /** A change: the declaration's words and the quote's ("" on the side that has none). */
  change(c: QuoteChange): string;
  /** The declaration's words, shown as a passage. */
  passage(text: string): string;
}

const TITLES: Record<Verdict, Localized> = {
  verbatim: { fr: "Citation exacte", en: "Verbatim quote", ru: "Точная цитата" },
  near: {
    fr: "Citation inexacte : des mots ont changé",
    en: "Near quote: words have changed",
    ru: "Неточная цитата: слова изменены",
  },
  composite: {
    fr: "Citation composite : des morceaux assemblés",
    en: "Composite quote: pieces put together",
    ru: "Составная цитата: соединены разные фрагменты",
  },
  misattributed: {
    fr: "Citation mal attribuée",
    en: "Misattributed quote",
    ru: "Цитата приписана не тому пункту",
  },
  "not-found": {
    fr: "Citation introuvable dans la déclaration",
    en: "Quote not found in the declaration",
    ru: "Цитата не найдена в заявлении",
  },
  "too-short": {
    fr: "Citation trop courte pour être vérifiée",
    en: "Too short to check",
    ru: "Слишком короткая цитата для проверки",
  },
};

type Say = {
  source: (label: string) => string;
  misattributed: (actual: string, named: string) => string;
  pieces: (labels: string) => string;
  nonContiguous: (label: string) => string;
  notFound: (label: string) => string;
  nothingClose: string;
  tooShort: string;
  changes: string;
  negation: string;
  number: string;
  accents: string;
  typos: (words: string) => string;
  typography: string;
  unofficial: string;
  nowhere: string;
};

const SAY: Record<Lang, Say> = {
  fr: {
    source: (l) => `Source : ${l}.`,
    misattributed: (a, n) => `Ces mots sont dans ${a}, pas dans ${n}.`,
    pieces: (l) => `Morceaux de : ${l}, présentés comme une seule citation.`,
    nonContiguous: (l) => `Morceaux non contigus de ${l}, présentés comme une seule citation.`,
    notFound: (l) => `Aucune clause ne dit cela. Le passage le plus proche : ${l}.`,
    nothingClose: "Aucune clause ne dit cela.",
    tooShort: `Citez au moins ${MIN_QUOTE_CHARS} caractères pour que je puisse juger.`,
    changes: "Changements :",
    negation: "⚠ Une négation a été ajoutée, retirée ou changée : le sens peut être inversé.",
    number: "⚠ Un nombre a été ajouté, retiré ou changé.",
    accents: "Les accents diffèrent : ce n’est pas une erreur de citation.",
    typos: (w) =>
      `La citation corrige une coquille du texte original (${w}) : ce n’est pas une erreur de citation.`,
    typography: "Seule la typographie diffère (guillemets, apostrophes, tirets, majuscules).",
    unofficial: "Comparée à la traduction de travail non officielle ; le texte français fait foi.",
    nowhere: "une clause qui n’existe pas",
  },
  en: {
    source: (l) => `Source: ${l}.`,
    misattributed: (a, n) => `These words are in ${a}, not in ${n}.`,
    pieces: (l) => `Pieces of: ${l}, presented as one quote.`,
    nonContiguous: (l) => `Non-contiguous pieces of ${l}, presented as one quote.`,
    notFound: (l) => `No clause says this. The closest passage: ${l}.`,
    nothingClose: "No clause says this.",
    tooShort: `Quote at least ${MIN_QUOTE_CHARS} characters for me to judge.`,
    changes: "Changes:",
    negation: "⚠ A negation was added, removed or changed: the meaning may be reversed.",
    number: "⚠ A number was added, removed or changed.",
    accents: "Accents differ: not a misquote.",
    typos: (w) => `The quote corrects a typo of the original (${w}): not a misquote.`,
    typography: "Only the typography differs (quotation marks, apostrophes, dashes, case).",
    unofficial: "Compared with the unofficial working translation; the French text prevails.",
    nowhere: "a clause that does not exist",
  },
  ru: {
    source: (l) => `Источник: ${l}.`,
    misattributed: (a, n) => `Эти слова — из: ${a}, а не из: ${n}.`,
    pieces: (l) => `Фрагменты из: ${l}, поданные как одна цитата.`,
    nonContiguous: (l) => `Несмежные фрагменты из: ${l}, поданные как одна цитата.`,
    notFound: (l) => `Ни один пункт этого не говорит. Ближайший фрагмент: ${l}.`,
    nothingClose: "Ни один пункт этого не говорит.",
    tooShort: `Процитируйте не меньше ${MIN_QUOTE_CHARS} символов, чтобы я мог судить.`,
    changes: "Изменения:",
    negation: "⚠ Отрицание добавлено, удалено или изменено: смысл может быть обратным.",
    number: "⚠ Число добавлено, удалено или изменено.",
    accents: "Различаются только диакритические знаки: это не ошибка цитирования.",
    typos: (w) => `Цитата исправляет опечатку оригинала (${w}): это не ошибка цитирования.`,
    typography: "Различается только типографика (кавычки, апострофы, тире, регистр).",
    unofficial:
      "Сравнение с неофициальным рабочим переводом; французский текст имеет преимущественную силу.",
    nowhere: "несуществующий пункт",
  },
};

export function quoteTitle(verdict: Verdict, lang: Lang): string {
  return TITLES[verdict][lang];
}

/**
 * The explanation of a check, line by line. `label` names a clause for the reader
 * ("Mesure 3 (M3)").
 */
export function quoteLines(
  r: QuoteReport,
  lang: Lang,
  label: (id: ClauseId) => string,
  format: QuoteFormat,
): string[] {
  const say = SAY[lang];
  const lines: string[] = [];
  const here = r.clause ? label(r.clause) : "";
  switch (r.verdict) {
    case "too-short":
      return [say.tooShort];
    case "not-found":
      lines.push(r.clause ? say.notFound(here) : say.nothingClose);
      break;
    case "composite":
      lines.push(
        r.clauses.length === 1
          ? say.nonContiguous(here)
          : say.pieces(r.clauses.map(label).join(", ")),
      );
      break;
    case "misattributed": {
      const named = r.named.map((n) =>
        n.kind === "clause"
          ? label(n.id)
          : n.kind === "group"
            ? groupLabel(n.id, lang)
            : say.nowhere,
      );
      lines.push(say.misattributed(here, named.join(", ")));
      break;
    }
    default:
      if (here) lines.push(say.source(here));
  }
  if (r.changes.length > 0) {
    lines.push(say.changes, ...r.changes.map((c) => `• ${format.change(c)}`));
  }
  if (r.flags.includes("negation")) lines.push(say.negation);
  if (r.flags.includes("number")) lines.push(say.number);
  if (r.typosFixed.length > 0)
    lines.push(say.typos(r.typosFixed.map((t) => `« ${t} »`).join(", ")));
  if (r.flags.includes("accents")) lines.push(say.accents);
  if (r.typography) lines.push(say.typography);
  if (r.lang !== "fr") lines.push(say.unofficial);
  if (r.passage && r.verdict !== "verbatim") lines.push(format.passage(r.passage));
  return lines;
}

/** Plain text: "deux" → "trois", for terminals and scripts. */
export const PLAIN: QuoteFormat = {
  change: (c) =>
    c.kind === "changed"
      ? `"${c.text}" → "${c.quote}"`
      : c.kind === "added"
        ? `+ "${c.quote}"`
        : `− "${c.text}"`,
  passage: (text) => `« ${text} »`,
};

/** Checks as a person reads them in a terminal: each verdict, then what differs. */
export function renderQuoteReports(reports: readonly QuoteReport[], lang: Lang | null): string {
  const checker = getQuoteChecker();
  return reports
    .map((r) => {
      const l = lang ?? r.lang;
      const label = (id: ClauseId) => {
        const clause = checker.clause(id);
        return clause ? `${clause.label[l]} [${clause.id}]` : id;
      };
      return [quoteTitle(r.verdict, l), ...quoteLines(r, l, label, PLAIN)].join("\n");
    })
    .join("\n\n");
}
