/**
 * The argument of /measure, read one way for Discord's handler and the console: digits, or a
 * number as people write it ("trois", "three", "три", "3e", "third", "IV", "dernière") through the
 * reference layer's number table. Discord sends an integer option, but an autocomplete-enabled one
 * can arrive as a string, and option getters do not re-validate; the console gets whatever is typed.
 * So both get the same answer for "abc", "2.5" or "-1".
 */
import { fold } from "./analysis.ts";
import { outOfRangeError } from "./answer-text.ts";
import { CLAUSE_COUNTS } from "./declaration.ts";
import type { Engine } from "./engine.ts";
import { CARDINAL, LAST, ORDINAL, ROMAN, readCardinal, readOrdinal } from "./numbers.ts";
import type { Clause } from "./types.ts";
import { UserError } from "./user-error.ts";

export type MeasureArg =
  /** A whole number, 0 or more; whether the text has that measure is the lookup's business. */
  | { kind: "number"; n: number }
  /** Nothing given: absent, null (what NaN becomes in JSON), or blank. */
  | { kind: "missing" }
  /** Something that is not a measure number: words, fractions, negatives, huge numbers. */
  | { kind: "malformed"; raw: string };

/** Up to nine digits: a longer number is no measure number, and past 2^53 it would not even be read exactly. */
const DIGITS = /^[+-]?\d{1,9}$/;
/** A whole token that is a number in words, a roman numeral or an ordinal (folded text). */
const NUMBER_WORD = new RegExp(`^(?:${CARDINAL}|${ROMAN}|${ORDINAL})$`, "u");

/** `raw` as a measure number; `count` is what "last" means. */
export function parseMeasureArg(raw: unknown, count = CLAUSE_COUNTS.measure): MeasureArg {
  if (raw === undefined || raw === null) return { kind: "missing" };
  if (typeof raw === "number") return whole(raw, String(raw));
  if (typeof raw !== "string") return { kind: "malformed", raw: String(raw) };
  const text = raw.trim();
  if (text === "") return { kind: "missing" };
  if (DIGITS.test(text)) return whole(Number(text), text);
  const word = fold(text);
  if (NUMBER_WORD.test(word)) {
    const n = readCardinal(word) ?? readOrdinal(word);
    if (n === LAST) return { kind: "number", n: count };
    if (n !== null) return whole(n, text);
  }
  return { kind: "malformed", raw: text };
}

function whole(n: number, raw: string): MeasureArg {
  if (!Number.isSafeInteger(n) || n < 0) return { kind: "malformed", raw };
  // -0 is a number too, but "measure -0" would read oddly: it is measure 0.
  return { kind: "number", n: n === 0 ? 0 : n };
}

/** Longest piece of a malformed value quoted back, in either front end. */
export const ECHO_MAX = 50;

/** /measure's clause, or the user error that says why there is none. */
export type MeasureLookup =
  | { kind: "clause"; clause: Clause }
  | { kind: "refused"; error: UserError };

/**
 * /measure `raw`: the clause, or the user error that explains why there is none (rendered where
 * it is answered, in the reader's language). `show` makes what was typed safe to quote back in
 * this front end (escaped and cut for Discord, cut for a terminal).
 */
export function lookUpMeasure(
  engine: Pick<Engine, "clauses" | "measure">,
  raw: unknown,
  show: (typed: string) => string,
): MeasureLookup {
  const available = engine.clauses.filter((c) => c.kind === "measure").length;
  const arg = parseMeasureArg(raw, available);
  if (arg.kind === "missing") {
    return {
      kind: "refused",
      error: new UserError({ id: "measureMissing", params: { max: available } }),
    };
  }
  if (arg.kind === "malformed") {
    const params = { shown: show(arg.raw), max: available };
    return { kind: "refused", error: new UserError({ id: "measureMalformed", params }) };
  }
  const clause = engine.measure(arg.n);
  if (clause) return { kind: "clause", clause };
  return {
    kind: "refused",
    error: outOfRangeError({ clauseKind: "measure", requested: arg.n, available }),
  };
}
