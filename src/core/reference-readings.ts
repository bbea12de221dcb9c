/**
 * The clauses a reference's words may mean. Most name one ("mesure 3"); some stand for either of
 * two neighbours, and a reader may mean both: "le premier paragraphe" is the one-line opening or
 * the first recital, "la toute fin" the closing or the signatures under it, "paragraph 2" (a noun
 * that names no kind) the measure, the recital or the document's paragraph of that number.
 * Quotations credited to any reading are no misattribution; a question's own words choose among
 * them (engine.ts).
 */
import { fold } from "./analysis.ts";
import { CLAUSE_ORDER, clauseOwnNames, SIGNATURES } from "./declaration.ts";
import { ORDINAL, readOrdinal } from "./numbers.ts";
import {
  type FoundReference,
  nthOfDocument,
  nthOfKind,
  type ReferenceTarget,
  shiftTarget,
  referenceWords as table,
} from "./references.ts";
import type { ClauseId } from "./types.ts";
import { alternatives, WORD_END, WORD_START } from "./word-patterns.ts";

/** "paragraphe", "абзац": a noun that names no kind of clause. */
const GENERIC = new RegExp(`${WORD_START}${table("paragraph")}`, "u");
/** "абзац 3 преамбулы", "the third preambular paragraph": the noun with its kind named. */
const NAMES_PREAMBLE = new RegExp(`${WORD_START}${table("preamble")}`, "u");
/** "du préambule", "of the list", "преамбулы": a generic noun tied to a group of one kind. */
const NAMES_A_GROUP = new RegExp(
  `${WORD_START}(?:${["preamble", "ofPreamble", "ofList", "list"].map(table).join("|")})`,
  "u",
);
/** "третий абзац": the Russian noun alone, which numbers the recitals (references.ts). */
const RECITAL_PARAGRAPH = new RegExp(`${WORD_START}${table("recitalAfterOrdinal")}`, "u");

/**
 * Whether only a measure read from a generic noun is widened: true unless the noun is the Russian
 * "абзац" alone ("третий абзац", read as a recital, may also be the measure or the paragraph).
 */
function widensMeasuresOnly(span: string): boolean {
  return !RECITAL_PARAGRAPH.test(span) || NAMES_PREAMBLE.test(span);
}

/**
 * Words that place or name a part ("avant les considérants", "after the conclusion", "la ligne
 * finale"): beside a reference they say where, not what about, and choose no reading.
 */
const PLACE_WORDS = new RegExp(
  `${WORD_START}(?:${["before", "after", "previous", "next", "recital", "preamble", "signatures", "lastParagraph", "lastLine", "list", "measure"].map(table).join("|")}|${alternatives(CLAUSE_ORDER.flatMap(clauseOwnNames).map(fold))})${WORD_END}`,
  "u",
);

/** How far past a list's edge "des mesures", "of measures", "мер" are looked for. */
const LIST_NOUN_AFTER = 16;
const MEASURES_NAMED = new RegExp(`${WORD_START}${table("measuresNamed")}`, "u");
const SIGNATURES_TARGET: ReferenceTarget = { kind: "clause", id: SIGNATURES as ClauseId };

/**
 * "à la toute fin ils disent quoi ?", "at the very end they say": the signatures under the text
 * list names and say nothing, so "they say" there is the closing sentence above them.
 */
const THEY_SAY = new RegExp(`${WORD_START}${table("theySay")}${WORD_END}`, "u");

/** The signatures named as such ("les signatures", "the signature block"), not a place at the end. */
const SIGNATURES_NAMED = new RegExp(`^${table("lastLine")}$`, "u");

/** Whether a reference's own words name the signatures rather than place a part at the end. */
export function namesTheSignatures(span: string): boolean {
  return SIGNATURES_NAMED.test(span);
}

/**
 * Of the readings, the first that is not the signatures (the last clause of the text), when the
 * question asks what they say there.
 */
export function readingThatSays(ids: readonly ClauseId[], folded: string): ClauseId | undefined {
  if (!SIGNATURES || !ids.includes(SIGNATURES) || !THEY_SAY.test(folded)) return undefined;
  return ids.find((id) => id !== SIGNATURES);
}

/** Whether `folded` names or places a part of the text (PLACE_WORDS). */
export function placesAPart(folded: string): boolean {
  return PLACE_WORDS.test(folded);
}

/** Every reading of a found reference; `folded` is the text it was found in. */
export function readingsOf(r: FoundReference, folded: string): ReferenceTarget[] {
  const edges = r.edge ? r.placed.flatMap(edgeReadings).map((t) => shiftTarget(t, r.by)) : [];
  const span = folded.slice(r.start, r.end);
  if (GENERIC.test(span)) {
    // "le tout dernier paragraphe": a paragraph counted from the end that is also the text's edge,
    // the closing sentence or the signatures under it.
    return uniqueTargets([...genericReadings(r, span), ...edges]);
  }
  return r.edge ? edges : r.targets;
}

function genericReadings(r: FoundReference, span: string): ReferenceTarget[] {
  // "l'avant-dernier paragraphe du préambule" names its kind: only the noun alone is widened.
  const back = NAMES_A_GROUP.test(span) ? null : countedFromEnd(span);
  if (back !== null) return readingsFromEnd(back);
  return r.targets.flatMap((t) => readings(t, widensMeasuresOnly(span)));
}

function uniqueTargets(targets: readonly ReferenceTarget[]): ReferenceTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = JSON.stringify(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The clauses above the appeal: the opening line and the recitals, the top of the text. */
const ABOVE_THE_APPEAL: ReferenceTarget[] = CLAUSE_ORDER.slice(
  0,
  CLAUSE_ORDER.indexOf("appeal"),
).map((id) => ({ kind: "clause", id }));

/**
 * The readings of a quotation's credit: a found reference's, and for the first or last of "the
 * list" alone the signatures too ("« du Kazakhstan, du Kirghizistan et du Tadjikistan », la fin
 * de la liste": the list of signatory states); "the list of measures" is not (the words just
 * after count). A place may credit other clauses too (PositionRule.alsoCredits: the start of the
 * list, which the appeal's last words open). A question keeps the measure: its words are too
 * often the measures' own ("la fin de la liste, les États membres de quoi ?"). The top of the
 * text ("tout en haut") credits the whole part above the appeal (questionReadings keeps the
 * opening line's readings for it).
 */
export function creditReadingsOf(r: FoundReference, folded: string): ReferenceTarget[] {
  const read = [
    ...readingsOf(r, folded),
    ...(r.by === 0 ? r.alsoCredits.map((id): ReferenceTarget => ({ kind: "clause", id })) : []),
  ];
  const list = folded.slice(r.start, r.end + LIST_NOUN_AFTER);
  if (r.listEdge && r.by === 0 && !MEASURES_NAMED.test(list)) return [...read, SIGNATURES_TARGET];
  if (r.topPart && r.by === 0) return ABOVE_THE_APPEAL;
  return read;
}

/**
 * The readings a question may mean: those of a quotation's credit (the text's edges read as
 * either clause there), and for a reference to the opening line alone ("the first paragraph",
 * "l'en-tête") the first recital too, which many readers count as the first paragraph; for one to
 * the signatures alone ("the last line", "les signatures"), the closing sentence above them. The
 * question's own words choose (engine.ts); quotations credited by name to the opening or the
 * signatures were, by blind writers, theirs only.
 */
export function questionReadings(r: FoundReference, folded: string): ReferenceTarget[] {
  const read = readingsOf(r, folded);
  const only = read.length === 1 && read[0]?.kind === "clause" ? read[0].id : undefined;
  if (!only || r.by !== 0) return read;
  const at = CLAUSE_ORDER.indexOf(only);
  const last = CLAUSE_ORDER.length - 1;
  // The opening line's neighbour below; the signatures' neighbour above ("the last line").
  const other = at === 0 ? CLAUSE_ORDER[1] : at === last ? CLAUSE_ORDER[last - 1] : undefined;
  return other ? [...read, { kind: "clause", id: other }] : read;
}

/** The clause ids among `targets`, once each. */
export function readingIds(targets: readonly ReferenceTarget[]): ClauseId[] {
  return [...new Set(targets.flatMap((t) => (t.kind === "clause" ? [t.id] : [])))];
}

/**
 * "во втором абзаце", "paragraph 2": numbered by a noun that names no kind, the clause may be the
 * measure, the recital or the document's paragraph of that number. The first paragraph may be the
 * opening line or the first recital.
 */
function readings(t: ReferenceTarget, measuresOnly: boolean): ReferenceTarget[] {
  if (t.kind !== "clause") return [t];
  // "в первом абзаце": whether the one-line opening counts as a paragraph is the reader's call, so
  // the first paragraph may be the first recital.
  if (t.id === CLAUSE_ORDER[0] && CLAUSE_ORDER[1])
    return [t, { kind: "clause", id: CLAUSE_ORDER[1] }];
  // "абзац 3 преамбулы" names its kind: only the noun alone, read as a measure or (Russian "абзац")
  // a recital, is widened.
  const n = Number((measuresOnly ? /^M(\d+)$/ : /^[MP](\d+)$/).exec(t.id)?.[1]);
  if (!Number.isInteger(n)) return [t];
  const ids = new Set<ClauseId>([t.id, `M${n}` as ClauseId, `P${n}` as ClauseId]);
  const nth = CLAUSE_ORDER[n - 1];
  if (nth) ids.add(nth);
  return [...ids].filter((id) => CLAUSE_ORDER.includes(id)).map((id) => ({ kind: "clause", id }));
}

const ORDINAL_IN = new RegExp(`${WORD_START}(${ORDINAL})${WORD_END}`, "u");

/**
 * "l'avant-dernier paragraphe", "предпоследний абзац": the place counted from the end (-2), when
 * it is before the last; null otherwise ("le dernier paragraphe" is the closing, its own reading).
 */
function countedFromEnd(span: string): number | null {
  const token = ORDINAL_IN.exec(span)?.[1];
  const n = token ? readOrdinal(token) : null;
  return n !== null && n < -1 ? n : null;
}

/**
 * A paragraph counted from the end by a noun that names no kind: the measure or the recital of
 * that place, or the document's paragraph of that place, the signatures counted as a paragraph or
 * not (the penultimate is measure 5, the third recital, the closing or measure 6).
 */
function readingsFromEnd(n: number): ReferenceTarget[] {
  const all = [nthOfKind("measure", n), nthOfKind("recital", n), ...nthOfDocument(n)];
  // The signatures not counted as a paragraph: one place further from the end.
  all.push(...nthOfDocument(n - 1));
  const ids = readingIds(all);
  return ids.map((id) => ({ kind: "clause", id }));
}

/**
 * An edge of the text may be read as either of the two clauses there: the end ("la toute fin",
 * "the very end") as the closing paragraph or the signatures under it, the start ("au tout
 * début", "at the very top") as the opening line or the first recital its sentence runs on into.
 */
function edgeReadings(t: ReferenceTarget): ReferenceTarget[] {
  if (t.kind !== "clause") return [t];
  const at = CLAUSE_ORDER.indexOf(t.id);
  const last = CLAUSE_ORDER.length - 1;
  if (at === 0) return CLAUSE_ORDER.slice(0, 2).map((id) => ({ kind: "clause" as const, id }));
  if (at < last - 1) return [t];
  return CLAUSE_ORDER.slice(last - 1).map((id) => ({ kind: "clause" as const, id }));
}
