/**
 * A credit the message denies (data/quotes.json "deniedCredits"): "ce n'est pas la mesure 5 qui
 * dit « … »", "measure 5 doesn't say « … »", "Paul dit que c'est dans la mesure 5 mais non : « … »".
 * The writer says the quotation is not that clause's, so quoting it from another clause is no
 * misattribution: a denial right before the reference ("not in measure 5"), "pas", "not", "не"
 * after a comma or a dash or opening the message ("C'est le préambule, PAS la mesure 1"), or one
 * after the reference, on either side of the quotation: within a few words ("ne dit pas") or
 * right after it ("« … » — la mesure 2 parle plutôt de …"). A cleft's denial may take an aside
 * between commas ("It is not, as some claim, measure 5 that says"), and words right after the
 * quotation may set it apart from every clause named before it ("« … », c'est autre chose": read
 * in quote-cues.ts). Each test reads a few words next to the credit.
 */
import { LIST_INTRODUCTION, SIGNATURES } from "./declaration.ts";
import { ORDINAL } from "./numbers.ts";
import type { Credit } from "./reference-credits.ts";
import { requiredWords } from "./references.ts";
import { ENTRY_END, WORD_END, WORD_START, type WordList, wordListSource } from "./word-patterns.ts";

export interface DeniedCreditWords {
  /** Words of denial right before a reference ("pas", "not", "не"). */
  before: WordList;
  /** Absence, then a topic and a place word right before the reference ("personne parle du nucléaire dans"). */
  absentBefore: WordList;
  /** Steps "proposed in" a clause: denied before a rank, or when the clause is a list itself. */
  stepsIn: WordList;
  /**
   * "Compare measure 3 with « … »": the clause set beside the quotation, unless the quotation
   * stands right after it as its label ("Comparez la mesure 5 « … » et la mesure 3", "compare
   * measure 5, which says « … »").
   */
  compareBefore: WordList;
  /** The denials of `before` that may take an aside between commas ("It is not, as some claim, measure 5"). */
  asideBefore: WordList;
  /** Words of denial after a comma or a dash, or opening the message ("C'est le préambule, pas la mesure 1"). */
  afterComma: WordList;
  /** Words that may stand between that denial and the reference ("dans la", "au": "pas au point 3"). */
  linkers: WordList;
  /** Phrases of denial a few words after a reference ("ne dit pas", "doesn't say"). */
  after: WordList;
  /** Phrases right after a reference that set it against the quotation ("parle plutôt de", "en serait"). */
  rightAfter: WordList;
  /**
   * After a quotation, a contrast, a verb of its own or its place right after the reference: the
   * clause is the subject of another statement ("« … » — la 4, elle, reste sur les exercices", "la
   * mesure 3 aurait pu s'en contenter", "la mesure 6 juste avant"). Before one it credits ("la
   * mesure 4, elle, dit « … »").
   */
  contrastAfter: WordList;
  /**
   * After a quotation, the clause as the subject of a question about it ("« … » — la mesure 3 est
   * vraiment prioritaire selon vous ?"): only when its sentence ends in a question mark, since
   * "— la mesure 5 est vraiment claire là-dessus" credits it.
   */
  askedAfter: WordList;
  /**
   * After a quotation, the clause as the subject of a verb that takes the quotation up ("« … » —
   * la mesure 4 en est la traduction", "n'en est que l'écho", "en donne un exemple"): it follows
   * from the quotation, not its source; "— mesure 5, en est-on sûr ?" asks.
   */
  followsFrom: WordList;
  /**
   * After a quotation, the clause right after it and its verb moving on ("« … » — la mesure 2
   * descend ensuite au niveau des secrétariats", "— пункт 5 переходит затем к …"): the quotation
   * is what came before. A verb of saying there credits ("— la mesure 2 dit ensuite"), and so does
   * the clause after a copula ("c'est la mesure 5 mais ensuite ça change").
   */
  sequenceAfter: WordList & { notVerbs: WordList };
  /**
   * The same, of what the clause had already said ("— la mesure 1 parlait déjà des secrétaires
   * généraux"), only with no comma between: "— это пункт 5, уже говорил же" is the writer's aside.
   */
  saidBefore: WordList;
  /**
   * After a quotation, the clause as the subject of a copula and what is said of it ("« … » — la
   * mesure 3 est autrement terre à terre", "— la mesure 3 sur les incidents est la seule qui y
   * réponde"), or of a cleft with a verb of its own ("« … » : c'est la mesure 4 qui devra s'en
   * charger"): a statement about the clause, not its source. A place or a word of saying after the
   * copula still credits ("— la mesure 5 est claire là-dessus", "is from measure 5"), and so does
   * a cleft with a verb of saying ("c'est la mesure 4 qui le dit").
   */
  predicateAfter: {
    copulas: WordList;
    unlessNext: WordList;
    topicLinks: WordList;
    /** "measure 4's briefings are …": the clause's possessive before its noun, the subject. */
    possessives: WordList;
    cleftLeads: WordList;
    relatives: WordList;
    /** Object pronouns between the relative and its verb ("qui le dit", "qui l'exprime"). */
    objects: WordList;
    /** Adverbs that may stand between the copula and its place ("is really where it says that"). */
    adverbs: WordList;
    /** "is the only one that says it": the clause picked out by a relative with a verb of saying. */
    onlyOne: WordList;
    /** Verbs of a cleft that still say where the quotation stands ("c'est la mesure 6 qui finit comme ça"). */
    creditingVerbs: WordList;
  };
  /** Before a clause named after the quotation only ("« … » — ça annonce la mesure 5"). */
  announcesBefore: WordList;
  /**
   * Right after a quotation, words that set it apart from what was named before it ("Les
   * secrétaires généraux, c'est la 1. « … », c'est autre chose."): no credit before it holds.
   */
  otherThingAfter: WordList;
  /** Words that make a denial before them a question that affirms ("разве не в пункте 5…?"). */
  questionLeads: WordList;
  /**
   * A negation right after a reference: the clause is the subject of a statement of its own, not
   * the quotation's source ("« … », la mesure 1 ne leur suffisait pas", "measure 2 doesn't go that
   * far"). 'single' words negate alone ("doesn't", "does not", "не об": a bare "not" or "не" also
   * negates a phrase of the text, "not at the expense of"); French 'opens' one that 'closes' ends within
   * a few words ("ne leur suffisait pas"; "ne dit que" restricts, it does not negate).
   */
  negation: { single: WordList; opens: WordList; closes: WordList; elidedOpens: WordList };
  /**
   * A question whether a clause covers the quotation: a lead earlier in the reference's sentence
   * and a verb of covering a few words after it ("est-ce que la mesure 2 couvre aussi « … » ?", "does measure
   * 6 really allow « … »?"). It asks, it does not say where the words are. So does a French
   * verb with its subject inverted right after the clause ("la mesure 3 recoupe-t-elle « … » ?"),
   * unless it is a verb of saying ("la mesure 3 dit-elle « … » ?" still credits); after the
   * quotation too, unless a verb of saying or an impersonal hedge ('hedges': "« … », c'est la
   * mesure 5 paraît-il").
   */
  askedCover: {
    leads: WordList;
    /** Wondering whether, right before the clause ("je me demande si la mesure 2 couvre"). */
    wonders: WordList;
    verbs: WordList;
    invertedSubjects: WordList;
    hedges: WordList;
  };
}

/** At most this many linking words ("dans la") between the denial and the reference. */
const MAX_LINKERS = 2;
/** A preposition after a verb of saying ("parle de", "talks about"): the verb alone is one too. */
const PREPOSITION = /^(?:de|des|du|a|au|par|sur|avec|about|of|to|with|for)$/u;
/**
 * The verbs of saying, and the verb of each "verb + preposition" entry ("parle" of "parle de"):
 * "parle-t-elle de" still credits; "fait état" gives no "fait".
 */
const SAYING_VERBS = wordListSource({
  words: (requiredWords("says").words ?? []).flatMap((w) => {
    const [verb, ...more] = w.split(" ");
    return more.length === 0 || (more.length === 1 && PREPOSITION.test(more[0] ?? ""))
      ? [verb ?? w]
      : [];
  }),
});
/** At most this many words between an inverted verb and the quotation ("passent-ils par"). */
const INVERTED_WORDS = 2;
/** At most this many words between a French negation's two halves ("ne leur suffisait pas"). */
const NEGATION_GAP = 3;
/** A denial is a phrase next to its reference: a few words on either side is enough to read it. */
const BEFORE_CHARS = 40;
/**
 * "It is not, pace our friend upthread, the closing paragraph that …": an aside between two
 * commas right after a cleft's denial still leaves the reference denied; the window grows by its
 * length. Other denials take none: "Besides, as far as I can tell, measure 5 says" denies nothing.
 */
const DENIAL_ASIDE = `,\\s[^,.;:!?«»"“”()]{1,40},`;
/** The aside's longest length with its two commas and spaces. */
const ASIDE_CHARS = 44;
const AFTER_CHARS = 40;
/** A question's lead may open a longer sentence before the reference. */
const QUESTION_CHARS = 80;
/** At most this many words between a wondering and the clause ("je me demande si la"). */
const WONDER_WORDS = 2;
/** Only marks and an article between a quotation and the clause after it: "« … » — la". */
const RIGHT_AFTER_QUOTE = /^[\s:,.;()—–…-]*(?:(?:la|le|les|l'|the)\s?)?$/u;

/** Where the window a credit is read in stands in the message. */
export interface CreditWindow {
  /** The window starts where the message starts (nothing of it lies before). */
  opensMessage?: boolean;
  /** The window is the text after the quotation. */
  afterQuotation?: boolean;
  /**
   * Only whether the clause is asked about ("est-ce que la mesure 2 couvre", "recoupe-t-elle"),
   * not denied: an aside "not measure 4" leaves the clause before it crediting.
   */
  askedOnly?: boolean;
}

export type DeniedCredit = (folded: string, credit: Credit, where?: CreditWindow) => boolean;

/** "mais", "but", "но": what follows an absence and a "but" is said, not missing. */
const BUT = "(?:mais|but|но)";

/**
 * "les démarches proposées dans l'appel, la cinquième : « … »": the steps a clause holds, then one
 * of them by its rank, or a clause that is a list itself (the one that introduces the measures,
 * the signatures: "Авторы, перечисленные в подписи, начинают так: « … »"): it holds what the
 * message speaks of, it is not the quotation's source ("les démarches proposées dans la mesure 5 :
 * « … »" credits it).
 */
const ORDINAL_NEXT = new RegExp(`^[\\s,]*(?:(?:la|le|the)\\s)?(?:${ORDINAL})`, "u");
const LISTS = new Set([LIST_INTRODUCTION, SIGNATURES].filter((id) => id !== undefined));

function holdsAList(credit: Credit): boolean {
  return credit.targets.every((t) => t.kind === "clause" && LISTS.has(t.id));
}

/**
 * The test for denied credits: whether the words around a credit in `folded` (a window on one
 * side of the quotation, as normaliseForPatterns gives it) deny it: a denial right before the
 * reference or right after it.
 */
export function deniedCreditTest({
  before,
  absentBefore,
  stepsIn,
  compareBefore,
  asideBefore,
  afterComma,
  linkers,
  after,
  rightAfter,
  contrastAfter,
  askedAfter,
  followsFrom,
  sequenceAfter,
  saidBefore,
  announcesBefore,
  predicateAfter,
  questionLeads,
  negation,
  askedCover,
}: DeniedCreditWords): DeniedCredit {
  // After an article, one describing word may come before the name ("forget the fluffy closing
  // para"), or a noun with its own linking words ("je mets de côté les briefings de la 4"); with
  // no article ("not sure measure 5 says") the word is no part of the denial.
  const linked = `(?:\\s${wordListSource(linkers)}){0,${MAX_LINKERS}}`;
  const described = `(?:\\s${wordListSource(linkers)}){1,${MAX_LINKERS}}\\s[\\p{L}'-]{2,20}(?:\\s${wordListSource(linkers)}){0,${MAX_LINKERS}}`;
  const denialBefore = new RegExp(
    `${WORD_START}${wordListSource(before)}(?:${described}|${linked})\\s?$`,
    "u",
  );
  // "personne parle du nucléaire dans la mesure 5": a topic and "in" between the absence and the
  // clause, and no "but" ("nobody talks about it but in measure 5 it says « … »"); "nobody talks
  // about measure 5, which says « … »" only talks about it.
  const absentThere = new RegExp(
    `${WORD_START}${wordListSource(absentBefore)}(?:\\s(?!${BUT}${WORD_END})[\\p{L}'-]{1,20}){1,3}\\s(?:dans|in|в|во)(?:\\s(?:la|le|les|l'|the))?\\s?$`,
    "u",
  );
  const comparedFirst = new RegExp(
    `${WORD_START}${wordListSource(compareBefore)}(?:${described}|${linked})\\s?$`,
    "u",
  );
  // The quotation right after the clause, or after a relative and a verb of saying: its label.
  const labelledRightAfter = new RegExp(
    `^(?:\\s?[(«"“]?\\s?$|,?\\s(?:qui|which|that|который|которая|что)\\s${wordListSource(requiredWords("says"))})`,
    "u",
  );
  const stepsInBefore = new RegExp(
    `${WORD_START}${wordListSource(stepsIn)}(?:\\s(?:la|le|les|l'|the))?\\s?$`,
    "u",
  );
  const denialBeforeAside = new RegExp(
    `${WORD_START}${wordListSource(asideBefore)}${DENIAL_ASIDE}(?:${described}|${linked})\\s?$`,
    "u",
  );
  // "pas" alone denies only after a comma or a dash, or opening the message ("Pas la mesure 5
  // (…) : « … »"): "n'oublie pas la mesure 5 : « … »" still credits it.
  const afterCommaSource = `${wordListSource(afterComma)}(?:\\s${wordListSource(linkers)}){0,${MAX_LINKERS}}\\s?$`;
  const denialAfterComma = new RegExp(`[,—–]\\s?${afterCommaSource}`, "u");
  const denialOpening = new RegExp(`^\\s?${afterCommaSource}`, "u");
  const denialAfter = new RegExp(`${WORD_START}${wordListSource(after)}${ENTRY_END}`, "u");
  const rightAfterTheReference = (words: WordList) =>
    new RegExp(`^[\\s,—–-]{0,3}${wordListSource(words)}${ENTRY_END}`, "u");
  const denialRightAfter = rightAfterTheReference(rightAfter);
  const contrastedRightAfter = rightAfterTheReference(contrastAfter);
  const movesOnAfter = new RegExp(
    `^\\s(?!(?:${SAYING_VERBS}|${wordListSource(sequenceAfter.notVerbs)})${WORD_END})[\\p{L}'-]{2,20}\\s${wordListSource(sequenceAfter)}${ENTRY_END}`,
    "u",
  );
  const askedRightAfter = new RegExp(
    `^[\\s,—–-]{0,3}${wordListSource(askedAfter)}${ENTRY_END}[^.!?]*\\?`,
    "u",
  );
  const announcedBefore = new RegExp(
    `${WORD_START}${wordListSource(announcesBefore)}${linked}\\s?$`,
    "u",
  );
  const followsRightAfter = new RegExp(
    `^(?:[\\s,—–-]{0,3}${wordListSource(followsFrom)}|\\s${wordListSource(saidBefore)})(?![\\p{L}\\p{N}-])`,
    "u",
  );
  // Right after it, with no comma: "Пятая мера, если не ошибаюсь, …" and "…, qui ne mange pas de
  // pain" negate something else.
  const negatedRightAfter = new RegExp(
    `^\\s?(?:${wordListSource(negation.single)}${ENTRY_END}|${wordListSource(negation.opens)}\\s?(?:[\\p{L}'-]{1,20}\\s){0,${NEGATION_GAP}}${wordListSource(negation.closes)}${ENTRY_END})`,
    "u",
  );
  // After a quotation, the elided "n'" too: "« … » — la mesure 6 n'aura jamais ce panache".
  const elidedNegatedRightAfter = new RegExp(
    `^\\s?${wordListSource(negation.elidedOpens)}(?:[\\p{L}'-]{1,20}\\s){0,${NEGATION_GAP}}${wordListSource(negation.closes)}${ENTRY_END}`,
    "u",
  );
  // The lead stands earlier in the credit's sentence (no sentence mark between): "Est-ce que les
  // secrétaires généraux de la mesure 1 sont concernés par « … » ?".
  const coverAsked = new RegExp(
    `${WORD_START}${wordListSource(askedCover.leads)}${ENTRY_END}[^.!?;]*$`,
    "u",
  );
  const coverVerb = new RegExp(`${WORD_START}${wordListSource(askedCover.verbs)}${ENTRY_END}`, "u");
  const wonderAsked = new RegExp(
    `${WORD_START}${wordListSource(askedCover.wonders)}${ENTRY_END}(?:\\s[\\p{L}'-]{1,20}){0,${WONDER_WORDS}}\\s?$`,
    "u",
  );
  // "la mesure 3 recoupe-t-elle « … » ?": a verb and its subject inverted right after the clause,
  // a few words at most before the quotation; "dit-elle" (a verb of saying) still credits.
  const invertedAsked = new RegExp(
    `^\\s?(?!${SAYING_VERBS}-)\\p{L}{2,20}-${wordListSource(askedCover.invertedSubjects)}(?:\\s[\\p{L}'-]{1,20}){0,${INVERTED_WORDS}}\\s?$`,
    "u",
  );
  // After the quotation, the clause asked about right after it: "« … » — la mesure 3 est-elle vraiment prioritaire ?".
  const invertedAfter = new RegExp(
    `^\\s?(?!${SAYING_VERBS}-)(?!${wordListSource(askedCover.hedges)})\\p{L}{2,20}-${wordListSource(askedCover.invertedSubjects)}(?![\\p{L}])`,
    "u",
  );
  // "qui le dit", "that says": a relative, perhaps an object pronoun, then the verb.
  const relativeThen = `${wordListSource(predicateAfter.relatives)}\\s(?:${wordListSource(predicateAfter.objects)}\\s?)?`;
  const predicatedAfter = new RegExp(
    `^(?:\\s${wordListSource(predicateAfter.topicLinks)}(?:\\s[\\p{L}'-]{1,20}){1,3}|${wordListSource(predicateAfter.possessives)}(?:\\s[\\p{L}-]{1,20}){1,2})?\\s${wordListSource(predicateAfter.copulas)}\\s(?!(?:${wordListSource(predicateAfter.adverbs)}\\s)?${wordListSource(predicateAfter.unlessNext)}${ENTRY_END})(?!(?:${wordListSource(predicateAfter.adverbs)}\\s)?${wordListSource(predicateAfter.onlyOne)}\\s${relativeThen}${SAYING_VERBS}${WORD_END})\\p{L}`,
    "u",
  );
  const cleftLead = new RegExp(
    `${WORD_START}${wordListSource(predicateAfter.cleftLeads)}\\s(?:(?:la|le|les|l'|the)\\s?)?$`,
    "u",
  );
  const cleftOwnVerb = new RegExp(
    `^\\s(?=${wordListSource(predicateAfter.relatives)}\\s)(?!${relativeThen}(?:${SAYING_VERBS}|${wordListSource(predicateAfter.creditingVerbs)})${WORD_END})\\p{L}`,
    "u",
  );
  const questionLead = new RegExp(`${WORD_START}${wordListSource(questionLeads)}${ENTRY_END}`, "u");
  const deniedBefore = (lead: string, opensText: boolean) => {
    const m =
      denialBefore.exec(lead) ??
      denialAfterComma.exec(lead) ??
      (opensText ? denialOpening.exec(lead) : null);
    return m !== null && !questionLead.test(lead.slice(0, m.index));
  };
  const deniedBeforeAside = (lead: string) => {
    const m = denialBeforeAside.exec(lead);
    return m !== null && !questionLead.test(lead.slice(0, m.index));
  };
  return (
    folded,
    credit,
    { opensMessage = false, afterQuotation = false, askedOnly = false } = {},
  ) => {
    const rest = folded.slice(credit.end, credit.end + AFTER_CHARS);
    const question = folded.slice(Math.max(0, credit.start - QUESTION_CHARS), credit.start);
    const asked =
      (coverVerb.test(rest) && (coverAsked.test(question) || wonderAsked.test(question))) ||
      (afterQuotation ? invertedAfter.test(rest) : invertedAsked.test(rest));
    if (askedOnly || asked) return asked;
    const lead = folded.slice(Math.max(0, credit.start - BEFORE_CHARS), credit.start);
    const longLead = folded.slice(
      Math.max(0, credit.start - BEFORE_CHARS - ASIDE_CHARS),
      credit.start,
    );
    return (
      absentThere.test(lead) ||
      (stepsInBefore.test(lead) && (holdsAList(credit) || ORDINAL_NEXT.test(rest))) ||
      (comparedFirst.test(lead) && !labelledRightAfter.test(rest)) ||
      deniedBefore(lead, opensMessage && credit.start <= BEFORE_CHARS) ||
      deniedBeforeAside(longLead) ||
      denialAfter.test(rest) ||
      denialRightAfter.test(rest) ||
      (afterQuotation &&
        (contrastedRightAfter.test(rest) ||
          (RIGHT_AFTER_QUOTE.test(folded.slice(0, credit.start)) && movesOnAfter.test(rest)) ||
          askedRightAfter.test(rest) ||
          followsRightAfter.test(rest) ||
          elidedNegatedRightAfter.test(rest) ||
          predicatedAfter.test(rest) ||
          (cleftLead.test(lead) && cleftOwnVerb.test(rest)) ||
          announcedBefore.test(lead))) ||
      negatedRightAfter.test(rest)
    );
  };
}
