/**
 * Clause references in free text: "mesure 3", "la 3e mesure", "measure three", "point IV", "§3",
 * "M3", "пункт 5", "le 2e considérant", "the last paragraph of the preamble", "the paragraph after
 * the list", "the measure after measure 3"… Patterns run on accent-folded, lower-cased text.
 *
 * Every pattern starts at a word start and its repetitions are bounded, so a scan costs time
 * linear in the text's length whatever it holds (chat messages are untrusted input).
 */
import { fold } from "./analysis.ts";
import { CLAUSE_COUNTS, CLAUSE_ORDER } from "./declaration.ts";
import { CARDINAL, LAST, ORDINAL, ROMAN, readCardinal, readOrdinal } from "./numbers.ts";
import type { ClauseId, OutOfRange } from "./types.ts";

export type ReferenceTarget = { kind: "clause"; id: ClauseId } | OutOfRange;

interface Found {
  at: number;
  target: ReferenceTarget;
}

const B = String.raw`(?<![\p{L}\p{N}])`; // a word start (\b is ASCII-only in JS)
const E = String.raw`(?![\p{L}\p{N}])`;

/** Nouns that point into the numbered list. "§" and "paragraphe N" too: only the measures are numbered. */
const MEASURE_NOUN = String.raw`(?:(?:numbered |numerotee?s? |нумерованн\p{L}{0,4} )?(?:mesures?|measures?|clauses?|points?|items?|articles?|art\.?|propositions?|proposals?|paragraphes?|paragraphs?|para\.?|sections?|steps?|etapes?|§|пункт\p{L}{0,3}|мер[аыеуо]\p{L}{0,2}|стать\p{L}{0,3}|параграф\p{L}{0,3}|абзац\p{L}{0,3}))`;
const RECITAL_NOUN = String.raw`(?:considerants?|recitals?|whereas clauses?|whereas|preambular paragraphs?|alineas? du preambule|paragraphes? du preambule|paragraphs? of the preamble|(?:абзац|пункт)\p{L}{0,3} преамбулы)`;
const NUMBER_MARK = String.raw`(?:\s?(?:n°|no\.?|nº|n\.|numero|number|num\.?|nr\.?|#|№)\s?|\s)`;
const NUMBER = `(?:${CARDINAL}|${ROMAN})`;
const JOIN = String.raw`(?:\s?[,&]\s?|\s(?:et|and|и|ou|or|или)\s)`;
const NUMBER_LIST = `${NUMBER}(?:${JOIN}${NUMBER}){0,5}`;
const OF_PREAMBLE = String.raw`(?:\s(?:(?:du|de la|of the|in the|de l')\s?)?(?:preambule|preamble|introduction)|\s(?:преамбулы|вступительной части|вступления))`;

function target(kind: "measure" | "recital", n: number): ReferenceTarget {
  const available = CLAUSE_COUNTS[kind];
  const requested = n === LAST ? available : n;
  if (!Number.isInteger(requested) || requested < 1 || requested > available) {
    return { kind: "out-of-range", clauseKind: kind, requested, available };
  }
  return { kind: "clause", id: `${kind === "measure" ? "M" : "P"}${requested}` as ClauseId };
}

type Rule = { re: RegExp; make: (m: RegExpExecArray) => ReferenceTarget[] };

const numbersIn = (list: string): number[] =>
  list
    .split(new RegExp(JOIN, "u"))
    .map((t) => readCardinal(t.trim()))
    .filter((n): n is number => n !== null);

const ordinalOf = (m: RegExpExecArray): number => readOrdinal(m[1] ?? "") ?? Number.NaN;
const rule = (source: string, make: Rule["make"]): Rule => ({
  re: new RegExp(`${B}${source}${E}`, "gu"),
  make,
});

/** Recitals first: "le 1er paragraphe du préambule" must not read as a measure or the opening. */
const RECITAL_RULES: Rule[] = [
  // "considérant 2", "recital 2", "paragraphe 2 du préambule", "абзац 2 преамбулы"
  rule(`${RECITAL_NOUN}${NUMBER_MARK}(${NUMBER_LIST})`, (m) =>
    numbersIn(m[1] ?? "").map((n) => target("recital", n)),
  ),
  rule(`${MEASURE_NOUN}${NUMBER_MARK}(${NUMBER_LIST})${OF_PREAMBLE}`, (m) =>
    numbersIn(m[1] ?? "").map((n) => target("recital", n)),
  ),
  // "le 2e considérant", "the first recital", "le dernier paragraphe du préambule"
  rule(`(${ORDINAL})\\s${RECITAL_NOUN}`, (m) => [target("recital", ordinalOf(m))]),
  rule(`(${ORDINAL})\\s${MEASURE_NOUN}${OF_PREAMBLE}`, (m) => [target("recital", ordinalOf(m))]),
];

const MEASURE_RULES: Rule[] = [
  // "la 3e mesure", "the last measure", "третий пункт"
  rule(`(${ORDINAL})\\s${MEASURE_NOUN}`, (m) => [target("measure", ordinalOf(m))]),
  // "mesure 3", "measure three", "point IV", "art. 3", "point n°1", "пункте 5", "mesures 3 et 4"
  rule(`${MEASURE_NOUN}${NUMBER_MARK}(${NUMBER_LIST})`, (m) =>
    numbersIn(m[1] ?? "").map((n) => target("measure", n)),
  ),
  { re: /§\s?(\d{1,3})/gu, make: (m) => [target("measure", Number(m[1]))] },
  // clause ids as the project writes them: "M3", "P2"
  rule("([mp])([0-9]{1,2})", (m) => [target(m[1] === "m" ? "measure" : "recital", Number(m[2]))]),
];

/** Words for a paragraph or part of the text, and for the numbered list and the signatures. */
const PART = String.raw`(?:paragraphes?|messages?|paragraphs?|passages?|phrases?|sentences?|alineas?|parties?|parts?|sections?|textes?|texts?|абзац\p{L}{0,3}|част\p{L}{0,3}|текст\p{L}{0,3})`;
const LIST = String.raw`(?:(?:the |la |les |le |des |этого )?(?:numbered |numerotee?s? |нумерованн\p{L}{0,4} )?(?:list|liste|mesures|measures|points|steps|списк\p{L}{0,2}|перечн\p{L}{0,2} (?:мер|пунктов)|пункт\p{L}{0,3}|мер\p{L}{0,2}|призыв\p{L}{0,2}|appeal|appel))`;
const SIGNATURES = String.raw`(?:(?:the |les |la liste des |the list of |перечн\p{L}{0,2} |списк\p{L}{0,2} )?(?:signatures?|signataires|signatories|signatory|signed|подпис\p{L}{0,5}))`;
const BEFORE = String.raw`(?:avant|before|preceding|precedant|juste avant|just before|right before|перед|до)`;
const AFTER = String.raw`(?:apres|after|following|suivant|qui suit|qui vient apres|comes after|после|за)`;
const FILLER = String.raw`(?:\s\p{L}{1,15}){0,3}\s`;
const NOT_PREAMBLE = `(?!${OF_PREAMBLE})`;

/** Positions in the text that are not numbered: the paragraph before / after the list, the last one. */
const POSITION_RULES: Array<[string, ClauseId]> = [
  [`${RECITAL_NOUN}${FILLER}${BEFORE}\\s${LIST}`, "P4"],
  [
    `(?:${PART}|introduction|intro|chapeau)${FILLER}?(?:introdui\\p{L}{0,4}|introducing|introduces|вводит|вводящ\\p{L}{0,3}|открывает)\\s${LIST}`,
    "appeal",
  ],
  [`${PART}${FILLER}?${BEFORE}\\s${LIST}`, "appeal"],
  [`(?:what comes|ce qui vient|qu'y a-t-il|что идет|что стоит)\\s${BEFORE}\\s${LIST}`, "appeal"],
  [`${PART}${FILLER}?${AFTER}\\s${LIST}`, "closing"],
  [
    `(?:what comes|ce qui vient|qu'y a-t-il|что идет|что стоит|что сказано)\\s${AFTER}\\s${LIST}`,
    "closing",
  ],
  [`${AFTER}\\s${LIST}${E}(?:\\s?[?,.]|$)`, "closing"],
  [`(?:${PART}|texte|text|текст)${FILLER}?${BEFORE}\\s${SIGNATURES}`, "closing"],
  [
    `(?:dernier paragraphe|last paragraph|final paragraph|paragraphe final|последн\\p{L}{0,4} абзац\\p{L}{0,3})${NOT_PREAMBLE}`,
    "closing",
  ],
  [
    `(?:premier paragraphe|first paragraph|first line|premiere ligne|opening line|перв\\p{L}{0,4} (?:абзац|строк)\\p{L}{0,3})${NOT_PREAMBLE}`,
    "opening",
  ],
  [
    `(?:last line|derniere ligne|final line|последн\\p{L}{0,4} строк\\p{L}{0,3}|signature block|blocs? de signatures?|bloc des signatures|the signatures|les signatures|liste des signataires|блок подписей)`,
    "signatories",
  ],
];
const POSITIONS: Rule[] = POSITION_RULES.map(([source, id]) => ({
  re: new RegExp(`${B}${source}`, "gu"),
  make: () => [{ kind: "clause", id }],
}));

const RELATIVE_NEXT =
  /(?:next|following|after|suivante?|apres|d'apres|qui suit|suit|следующ\p{L}{0,4}|после)\s(?:(?:the|la|le|les|l')\s?)?$/u;
const RELATIVE_PREVIOUS =
  /(?:previous|preceding|before|precedente?|precedant|avant|предыдущ\p{L}{0,4}|перед)\s(?:(?:the|la|le|les|l')\s?)?$/u;

/** +1 for "the measure after …", -1 for "just before …", 0 otherwise: read in the words just before a reference. */
function relativeOffset(folded: string, start: number): number {
  const before = folded.slice(Math.max(0, start - 32), start);
  return RELATIVE_NEXT.test(before) ? 1 : RELATIVE_PREVIOUS.test(before) ? -1 : 0;
}

function shift(t: ReferenceTarget, by: number): ReferenceTarget {
  if (t.kind !== "clause" || by === 0) return t;
  const i = CLAUSE_ORDER.indexOf(t.id) + by;
  const id = CLAUSE_ORDER[Math.max(0, Math.min(CLAUSE_ORDER.length - 1, i))];
  return id ? { kind: "clause", id } : t;
}

/**
 * "NATO's article 5", "l'article 5 du traité de Washington", "статья 5 устава НАТО": numbers in
 * another document, not this declaration's clauses.
 */
const OTHER_TEXT_BEFORE = /(?:nato's|nato|otan|нато|treaty|traite|charter|charte)\s?$/u;
const OTHER_TEXT_AFTER =
  /^\s?(?:(?:of|de|du|d')\s?(?:the\s|la\s|l')?(?:nato|otan|traite|treaty|charte|charter|washington|north atlantic|onu|un\b)|(?:устава|договора|нато|оон))/u;

function aboutAnotherText(folded: string, start: number, end: number): boolean {
  return (
    OTHER_TEXT_BEFORE.test(folded.slice(Math.max(0, start - 12), start)) ||
    OTHER_TEXT_AFTER.test(folded.slice(end, end + 30))
  );
}

/**
 * A cheap first look: every rule above needs one of these stems, and most questions and chat
 * messages contain none, so they skip the larger patterns.
 */
const MAY_REFER =
  /mesur|measur|claus|point|item|articl|art\.|propos|paragra|para|section|step|etape|§|пункт|мер|стат|параграф|абзац|considerant|recital|whereas|preambul|preambl|signat|ligne|line|passage|phrase|sentence|list|строк|подпис|част|списк|перечн|[mp][0-9]/u;

const MAX_FOUND = 24;

/** Folding keeps lengths apart from a few ligatures; whitespace runs become one space. */
function normalise(text: string): string {
  return fold(text).replace(/[’'`]/g, "'").replace(/\s+/g, " ");
}

/**
 * Every clause reference in the text, in order of appearance, without duplicates.
 * A reference introduced by "after / avant / следующий…" points to the neighbour
 * ("la mesure après la mesure 3" → measure 4).
 */
export function findReferences(text: string): ReferenceTarget[] {
  const folded = normalise(text);
  if (!MAY_REFER.test(folded)) return [];
  const found: Found[] = [];
  const claimed: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => claimed.some(([s, e]) => a < e && b > s);

  for (const r of [...RECITAL_RULES, ...POSITIONS, ...MEASURE_RULES]) {
    for (const m of folded.matchAll(r.re)) {
      // Enough for any reply (the bot quotes three at most), and it keeps the overlap check cheap.
      if (claimed.length >= MAX_FOUND) break;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (overlaps(start, end) || aboutAnotherText(folded, start, end)) continue;
      claimed.push([start, end]);
      const by = relativeOffset(folded, start);
      for (const t of r.make(m as RegExpExecArray)) found.push({ at: start, target: shift(t, by) });
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
