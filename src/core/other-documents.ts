/**
 * Numbers attributed to another document (data/other-documents.json): "NATO's Article 5",
 * "статья 5 Вашингтонского договора", and parts of the reader's own ("the first point of my
 * essay"). The declaration has measures and recitals, not another treaty's articles: such a number
 * is not a reference to its clauses, and a question about it is one the declaration does not answer.
 *
 * Each pattern is generated from word lists with bounded parts, so a scan is linear in the text.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readReferenceData } from "./references.ts";
import {
  normaliseForPatterns,
  WORD_START,
  type WordList,
  wordListSource,
} from "./word-patterns.ts";

const FILE = fileURLToPath(new URL("../../data/other-documents.json", import.meta.url));

export interface OtherDocumentData {
  articles: WordList;
  documents: WordList;
  organisations: WordList;
  ours: WordList;
  /** First- and second-person possessives: "the first point of my essay" is the reader's own. */
  owners: WordList;
  /** Documents whose names hold words this text's references use ("Acte final"). */
  named: WordList;
  fires: string[];
  spares: string[];
}

export function readOtherDocumentData(file = FILE): OtherDocumentData {
  return JSON.parse(readFileSync(file, "utf8")) as OtherDocumentData;
}

/** A word start, or a French elision before the word: "de l'Acte final". */
const ELISION = `(?:${WORD_START}[ld]')?${WORD_START}`;

/** "5", "2(4)", "VIII", "1373": what follows a clause word in another document's citation. */
const NUMBER =
  "(?:\\d{1,5}(?:\\s?\\(\\d{1,3}\\)|\\s?§\\s?\\d{1,3})?|[ivxlc]{1,6})(?![\\p{L}\\p{N}])";

/** Any word for a part of a text (references.json), generic ones too: "point", "part", "bullet". */
function anyPartOfText(): string {
  const refs = readReferenceData().words;
  return ["measure", "recital", "listItem", "documentPart", "paragraph"]
    .map((name) => wordListSource(refs[name] ?? {}))
    .join("|");
}

function patterns(data: OtherDocumentData): RegExp[] {
  const article = wordListSource(data.articles);
  const clauseWord = `(?:${anyPartOfText()}|${article})`;
  const document = wordListSource(data.documents);
  const organisation = wordListSource(data.organisations);
  const ours = `${WORD_START}${wordListSource(data.ours)}`;
  // A few words between, none of which makes the number this text's ("de la déclaration").
  const words = (n: number) => `(?:(?!${ours})[\\p{L}\\p{N}'’().-]{1,24}[\\s,]{1,2}){0,${n}}?`;
  const of = "(?:of|de|du|des|d'|from|in|under)";
  return [
    // "l'Acte final d'Helsinki": the name alone is another document's
    `${WORD_START}${wordListSource(data.named)}`,
    // "article 5 du traité de l'Atlantique Nord", "point 3 of the Helsinki Final Act"
    `${WORD_START}${clauseWord}\\s?${NUMBER}(?:,?\\s${clauseWord}\\s?${NUMBER})?,?\\s${of}\\s${words(4)}${ELISION}${document}`,
    // "Article 2(4) UN Charter", "статья 5 Вашингтонского договора"
    `${WORD_START}${clauseWord}\\s?${NUMBER},?\\s${words(1)}${ELISION}${document}`,
    // "UNSC resolution 1373 operative para 2", "Венский документ 2011, глава V"
    `${WORD_START}${document}[\\s,]{1,2}${words(5)}${ELISION}${clauseWord}\\s?${NUMBER}`,
    // "5-я статья НАТО", "the 5th article of NATO"
    `(?<![\\p{L}\\p{N}])\\d{1,3}(?:-?\\p{L}{1,3})?\\s${article}\\s(?:(?:of|de|du|d')\\s)?${organisation}`,
    // "article 5 de l'OTAN", "статья 4 ОДКБ"
    `${WORD_START}${article}\\s?${NUMBER}\\s(?:(?:of|de|du|des|de la|d'|of the)\\s)?${organisation}`,
    // "NATO's Article 5"
    `${WORD_START}${organisation}(?:'s)?\\s${article}\\s?${NUMBER}`,
  ].map((source) => new RegExp(source, "gu"));
}

/**
 * "the first point of my essay", "le deuxième élément de ma liste", "пункт 2 моего резюме": any
 * word for a part of a text, a generic one too ("élément", "bullet", "bloc"), then an owner. Tried
 * only on text that holds an owner (OWNER): most questions have none.
 */
function ownedPart(data: OtherDocumentData): { owner: RegExp; owned: RegExp } {
  const anyPart = anyPartOfText();
  const owner = `${WORD_START}${wordListSource(data.owners)}`;
  const place = "(?:of|de|du|des|d'|from|in|on|dans|sur|из|в)";
  return {
    owner: new RegExp(owner, "u"),
    owned: new RegExp(
      `${WORD_START}(?:${anyPart})(?:\\s?${NUMBER})?,?\\s(?:${place}\\s)?${owner}`,
      "gu",
    ),
  };
}

const data = readOtherDocumentData();
const PATTERNS = patterns(data);
const OWNED = ownedPart(data);

/** Where the text cites another document's numbered part: [start, end) spans of its folded form. */
export function otherDocumentSpans(text: string): Array<[number, number]> {
  const folded = normaliseForPatterns(text);
  const spans: Array<[number, number]> = [];
  const owned = OWNED.owner.test(folded) ? [OWNED.owned] : [];
  for (const re of [...PATTERNS, ...owned]) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** The text with every citation of another document blanked out, for the reference scan. */
export function withoutOtherDocuments(text: string): { text: string; found: boolean } {
  const spans = otherDocumentSpans(text);
  if (spans.length === 0) return { text, found: false };
  const folded = [...normaliseForPatterns(text)];
  for (const [start, end] of spans) for (let i = start; i < end; i++) folded[i] = " ";
  return { text: folded.join(""), found: true };
}
