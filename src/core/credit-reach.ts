/**
 * How far a credit reaches (data/quotes.json "creditReach"). People discussing the text name
 * clauses around a quotation without crediting it: "la mesure 6, je la garde pour plus tard.
 * D'abord : « … »", "la mesure 2 parle de consultations, mais le vrai fond c'est « … »", "« … »
 * et ça recoupe ce que la mesure 4 essaie de faire". A credit before the quotation reaches it
 * only when no break stands between them: the end of a sentence that more words follow, or a
 * word that turns to something else ("mais", "however", "однако", "juste après"); one after it
 * only when no break and no word going on to another statement ("et", "and", "pourquoi") stands
 * between, or only a copula ("« … ». C'est la mesure 5"). Such a clause still presents the
 * quotation; it credits nothing. Each test reads the few words between a credit and the quotation.
 */
import { onlyACopula, type Side } from "./reference-credits.ts";
import { WORD_END, WORD_START, type WordList, wordListSource } from "./word-patterns.ts";

export interface CreditReachWords {
  /** Words that turn to something else: a credit before them does not reach past them. */
  turns: WordList;
  /** Words after a quotation that go on to another statement ("et", "and", "pourquoi"). */
  goesOn: WordList;
}

/** A sentence's end with words after it (". D'abord", "? Et sinon", "; the observer thing"). */
const SENTENCE_THEN_WORDS = /[.!?…;]\s+[\p{L}\p{N}]/u;
/** A list item's number ("2. Créer …" quoted with its number) is no sentence's end. */
const ITEM_NUMBER = /^\s?\d{1,2}\.\s/u;

export type CreditReaches = (between: string, side: Side) => boolean;

/**
 * Whether a credit reaches the quotation across `between`, the folded text between them (from
 * the credit's end to the quotation before it, from the quotation's end to the credit after it).
 */
export function creditReachTest({ turns, goesOn }: CreditReachWords): CreditReaches {
  const turn = new RegExp(`${WORD_START}${wordListSource(turns)}${WORD_END}`, "u");
  const goOn = new RegExp(`${WORD_START}${wordListSource(goesOn)}${WORD_END}`, "u");
  return (between, side) =>
    // "« … ». C'est la mesure 5.": the next sentence names the source, and nothing else.
    (side === "after" && onlyACopula(between)) ||
    (!SENTENCE_THEN_WORDS.test(between.replace(ITEM_NUMBER, " ")) &&
      !turn.test(between) &&
      !(side === "after" && goOn.test(between)));
}
