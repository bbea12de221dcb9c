/** The words whose change a quote check always flags, however small: negations and numbers. */
import { readCardinal } from "../numbers.ts";
import { QUOTE_DATA } from "../quote-cues.ts";
import type { Token } from "../quote-tokens.ts";

const NEGATIONS = new Set(QUOTE_DATA.negations.words);
const NEGATION_ENDINGS = QUOTE_DATA.negations.suffixes;
const NUMBER_WORDS = new Set(QUOTE_DATA.numbers.words);
const NOT_NUMBERS = new Set(QUOTE_DATA.numbers.notNumbers);

export const isNegation = (key: string) =>
  NEGATIONS.has(key) || NEGATION_ENDINGS.some((e) => key.endsWith(e));
export const isNumber = (key: string) =>
  !NOT_NUMBERS.has(key) && (/\d/.test(key) || NUMBER_WORDS.has(key) || readCardinal(key) !== null);

/** The quotation's numbers that `has` (the words it is compared with) does not hold. */
export const addedNumbers = (quote: readonly Token[], has: (key: string) => boolean): Token[] =>
  quote.filter((t) => isNumber(t.key) && !has(t.key));
