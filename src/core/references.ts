/**
 * Clause references in free text: "mesure 3", "la 3e mesure", "measure three", "point IV", "§3",
 * "M3", "пункт 5", "le 2e considérant", "the last paragraph of the preamble", "the paragraph after
 * the list", "the measure after measure 3"… The words come from data/references.json and the
 * numbers from data/numbers.json; the patterns are generated from them and run on accent-folded,
 * lower-cased text. "D'après / selon / according to / согласно la mesure 5" credits measure 5
 * itself: a lead-in of that table is read before the words that mean "the clause after it".
 *
 * Quotations may also be credited to a clause by its name ("la conclusion dit « … »", "selon le
 * préambule"): creditsIn reads those, only where the name credits (a name is an ordinary noun).
 *
 * One scan finds the places where a reference can start; the rules are tried there only, at most
 * MAX_PLACES of them, and every pattern's repetitions are bounded. So a scan costs time linear in
 * the text's length, and bounded whatever it repeats (chat messages are untrusted input).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fold, isStopWord, words } from "./analysis.ts";
import { CLAUSE_COUNTS, CLAUSE_ORDER, readClauseData } from "./declaration.ts";
import { CARDINAL, ORDINAL, ROMAN, readCardinal, readOrdinal } from "./numbers.ts";
import type { ClauseId, Lang, Localized, OutOfRange } from "./types.ts";
import {
  alternatives,
  normaliseForPatterns,
  WORD_END,
  WORD_START,
  type WordList,
  wordListSource,
} from "./word-patterns.ts";

const REFERENCES_FILE = fileURLToPath(new URL("../../data/references.json", import.meta.url));

export interface PositionRule {
  target: ClauseId;
  /** Word tables in order; "~" stands for up to three other words. */
  sequence: string[];
  /** A word table that must not follow ("the last paragraph" but not "… of the preamble"). */
  notFollowedBy?: string;
  fires: string[];
  spares: string[];
}

/** Words that credit what follows ("d'après", "according to", "согласно"): an attribution. */
export interface LeadInRule extends WordList {
  id: string;
  /** Word tables that, just before it, make the lead-in a position ("la mesure suivant …"). */
  notAfter?: string[];
  fires: string[];
  spares: string[];
}

/** A clause, or a group of them, named by name ("la conclusion", "the preamble", "преамбула"). */
export interface NameRule extends WordList {
  id: string;
  clauses: ClauseId[];
  /** How a reply names a group ("the preamble (recitals 1–4)"); one clause has its own label. */
  label?: Localized;
  /** Bare names that count only as a label ("Préambule : « … »"), besides the clause's own. */
  labels?: string[];
  /** Phrases that hold a name without naming the clause ("в заключение": in conclusion). */
  idioms?: string[];
  fires: string[];
  spares: string[];
}

export interface ReferenceData {
  words: Record<string, WordList>;
  positions: PositionRule[];
  leadIns: LeadInRule[];
  names: NameRule[];
  summaryExamples: { fires: string[]; spares: string[] };
}

export function readReferenceData(file = REFERENCES_FILE): ReferenceData {
  return JSON.parse(readFileSync(file, "utf8")) as ReferenceData;
}

const data = readReferenceData();

function table(name: string): string {
  const w = data.words[name];
  if (!w) throw new Error(`${REFERENCES_FILE}: no word table "${name}"`);
  return wordListSource(w);
}

export type ReferenceTarget = { kind: "clause"; id: ClauseId } | OutOfRange;

const MEASURE_NOUN = `(?:${table("numbered")}\\s)?${table("measure")}`;
const RECITAL_NOUN = table("recital");
const OF_PREAMBLE = `\\s${table("ofPreamble")}`;
/** "n°", "no.", "number", "#", "№" between a noun and its number, or just a space. */
const NUMBER_MARK = "(?:\\s?(?:n°|nº|no\\.?|n\\.|numero|number|num\\.?|nr\\.?|#|№)\\s?|\\s)";
const NUMBER = `(?:${CARDINAL}|${ROMAN})`;
const JOIN = "(?:\\s?[,&]\\s?|\\s(?:et|and|и|ou|or|или)\\s)";
const NUMBER_LIST = `${NUMBER}(?:${JOIN}${NUMBER}){0,5}`;

function target(kind: "measure" | "recital", n: number): ReferenceTarget {
  const available = CLAUSE_COUNTS[kind];
  // "dernier" reads as -1 and "avant-dernier" as -2: counted from the end.
  const requested = n < 0 ? available + 1 + n : n;
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
/** Sticky: a rule is tried at one place, not searched for. */
const rule = (source: string, make: Rule["make"]): Rule => ({
  re: new RegExp(`${source}${WORD_END}`, "uy"),
  make,
});
const numbered = (kind: "measure" | "recital") => (m: RegExpExecArray) =>
  numbersIn(m[1] ?? "").map((n) => target(kind, n));

/** Recitals first: "le 1er paragraphe du préambule" must not read as a measure or the opening. */
const RECITAL_RULES: Rule[] = [
  // "considérant 2", "recital 2", "абзац 2 преамбулы" (the noun may carry "du préambule" itself)
  rule(`${RECITAL_NOUN}${NUMBER_MARK}(${NUMBER_LIST})`, numbered("recital")),
  rule(`${MEASURE_NOUN}${NUMBER_MARK}(${NUMBER_LIST})${OF_PREAMBLE}`, numbered("recital")),
  // "le 2e considérant", "the first recital", "le dernier paragraphe du préambule"
  rule(`(${ORDINAL})\\s${RECITAL_NOUN}`, (m) => [target("recital", ordinalOf(m))]),
  rule(`(${ORDINAL})\\s${MEASURE_NOUN}${OF_PREAMBLE}`, (m) => [target("recital", ordinalOf(m))]),
];

const MEASURE_RULES: Rule[] = [
  // "la 3e mesure", "the last measure", "третий пункт"
  rule(`(${ORDINAL})\\s${MEASURE_NOUN}`, (m) => [target("measure", ordinalOf(m))]),
  // "mesure 3", "measure three", "point IV", "art. 3", "point n°1", "пункте 5", "mesures 3 et 4"
  rule(`${MEASURE_NOUN}${NUMBER_MARK}(${NUMBER_LIST})`, numbered("measure")),
  { re: /§\s?(\d{1,3})(?!\d)/uy, make: (m) => [target("measure", Number(m[1]))] },
  // clause ids as the project writes them: "M3", "P2"
  rule("([mp])([0-9]{1,2})", (m) => [target(m[1] === "m" ? "measure" : "recital", Number(m[2]))]),
];

/** Up to three words of any kind between two parts of a position ("le paragraphe qui suit"). */
const FILLER = "(?:,?\\s\\p{L}{1,15}){0,3}";
/** Between two parts: a space, after a comma or not. */
const GAP = ",?\\s";

function positionRule(p: PositionRule): Rule {
  const parts = p.sequence.map((name, i) =>
    name === "~" ? FILLER : `${i === 0 ? "" : GAP}${table(name)}`,
  );
  const source = parts.join("");
  const guard = p.notFollowedBy ? `(?!\\s${table(p.notFollowedBy)})` : "";
  return {
    re: new RegExp(`${source}${guard}`, "uy"),
    make: () => [{ kind: "clause", id: p.target }],
  };
}

const POSITIONS: Rule[] = data.positions.map(positionRule);

/** An article between a lead-in or a relative word and the reference ("après la mesure 3"). */
const ARTICLE = "(?:(?:the|la|le|les|l')\\s?)?";
const RELATIVE_NEXT = new RegExp(`${table("next")}\\s${ARTICLE}$`, "u");
const RELATIVE_PREVIOUS = new RegExp(`${table("previous")}\\s${ARTICLE}$`, "u");

/**
 * Each lead-in rule, ending where a reference starts. Tried before the relative words, which
 * would read the "après" of "d'après" as "after"; a clause noun just before the lead-in ("la
 * mesure suivant la mesure 5") makes it a position again.
 */
const LEAD_INS = data.leadIns.map((r) => {
  const heads = (r.notAfter ?? []).map(table).join("|");
  const guard = heads ? `(?<!${WORD_START}(?:${heads})\\s)` : "";
  return {
    id: r.id,
    re: new RegExp(`${guard}${WORD_START}${wordListSource(r)}\\s${ARTICLE}$`, "u"),
  };
});

/** How far before a reference its lead-in is read: the longest lead-in, an article and a noun. */
const LEAD_IN_WINDOW = 48;

/**
 * What the words just before a reference do to it: a lead-in (its rule's id) credits the clause
 * itself; "after …" (+1) and "just before …" (-1) point to a neighbour.
 */
function leadInAt(folded: string, start: number): { by: number; leadIn: string | null } {
  const before = folded.slice(Math.max(0, start - LEAD_IN_WINDOW), start);
  for (const l of LEAD_INS) if (l.re.test(before)) return { by: 0, leadIn: l.id };
  if (RELATIVE_NEXT.test(before)) return { by: 1, leadIn: "next" };
  if (RELATIVE_PREVIOUS.test(before)) return { by: -1, leadIn: "previous" };
  return { by: 0, leadIn: null };
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
const OTHER_TEXT_BEFORE = new RegExp(`${table("otherTextBefore")}\\s?$`, "u");
const OTHER_TEXT_AFTER = new RegExp(`^\\s?${table("otherTextAfter")}`, "u");

function aboutAnotherText(folded: string, start: number, end: number): boolean {
  return (
    OTHER_TEXT_BEFORE.test(folded.slice(Math.max(0, start - 12), start)) ||
    OTHER_TEXT_AFTER.test(folded.slice(end, end + 30))
  );
}

/** Every rule starts with one of these: a digit, "§", a clause id, or a word of a first table. */
const FIRST_TABLES = [
  "measure",
  "numbered",
  "recital",
  ...new Set(data.positions.map((p) => p.sequence[0] ?? "")),
];
const PLACES = new RegExp(
  `§|${WORD_START}(?:\\d|[mp]\\d|${ORDINAL}|${FIRST_TABLES.map(table).join("|")})`,
  "gu",
);

/** The most places examined in one text: far more than any message cites, and a hard bound. */
const MAX_PLACES = 64;
/** Enough for any reply (the bot quotes three at most). */
const MAX_FOUND = 24;

const RULES = [...RECITAL_RULES, ...POSITIONS, ...MEASURE_RULES];

/** The first rule (in priority order) that matches exactly at `at`. */
function matchAt(folded: string, at: number): { m: RegExpExecArray; rule: Rule } | null {
  for (const r of RULES) {
    r.re.lastIndex = at;
    const m = r.re.exec(folded);
    if (m) return { m, rule: r };
  }
  return null;
}

/** A reference found in folded text: where it stands, what it points to, and what led it in. */
export interface FoundReference {
  start: number;
  end: number;
  targets: ReferenceTarget[];
  /** The lead-in rule's id ("according-fr"), "next" or "previous", or null. */
  leadIn: string | null;
}

/** Each reference found in folded text. */
function* scan(folded: string): Generator<FoundReference> {
  let places = 0;
  let found = 0;
  let claimedUntil = 0;
  // An exec loop rather than matchAll: the same matches, a sixth of the cost (matchAll clones the
  // pattern and drives an iterator on every call). The position is this scan's own, so scans never
  // disturb each other through the shared pattern's lastIndex.
  let from = 0;
  for (;;) {
    PLACES.lastIndex = from;
    const place = PLACES.exec(folded);
    if (place === null) break;
    const at = place.index;
    from = at + Math.max(1, place[0].length);
    if (at < claimedUntil) continue;
    if (++places > MAX_PLACES || found >= MAX_FOUND) break;
    const hit = matchAt(folded, at);
    if (!hit) continue;
    const end = at + hit.m[0].length;
    claimedUntil = end;
    if (aboutAnotherText(folded, at, end)) continue;
    const { by, leadIn } = leadInAt(folded, at);
    const targets = hit.rule.make(hit.m).map((t) => shift(t, by));
    found += targets.length;
    yield { start: at, end, targets, leadIn };
  }
}

/**
 * Every clause reference in the text, in order of appearance, without duplicates.
 * A reference introduced by "after / avant / следующий…" points to the neighbour
 * ("la mesure après la mesure 3" → measure 4); one introduced by "d'après / according to /
 * согласно" to the clause itself.
 */
export function findReferences(text: string): ReferenceTarget[] {
  return referencesIn(normaliseForPatterns(text));
}

/** findReferences on text already as normaliseForPatterns gives it, so it is not folded again. */
export function referencesIn(folded: string): ReferenceTarget[] {
  const found = [...scan(folded)].flatMap((r) => r.targets);
  const seen = new Set<string>();
  return found.filter((t) => {
    const key = t.kind === "clause" ? t.id : `${t.clauseKind}:${t.requested}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The first reference in `folded` (text as normaliseForPatterns gives it): its place there, what
 * it points to and what led it in, or null.
 */
export function firstReference(folded: string): FoundReference | null {
  for (const r of scan(folded)) return r;
  return null;
}

/** A clause, or a group of clauses a name covers together ("the preamble": P1–P4). */
export type CreditTarget = ReferenceTarget | { kind: "group"; id: string; clauses: ClauseId[] };

/** Which side of a quotation a window of text stands on. */
export type Side = "before" | "after";

/** Words that credit a quotation to clauses: a reference, or a name where it credits. */
export interface Credit {
  start: number;
  end: number;
  targets: CreditTarget[];
  /** What credits: a reference's lead-in ("according-fr", "next"…) or "reference"; "name:<id>". */
  via: string;
}

/**
 * Right before a name: a lead-in, a place word or a verb of saying in the present ("selon",
 * "dans", "dit la conclusion"); a past one reads as someone's talk ("I said the preamble is dull").
 */
const CREDITING = [...data.leadIns.map(wordListSource), table("leadPlace"), table("saysBefore")];
const CREDIT_BEFORE = new RegExp(`${WORD_START}(?:${CREDITING.join("|")})\\s$`, "u");
/** After a name, a verb of saying at most three words on ("the preamble clearly says"). */
const SAYS_AFTER = new RegExp(`^(?:\\s[\\p{L}'-]{1,20}){0,3}\\s${table("says")}`, "u");
/** After a name, "of …" something other than this text ("l'appel des syndicats"). */
const OF_OTHER = new RegExp(`^\\s${table("ofOther")}\\s?(?!${table("ofThisText")})`, "u");
/** Between a name and the quotation: punctuation and spaces only. */
const ONLY_MARKS = /^[\s:,.;()[\]—–-]*$/u;
const NEXT_TO_QUOTE = 4;
/** A label stands alone: at the start, or after a sentence ends ("Conclusion : « … »"). */
const LABEL_OPENS = /(?:^\s?|[.!?;)\]]\s?)$/u;
const LABEL_CLOSES_BEFORE = /^\s?[:—–-]\s?$/u;
const LABEL_OPENS_AFTER = /^[\s,]{0,2}[([—–-]?\s?$/u;
const LABEL_CLOSES_AFTER = /^\s?(?:[)\].,;!?]|$)/u;
/** How far around a name its crediting words are read. */
const CREDIT_WINDOW = 48;
/** Someone else's, or any one: "ma conclusion", "un appel", "my conclusion". */
const NOT_BEFORE_NAME = new RegExp(`${WORD_START}${table("notBeforeName")}\\s$`, "u");

const CLAUSE_DATA = new Map(readClauseData().map((c) => [c.id, c]));

/** A clause's own labels and names in clauses.json ("Conclusion", "Closing", "Заключение"). */
function ownLabels(id: ClauseId): string[] {
  const c = CLAUSE_DATA.get(id);
  return c ? [...Object.values(c.label), ...(c.names ?? [])] : [];
}

/** Each name rule's bare labels: its own, and a single clause's labels and names in clauses.json. */
const labelsOf = (r: NameRule): string[] => {
  const only = r.clauses.length === 1 ? r.clauses[0] : undefined;
  return [...(r.labels ?? []), ...(only ? ownLabels(only) : [])];
};

const NAMES = data.names.map((r) => {
  const only = r.clauses.length === 1 ? r.clauses[0] : undefined;
  const labels = labelsOf(r);
  const targets: CreditTarget[] = only
    ? [{ kind: "clause", id: only }]
    : [{ kind: "group", id: r.id, clauses: r.clauses }];
  return {
    via: `name:${r.id}`,
    targets,
    words: new RegExp(`${WORD_START}${wordListSource(r)}`, "gu"),
    labels:
      labels.length > 0
        ? new RegExp(`${WORD_START}(?:${alternatives(labels)})${WORD_END}`, "gu")
        : null,
    idiom: r.idioms?.length ? new RegExp(`(?:${alternatives(r.idioms)})$`, "u") : null,
  };
});

/**
 * A name in a sentence credits when a lead-in, a place word or a verb of saying stands next to it
 * ("selon la conclusion", "the appeal says"), or when it stands right next to the quotation ("la
 * conclusion : « … »", "« … », the appeal."). Anywhere else it is a noun like any other ("quelle
 * est la conclusion ?").
 */
function creditsAsWord(folded: string, start: number, end: number, side: Side): boolean {
  const before = folded.slice(Math.max(0, start - CREDIT_WINDOW), start);
  const after = folded.slice(end, end + CREDIT_WINDOW);
  if (NOT_BEFORE_NAME.test(before) || OF_OTHER.test(after)) return false;
  if (CREDIT_BEFORE.test(before) || SAYS_AFTER.test(after)) return true;
  return side === "before"
    ? folded.length - end <= NEXT_TO_QUOTE && ONLY_MARKS.test(folded.slice(end))
    : start <= NEXT_TO_QUOTE &&
        ONLY_MARKS.test(folded.slice(0, start)) &&
        LABEL_CLOSES_AFTER.test(folded.slice(end, end + 2));
}

/** A bare name credits only as a label: alone, right before or after the quotation. */
function creditsAsLabel(folded: string, start: number, end: number, side: Side): boolean {
  if (side === "before") {
    return (
      LABEL_OPENS.test(folded.slice(Math.max(0, start - 3), start)) &&
      folded.length - end <= NEXT_TO_QUOTE &&
      LABEL_CLOSES_BEFORE.test(folded.slice(end))
    );
  }
  return (
    start <= NEXT_TO_QUOTE &&
    LABEL_OPENS_AFTER.test(folded.slice(0, start)) &&
    LABEL_CLOSES_AFTER.test(folded.slice(end, end + 2))
  );
}

/** Any name or label at all: most windows hold none, and are then read once, not once a rule. */
const ANY_NAME = new RegExp(
  `${WORD_START}(?:${[...data.names.map(wordListSource), alternatives(data.names.flatMap(labelsOf))].join("|")})`,
  "u",
);

/** Names that credit in `folded`, a window on one side of a quotation; at most MAX_FOUND. */
function namesIn(folded: string, side: Side): Credit[] {
  const out: Credit[] = [];
  if (!ANY_NAME.test(folded)) return out;
  for (const n of NAMES) {
    for (const [re, credits] of [
      [n.words, creditsAsWord],
      [n.labels, creditsAsLabel],
    ] as const) {
      if (!re) continue;
      re.lastIndex = 0;
      for (let m = re.exec(folded); m !== null && out.length < MAX_FOUND; m = re.exec(folded)) {
        const start = m.index;
        const end = start + m[0].length;
        if (end === start) re.lastIndex++;
        else if (n.idiom?.test(folded.slice(Math.max(0, start - CREDIT_WINDOW), end))) continue;
        else if (credits(folded, start, end, side) && !out.some((o) => o.start === start))
          out.push({ start, end, targets: n.targets, via: n.via });
      }
    }
  }
  return out;
}

/**
 * What credits a quotation to clauses in `folded` (a window on one side of it, as
 * normaliseForPatterns gives it), in order: its references, and the names that credit ("la
 * conclusion dit", "selon le préambule", "Préambule : « … »"). A name inside a reference ("le
 * considérant 2 du préambule") or a group holding a clause a reference names gives way to it.
 */
export function creditsIn(folded: string, side: Side): Credit[] {
  const refs = [...scan(folded)];
  const referenced = new Set(
    refs.flatMap((r) => r.targets.flatMap((t) => (t.kind === "clause" ? [t.id] : []))),
  );
  const names = namesIn(folded, side).filter(
    (n) =>
      !refs.some((r) => n.start < r.end && r.start < n.end) &&
      !n.targets.some((t) => t.kind === "group" && t.clauses.some((c) => referenced.has(c))),
  );
  const found: Credit[] = refs.map((r) => ({
    start: r.start,
    end: r.end,
    targets: r.targets,
    via: r.leadIn ?? "reference",
  }));
  return [...found, ...names].sort((a, b) => a.start - b.start);
}

/** The clauses `folded` credits a quotation to (creditsIn), once each. */
export function creditedIn(folded: string, side: Side): CreditTarget[] {
  const seen = new Set<string>();
  return creditsIn(folded, side)
    .flatMap((c) => c.targets)
    .filter((t) => {
      const key =
        t.kind === "out-of-range" ? `${t.clauseKind}:${t.requested}` : `${t.kind}:${t.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The clause ids a credit covers: a clause, a group's clauses, none beyond the text. */
export function creditedIds(t: CreditTarget): ClauseId[] {
  return t.kind === "clause" ? [t.id] : t.kind === "group" ? t.clauses : [];
}

/** How a reply names a group of clauses ("le préambule (considérants 1 à 4)"). */
export function groupLabel(id: string, lang: Lang): string {
  return data.names.find((r) => r.id === id)?.label?.[lang] ?? id;
}

const SUMMARY_WORDS = new Set((data.words.summary?.words ?? []).map(fold));

/**
 * A request for the whole declaration in brief ("résume la déclaration", "tl;dr?", "кратко?"):
 * at least one summary word, and nothing else but words that frame a question about the text. A
 * summary of something else ("résume le traité de Versailles") has other words; one of a clause
 * ("résume le considérant 3") is a reference, which the engine looks up first.
 */
export function asksForSummary(text: string): boolean {
  let summary = false;
  for (const word of words(text.slice(0, 200))) {
    if (SUMMARY_WORDS.has(fold(word))) summary = true;
    else if (!isStopWord(word)) return false;
  }
  return summary;
}
