/**
 * Numbers attributed to another document (data/other-documents.json): "NATO's Article 5",
 * "статья 5 Вашингтонского договора", "le traité de 1992, son article 2", "resolution 1373,
 * operative para 2", and parts of the reader's own ("the first point of my essay"). The
 * declaration has measures and recitals, not another treaty's articles: such a number is not a
 * reference to its clauses, and a question about it is one the declaration does not answer.
 *
 * Each pattern is generated from word lists with bounded parts, so a scan is linear in the text.
 */
import { fileURLToPath } from "node:url";
import { fold } from "./analysis.ts";
import { BoundedCache } from "./bounded-cache.ts";
import { readDataFile } from "./data-file.ts";
import { ORDINAL } from "./numbers.ts";
import { withinOneEdit } from "./reference-typos.ts";
import { REFERENCE_DATA } from "./references.ts";
import type { WordList } from "./word-patterns.ts";
import {
  ENTRY_END,
  normaliseForPatterns,
  WORD_END,
  WORD_START,
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
  /** Owners that may follow a part noun with no place word ("пункт 2 моего резюме"). */
  ownersRightAfter: WordList;
  /** First-person singular possessives before a part and its number: "ma mesure 4" is the reader's. */
  ownersBefore: WordList;
  /** Documents whose names hold words this text's references use ("Acte final"). */
  named: WordList;
  /** Words that give an article to the document named before them ("son article 2", "its"). */
  possessives: WordList;
  /** Documents that carry their own number ("resolution 1373"). */
  numbered: WordList;
  /** The parts of another document's article, cited after it ("operative para 2"). */
  parts: WordList;
  /** What is done to a treaty's article, never to a measure ("article 5 was invoked"). */
  invoked: WordList;
  /** After an article, a kind of clause named after it ("an article 5-style clause"). */
  kindAfter: WordList;
  /** Before an article, a kind of clause named after it ("аналог статьи 5"). */
  kindBefore: WordList;
  /** "own", "propre", "свой": another document's article when an organisation is named too. */
  ownBefore: WordList;
  /** What a recipe measures ("farine", "water", "муки"): a clause word before one is a unit. */
  quantities: WordList;
  /** Real words one letter away from a document's name, never read as its typo ("traiter"). */
  realWords: string[];
  fires: string[];
  spares: string[];
}

export function readOtherDocumentData(file = FILE): OtherDocumentData {
  return readDataFile<OtherDocumentData>(file);
}

/** A word start, or a French elision before the word: "de l'Acte final". */
const ELISION = `(?:${WORD_START}[ld]')?${WORD_START}`;

/**
 * "5", "2(4)", "VIII", "1373", "1er", "1st", "1-я", "premier": what follows a clause word in
 * another document's citation ("l'article 1er de la Constitution", "article premier du traité").
 */
const NUMBER =
  "(?:\\d{1,5}(?:\\s?\\(\\d{1,3}\\)|\\s?§\\s?\\d{1,3}|er|ere|re|eme|e|st|nd|rd|th|-?(?:я|й|ая|ый|ой))?|[ivxlc]{1,6}|premier|premiere)(?![\\p{L}\\p{N}])";

/**
 * What may stand between the words of a citation: spaces, commas, a dash or a colon. A hyphen
 * counts only with a space before or after it: inside a word ("a-b-c") it is part of the word, so
 * a run of hyphenated words splits one way only and the scan stays linear.
 */
const SEPARATOR = "(?:[\\s,:;—–]{1,3}|\\s?-\\s|\\s-)";

/** Any word for a part of a text (references.json), generic ones too: "point", "part", "bullet". */
function anyPartOfText(): string {
  const refs = REFERENCE_DATA.words;
  return ["measure", "recital", "listItem", "documentPart", "paragraph"]
    .map((name) => wordListSource(refs[name] ?? {}))
    .join("|");
}

/**
 * Between two articles cited together ("l'article 4 et l'article 5 du traité", "article 5 vs
 * article 4 CSTO", "article 2 paragraphe 4 de la Charte"): the document named once owns both.
 */
const AND = "(?:,\\s?|\\s(?:et|and|vs\\.?|versus|or|ou|и|или|&)\\s|\\s)(?:l'|the\\s)?";

/**
 * Patterns, and a word none of them can match without: the word is looked for first, in one cheap
 * scan, so that the long patterns run only on the few questions that name a document at all.
 */
interface GatedPatterns {
  needs: RegExp;
  /** A second word the patterns cannot match without, looked for once the first is found. */
  alsoNeeds?: RegExp;
  patterns: RegExp[];
}

function patterns(data: OtherDocumentData): GatedPatterns[] {
  const article = wordListSource(data.articles);
  const clauseWord = `(?:${anyPartOfText()}|${article})`;
  const document = wordListSource(data.documents);
  const organisation = wordListSource(data.organisations);
  const ours = `${WORD_START}${wordListSource(data.ours)}`;
  // A few words between, none of which makes the number this text's ("de la déclaration").
  const words = (n: number) => `(?:(?!${ours})[\\p{L}\\p{N}'’().-]{1,24}[\\s,]{1,2}){0,${n}}?`;
  const gap = (n: number) => `(?:(?!${ours})[\\p{L}\\p{N}'’().-]{1,24}${SEPARATOR}){0,${n}}?`;
  const of = "(?:of|de|du|des|d'|from|in|under)";
  // "… measure 3 of the declaration": a number this text's words follow is this text's; a bare
  // "text" after it asks for the cited article's wording ("Collective Security Treaty art 4 text").
  const notOurs = `(?![\\s,]{1,2}(?!(?:text|texte)${WORD_END})${words(2)}${ours})`;
  // "…, operative para 2": a part of the article or resolution just cited, unless it is ours.
  const part = `(?:${SEPARATOR}${gap(8)}${ELISION}${wordListSource(data.parts)}\\s?${NUMBER}${notOurs})?`;
  const invoked = `${WORD_START}${wordListSource(data.invoked)}`;
  const kindAfter = `${WORD_START}${wordListSource(data.kindAfter)}${ENTRY_END}`;
  const kindBefore = `${WORD_START}${wordListSource(data.kindBefore)}${ENTRY_END}`;
  const ownBefore = `${WORD_START}${wordListSource(data.ownBefore)}${ENTRY_END}`;
  const named = `${WORD_START}${wordListSource(data.named)}`;
  const numbered = `${WORD_START}${wordListSource(data.numbered)}`;
  const quantity = `${WORD_START}${wordListSource(data.quantities)}${ENTRY_END}`;
  const fraction = "\\d/\\d";
  const gated = (needs: string, sources: string[], alsoNeeds?: string): GatedPatterns => ({
    needs: new RegExp(needs, "u"),
    ...(alsoNeeds && { alsoNeeds: new RegExp(alsoNeeds, "u") }),
    patterns: sources.map((source) => new RegExp(source, "gu")),
  });
  // "paragraphe 2 de l'article 5 de l'OTAN", "paragraphes 1 à 3 de l'article 5": numbered parts of a
  // numbered article; this text's measures and recitals have no numbered parts.
  // "articles 1 to 3", "paragraphes 1 à 3": a range of parts
  const numbers = `${NUMBER}(?:(?:\\s?[-–]\\s?|\\s(?:a|to)\\s)${NUMBER})?`;
  const partOf = `(?:${WORD_START}${clauseWord}\\s?${numbers},?\\s${of}\\s?(?:l'|the\\s)?)?`;
  // Every citation of a named document numbers a part: "article 5", "le premier article".
  const numberedPart = `${WORD_START}(?:${clauseWord}\\s?${NUMBER}|(?:${ORDINAL})\\s${clauseWord})`;
  return [
    // "l'Acte final d'Helsinki": the name alone is another document's
    gated(named, [named]),
    gated(
      `${WORD_START}${document}`,
      [
        // "article 5 du traité de l'Atlantique Nord", "point 3 of the Helsinki Final Act"
        `${partOf}${WORD_START}${clauseWord}\\s?${numbers}(?:${AND}${clauseWord}\\s?${NUMBER})?,?\\s${of}\\s${words(4)}${ELISION}${document}`,
        // "le premier article de la Charte de Paris", "the 3rd chapter of the UN Charter"
        `${WORD_START}(?:${ORDINAL})\\s${clauseWord}\\s${of}\\s${words(4)}${ELISION}${document}`,
        // "Article 2(4) UN Charter", "статья 5 Вашингтонского договора", "п. 1 ст. 51 Устава ООН"
        `${WORD_START}${clauseWord}\\s?${NUMBER}(?:${AND}${clauseWord}\\s?${NUMBER})?,?\\s${words(1)}${ELISION}${document}`,
        // "article 3 north atlantic treaty": an article, which this text never has, takes a longer name
        `${WORD_START}(?:${clauseWord}\\s?${NUMBER}${AND})?${article}\\s?${NUMBER},?\\s${words(2)}${ELISION}${document}`,
        // "UNSC resolution 1373 operative para 2", "Венский документ 2011, глава V", "the Charter — article 51"
        `${WORD_START}${document}${SEPARATOR}${gap(5)}${ELISION}${clauseWord}\\s?${NUMBER}${notOurs}${part}`,
        // "le traité de sécurité collective de 1992, son article 2", "Устав ООН, в его статье 51"
        `${WORD_START}${document}${SEPARATOR}${gap(8)}${WORD_START}${wordListSource(data.possessives)}\\s${ELISION}${clauseWord}\\s?${NUMBER}${notOurs}`,
      ],
      numberedPart,
    ),
    // "resolution 2178 on foreign terrorist fighters, op para 6", "резолюция 1540"
    gated(numbered, [
      `${numbered}\\s?(?:n°\\s?|no\\.?\\s?|№\\s?)?\\d{3,5}(?![\\p{L}\\p{N}])${part}`,
    ]),
    // Each of these names an article: most questions name NATO but no article, and stop at the gate.
    gated(
      `${WORD_START}${organisation}`,
      [
        // "5-я статья НАТО", "the 5th article of NATO"
        `(?<![\\p{L}\\p{N}])\\d{1,3}(?:-?\\p{L}{1,3})?\\s${article}\\s(?:(?:of|de|du|d')\\s)?${organisation}`,
        // "article 5 de l'OTAN", "статья 4 ОДКБ", "article 5 vs article 4 CSTO", "article 4 CSTO vs 5"
        `${partOf}${WORD_START}(?:${article}\\s?${NUMBER}${AND})?${article}\\s?${NUMBER}\\s(?:(?:of|de|du|des|de la|d'|of the)\\s)?${organisation}(?:${AND}(?:${article}\\s?)?${NUMBER})?`,
        // "NATO's Article 5"
        `${partOf}${WORD_START}${organisation}(?:'s)?\\s${article}\\s?${NUMBER}`,
      ],
      `${WORD_START}${article}`,
    ),
    // "a 4/4 measure", "une mesure à 3/4": a bar of music, by its time signature
    gated(fraction, [
      `(?<![\\p{L}\\p{N}])\\d{1,2}/\\d{1,2}\\s?${clauseWord}`,
      `${WORD_START}${clauseWord}\\s(?:(?:a|in|en|at)\\s)?\\d{1,2}/\\d{1,2}(?![\\p{N}])`,
    ]),
    // "3 mesures de farine pour 1 mesure d'eau": a unit of a recipe
    // (the number after the noun too: the reference typos step writes "1 mesure" as "mesure 1")
    gated(quantity, [
      `${WORD_START}(?:${NUMBER}\\s?)?${clauseWord}(?:\\s?${NUMBER})?\\s?(?:(?:de|of)\\s|d')?${quantity}`,
    ]),
    // "ma mesure 4 à la guitare", "my measure 2 in this song", "мой пункт 3"
    gated(`${WORD_START}${wordListSource(data.ownersBefore)}`, [
      `${WORD_START}${wordListSource(data.ownersBefore)}\\s${clauseWord}\\s?${NUMBER}`,
    ]),
    // "has article 5 ever been invoked", "invoquer l'article 4"
    gated(invoked, [
      `${WORD_START}${article}\\s?${NUMBER}\\s${words(3)}${invoked}`,
      `${invoked}\\s${words(2)}${ELISION}${article}\\s?${NUMBER}`,
    ]),
    // "an article 5-style clause"
    gated(kindAfter, [`${WORD_START}${article}\\s?${NUMBER}[\\s-]${kindAfter}`]),
    // "аналог статьи 5", "an analogue of article 5"
    gated(kindBefore, [`${kindBefore}\\s(?:(?:of|de|d')\\s)?${ELISION}${article}\\s?${NUMBER}`]),
    // "does the CSTO have its own article 5?": an organisation's own article, not this text's
    // ("dans son propre article 5, la déclaration…" names none).
    gated(ownBefore, [`${ownBefore}\\s${article}\\s?${NUMBER}`], `${WORD_START}${organisation}`),
  ];
}

/** The one-word names of documents a typo may stand for ("chartre" → "charte"). */
function typoTargets(data: OtherDocumentData): string[] {
  return (data.documents.words ?? []).map(fold).filter((w) => /^\p{L}{6,}$/u.test(w));
}

/**
 * "the first point of my essay", "le deuxième élément de ma liste", "пункт 2 моего резюме": any
 * word for a part of a text, a generic one too ("élément", "bullet", "bloc"), then an owner. Tried
 * only on text that holds an owner (OWNER): most questions have none.
 */
function ownedPart(data: OtherDocumentData): { owner: RegExp; owned: RegExp } {
  const anyPart = anyPartOfText();
  const owner = `${WORD_START}${wordListSource(data.owners)}`;
  // Russian says "пункт 2 моего резюме" with no word between (ownersRightAfter); French and
  // English put a place word first ("of my essay"): "priority measures my eye" owns nothing.
  const rightAfter = `${WORD_START}${wordListSource(data.ownersRightAfter)}`;
  const place = "(?:of|de|du|des|d'|from|in|on|dans|sur|из|в)";
  return {
    owner: new RegExp(owner, "u"),
    owned: new RegExp(
      `${WORD_START}(?:${anyPart})(?:\\s?${NUMBER})?,?\\s(?:${place}\\s${owner}|${rightAfter})`,
      "gu",
    ),
  };
}

const data = readOtherDocumentData();
const PATTERNS = patterns(data);
const TARGETS = typoTargets(data);
const NOT_TYPOS = new Set([...TARGETS, ...data.realWords.map(fold)]);
const OWNED = ownedPart(data);

/** "UN" in capitals is the United Nations; folded, it would be the French article "un". */
const UN_CAPITALS = /(?<![\p{L}\p{N}])UN(?![\p{L}\p{N}'’])/gu;

/** The text with "UN" in capitals written "ONU", before anything folds its case. */
export function namingTheUN(text: string): string {
  return text.replace(UN_CAPITALS, "ONU");
}

/** The text the patterns read: folded, with a document's name one letter off read as that name. */
function readable(text: string): string {
  return normaliseForPatterns(namingTheUN(text)).replace(
    /(?<!\p{L})\p{L}{6,24}(?!\p{L})/gu,
    (word) => AS_DOCUMENT_NAME.get(word, asDocumentName),
  );
}

/** A word one letter off a document's name, as that name; any other word as it is. */
function asDocumentName(word: string): string {
  return NOT_TYPOS.has(word) ? word : (TARGETS.find((t) => withinOneEdit(word, t)) ?? word);
}

// Each word is compared with every name by edit distance; people reuse the same few hundred words.
const AS_DOCUMENT_NAME = new BoundedCache<string, string>(10_000);

/** Where the text cites another document's numbered part: [start, end) spans of `readable`. */
function spans(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  // Parts of the reader's own are looked for only in text that names an owner: most have none.
  const owned = OWNED.owner.test(text) ? [OWNED.owned] : [];
  const named = PATTERNS.filter(
    (group) => group.needs.test(text) && (!group.alsoNeeds || group.alsoNeeds.test(text)),
  ).flatMap((group) => group.patterns);
  // An exec loop rather than matchAll, which clones the pattern on every call.
  for (const re of [...named, ...owned]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      found.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex += (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
    }
  }
  return found;
}

/** Where the text cites another document's numbered part, as the folded text it was read on. */
export function otherDocumentSpans(text: string): Array<[number, number]> {
  return spans(readable(text));
}

/** The text (folded) with every citation of another document blanked out, for the reference scan. */
export function withoutOtherDocuments(text: string): { text: string; found: boolean } {
  const read = readable(text);
  const found = spans(read);
  if (found.length === 0) return { text, found: false };
  const chars = read.split("");
  for (const [start, end] of found) for (let i = start; i < end; i++) chars[i] = " ";
  return { text: chars.join(""), found: true };
}
