/**
 * Clause references in free text: "mesure 3", "la 3e mesure", "measure three", "§3", "art. 3",
 * "M3", "пункт 5", "le 2e considérant", "the last measure", "the clause after measure 3"…
 * Patterns run on accent-folded, lower-cased text, so "3ème", "3eme" and "3e" are one case.
 */
import { fold } from "./analysis.ts";
import { CLAUSE_IDS, type ClauseId, type OutOfRange } from "./types.ts";

export const MEASURE_COUNT = 6;
export const RECITAL_COUNT = 4;

export type ReferenceTarget = { kind: "clause"; id: ClauseId } | OutOfRange;

interface Found {
  at: number;
  target: ReferenceTarget;
}

const CARDINALS: Record<string, number> = {
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  ноль: 0,
  один: 1,
  одна: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
};
const CARDINAL_WORDS = Object.keys(CARDINALS).join("|");

/** Ordinals as regex alternatives, folded; "last" is -1. Russian ordinals are matched by stem. */
const ORDINALS: Array<[RegExp, number]> = [
  [/^(?:1(?:er|re|ere|eme|e|st|-?[йяеого]+)?|premier|premiere|first|перв\p{L}*)$/u, 1],
  [/^(?:2(?:e|eme|nd|nde|-?[йяеого]+)?|deuxieme|second|seconde|secund|втор\p{L}*)$/u, 2],
  [/^(?:3(?:e|eme|rd|-?[йяеого]+)?|troisieme|third|трет\p{L}*)$/u, 3],
  [/^(?:4(?:e|eme|th|-?[йяеого]+)?|quatrieme|fourth|четверт\p{L}*)$/u, 4],
  [/^(?:5(?:e|eme|th|-?[йяеого]+)?|cinquieme|fifth|пят\p{L}*)$/u, 5],
  [/^(?:6(?:e|eme|th|-?[йяеого]+)?|sixieme|sixth|шест\p{L}*)$/u, 6],
  [/^(?:7(?:e|eme|th)?|septieme|seventh|седьм\p{L}*)$/u, 7],
  [/^(?:8(?:e|eme|th)?|huitieme|eighth|восьм\p{L}*)$/u, 8],
  [/^(?:dernier|derniere|last|final|последн\p{L}*)$/u, -1],
];
const ORDINAL_TOKEN = String.raw`(?:\d+(?:er|re|ere|eme|e|st|nd|rd|th|-?[йяеого]{1,3})|premiere?|deuxieme|secondе?|seconde?|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|first|second|third|fourth|fifth|sixth|seventh|eighth|derniere?|last|final|перв\p{L}*|втор\p{L}*|трет\p{L}*|четверт\p{L}*|пят\p{L}*|шест\p{L}*|седьм\p{L}*|восьм\p{L}*|последн\p{L}*)`;

/** Nouns that point into the numbered list. "§" and "paragraphe N" too: only the measures are numbered. */
const MEASURE_NOUN = String.raw`(?:mesures?|measures?|clauses?|points?|items?|articles?|art\.?|propositions?|proposals?|paragraphes?|paragraphs?|para\.?|sections?|§|пункт\p{L}*|мер[аыеуо]\p{L}*|статья|стать[иеюй]\p{L}*|параграф\p{L}*|абзац\p{L}*)`;
const RECITAL_NOUN = String.raw`(?:considerants?|recitals?|preambular paragraphs?|alineas? du preambule|paragraphes? du preambule|абзац\p{L}* преамбулы|пункт\p{L}* преамбулы)`;
const NUMBER_MARK = String.raw`(?:\s*(?:n°|no\.?|nº|n\.|numero|number|num\.?|nr\.?|#|№)\s*|\s*)`;
const NUMBER = String.raw`(?:\d+|${CARDINAL_WORDS})`;
const NUMBER_LIST = String.raw`${NUMBER}(?:\s*(?:,|et|and|и|&|ou|or|или)\s*${NUMBER})*`;
const OF_PREAMBLE = String.raw`(?:\s+(?:(?:du|de la|of the|in the)\s+)?(?:preambule|preamble)|\s+преамбулы)`;

const B = String.raw`(?<![\p{L}\p{N}])`; // a word start (\b is ASCII-only in JS)
const E = String.raw`(?![\p{L}\p{N}])`;

function toNumber(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  return CARDINALS[token] ?? null;
}

function ordinal(token: string): number | null {
  for (const [re, n] of ORDINALS) if (re.test(token)) return n;
  return null;
}

function target(kind: "measure" | "recital", n: number): ReferenceTarget {
  const available = kind === "measure" ? MEASURE_COUNT : RECITAL_COUNT;
  if (n === -1) n = available;
  if (!Number.isInteger(n) || n < 1 || n > available) {
    return { kind: "out-of-range", clauseKind: kind, requested: n, available };
  }
  return { kind: "clause", id: `${kind === "measure" ? "M" : "P"}${n}` as ClauseId };
}

type Rule = { re: RegExp; make: (m: RegExpExecArray) => ReferenceTarget[] };

const numbersIn = (list: string): number[] =>
  list
    .split(/\s*(?:,|et|and|и|&|ou|or|или)\s*/u)
    .map(toNumber)
    .filter((n): n is number => n !== null);

const RULES: Rule[] = [
  // "considérant 2", "recital 2", "paragraphe 2 du préambule", "абзац 2 преамбулы"
  {
    re: new RegExp(`${B}${RECITAL_NOUN}${NUMBER_MARK}(${NUMBER_LIST})${E}`, "gu"),
    make: (m) => numbersIn(m[1] ?? "").map((n) => target("recital", n)),
  },
  {
    re: new RegExp(`${B}${MEASURE_NOUN}${NUMBER_MARK}(${NUMBER_LIST})${OF_PREAMBLE}${E}`, "gu"),
    make: (m) => numbersIn(m[1] ?? "").map((n) => target("recital", n)),
  },
  // "le 2e considérant", "the first recital", "le dernier considérant"
  {
    re: new RegExp(`${B}(${ORDINAL_TOKEN})\\s+${RECITAL_NOUN}${E}`, "gu"),
    make: (m) => [target("recital", ordinal(m[1] ?? "") ?? 0)],
  },
  {
    re: new RegExp(`${B}(${ORDINAL_TOKEN})\\s+${MEASURE_NOUN}${OF_PREAMBLE}${E}`, "gu"),
    make: (m) => [target("recital", ordinal(m[1] ?? "") ?? 0)],
  },
  // "la 3e mesure", "the last measure", "третий пункт"
  {
    re: new RegExp(`${B}(${ORDINAL_TOKEN})\\s+${MEASURE_NOUN}${E}`, "gu"),
    make: (m) => [target("measure", ordinal(m[1] ?? "") ?? 0)],
  },
  // "mesure 3", "measure three", "§ 3", "art. 3", "point n°1", "пункте 5", "mesures 3 et 4"
  {
    re: new RegExp(`${B}${MEASURE_NOUN}${NUMBER_MARK}(${NUMBER_LIST})${E}`, "gu"),
    make: (m) => numbersIn(m[1] ?? "").map((n) => target("measure", n)),
  },
  {
    re: /§\s*(\d+)/gu,
    make: (m) => [target("measure", Number(m[1]))],
  },
  // clause ids as the project writes them: "M3", "P2"
  {
    re: new RegExp(`${B}([mp])([0-9])${E}`, "gu"),
    make: (m) => [target(m[1] === "m" ? "measure" : "recital", Number(m[2]))],
  },
];

/** Positions in the text that are not numbered: the paragraph before / after the list, the last one. */
const POSITION_RULES: Array<[RegExp, ClauseId]> = [
  [
    /(?:paragraphe?s?|paragraph|passage|phrase|sentence|абзац\p{L}*)\s+(?:avant|before|precedant|перед)\s+(?:la liste|les mesures|the list|the measures|списк\p{L}*|мер\p{L}*)/u,
    "appeal",
  ],
  [
    /(?:paragraphe?s?|paragraph|passage|phrase|sentence|абзац\p{L}*)\s+(?:apres|after|suivant|после)\s+(?:la liste|les mesures|the list|the measures|списк\p{L}*|мер\p{L}*)/u,
    "closing",
  ],
  [/(?:dernier paragraphe|last paragraph|final paragraph|последн\p{L}* абзац\p{L}*)/u, "closing"],
  [
    /(?:premier paragraphe|first paragraph|first line|premiere ligne|перв\p{L}* абзац\p{L}*|перв\p{L}* строк\p{L}*)/u,
    "opening",
  ],
  [
    /(?:signature block|bloc (?:de|des) signatures?|blocs? de signature|the signatures|les signatures|liste des signataires|подписи|блок подписей)/u,
    "signatories",
  ],
];

const RELATIVE_NEXT =
  /(?:next|following|after|suivante?|apres|d'apres|qui suit|suit|следующ\p{L}*|после)\s+(?:(?:the|la|le|les|l')\s*)?$/u;
const RELATIVE_PREVIOUS =
  /(?:previous|preceding|before|precedente?|precedant|avant|предыдущ\p{L}*|перед)\s+(?:(?:the|la|le|les|l')\s*)?$/u;

/** +1 for "the measure after …", -1 for "just before …", 0 otherwise: read in the words just before a reference. */
function relativeOffset(folded: string, start: number): number {
  const before = folded.slice(Math.max(0, start - 32), start);
  return RELATIVE_NEXT.test(before) ? 1 : RELATIVE_PREVIOUS.test(before) ? -1 : 0;
}

function shift(t: ReferenceTarget, by: number): ReferenceTarget {
  if (t.kind !== "clause") return t;
  const i = CLAUSE_IDS.indexOf(t.id) + by;
  const id = CLAUSE_IDS[Math.max(0, Math.min(CLAUSE_IDS.length - 1, i))];
  return id ? { kind: "clause", id } : t;
}

/**
 * "NATO's article 5", "l'article 5 du traité de Washington", "статья 5 устава НАТО": numbers in
 * another document, not this declaration's clauses.
 */
const OTHER_TEXT_BEFORE = /(?:nato's|nato|otan|нато|treaty|traite|charter|charte)\s*$/u;
const OTHER_TEXT_AFTER =
  /^\s*(?:(?:of|de|du|d')\s*(?:the\s+|la\s+|l')?(?:nato|otan|traite|treaty|charte|charter|washington|north atlantic|onu|un\b)|(?:устава|договора|нато|оон))/u;

function aboutAnotherText(folded: string, start: number, end: number): boolean {
  return (
    OTHER_TEXT_BEFORE.test(folded.slice(Math.max(0, start - 12), start)) ||
    OTHER_TEXT_AFTER.test(folded.slice(end, end + 30))
  );
}

/**
 * A cheap first look: every rule above needs one of these stems, and most questions and chat
 * messages contain none, so they skip the dozen larger patterns.
 */
const MAY_REFER =
  /mesur|measur|claus|point|item|articl|art\.|propos|paragra|para|section|§|пункт|мер|стат|параграф|абзац|considerant|recital|preambul|preambl|signat|ligne|line|passage|phrase|sentence|строк|подпис|[mp][0-9]/u;

/**
 * Every clause reference in the text, in order of appearance, without duplicates.
 * A reference introduced by "after / avant / следующий…" points to the neighbour
 * ("la mesure après la mesure 3" → measure 4).
 */
export function findReferences(text: string): ReferenceTarget[] {
  const folded = fold(text).replace(/[’'`]/g, "'");
  if (!MAY_REFER.test(folded)) return [];
  const found: Found[] = [];
  const claimed: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => claimed.some(([s, e]) => a < e && b > s);

  for (const [re, id] of POSITION_RULES) {
    const m = re.exec(folded);
    if (m) {
      claimed.push([m.index, m.index + m[0].length]);
      found.push({
        at: m.index,
        target: shift({ kind: "clause", id }, relativeOffset(folded, m.index)),
      });
    }
  }
  for (const rule of RULES) {
    for (const m of folded.matchAll(rule.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (overlaps(start, end) || aboutAnotherText(folded, start, end)) continue;
      claimed.push([start, end]);
      const by = relativeOffset(folded, start);
      for (const t of rule.make(m as RegExpExecArray)) {
        found.push({ at: start, target: shift(t, by) });
      }
    }
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  return found
    .map((f) => f.target)
    .filter((t) => {
      const key = t.kind === "clause" ? t.id : `${t.clauseKind}:${t.requested}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
