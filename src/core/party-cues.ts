/**
 * Who speaks and to whom (data/references.json "parties"): both the opening and the appeal name
 * foreign ministers, so a question's other words often rank both; "qui parle", "is this from",
 * "от кого" ask for the speakers (the opening names them), "à qui", "talking to", "к кому
 * обращаются" for the addressees (the appeal). Such a cue moves its clause first when the search
 * ranks it among its first three.
 */
import { type PartyRule, REFERENCE_DATA, requiredWords } from "./references.ts";
import type { ClauseId } from "./types.ts";
import {
  ENTRY_END,
  normaliseForPatterns,
  WORD_END,
  WORD_START,
  wordListSource,
} from "./word-patterns.ts";

/** "qui parle de la drogue ?": a topic word after the cue asks who speaks of it, not who speaks. */
const TOPIC_AFTER = `(?!\\s${wordListSource(requiredWords("topicWords"))}${WORD_END})`;

const RULES = REFERENCE_DATA.parties.map((r) => ({
  clause: r.clause,
  re: new RegExp(
    `${r.notAfter?.length ? `(?<!${WORD_START}(?:${r.notAfter.join("|")})\\s)` : ""}${WORD_START}${wordListSource(r)}${ENTRY_END}${TOPIC_AFTER}`,
    "u",
  ),
}));

if (RULES.length === 0) throw new Error("data/references.json: parties is missing");

/** The rows of data/references.json "parties", for the tests. */
export function partyRules(): readonly PartyRule[] {
  return REFERENCE_DATA.parties;
}

const PARTY_CLAUSES: ReadonlySet<string> = new Set(RULES.map((r) => r.clause));

/** Whether the clause names a party (the speakers or the addressees). */
export function isPartyClause(id: string): boolean {
  return PARTY_CLAUSES.has(id);
}

/** The one party the question asks about (its clause), or null when it asks of none or both. */
export function partyAsked(question: string): ClauseId | null {
  const folded = normaliseForPatterns(question.slice(0, 300));
  const asked = RULES.filter((r) => r.re.test(folded));
  return asked.length === 1 ? (asked[0]?.clause ?? null) : null;
}
