/**
 * How far a credit reaches (data/quotes.json "creditReach"). People discussing the text name
 * clauses around a quotation without crediting it: "la mesure 6, je la garde pour plus tard.
 * D'abord : « … »", "la mesure 2 parle de consultations, mais le vrai fond c'est « … »", "« … » et
 * ça recoupe ce que la mesure 4 essaie de faire". A credit before the quotation reaches it only
 * when no break stands between them: more than a few words of the credit's own statement ("le 1er
 * considérant parle de menaces, la fin est plus cool : « … »"), unless an aside opens after it or
 * a pronoun takes it up ("…, elle dit « … »"), the end of a sentence that more words follow or
 * that ends right before the quotation ("(measure 1) is theatre. « … »"), or a word that turns to
 * something else ("mais", "however", "однако", "juste après"), a question ended right before the
 * quotation ("Does measure 4 no just repeat this? « … »"), or a word that joins the two as things
 * side by side ("la mesure 4 et « … », c'est un doublon ?"). One after it reaches it only in a few
 * linking words ("« … », dit la mesure 4", "« … » — ça c'est dans la mesure 2"), or a copula alone
 * ("« … ». C'est la mesure 5"), never past the end of the quotation's sentence otherwise ("« … » ;
 * la 3, c'est les incidents"), never across a word going on to another statement ("et", "and",
 * "pourquoi"); "« … » : on verra bien, la mesure 4 en sera le test" says something about that
 * clause, not where the quotation is. Nor does a clause passed on the way or compared with reach
 * it ("avant même la mesure 1", "before getting to measure 3", "la différence avec … du deuxième
 * considérant"), nor one inside a clause of its own that a comma closes before the quotation
 * ("Pendant qu'on débat de la mesure 2, le texte dit « … »"). Such a clause still presents the
 * quotation; it credits nothing. Each test reads the few words between a credit and the quotation,
 * and at most LEAD_CHARS of its sentence before it.
 */
import { onlyACopula, type Side } from "./reference-credits.ts";
import { requiredWords } from "./references.ts";
import { ENTRY_END, WORD_START, type WordList, wordListSource } from "./word-patterns.ts";

export interface CreditReachWords {
  /**
   * Words that turn to something else: a credit before them does not reach past them. "ici",
   * "здесь" point at another place than the clause named ("la confiance du 3e considérant
   * devient concrète ici : « … »"), and "la mesure 3 dit ici" loses its credit with them (the
   * safe side); English "here" is left out ("Measure 5, here's the line").
   */
  turns: WordList;
  /**
   * Words that turn after a comma only, unless one of `unlessNext` follows ("пункт 5, а
   * именно"): Russian "а" opens questions too ("А брифинги зачем…").
   */
  commaTurns: WordList & { unlessNext: WordList };
  /** Words after a quotation that go on to another statement ("et", "and", "pourquoi"). */
  goesOn: WordList;
  /** Words that join a clause and the quotation as two things ("la mesure 4 et « … »"). */
  joins: WordList;
  /**
   * Words a few words before the quotation that compare it with the clause ("different from « … »",
   * "по отношению к формуле « … »").
   */
  comparedWith: WordList;
  /** "ça", "this one": a comparison may end on one of them and a colon ("différente de celle-ci : « … »"). */
  pointedAt: WordList;
  /** Right before the quotation, what the clause lacks ("n'a aucun sens sans « … »"). */
  withoutRightBefore: WordList;
  /** Right before the quotation, an alternative the clause is asked to be ("ou juste « … » ?"). */
  alternativeRightBefore: WordList;
  /** Someone reading, right before the quotation ("quand on relit"): what is read, not the clause's. */
  readingRightBefore: WordList;
  /** Pronouns that are no noun after a landmark of landmarksBeforeANoun ("после этого"). */
  pronounsAfterLandmark: WordList;
  /** Comparisons of amount, unless restricting ("says no more than"): data/quotes.json says when. */
  comparedAmounts: WordList;
  /** "si", "if": a condition the clause is the subject of (data/quotes.json says when it closes). */
  conditionals: WordList;
  /** A copula before the clause that makes it the predicate of another subject ("это"). */
  predicateCopula: WordList;
  /** Words of agreeing or relating right before the clause (data/quotes.json says when). */
  comparedBefore: WordList;
  /** Words that pass a clause on the way to another ("avant même", "even before", "ещё до"). */
  landmarks: WordList;
  /**
   * The same right before the clause ("до пункта 1", never "до этого пункт 5 говорит"), unless it
   * closes a range opened a few words before ("от пункта 1 до пункта 3" names both) or follows a
   * verb of reading up to it ("дочитал до пункта 5: « … »" names it).
   */
  rangeEndLandmarks: WordList & { rangeOpens: WordList };
  /**
   * The same, unless a negation before them makes them "only" ("plus que la mesure 2" compares it;
   * "il n'y a plus que la mesure 5 qui dit" names it).
   */
  unlessNegatedLandmarks: WordList & { negations: WordList };
  /** The same with a noun between ("après le dialogue … au point 1"; "après la mesure 3" is measure 4). */
  landmarksBeforeANoun: WordList;
  /** Words opening a relative clause of saying right after a clause ("qui dit", "which says"). */
  relatives: WordList;
  /**
   * A comparison before the clause, one describing word between its halves and a few words after
   * ("plus modeste que la mesure 1 : « … »", "plus utile que les poignées de main de la mesure 1",
   * "more concrete than measure 2", "более конкретно, чем пункт 2"): the clause is what the
   * quotation is measured against, not its source.
   */
  comparative: { opens: WordList; closes: WordList };
  /** Words opening a clause of their own ("pendant que", "while", "пока"): a comma closes it. */
  subordinators: WordList;
  /** Phrases holding such a word that open no clause ("quand même"). */
  subordinatorIdioms: WordList;
  /**
   * Words that bring a clause up as a topic ("à propos de", "speaking of", "кстати о"): the
   * clause credits the quotation only as its label ("à propos de la mesure 3 : « … »"), not
   * when a statement of its own follows ("à propos de la mesure 2 : personne n'a relevé « … »").
   */
  topicLeads: WordList;
  /** Words that take a credit up again right before the quotation ("elle dit", "it says", "там сказано"). */
  resumes: WordList;
  /** Words that may follow such a verb ("elle dit aussi", "it also says"). */
  resumedAdverbs: WordList;
  /** Words right before an ordinal that stress it ("— tout premier point", "the very first"). */
  intensifiers: WordList;
  /**
   * Copulas that, after a comma and a subject of their own, open a second statement beside the
   * credit's ("le terrorisme c'est le premier considérant, la drogue c'est « … »").
   */
  ownCopula: WordList;
  /** Words that may open a question asking a clause alone ("Et la mesure 6 ? « … »"). */
  askedAloneAfter: WordList;
  /**
   * Words that link a quotation to a credit after it ("ça", "this", "dans", the articles),
   * besides the one-word copulas, verbs of saying, place and quoting words of
   * data/references.json.
   */
  linksAfter: WordList;
}

/** A sentence's end with words after it (". D'abord", "? Et sinon", "; the observer thing"). */
const SENTENCE_THEN_WORDS = /[.!?…;]\s+[\p{L}\p{N}]/u;
/** A statement's end (not a question: "« … » ? Mesure 5." asks and answers where it is). */
const SENTENCE_MARK = /[.…;]/u;
/**
 * A statement with words of its own, ended right before the quotation: "(measure 1) is theatre. « … »",
 * "le premier considérant parle de droit international, d'accord ; « … »".
 */
const ENDED_BEFORE = /[\p{L}\p{N})]\s*[.!;]\s*$/u;
/** A question right before the quotation: "Does measure 4 no just repeat this? « … »". */
const ASKED_BEFORE = /\?\s*$/u;
/** …unless the credit alone is the question, a label asked and answered: "La mesure 6 ? « … »". */
const ONLY_ASKED = /^\s?\?\s*$/u;
/** A list item's number ("2. Créer …" quoted with its number) is no sentence's end. */
const ITEM_NUMBER = /^\s?\d{1,2}\.\s/u;

/** A short aside between commas: no sentence's end, colon or quotation mark in it. */
const JOIN_ASIDE = `[^,.;:!?«»"“”]{1,40}`;
/** At most this many words between a landmark and the clause ("la liste des signataires tout en bas"). */
const LANDMARK_WORDS = 5;
/** At most this many words between a comparison and the clause ("que les poignées de main de la"). */
const COMPARATIVE_WORDS = 6;
/** How much of the text before a credit is read: a landmark and its words, a sentence's start. */
export const LEAD_CHARS = 160;
/** A comma or a dash: it closes the clause a subordinator opened. */
const CLAUSE_MARK = /[,—–]|\s-\s/u;
/** At most this many words between a comparison and the quotation ("по отношению к формуле"). */
const COMPARED_WORDS = 2;
/** A colon between a credit and the quotation. */
const COLON = /:/u;
/** Only a mark between a credit and the quotation: the credit labels it. */
const LABEL_ONLY = /^\s?[:—–-]?\s?$/u;
/** Where the credit's sentence starts in the words before it. */
const SENTENCE_START = /^(?:.*[.!?…;]\s)?/su;

/** After a quotation, at most this many words before the credit (its article included), each linking. */
const MAX_WORDS_AFTER = 5;
/**
 * Before a quotation, at most this many words between the credit and it, unless an aside opens
 * right after the credit or a pronoun takes it up again right before the quotation: "le 1er
 * considérant parle de menaces, la fin est plus cool : « … »" says what that clause is about and
 * goes on; "Le dernier paragraphe, quelle élégance, on dirait un chapiteau roman : « … »" and
 * "measure 5 matters more than people think: it says « … »" still present the quotation as that
 * clause's.
 */
export const MAX_WORDS_BEFORE = 5;
/** A short bracketed aside right after the credit, closed before the quotation. */
const BRACKET_ASIDE = /^\s?\([^()]{0,80}\)/u;
/** A comma, a dash or a bracket right after the credit opens an aside about it. */
const ASIDE_OPENS = /^\s?(?:[,—–(]|-\s)/u;
/** A word: a letter or a digit first, so that a lone dash is none. */
const WORDS = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;
/** An elided article or pronoun before a word ("l'écrit", "qu'on", "c'est"). */
const ELISION = /^(?:l|d|qu|c)'/u;
const LINKING_TABLES = ["copula", "says", "saysBefore", "leadPlace", "quoting"] as const;

/**
 * The tables' one-word entries and the linking words: a phrase's words alone link nothing ("on"
 * of "on lit"), and a table's stems are word starts, not words.
 */
function linkingWords(linksAfter: WordList): Set<string> {
  const single = LINKING_TABLES.flatMap((t) => requiredWords(t).words ?? []).filter(
    (w) => !/\s/u.test(w),
  );
  return new Set([...(linksAfter.words ?? []), ...single].flatMap((p) => p.match(WORDS) ?? []));
}

export interface CreditReach {
  reaches: CreditReaches;
  /**
   * Before a quotation, whether the words between a credit and it are the credit's own statement,
   * past the cap. The caller applies it to the nearest credit that could reach, and stops there: a
   * credit further back is further still ("Measure 2, the consultations one, and measure 4 which
   * goes much further: « … »" credits neither), while one that reaches between lets an earlier
   * one reach past the cap ("La mesure 4 reprend l'idée de la mesure 2 : « … »" credits both).
   */
  runsOn: (between: string) => boolean;
  /**
   * Whether the nearest credit, though it does not reach the quotation, is the clause the quotation
   * is about, so that no credit before it reaches past it: passed on the way or compared with (the
   * words before it, `lead`) yet saying the quotation in a relative clause right after it
   * (`between`: "La mesure 3, sans parler de la mesure 4 qui dit « … »"), or closed in a clause
   * of its own ("Comme la mesure 4, quand la mesure 5 parle d'observateurs, elle dit « … »").
   */
  closesTheWalk: (between: string, lead: string) => boolean;
}

/**
 * Whether a credit reaches the quotation, the cap aside (CreditReach.runsOn): `between` is the
 * folded text between them (from the credit's end to the quotation before it, from the
 * quotation's end to the credit after it), `lead` the folded text just before the credit, `ledIn`
 * whether the credit carries its own lead-in ("« … », selon la mesure 5"), which says where the
 * quotation is wherever it stands, and `alone`, after the quotation, whether the credit stands
 * alone in its sentence ("« … ». Mesure 3."), before it, whether the quotation ends its clause
 * ("La mesure 6 ? « … ».").
 */
export type CreditReaches = (
  between: string,
  side: Side,
  lead: string,
  ledIn: boolean,
  alone: boolean,
) => boolean;

export function creditReachTest(words: CreditReachWords): CreditReach {
  const source = (w: WordList) => `${WORD_START}${wordListSource(w)}${ENTRY_END}`;
  const turn = new RegExp(source(words.turns), "u");
  // Right before the quotation only after a dash that gives the clause its own topic ("шестой
  // пункт — про наркотики, а « … »"): a bare "…, а « … »" may be a run of the text's own words cut
  // before "также".
  const commaTurn = new RegExp(
    `,\\s?${wordListSource(words.commaTurns)}\\s(?=\\p{L})(?!${wordListSource(words.commaTurns.unlessNext)})|^\\s?[—–-]\\s[^,;:«»"]{1,40},\\s?${wordListSource(words.commaTurns)}\\s?$`,
    "u",
  );
  // "Про генсеков — это первый пункт, а « … »": with the clause the predicate of its own
  // statement, a bare "а" before the quotation turns too.
  const commaTurnAfterPredicate = new RegExp(`^,\\s?${wordListSource(words.commaTurns)}\\s?$`, "u");
  const predicateLead = new RegExp(
    `${WORD_START}${wordListSource(words.predicateCopula)}\\s?$`,
    "u",
  );
  const goOn = new RegExp(source(words.goesOn), "u");
  const subordinator = new RegExp(source(words.subordinators), "u");
  const subordinatorIdiom = new RegExp(source(words.subordinatorIdioms), "gu");
  const landmark = new RegExp(
    `${WORD_START}(?<!d')${wordListSource(words.landmarks)}(?:(?<=')\\p{L}[\\p{L}-]{0,19})?(?:\\s[\\p{L}'-]{1,20}){0,${LANDMARK_WORDS}}\\s?\\(?\\s?$`,
    "u",
  );
  const rangeEndLandmark = new RegExp(
    `${WORD_START}(?<!${WORD_START}${wordListSource(words.rangeEndLandmarks.rangeOpens)}\\s(?:[\\p{L}\\p{N}.'-]{1,20}\\s){0,3})${wordListSource(words.rangeEndLandmarks)}\\s?$`,
    "u",
  );
  const unlessNegatedLandmark = new RegExp(
    `${WORD_START}(?<!${WORD_START}${wordListSource(words.unlessNegatedLandmarks.negations)}\\s?(?:[\\p{L}'-]{1,20}\\s){0,3})${wordListSource(words.unlessNegatedLandmarks)}(?:\\s(?:la|le|les|l'|the))?\\s?$`,
    "u",
  );
  const landmarkThenNoun = new RegExp(
    `${WORD_START}(?<!d')${wordListSource(words.landmarksBeforeANoun)}(?!\\s${wordListSource(words.pronounsAfterLandmark)}(?![\\p{L}]))(?:\\s[\\p{L}'-]{1,20}){1,${LANDMARK_WORDS}}\\s?\\(?\\s?$`,
    "u",
  );
  const topicLead = new RegExp(
    `${WORD_START}${wordListSource(words.topicLeads)}(?:\\s[\\p{L}'-]{1,20}){0,${LANDMARK_WORDS}}\\s?$`,
    "u",
  );
  // The comparative in one word as well, English "-er than" and Russian "-ее, чем" only ("vaguer
  // than", "скромнее, чем"): a French infinitive before "que" ("rappeler que") compares nothing.
  const comparative = new RegExp(
    `(?:${WORD_START}${wordListSource(words.comparative.opens)}\\s[\\p{L}'-]{2,20},?\\s${wordListSource(words.comparative.closes)}|${WORD_START}[a-z]{1,18}er,?\\sthan|${WORD_START}\\p{Script=Cyrillic}{1,18}(?:ее|ей|ше),?\\sчем)(?:\\s[\\p{L}'-]{1,20}){0,${COMPARATIVE_WORDS}}\\s?$`,
    "u",
  );
  // Between a credit and the quotation: after a verb of saying, "plus loin", "plus bas" place ("dit
  // plus loin que"), and "no further than", "не более чем" restrict: neither sets the clause beside it.
  const comparativeBetween = new RegExp(
    `(?<!${WORD_START}(?:no|not|не|ne|${wordListSource(requiredWords("says"))})\\s)(?:${WORD_START}${wordListSource(words.comparative.opens)}\\s[\\p{L}'-]{2,20},?\\s${wordListSource(words.comparative.closes)}|${WORD_START}(?!further)[a-z]{1,18}er,?\\sthan|${WORD_START}\\p{Script=Cyrillic}{1,18}(?:ее|ей|ше),?\\sчем)(?:\\s[\\p{L}'-]{1,20}){0,${COMPARATIVE_WORDS}}\\s?$`,
    "u",
  );
  const comparedBefore = new RegExp(
    `${WORD_START}${wordListSource(words.comparedBefore)}(?:\\s[\\p{L}'-]{1,20}){0,${COMPARED_WORDS}}\\s?$`,
    "u",
  );
  // A full stop ends the comparison's sentence: "Je vois mal le lien avec la mesure 1. « … »".
  const labelsOrSays = new RegExp(
    `^[\\s:,;()—–-]*$|${WORD_START}${wordListSource(requiredWords("says"))}(?![\\p{L}])`,
    "u",
  );
  // Of amount only: "says no more than « … »", "ne demande rien de plus que « … »" restrict, they
  // do not compare; "dit pareil que « … »" does. A colon may end it after a word that points at the
  // quotation ("différente de celle-ci : « … »", "la mesure 2 ou celle-ci : « … » ?"), not after
  // another thing ("La mesure 2, dans la version française : « … »" labels the quotation).
  const compared = new RegExp(
    `${WORD_START}(?:${wordListSource(words.comparedWith)}|(?<!${WORD_START}(?:no|not|little|nothing|de|не|ne|${wordListSource(requiredWords("says"))})\\s)${wordListSource(words.comparedAmounts)})(?:\\s[\\p{L}'-]{1,20}){0,${COMPARED_WORDS}}(?:(?<=${WORD_START}${wordListSource(words.pointedAt)})\\s?:)?\\s?$`,
    "u",
  );
  const rightBefore = (w: WordList) => new RegExp(`${WORD_START}${wordListSource(w)}\\s?$`, "u");
  const lacking = rightBefore(words.withoutRightBefore);
  const alternative = rightBefore(words.alternativeRightBefore);
  const reading = rightBefore(words.readingRightBefore);
  // "Entre la mesure 1, très protocolaire, et « … »": an aside about the clause may come first.
  const joined = new RegExp(
    `^[\\s,]*(?:${JOIN_ASIDE},\\s?)?${wordListSource(words.joins)}[\\s,]*$`,
    "u",
  );
  const links = linkingWords(words.linksAfter);
  const resumed = new RegExp(
    `${WORD_START}${wordListSource(words.resumes)}(?:\\s${wordListSource(words.resumedAdverbs)})?\\s${wordListSource(requiredWords("says"))}(?:\\s(?:${wordListSource(words.linksAfter)}|${wordListSource(words.resumedAdverbs)}))?\\s?:?\\s?$`,
    "u",
  );
  const saysThenMark = new RegExp(
    `^\\s?${wordListSource(requiredWords("says"))}\\s?[,:—–]\\s?$`,
    "u",
  );
  const saysBeforeColon = new RegExp(
    `${WORD_START}${wordListSource(requiredWords("says"))}\\s?:`,
    "u",
  );
  const ownCopula = new RegExp(
    `[,;]\\s(?<subject>(?:[\\p{L}'-]{1,20}\\s){1,3})${wordListSource(words.ownCopula)}\\s?:?\\s?$`,
    "u",
  );
  /** Nothing but such a word and an article before the credit in its sentence: it alone is asked. */
  const nothingElseBefore = new RegExp(
    `^\\s?(?:${wordListSource(words.askedAloneAfter)}\\s)?(?:(?:la|le|les|l'|the)\\s?)?$`,
    "u",
  );
  const pronoun = new RegExp(`^(?:${wordListSource(words.resumes)}\\s)+$`, "u");
  /** "…, la drogue c'est « … »" but not "La mesure 6, elle c'est « … »" (the credit taken up). */
  const ownStatement = (between: string) => {
    const subject = ownCopula.exec(between)?.groups?.subject;
    return subject !== undefined && !pronoun.test(subject);
  };
  const linked = (w: string) => links.has(w) || links.has(w.replace(ELISION, ""));

  /** "— tout premier point": the intensifier is the reference's own first word. */
  const intensified = new RegExp(`${WORD_START}${wordListSource(words.intensifiers)}\\s?$`, "u");
  /** Only linking words, few of them: "« … », comme le dit la mesure 5". */
  const linksFewWords = (between: string) => {
    const found = between.replace(intensified, "").match(WORDS) ?? [];
    return found.length <= MAX_WORDS_AFTER && found.every(linked);
  };
  /**
   * "Pendant qu'on débat de la mesure 2, le texte dit « … »": the credit's clause is closed; a
   * colon closes it too unless a verb of saying stands before the colon ("bien que la mesure 1 les
   * mette en vedette : « … »", but "alors que la mesure 5 dit : « … »").
   */
  const inOwnClause = (lead: string, between: string) => {
    if (!CLAUSE_MARK.test(between) && !(COLON.test(between) && !saysBeforeColon.test(between)))
      return false;
    // "When measure 4 says, « … »": the mark follows the clause's own verb of saying.
    if (saysThenMark.test(between)) return false;
    const clause = lead.replace(SENTENCE_START, "").split(CLAUSE_MARK).at(-1) ?? "";
    return subordinator.test(clause.replace(subordinatorIdiom, " "));
  };
  /** "la mesure 1 vise les chefs, la 2 descend d'un étage : « … »": the credit's own statement. */
  const goesOnBefore = (between: string): boolean => {
    // A bracket closes its aside: the words after it are the credit's own statement again ("La
    // mesure 5 (observateurs) est floue, comme à la mesure 4 qui dit « … »").
    const bracket = BRACKET_ASIDE.exec(between);
    if (bracket) return goesOnBefore(between.slice(bracket[0].length));
    return (
      !ASIDE_OPENS.test(between) &&
      !resumed.test(between) &&
      (between.match(WORDS) ?? []).length > MAX_WORDS_BEFORE
    );
  };
  // "Si la mesure 5 aboutit, faut-il encore « … » ?": the clause is the subject of a condition the
  // comma closes; one that says something there still credits ("Si le point 5 est clair, il dit").
  const conditionalLead = new RegExp(
    `${WORD_START}${wordListSource(words.conditionals)}\\s(?:(?:la|le|les|l'|the)\\s?)?$`,
    "u",
  );
  const saysAnywhere = new RegExp(
    `${WORD_START}${wordListSource(requiredWords("says"))}(?![\\p{L}])`,
    "u",
  );
  const conditionClosed = (near: string, between: string) =>
    conditionalLead.test(near) &&
    between.includes(",") &&
    !saysAnywhere.test(between) &&
    !resumed.test(between);
  const broken = (between: string, near = "") =>
    SENTENCE_THEN_WORDS.test(between.replace(ITEM_NUMBER, " ")) ||
    turn.test(between) ||
    commaTurn.test(between) ||
    (commaTurnAfterPredicate.test(between) && predicateLead.test(near));

  const labelAsked = (lead: string, between: string, answered: boolean) =>
    answered &&
    ONLY_ASKED.test(between) &&
    nothingElseBefore.test(lead.replace(SENTENCE_START, ""));
  /** `near`: the words right before the credit, at most LEAD_CHARS of them. */
  const passedOnTheWay = (near: string) =>
    landmark.test(near) ||
    rangeEndLandmark.test(near) ||
    unlessNegatedLandmark.test(near) ||
    landmarkThenNoun.test(near) ||
    comparative.test(near);
  const saysInARelative = new RegExp(
    `^\\s?,?\\s?${wordListSource(words.relatives)}\\s${wordListSource(requiredWords("says"))}(?![\\p{L}])`,
    "u",
  );
  const closesTheWalk = (between: string, lead: string) => {
    const near = lead.slice(-LEAD_CHARS);
    return (saysInARelative.test(between) && passedOnTheWay(near)) || inOwnClause(near, between);
  };
  const reaches: CreditReaches = (between, side, lead, ledIn, alone) => {
    const near = lead.slice(-LEAD_CHARS);
    if (passedOnTheWay(near)) return false;
    // "как соотносится с четвёртой мерой вот это: « … »" sets the quotation beside the clause; with
    // only a colon or a verb of saying between, the clause still labels it ("Measure 5 fits with
    // measure 4: « … »", "That fits with measure 5, which says « … »").
    if (comparedBefore.test(near) && !labelsOrSays.test(between)) return false;
    if (topicLead.test(near) && !LABEL_ONLY.test(between)) return false;
    if (side === "before") {
      return (
        !broken(between, near) &&
        !conditionClosed(near, between) &&
        !(ASKED_BEFORE.test(between) && !labelAsked(near, between, alone)) &&
        !ENDED_BEFORE.test(between) &&
        !ownStatement(between) &&
        !joined.test(between) &&
        !compared.test(between) &&
        !lacking.test(between) &&
        !alternative.test(between) &&
        // "… le secrétariat de la mesure 2 quand on relit « … »": what is read, not the clause's;
        // after a comma the clause is where one reads ("Dans la mesure 5, quand on lit « … »").
        !(reading.test(between) && !between.includes(",")) &&
        // "la mesure 5, elle va plus loin que « … »": the clause is set beside the quotation.
        !comparativeBetween.test(between) &&
        !inOwnClause(near, between)
      );
    }
    // "« … ». C'est la mesure 5.": the next sentence names the source, and nothing else.
    if (onlyACopula(between)) return true;
    // "« … » ; la 3, c'est les incidents": past the quotation's sentence, another statement;
    // "« … ». Mesure 3." names the source alone.
    if (SENTENCE_MARK.test(between) && !alone) return false;
    return !broken(between) && !goOn.test(between) && (ledIn || linksFewWords(between));
  };
  return { reaches, runsOn: goesOnBefore, closesTheWalk };
}
