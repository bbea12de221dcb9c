/**
 * Clause references in free text: "mesure 3", "la 3e mesure", "measure three", "point IV", "§3",
 * "M3", "пункт 5", "le 2e considérant", "the last paragraph of the preamble", "the paragraph after
 * the list", "the measure after measure 3"… The words come from data/references.json and the
 * numbers from data/numbers.json; the patterns are generated from them and run on accent-folded,
 * lower-cased text. "D'après / selon / according to / согласно la mesure 5" credits measure 5
 * itself: a lead-in of that table is read before the words that mean "the clause after it".
 *
 * Quotations may also be credited to a clause by its name: reference-credits.ts reads those.
 *
 * One scan finds the places where a reference can start; the rules are tried there only, at most
 * MAX_PLACES of them, and every pattern's repetitions are bounded. So a scan costs time linear in
 * the text's length, and bounded whatever it repeats (chat messages are untrusted input).
 */
import { fileURLToPath } from "node:url";
import { fold, isStopWord, recentWords, words } from "./analysis.ts";
import { type RuleExamples, readDataFile } from "./data-file.ts";
import { CLAUSE_COUNTS, CLAUSE_ORDER, clauseByLength } from "./declaration.ts";
import { leadingGroup } from "./leading-group.ts";
import {
  CARDINAL,
  COUNTED_ORDINAL,
  cardinalOf,
  DIGIT_SUFFIX,
  fromEndOrdinal,
  ORDINAL,
  ROMAN,
  readCardinal,
  readOrdinal,
} from "./numbers.ts";
import type { ClauseId, Localized, OutOfRange } from "./types.ts";
import {
  normaliseForPatterns,
  WORD_END,
  WORD_START,
  type WordList,
  wordListSource,
} from "./word-patterns.ts";

const REFERENCES_FILE = fileURLToPath(new URL("../../data/references.json", import.meta.url));

export interface PositionRule extends RuleExamples {
  target: ClauseId;
  /** Word tables in order; "~" stands for up to three other words. */
  sequence: string[];
  /** Word tables that must not follow ("the last paragraph" but not "… of the preamble"). */
  notFollowedBy?: string | string[];
  /**
   * Not before a choice in its sentence ("which measure comes first: briefings or observers?"
   * asks which of the two, not for the first of the list).
   */
  notBeforeChoice?: boolean;
  /**
   * Only where the words after it, to the end of the phrase, are about this text: "the paragraph
   * after the list" or "… after the list of measures", not "… after the shopping list of mine".
   */
  tiedToText?: boolean;
  /**
   * A name may stand before it as the sentence's subject ("NATO already observed…"): unlike a
   * number after "NATO's", it is no reference to another document.
   */
  afterAName?: boolean;
  /**
   * A question the clause answers ("who are « we »?", "did NATO already send observers?"), not a
   * name for it: it finds the clause for a question but credits no quotation.
   */
  answers?: boolean;
  /**
   * Only in a message about this text: the words before it, like those after it, are stop words
   * or this text's ("c'est bien l'OTSC qui parle ?", never "that film was great, who wrote it?").
   */
  alone?: boolean;
  /** Not after a part's noun in its sentence: "la liste, ça se termine par quoi ?" asks of the list. */
  notAfterPart?: boolean;
  /** The first or last of "the list", which alone may be the list of signatory states. */
  listEdge?: boolean;
  /**
   * An edge of the text: the end ("la toute fin", "the very end"), which a reader may mean as its
   * last paragraph or as the signatures under it, or the start ("au tout début", "в самом
   * начале"), the opening line or the first recital it runs on into: a quotation credited to it
   * may come from either.
   */
  edge?: boolean;
  /**
   * The top of the text ("tout en haut", "at the very top", "в самом верху"): a question means
   * the opening line, but a quotation credited to it may come from anywhere above the appeal
   * ("c'est « guidés par les termes… », tout en haut": the last recital is up there too).
   */
  topPart?: boolean;
  /**
   * Other clauses a quotation credited to it may come from: "la phrase qui ouvre la liste" is the
   * first measure to a question, but the appeal's last words ("des démarches conjointes
   * suivantes") open the list too.
   */
  alsoCredits?: ClauseId[];
}

/** Clauses named by topic where a quotation is credited to them (topic-credits.ts). */
export interface TopicData {
  /** Words for a clause of one kind ("mesure", "considérant") or of any kind ("point", "пункт"). */
  heads: { measure: WordList; recital: WordList; any: WordList };
  /** "celle", "the one": a head of any kind that stands for a clause named by its topic alone. */
  pronounHeads: WordList;
  /** "one": after its topic, a pronoun head ("the drugs one"). */
  pronounHeadsAfter: WordList;
  /** "Sur", "côté", "as for", "про": a topic with no head, opening its sentence ("Sur la drogue, …"). */
  headlessLeads: WordList;
  /** Between a headless topic's comma and its verb of saying ("ils", "le texte", "they"). */
  headlessSubjects: WordList;
  /** Verbs of saying with "they" after a headless topic, besides the says table ("they say"). */
  headlessVerbs: WordList;
  /** A word of manner opening an adverb beside that verb ("так" of "сказано так светло"). */
  headlessManner: WordList;
  /** Verbs of saying with no subject ("сказано", "il est écrit"): no one else's words. */
  headlessImpersonal: WordList;
  /** The subjects the clauses treat: a headless topic must name one ("Sur la drogue", not "Sur le reste"). */
  headlessTopics: WordList;
  /** Between a head and its topic: "sur", "about", "про". */
  links: WordList;
  /** Before a head, part of the name: "la", "the". */
  articles: WordList;
  /** Words a topic stops at: a verb or a conjunction starts what is said of it ("… est la plus"). */
  ends: WordList;
  /** Words that name a clause's topic on their own after a head ("la mesure antidrogue"). */
  bareNames: WordList;
  /**
   * Nouns English puts before a head to name its topic ("the drugs measure", "the consultations
   * bit"); read there only: after a French head they are an agenda's items ("le point incident").
   */
  nounsBefore: WordList;
  /** Nouns that name a clause's topic after "des", "du" and a head ("la mesure des observateurs"). */
  nounsAfterOf: WordList;
  /** The heads a topic's noun after "des" names ("la mesure des observateurs"). */
  headsBeforeOf: WordList;
  /** Words that join a second noun to a topic ("les tensions et la confiance"). */
  coordinators: WordList;
  fires: { text: string; clauses: ClauseId[] }[];
  spares: string[];
}

/** Words that credit what follows ("d'après", "according to", "согласно"): an attribution. */
export interface LeadInRule extends WordList, RuleExamples {
  id: string;
  /** Word tables that, just before it, make the lead-in a position ("la mesure suivant …"). */
  notAfter?: string[];
}

/** A clause, or a group of them, named by name ("la conclusion", "the preamble", "преамбула"). */
export interface NameRule extends WordList, RuleExamples {
  id: string;
  clauses: ClauseId[];
  /** How a reply names a group ("the preamble (recitals 1–4)"); one clause has its own label. */
  label?: Localized;
  /** Bare names that count only as a label ("Préambule : « … »"), besides the clause's own. */
  labels?: string[];
  /** Phrases that hold a name without naming the clause ("в заключение": in conclusion). */
  idioms?: string[];
  /** Its bare labels also name people ("les signataires disent"): they never credit before a verb of saying. */
  speakers?: boolean;
}

export interface ReferenceData {
  words: Record<string, WordList>;
  positions: PositionRule[];
  leadIns: LeadInRule[];
  names: NameRule[];
  topics: TopicData;
  summaryExamples: { fires: string[]; spares: string[] };
  /** Generic nouns, the whole document and the preamble named first: each fire's first reference. */
  genericExamples: RuleExamples<{ text: string; target: ClauseId }>;
  /** Who speaks and to whom (party-cues.ts). */
  parties: PartyRule[];
}

/** A row of "parties": the words that ask for the speakers or the addressees, and their clause. */
export interface PartyRule extends WordList {
  clause: ClauseId;
  /** Words right before a cue that make it something else ("y a qui", "en a qui"). */
  notAfter?: string[];
  fires: string[];
  spares: string[];
}

export function readReferenceData(file = REFERENCES_FILE): ReferenceData {
  return readDataFile<ReferenceData>(file);
}

const data = readReferenceData();

/** The reference tables as loaded, shared with the name credits (reference-credits.ts). */
export { data as REFERENCE_DATA, scan as scanReferences, table as referenceWords };

function table(name: string): string {
  const w = data.words[name];
  if (!w) throw new Error(`${REFERENCES_FILE}: no word table "${name}"`);
  return wordListSource(w);
}

/**
 * A word table that must be there and hold words: an empty one would make a pattern that
 * matches anything (or a set that matches nothing), silently.
 */
export function requiredWords(name: string): WordList {
  const w = data.words[name];
  if (!w?.words?.length && !w?.stems?.length) {
    throw new Error(`${REFERENCES_FILE}: word table "${name}" is missing or empty`);
  }
  return w;
}

export type ReferenceTarget = { kind: "clause"; id: ClauseId } | OutOfRange;

const MEASURE_NOUN = `(?:${table("numbered")}\\s)?${table("measure")}`;
const RECITAL_NOUN = table("recital");
const OF_PREAMBLE = `\\s${table("ofPreamble")}`;
/**
 * "n°", "no.", "number", "#", "№", "номер" between a noun and its number, or just a space, or
 * nothing after an abbreviation's dot ("п.4", "art.5").
 */
const NUMBER_MARK =
  "(?:\\s?(?:n\\s?°|n\\s?º|no\\.?|n\\.|n(?=\\s\\d)|numero|number|num\\.?|nr\\.?|#|№|номер|nomer)\\s?|\\s|(?<=\\.)(?=\\d{1,2}(?![.,]?\\d)))";
const NUMBER = `(?:${CARDINAL}|${ROMAN})`;
const JOIN = "(?:\\s?[,&]\\s?|\\s(?:et|and|и|ou|or|или)\\s)";
/** "mesures 3 à 5", "measures 1-6", "considérants 2 à 4": a range names every number in it. */
const RANGE = "(?:\\s?[-–—]\\s?|\\s(?:a|to|through|thru)\\s)";
/** "la mesure 2 à 6 mois", "measure 2 to 3 times a year": a count of something else, no range. */
const NOT_A_COUNT = `(?!\\s?${table("unitsAfterNumber")}${WORD_END})`;
const NUMBER_OR_RANGE = `${NUMBER}(?:${RANGE}${NUMBER}${NOT_A_COUNT})?`;
const NUMBER_LIST = `${NUMBER_OR_RANGE}(?:${JOIN}${NUMBER_OR_RANGE}){0,5}`;
const RANGE_ENDS = new RegExp(`^(${NUMBER})${RANGE}(${NUMBER})$`, "u");
const JOINS = new RegExp(JOIN, "u");

/** The n-th clause of the whole document, counted from the end when n < 0; null beyond it. */
function inDocument(n: number): ReferenceTarget[] {
  const i = n < 0 ? CLAUSE_ORDER.length + n : n - 1;
  const id = Number.isInteger(i) ? CLAUSE_ORDER[i] : undefined;
  return id ? [{ kind: "clause", id }] : [];
}

function target(kind: "measure" | "recital", n: number): ReferenceTarget {
  const available = CLAUSE_COUNTS[kind];
  // "dernier" reads as -1 and "avant-dernier" as -2: counted from the end.
  const requested = n < 0 ? available + 1 + n : n;
  if (!Number.isInteger(requested) || requested < 1 || requested > available) {
    // "the 20th from the end" asks for a 20th one, not a -13th.
    return { kind: "out-of-range", clauseKind: kind, requested: n < 0 ? -n : n, available };
  }
  return { kind: "clause", id: `${kind === "measure" ? "M" : "P"}${requested}` as ClauseId };
}

/** For the readings of a place counted from the end (reference-readings.ts). */
export { inDocument as nthOfDocument, target as nthOfKind };

type Rule = {
  re: RegExp;
  make: (m: RegExpExecArray) => ReferenceTarget[];
  /** A generic noun ("élément", "bloc") or a place: it counts only when tied to this text. */
  weak?: boolean;
  /** A name before it is the sentence's subject (PositionRule.afterAName). */
  afterAName?: boolean;
  /** A question the clause answers, not its name (PositionRule.answers). */
  answers?: boolean;
  /** An edge of the text, its start or its end (PositionRule.edge). */
  edge?: boolean;
  /** Only in a message about this text (PositionRule.alone). */
  alone?: boolean;
  /** Never after a part's noun in its sentence (PositionRule.notAfterPart). */
  notAfterPart?: boolean;
  /** The first or last of "the list" (PositionRule.listEdge). */
  listEdge?: boolean;
  /** The top of the text (PositionRule.topPart). */
  topPart?: boolean;
  /** Other clauses a quotation credited to it may come from (PositionRule.alsoCredits). */
  alsoCredits?: ClauseId[];
};

/**
 * The numbers of a list, each range expanded when it ends within `last` (the count of the clauses
 * it numbers): "la mesure 2 à 8 euros" is measure 2, a range past the clauses a count of something.
 */
const numbersIn = (list: string, last: number): number[] =>
  list.split(JOINS).flatMap((t) => {
    const item = t.trim();
    // "dix-sept" is one number, not a range from ten
    const whole = readCardinal(item);
    if (whole !== null) return [whole];
    const ends = RANGE_ENDS.exec(item);
    if (!ends) return [];
    const from = readCardinal(ends[1] ?? "");
    const to = readCardinal(ends[2] ?? "");
    if (from === null) return [];
    if (to === null || to <= from || to > last) return [from];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });

const ordinalOf = (m: RegExpExecArray, group = 1): number =>
  readOrdinal(m[group] ?? "") ?? Number.NaN;
/**
 * "(qui) suit le (tout) premier", "that comes before the last", "la mesure d'après la première":
 * a neighbour of an ordinal whose noun is the one before it. Group 1 is set for the next one,
 * undefined for the previous one.
 */
const NEIGHBOUR_OF = `(?:qui\\s|that\\s|which\\s|который\\s)?(?:(?:juste|right|just|сразу)\\s)?(?:(${table("next")}|d'apres)|${table("previous")}|d'avant)\\s(?:(?:the|la|le|l')\\s?)?(?:(?:tout|toute|very|самый|самой|самого)\\s)?`;
/**
 * "the last of the measures", "le premier des considérants", "the first of the 'whereas' ones";
 * "the last of the six measures": a count between them is the kind's own size ("le dernier des
 * trois points que je cite" is another list).
 */
const partitive = (kind: "measure" | "recital") =>
  `(?:(?:one\\s|ones\\s)?(?:of\\sthe|des|d'entre\\sles)\\s(?:${cardinalOf(CLAUSE_COUNTS[kind])}\\s)?["'«]?\\s?)?`;
/**
 * "les deux dernières", "the first three", "последние две", "две последние": a run of clauses at
 * one end of their kind, counted.
 */
const FEW = `(?:(?<count>${CARDINAL})\\s(?:(?<first>${table("firstFew")})|${table("lastFew")})|(?:(?<first2>${table("firstFew")})|${table("lastFew")})\\s(?<count2>${CARDINAL}))`;

/** "les 2 premiers points de la mesure 3": parts of one clause, not a run of clauses. */
const NOT_OF_A_CLAUSE = `${WORD_END}(?!\\s(?:de\\sla|de\\sl'|du|des|of\\sthe|of|in\\sthe|in|dans\\sla|из|в)\\s?(?:${MEASURE_NOUN}|${RECITAL_NOUN}))`;

/** The clauses a FEW match names: the first or the last `count` of the kind; none past its end. */
function fewOf(kind: "measure" | "recital", m: RegExpExecArray): ReferenceTarget[] {
  const g = m.groups ?? {};
  const count = readCardinal(g.count ?? g.count2 ?? "");
  const available = CLAUSE_COUNTS[kind];
  if (count === null || count < 2 || count > available) return [];
  const fromStart = g.first !== undefined || g.first2 !== undefined;
  return Array.from({ length: count }, (_, i) =>
    target(kind, fromStart ? i + 1 : available - count + 1 + i),
  );
}

/** "le plus court des", "the longest", "самый короткий": a clause of a kind by its length. */
const BY_LENGTH = `(?:(?<shortest>${table("shortest")})|${table("longest")})`;
const OF_KIND = "(?:\\s(?:des|of\\sthe|d'entre\\sles|из))?\\s";

function byLength(kind: "measure" | "recital", m: RegExpExecArray): ReferenceTarget[] {
  const id = clauseByLength(kind, m.groups?.shortest !== undefined ? "shortest" : "longest");
  return id ? [{ kind: "clause", id }] : [];
}

/** "первый же абзац": the Russian particle of emphasis between an ordinal and its noun. */
const JUST = "(?:же\\s)?";
/** "the first proposed step", "вторая предложенная мера": a word for the list's being proposed. */
const PROPOSED = `(?:${table("proposedAdjective")}\\s)?`;

/** Sticky: a rule is tried at one place, not searched for. */
const rule = (source: string, make: Rule["make"], weak = false): Rule => ({
  re: new RegExp(`${source}${WORD_END}`, "uy"),
  make,
  weak,
});
const numbered = (kind: "measure" | "recital") => (m: RegExpExecArray) =>
  numbersIn(m[1] ?? "", CLAUSE_COUNTS[kind]).map((n) => target(kind, n));

/** Generic nouns: "le premier élément", "the second bullet" (a measure), "le dernier bloc". */
const LIST_ITEM = table("listItem");
const DOCUMENT_PART = table("documentPart");
/** "préambule, paragraphe 2", "preamble para 1", "преамбула, абз. 4": the preamble named first. */
const PREAMBLE_FIRST = `${table("preamble")}(?:\\s?[,:–—-]\\s?|\\s)(?:(?:the|la|le|l'|in|dans|в)\\s?)?`;

/**
 * "Préambule. Paragraphe 2 :", "Preamble. Second para": a heading before a paragraph noun; not
 * before a measure's noun, which a new sentence may mean ("Je passe sur le préambule. Point 5 : …").
 */
const PREAMBLE_HEADING = `${table("preamble")}\\s?\\.\\s?(?:(?:the|la|le|l')\\s?)?`;

/**
 * After the preamble's name, any paragraph noun: "préambule, 2e alinéa", "preamble point 2"; never
 * a measure by that name ("in the preamble, measure 2 is the machinery" moves on to measure 2).
 */
const CLAUSE_OR_PARAGRAPH = `(?:(?!${table("measureOnly")}(?![\\p{L}]))${MEASURE_NOUN}|${table("paragraph")})`;

/** Recitals first: "le 1er paragraphe du préambule" must not read as a measure or the opening. */
const RECITAL_RULES: Rule[] = [
  // "les trois premiers considérants", "the last two recitals"
  rule(`${FEW}\\s${partitive("recital")}${RECITAL_NOUN}${NOT_OF_A_CLAUSE}`, (m) =>
    fewOf("recital", m),
  ),
  // "le plus court des considérants", "the recital that is the longest", "le considérant le plus long"
  rule(`${BY_LENGTH}${OF_KIND}${RECITAL_NOUN}`, (m) => byLength("recital", m)),
  rule(
    `${RECITAL_NOUN}(?:\\s(?:the|la|le|is|est|that\\sis|qui\\sest|is\\sthe)){0,2}\\s${BY_LENGTH}`,
    (m) => byLength("recital", m),
  ),
  // "considérant 2", "recital 2", "абзац 2 преамбулы" (the noun may carry "du préambule" itself)
  rule(`${RECITAL_NOUN}${NUMBER_MARK}(${NUMBER_LIST})${DIGIT_SUFFIX}`, numbered("recital")),
  rule(`${MEASURE_NOUN}${NUMBER_MARK}(${NUMBER_LIST})${OF_PREAMBLE}`, numbered("recital")),
  // "le 2e considérant", "the first recital", "le dernier paragraphe du préambule"
  rule(`(${ORDINAL})\\s${JUST}${partitive("recital")}${RECITAL_NOUN}`, (m) => [
    target("recital", ordinalOf(m)),
  ]),
  rule(`(${ORDINAL})\\s${JUST}${table("recitalAfterOrdinalOnly")}`, (m) => [
    target("recital", ordinalOf(m)),
  ]),
  rule(`(${ORDINAL})\\s(?:${MEASURE_NOUN}|${LIST_ITEM}|${DOCUMENT_PART})${OF_PREAMBLE}`, (m) => [
    target("recital", ordinalOf(m)),
  ]),
  // "the last one in the preamble", "le premier du préambule": the ordinal alone names a recital.
  rule(
    `(${ORDINAL})(?:\\s(?:one|celui|celle|тот|та))?${OF_PREAMBLE}`,
    (m) => [target("recital", ordinalOf(m))],
    true,
  ),
  // "preamble para 1", "préambule, 2e alinéa", "преамбула, абзац 4", "preamble #2"
  rule(
    `${PREAMBLE_FIRST}${CLAUSE_OR_PARAGRAPH}${NUMBER_MARK}(${NUMBER_LIST})`,
    numbered("recital"),
  ),
  // "in the preamble, measure 2 is the machinery": a place, then a new subject, measure 2.
  rule(
    `(?:(?<=${WORD_START}${table("inPlace")}\\s(?:(?:the|le|la|l')\\s?)?)|(?=${table("inPlace")}\\s))(?:(?:the|le|la|l')\\s?)?${table("preamble")}\\s?,\\s?${table("measureOnly")}${NUMBER_MARK}(${NUMBER_LIST})`,
    numbered("measure"),
  ),
  // "préambule, mesure 2": the recital, or measure 2 after the preamble's name; both are read,
  // the recital first. In "après le préambule, mesure 5" no recital is named, so the preamble
  // and measure 5 are read apart.
  rule(`${PREAMBLE_FIRST}${table("measureOnly")}${NUMBER_MARK}(${NUMBER_LIST})`, (m) => {
    const ns = numbersIn(m[1] ?? "", CLAUSE_COUNTS.measure);
    if (!ns.every((n) => n <= CLAUSE_COUNTS.recital)) return [];
    return [...ns.map((n) => target("recital", n)), ...ns.map((n) => target("measure", n))];
  }),
  rule(
    `${PREAMBLE_HEADING}${table("paragraph")}${NUMBER_MARK}(${NUMBER_LIST})`,
    numbered("recital"),
  ),
  rule(`${PREAMBLE_FIRST}(${ORDINAL})\\s${JUST}${CLAUSE_OR_PARAGRAPH}`, (m) => [
    target("recital", ordinalOf(m)),
  ]),
  rule(`${PREAMBLE_HEADING}(${ORDINAL})\\s${JUST}${table("paragraph")}`, (m) => [
    target("recital", ordinalOf(m)),
  ]),
  // "le préambule, premier morceau": a part noun right after the name and its ordinal, no article
  // ("il y a le préambule, la deuxième partie c'est la liste" names the text's second part).
  rule(`${table("preamble")}\\s?,\\s?(${ORDINAL})\\s${DOCUMENT_PART}`, (m) => [
    target("recital", ordinalOf(m)),
  ]),
  rule(`${table("preamble")}${NUMBER_MARK}(\\d{1,2})`, numbered("recital")),
  // "le considérant qui suit le tout premier", "the recital before the last one"
  rule(`${RECITAL_NOUN}\\s${NEIGHBOUR_OF}(${ORDINAL})`, (m) => [
    target("recital", ordinalOf(m, 2) + (m[1] === undefined ? -1 : 1)),
  ]),
  // "la mesure qui suit la première", "the measure right before the last"
  rule(`${MEASURE_NOUN}\\s${NEIGHBOUR_OF}(${ORDINAL})`, (m) => [
    target("measure", ordinalOf(m, 2) + (m[1] === undefined ? -1 : 1)),
  ]),
  // "la mesure d'après la 3", "the measure before measure 5": a neighbour of a numbered measure,
  // the number after an article or the noun and ending its phrase ("d'après 3 experts" is a source).
  rule(
    `${MEASURE_NOUN}\\s${NEIGHBOUR_OF}(?:${MEASURE_NOUN}\\s)?(?<=(?:\\s(?:la|le|the)|${MEASURE_NOUN})\\s)(\\d{1,2})(?=\\s?(?:[,.;:?!»"“”)]|$))`,
    (m) => [target("measure", Number(m[2]) + (m[1] === undefined ? -1 : 1))],
  ),
  // "the preamble's final paragraph", "the preamble's 2nd recital"
  rule(
    `${table("preamble")}'s\\s(${ORDINAL})\\s(?:${MEASURE_NOUN}|${DOCUMENT_PART}|${RECITAL_NOUN})`,
    (m) => [target("recital", ordinalOf(m))],
  ),
];

/**
 * Paragraphs counted over the whole document: "le dernier bloc du document", "предпоследний абзац
 * текста", "the first part". A generic noun with "of the list" after it counts the measures.
 */
const DOCUMENT_RULES: Rule[] = [
  rule(`(${ORDINAL})\\s(?:${table("paragraph")}|${DOCUMENT_PART})\\s${table("ofWholeText")}`, (m) =>
    inDocument(ordinalOf(m)),
  ),
  rule(
    `(${ORDINAL})\\s(?:${LIST_ITEM}|${DOCUMENT_PART}|${table("paragraph")})\\s${table("ofList")}`,
    (m) => [target("measure", ordinalOf(m))],
    true,
  ),
  rule(`(${ORDINAL})\\s${DOCUMENT_PART}`, (m) => inDocument(ordinalOf(m)), true),
  // "third from the end of the list", "le dernier de la liste": the ordinal alone names a measure.
  rule(
    `(${ORDINAL})(?:\\s(?:one|celui|celle|тот|та))?\\s${table("ofList")}`,
    (m) => [target("measure", ordinalOf(m))],
    true,
  ),
];

const MEASURE_RULES: Rule[] = [
  // "les deux dernières mesures", "the first three measures", "последние две меры"
  rule(`${FEW}\\s${partitive("measure")}${MEASURE_NOUN}${NOT_OF_A_CLAUSE}`, (m) =>
    fewOf("measure", m),
  ),
  // "la plus longue des mesures", "the shortest measure", "la mesure la plus courte"
  rule(`${BY_LENGTH}${OF_KIND}${MEASURE_NOUN}`, (m) => byLength("measure", m)),
  rule(
    `${MEASURE_NOUN}(?:\\s(?:the|la|le|is|est|that\\sis|qui\\sest|is\\sthe)){0,2}\\s${BY_LENGTH}`,
    (m) => byLength("measure", m),
  ),
  // "la 3e mesure", "the last measure", "третий пункт", "первый же пункт", "the first proposed step"
  rule(`(${ORDINAL})\\s${JUST}${partitive("measure")}${PROPOSED}${MEASURE_NOUN}`, (m) => [
    target("measure", ordinalOf(m)),
  ]),
  // "пункт второй", "мера пятая": Russian puts the ordinal after the noun as readily as before it.
  // Only the nouns of measureBeforeOrdinal: "стать первым" is a verb, "статья пятая" another
  // text's article, and "абзац первый" may be the opening as "первый абзац" is.
  rule(`${table("measureBeforeOrdinal")}\\s(${ORDINAL})`, (m) => [target("measure", ordinalOf(m))]),
  // "mesure 3", "measure three", "point IV", "art. 3", "point n°1", "пункте 5", "mesures 3 et 4"
  rule(`${MEASURE_NOUN}${NUMBER_MARK}(${NUMBER_LIST})${DIGIT_SUFFIX}`, numbered("measure")),
  // "§3 du préambule": the sign touching its number, as "§ 3 du préambule" does with a space.
  rule(`§(${NUMBER_LIST})${OF_PREAMBLE}`, numbered("recital")),
  { re: /§\s?(\d{1,3})(?!\d)/uy, make: (m) => [target("measure", Number(m[1]))] },
  // "#3 says", "what does #5 say?", "selon #5 :": chat numbers the list so. Only opening the
  // message or after a word that asks, points or attributes (hashBefore): "Post #2 says", "we're
  // #1!", "vote for #2!" number other things; and only before a mark, the end or a verb of saying
  // or being (hashAfter): "the #1 priority" ranks another thing. Weak: tied to this text like the
  // generic nouns.
  {
    re: new RegExp(
      `(?<=^[\\s"«(]*|${WORD_START}${table("hashBefore")}\\s)#(\\d{1,2})(?=\\s?[?.,;:)»"]|\\s?$|\\s${table("hashAfter")})`,
      "uy",
    ),
    make: (m) => [target("measure", Number(m[1]))],
    weak: true,
  },
  // clause ids as the project writes them: "M3", "P2"
  rule("([mp])([0-9]{1,2})", (m) => [target(idKind(m[1] ?? "", Number(m[2])), Number(m[2]))]),
  // "le premier élément des démarches proposées", "the second bullet", "démarche 3"
  rule(
    `(${ORDINAL})\\s${partitive("measure")}${LIST_ITEM}`,
    (m) => [target("measure", ordinalOf(m))],
    true,
  ),
  rule(`${LIST_ITEM}${NUMBER_MARK}(${NUMBER_LIST})`, numbered("measure"), true),
];

/**
 * "M3", "P2" as the project writes them; "p5", beyond the recitals, is a "пункт", a point of the
 * list, as Russian chat in Latin letters writes it.
 */
function idKind(letter: string, n: number): "measure" | "recital" {
  if (letter === "m") return "measure";
  return n > CLAUSE_COUNTS.recital && n <= CLAUSE_COUNTS.measure ? "measure" : "recital";
}

/**
 * Up to three words of any kind between two parts of a position ("le paragraphe qui suit"), but
 * not ending on a word of distance right before the next part: "le passage, bien avant la liste"
 * is somewhere well before it, not the paragraph right before ("le paragraphe, bien trop long,
 * juste avant la liste" still is).
 */
const FILLER = `(?:,?\\s\\p{L}{1,15}){0,3}(?!(?<=${WORD_START}${table("distance")})\\s)`;
/** Between two parts: a space, after a comma or not. */
const GAP = ",?\\s";

/** A choice later in the sentence, within CHOICE_CHARS: "…, the briefings or the observers?". */
const CHOICE_CHARS = 80;
const NO_CHOICE_AFTER = `(?![^?.!]{0,${CHOICE_CHARS}}${WORD_START}${table("choiceWords")}\\s)`;

function positionRule(p: PositionRule): Rule {
  const parts = p.sequence.map((name, i) =>
    name === "~" ? FILLER : `${i === 0 ? "" : GAP}${table(name)}`,
  );
  const source = parts.join("");
  // "the last paragraph, before the signatures": a comma may stand before the words that follow.
  const guards = [p.notFollowedBy ?? []].flat().map(table);
  const guard = guards.length > 0 ? `(?!,?\\s(?:${guards.join("|")}))` : "";
  const choice = p.notBeforeChoice ? NO_CHOICE_AFTER : "";
  return {
    // The word ends before the guard is read: a stem's tail must not shrink to slip past it.
    re: new RegExp(`${source}${WORD_END}${guard}${choice}`, "uy"),
    make: () => [{ kind: "clause", id: p.target }],
    weak: p.tiedToText === true,
    afterAName: p.afterAName === true,
    answers: p.answers === true,
    edge: p.edge === true,
    alone: p.alone === true,
    notAfterPart: p.notAfterPart === true,
    listEdge: p.listEdge === true,
    topPart: p.topPart === true,
    alsoCredits: p.alsoCredits ?? [],
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
  const leadIn = `${WORD_START}${wordListSource(r)}\\s${ARTICLE}$`;
  return {
    id: r.id,
    re: new RegExp(leadIn, "u"),
    // Only where the lead-in is there: a look-behind at the front is tried at every character.
    guard: heads ? new RegExp(`(?<!${WORD_START}(?:${heads})\\s)${leadIn}`, "u") : null,
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
  for (const l of LEAD_INS) {
    if (l.re.test(before) && (!l.guard || l.guard.test(before))) return { by: 0, leadIn: l.id };
  }
  if (RELATIVE_NEXT.test(before)) return { by: 1, leadIn: "next" };
  if (RELATIVE_PREVIOUS.test(before)) return { by: -1, leadIn: "previous" };
  return { by: 0, leadIn: null };
}

export function shiftTarget(t: ReferenceTarget, by: number): ReferenceTarget {
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
/** "on me demande un mot de passe", "il mesure 2 mètres": after these, "mesure" is a verb. */
const VERB_BEFORE = new RegExp(`(?:^|\\s)${table("verbBefore")}\\s?$`, "u");
const VERB_NOUN = new RegExp(`^${table("verbNouns")}${WORD_END}`, "u");

function aboutAnotherText(folded: string, start: number, end: number, rule: Rule): boolean {
  return (
    (!rule.afterAName && OTHER_TEXT_BEFORE.test(folded.slice(Math.max(0, start - 12), start))) ||
    (VERB_NOUN.test(folded.slice(start, end)) &&
      VERB_BEFORE.test(folded.slice(Math.max(0, start - 8), start))) ||
    OTHER_TEXT_AFTER.test(folded.slice(end, end + 30))
  );
}

/** Every rule starts with one of these: a digit, "§", a clause id, or a word of a first table. */
const FIRST_TABLES = [
  "measure",
  "numbered",
  "recital",
  "preamble",
  "listItem",
  ...new Set(data.positions.map((p) => p.sequence[0] ?? "")),
];
const PLACES = new RegExp(
  `§|#(?=\\d)|${WORD_START}(?:\\d|[mp]\\d|${ORDINAL}|${CARDINAL}\\s(?:${table("firstFew")}|${table("lastFew")})|${BY_LENGTH}|${FIRST_TABLES.map(table).join("|")})`,
  "gu",
);

/** The most places examined in one text: far more than any message cites, and a hard bound. */
const MAX_PLACES = 64;
/** Enough for any reply (the bot quotes three at most). */
export const MAX_FOUND = 24;

/**
 * "третий абзац", "в четвёртом абзаце", "абзац 2": Russian numbers the recitals by "абзац", as the
 * bot's own labels do ("Преамбула, абзац 2"); read after the positions, so that the first and the
 * last paragraph keep their own readings.
 */
const RECITAL_BY_PARAGRAPH: Rule[] = [
  rule(
    `(${COUNTED_ORDINAL})\\s${table("recitalAfterOrdinal")}(?!\\s${table("ofWholeText")})`,
    (m) => [numberedParagraph(ordinalOf(m))],
  ),
  rule(`${table("recitalAfterOrdinal")}${NUMBER_MARK}(${NUMBER_LIST})${DIGIT_SUFFIX}`, (m) =>
    numbersIn(m[1] ?? "", CLAUSE_COUNTS.measure).map(numberedParagraph),
  ),
];

/** Beyond the recitals ("пятый абзац"), the numbered paragraph is the measure of that number. */
function numberedParagraph(n: number): ReferenceTarget {
  return target(n <= CLAUSE_COUNTS.recital ? "recital" : "measure", n);
}

const RULES = [
  ...RECITAL_RULES,
  ...POSITIONS,
  ...RECITAL_BY_PARAGRAPH,
  ...DOCUMENT_RULES,
  ...MEASURE_RULES,
];

/** Where a phrase ends: the words after a reference up to here are about it. */
const PHRASE_END = /[,;:?!.()«»"—–]/u;
const NOT_OURS = new RegExp(`^${table("notBeforeName")}$`, "u");
const THIS_TEXT = new RegExp(`^${table("thisText")}$`, "u");
const ELIDED = /^(?:l|d)'(\p{L}+)$/u;
/**
 * "the bit before the signatures goes « … »": a verb of saying alone before a quotation or a colon
 * says what the place holds.
 */
const SAYS = new Set(requiredWords("says").words?.filter((w) => !w.includes(" ")));
const NOT_OURS_BEFORE = new RegExp(`${WORD_START}${table("notBeforeName")}\\s$`, "u");

/**
 * Whether a rule marked `alone` is about this text: the words after it name the text ("who wrote
 * this declaration?"), or those before it in its sentence are stop words, this text's words or
 * chatter ("hey, who wrote this?"); never "that dialogue in Top Boy was mad, who wrote it".
 */
function aboutThisTextAlone(folded: string, start: number, end: number): boolean {
  if (
    phraseAfter(folded, end)
      .split(/[^\p{L}\p{N}]+/u)
      .some((w) => THIS_TEXT.test(w))
  )
    return true;
  const before = folded.slice(0, start).split(SENTENCE_END).at(-1) ?? "";
  return before
    .replace(CHATTER, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .every((w) => w === "" || THIS_TEXT.test(w) || isStopWord(w) || w.length === 1);
}

const SENTENCE_END = /[.!?]+/u;

const PART_NOUN = new RegExp(`${WORD_START}${table("partNouns")}${WORD_END}`, "u");

/** Whether a part of the text is named before `start` in its sentence ("la liste, ça se termine …"). */
function partNamedBefore(folded: string, start: number): boolean {
  return PART_NOUN.test(folded.slice(0, start).split(SENTENCE_END).at(-1) ?? "");
}

/** The words after a reference, to the end of its phrase: what they say is about it. */
function phraseAfter(folded: string, end: number): string {
  const after = folded.slice(end, end + 80);
  const stop = after.search(PHRASE_END);
  return stop < 0 ? after : after.slice(0, stop);
}
const CHATTER = new RegExp(`${WORD_START}${table("chatter")}${WORD_END}`, "gu");

/**
 * "mon appli bancaire demande une double sécurité": a word that is also a verb, no determiner
 * before it, then "un"/"une" and a noun is the verb and its article; "la mesure un" is measure 1.
 */
const ARTICLE_AS_NUMBER = /\s(?:un|une)$/u;
const DETERMINER_BEFORE =
  /(?:^|\s)(?:la|le|l'|sa|son|leur|cette|ce|the|this|their|its|une|un|votre|ta|ma|notre)\s?$/u;
const NOUN_AFTER = /^\s\p{L}/u;

function verbAndArticle(folded: string, start: number, end: number): boolean {
  return (
    VERB_NOUN.test(folded.slice(start, end)) &&
    ARTICLE_AS_NUMBER.test(folded.slice(start, end)) &&
    !DETERMINER_BEFORE.test(folded.slice(Math.max(0, start - 8), start)) &&
    NOUN_AFTER.test(folded.slice(end, end + 2))
  );
}

/**
 * Whether a weak reference is about this text: no possessive or indefinite just before it ("my
 * second bullet"), and after it, to the end of the phrase, only words that frame a question or
 * name this text ("… des démarches proposées ?"), not another thing ("… du tableau périodique").
 */
function tiedToThisText(folded: string, start: number, end: number): boolean {
  if (NOT_OURS_BEFORE.test(folded.slice(Math.max(0, start - 12), start))) return false;
  const after = phraseAfter(folded, end);
  if (SAYS.has(after.trim())) return true;
  return after.split(/[^\p{L}\p{N}']+/u).every((w) => {
    // After an elided article ("de l'Est") stands a noun: it must be one of this text's.
    const noun = ELIDED.exec(w)?.[1];
    if (noun !== undefined) return THIS_TEXT.test(noun);
    return w === "" || THIS_TEXT.test(w) || (isStopWord(w) && !NOT_OURS.test(w));
  });
}

/** The distinct groups the rules open with, each sticky, as the rules are. */
const LEADS: RegExp[] = [];
/** The index in LEADS of each rule's leading group, or -1 when it has none. */
const RULE_LEADS = RULES.map((r) => {
  const group = leadingGroup(r.re.source);
  if (group === null) return -1;
  const i = LEADS.findIndex((l) => l.source === group);
  if (i >= 0) return i;
  LEADS.push(new RegExp(group, r.re.flags));
  return LEADS.length - 1;
});
/** Per place: 0 not tried yet, 1 the group matches there, 2 it does not. */
const LEAD_STATE = new Uint8Array(LEADS.length);

/** The first rule (in priority order) that matches exactly at `at`. */
function matchAt(folded: string, at: number): { m: RegExpExecArray; rule: Rule } | null {
  LEAD_STATE.fill(0);
  for (let i = 0; i < RULES.length; i++) {
    const lead = RULE_LEADS[i] ?? -1;
    if (lead >= 0) {
      if (LEAD_STATE[lead] === 0) {
        const re = LEADS[lead] as RegExp;
        re.lastIndex = at;
        LEAD_STATE[lead] = re.test(folded) ? 1 : 2;
      }
      if (LEAD_STATE[lead] === 2) continue;
    }
    const r = RULES[i] as Rule;
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
  /** Found by a question the clause answers, not by its name: it credits no quotation. */
  answers: boolean;
  /** Found as the end of the text ("la toute fin"): it may mean either of the two clauses there. */
  edge: boolean;
  /** Found as the first or last of "the list" (PositionRule.listEdge). */
  listEdge: boolean;
  /** Found as the top of the text (PositionRule.topPart). */
  topPart: boolean;
  /** Other clauses a quotation credited to it may come from (PositionRule.alsoCredits). */
  alsoCredits: readonly ClauseId[];
  /** The clauses the words name before "after" or "before" moves them, and by how many. */
  placed: ReferenceTarget[];
  by: number;
}

/**
 * "la deuxième mesure en partant de la fin", "third from the end of the list", "вторая с конца
 * мера", "la deuxième mesure de la liste en partant de la fin": an ordinal with "from the end"
 * within five words after it.
 */
const FROM_END = new RegExp(
  `${WORD_START}(${ORDINAL})((?:\\s[\\p{L}']{1,15}){0,5}?)\\s${table("fromEnd")}${WORD_END}`,
  "gu",
);
/** The largest count from the end the token holds (two digits); beyond, the words stay as typed. */
const MAX_FROM_END = 99;

/** "…from the end of the cold war" counts from the end of something else. */
const OF_SOMETHING = /^\s(?:of|de|du|des|d'|от|из)(?=[\s\p{L}])/u;
const OF_THIS = new RegExp(
  `^\\s(?:${table("ofList")}|${table("ofWholeText")}|${table("ofPreamble")})`,
  "u",
);

/**
 * The text with each ordinal counted from the end written as one token `readOrdinal` reads so,
 * the words between kept and "from the end" dropped. The token takes the length of what it
 * replaces: every place in the text stays where it was in `folded`, which callers cut where the
 * scan says.
 */
function withCountsFromEnd(folded: string): string {
  return folded.replace(FROM_END, (all: string, ordinal: string, between: string, at: number) => {
    const n = readOrdinal(ordinal);
    const after = folded.slice(at + all.length, at + all.length + 40);
    if (
      n === null ||
      n <= 0 ||
      n > MAX_FROM_END ||
      (OF_SOMETHING.test(after) && !OF_THIS.test(after))
    )
      return all;
    return `${fromEndOrdinal(n, all.length - between.length)}${between}`;
  });
}

/**
 * "le 4, résumé vite fait ?", "la 2, c'est quoi ?", "et le 6 ?": a measure's number after the
 * article alone, opening the message and standing alone before a mark or the end; a date ("le 5
 * mars"), a count or a rank ("la 4e") has more after it, and a number past the measures none;
 * after it, only words that ask about it ("le 5, on se voit au café ?" is a date).
 */
const LEADING_NUMBER = new RegExp(
  `^\\s?(?:${table("leadingNumberJoins")}\\s)?${table("leadingNumber")}\\s(\\d{1,2})(?=\\s?[,?!:;]|\\s?$|\\s\\p{L})`,
  "u",
);

export function leadingMeasure(message: string): ClauseId | null {
  const folded = normaliseForPatterns(message);
  const m = LEADING_NUMBER.exec(folded);
  const t = m ? target("measure", Number(m[1])) : null;
  if (!m || t?.kind !== "clause" || !onlyAsksAboutIt(folded.slice(m[0].length))) return null;
  return t.id;
}

/** Each reference found in folded text. */
function* scan(text: string): Generator<FoundReference> {
  const folded = withCountsFromEnd(text);
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
    if (hit.rule.weak && !tiedToThisText(folded, at, end)) continue;
    if (hit.rule.alone && !aboutThisTextAlone(folded, at, end)) continue;
    if (hit.rule.notAfterPart && partNamedBefore(folded, at)) continue;
    // "mon appli demande une double sécurité": the verb and its article, no measure 1.
    if (verbAndArticle(folded, at, end)) continue;
    const made = hit.rule.make(hit.m);
    if (made.length === 0) continue;
    claimedUntil = end;
    if (aboutAnotherText(folded, at, end, hit.rule)) continue;
    const { by, leadIn } = leadInAt(folded, at);
    const targets = made.map((t) => shiftTarget(t, by));
    found += targets.length;
    yield {
      start: at,
      end,
      targets,
      leadIn,
      answers: hit.rule.answers === true,
      edge: hit.rule.edge === true,
      listEdge: hit.rule.listEdge === true,
      topPart: hit.rule.topPart === true,
      alsoCredits: hit.rule.alsoCredits ?? [],
      placed: made,
      by,
    };
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

const PART_WORD = new RegExp(
  `^(?:${["part", "documentPart", "paragraph"].map(table).join("|")})$`,
  "u",
);

/** Whether a folded word names a part of a text ("part", "passage", "абзац"), not which one. */
export function namesAPart(word: string): boolean {
  return PART_WORD.test(word);
}

const SUMMARY_WORDS = new Set((data.words.summary?.words ?? []).map(fold));

/** Nothing after a leading number but words that frame a question or ask in brief ("c'est quoi ?"). */
const ASKS_WHAT = new RegExp(`${WORD_START}${table("leadingNumberAsks")}(?![\\p{L}])`, "u");
const FRAMES = new Set((data.words.leadingNumberFrames?.words ?? []).map(fold));
/**
 * After a leading number, a request for what the clause says ("c'est quoi", "ça dit quoi", "résumé
 * vite fait") and nothing else but the words framing it: "le 2, c'est quand ?", "le 3 aussi ?",
 * "le 1 merci !" ask or say something else.
 */
function onlyAsksAboutIt(rest: string): boolean {
  const ws = words(rest.slice(0, 200));
  return (
    (ASKS_WHAT.test(rest) || ws.some((w) => SUMMARY_WORDS.has(fold(w)))) &&
    ws.every((w) => SUMMARY_WORDS.has(fold(w)) || FRAMES.has(fold(w)) || ASKS_WHAT.test(fold(w)))
  );
}

/**
 * A request for the whole declaration in brief ("résume la déclaration", "tl;dr?", "кратко?"):
 * at least one summary word, and nothing else but words that frame a question about the text. A
 * summary of something else ("résume le traité de Versailles") has other words; one of a clause
 * ("résume le considérant 3") is a reference, which the engine looks up first.
 */
export function asksForSummary(text: string): boolean {
  let summary = false;
  for (const word of recentWords(text.slice(0, 200))) {
    if (SUMMARY_WORDS.has(fold(word))) summary = true;
    else if (!isStopWord(word)) return false;
  }
  return summary;
}
