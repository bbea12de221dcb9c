/**
 * How far a credit reaches (data/quotes.json "creditReach"). People discussing the text name
 * clauses around a quotation without crediting it: "la mesure 6, je la garde pour plus tard.
 * D'abord : « … »", "la mesure 2 parle de consultations, mais le vrai fond c'est « … »", "« … »
 * et ça recoupe ce que la mesure 4 essaie de faire". A credit before the quotation reaches it
 * only when no break stands between them: the end of a sentence that more words follow, or a
 * word that turns to something else ("mais", "however", "однако", "juste après"); one after it
 * only when no break and no word going on to another statement ("et", "and", "pourquoi") stands
 * between, or only a copula ("« … ». C'est la mesure 5"). Nor does a clause passed on the way
 * ("avant même la mesure 1", "before getting to measure 3") or one inside a clause of its own
 * that a comma closes before the quotation ("Pendant qu'on débat de la mesure 2, le texte dit
 * « … »"). Such a clause still presents the quotation; it credits nothing. Each test reads the
 * few words between a credit and the quotation, and the words of its sentence before it.
 */
import { onlyACopula, type Side } from "./reference-credits.ts";
import { REFERENCE_DATA } from "./references.ts";
import { WORD_END, WORD_START, type WordList, wordListSource } from "./word-patterns.ts";

export interface CreditReachWords {
  /** Words that turn to something else: a credit before them does not reach past them. */
  turns: WordList;
  /** Words after a quotation that go on to another statement ("et", "and", "pourquoi"). */
  goesOn: WordList;
  /** Words that pass a clause on the way to another ("avant même", "even before", "ещё до"). */
  landmarks: WordList;
  /** Words opening a clause of their own ("pendant que", "while", "пока"): a comma closes it. */
  subordinators: WordList;
  /**
   * Words that link a quotation to a credit after it ("ça", "this", "dans"), besides the verbs of
   * saying, the copulas, place and quoting words of data/references.json.
   */
  linksAfter: WordList;
}

/** A sentence's end with words after it (". D'abord", "? Et sinon", "; the observer thing"). */
const SENTENCE_THEN_WORDS = /[.!?…;]\s+[\p{L}\p{N}]/u;
/** A list item's number ("2. Créer …" quoted with its number) is no sentence's end. */
const ITEM_NUMBER = /^\s?\d{1,2}\.\s/u;

/** At most this many words between a landmark word and the clause ("aux incidents de la", "la liste des signataires tout en bas"). */
const LANDMARK_WORDS = 5;
/** A comma or a dash, then words: the clause a subordinator opened is closed. */
const CLAUSE_CLOSED = /[,—–]\s?[\p{L}\p{N}]/u;
/** Where the credit's sentence starts in the words before it. */
const SENTENCE_START = /^(?:.*[.!?…;]\s)?/su;

/**
 * After a quotation, a credit names its source in a few linking words ("« … », dit la mesure 4",
 * "« … » — ça c'est dans la mesure 2", "« … » — that's in the closing para"); more words, or two
 * that link nothing, make it a new statement about that clause ("« … » : on verra bien, la mesure
 * 4 en sera le test").
 */
const MAX_WORDS_AFTER = 4;
const MAX_UNLINKED_AFTER = 0;
const WORDS = /[\p{L}\p{N}'-]+/gu;
const ARTICLE_AT_END = /\s(?:la|le|les|l'|the)\s?$/u;
const LINKING_TABLES = ["copula", "says", "saysBefore", "leadPlace", "quoting"] as const;

/** The tables' one-word entries: a phrase's words alone link nothing ("on" of "on lit"). */
function linkingWords(linksAfter: WordList): Set<string> {
  const single = LINKING_TABLES.flatMap((t) => REFERENCE_DATA.words[t]?.words ?? []).filter(
    (w) => !/\s/u.test(w),
  );
  return new Set([...(linksAfter.words ?? []), ...single].flatMap((p) => p.match(WORDS) ?? []));
}

export type CreditReaches = (between: string, side: Side, lead: string) => boolean;

/**
 * Whether a credit reaches the quotation across `between`, the folded text between them (from
 * the credit's end to the quotation before it, from the quotation's end to the credit after it);
 * `lead` is the folded text just before the credit.
 */
export function creditReachTest({
  turns,
  goesOn,
  landmarks,
  subordinators,
  linksAfter,
}: CreditReachWords): CreditReaches {
  const links = linkingWords(linksAfter);
  const linksFewWords = (between: string) => {
    const words = between.replace(ARTICLE_AT_END, " ").match(WORDS) ?? [];
    return (
      words.length <= MAX_WORDS_AFTER &&
      words.filter((w) => !links.has(w)).length <= MAX_UNLINKED_AFTER
    );
  };
  const turn = new RegExp(`${WORD_START}${wordListSource(turns)}${WORD_END}`, "u");
  const goOn = new RegExp(`${WORD_START}${wordListSource(goesOn)}${WORD_END}`, "u");
  const landmark = new RegExp(
    `${WORD_START}(?<!d')${wordListSource(landmarks)}(?:\\s[\\p{L}'-]{1,20}){0,${LANDMARK_WORDS}}\\s?$`,
    "u",
  );
  const subordinator = new RegExp(`${WORD_START}${wordListSource(subordinators)}${WORD_END}`, "u");
  const opensOwnClause = (lead: string, between: string) =>
    CLAUSE_CLOSED.test(between) && subordinator.test(lead.replace(SENTENCE_START, ""));
  return (between, side, lead) =>
    !landmark.test(lead.slice(-LANDMARK_CHARS)) &&
    // "« … ». C'est la mesure 5.": the next sentence names the source, and nothing else.
    ((side === "after" && onlyACopula(between)) ||
      (!SENTENCE_THEN_WORDS.test(between.replace(ITEM_NUMBER, " ")) &&
        !turn.test(between) &&
        !(side === "after" && (goOn.test(between) || !linksFewWords(between))) &&
        !(side === "before" && opensOwnClause(lead, between))));
}

/** A landmark phrase and its few words fit in this many characters. */
const LANDMARK_CHARS = 120;
