/**
 * Component custom ids. All the state a button or menu needs lives in its id, never in memory, so
 * components keep working after a restart and on any shard. Ids are short and versionless on purpose:
 * anything unrecognised decodes to null and the user is told the button is outdated.
 */
import { CLAUSE_ORDER } from "../../core/declaration.ts";
import type { ClauseId } from "../../core/types.ts";
import type { ShownAnswer, Vote } from "../../store/feedback.ts";
import { SNOWFLAKE } from "../interaction/snowflake.ts";
import { LIMITS } from "./limits.ts";

export type ComponentAction =
  /** Navigation from an answer card; the role keeps ids unique when two buttons target one clause. */
  | { kind: "clause"; role: "prev" | "next" | "see"; clauseId: ClauseId }
  /** A page of the whole text (0-based). */
  | { kind: "page"; page: number }
  | { kind: "overview" }
  /** The clause select menu of /declaration (the clause comes in the selected value). */
  | { kind: "open" }
  /** Post a privately shown "closest passage" to the channel. */
  | { kind: "post"; clauseId: ClauseId }
  /** Post a privately shown overview, offered as the closest thing, to the channel. */
  | { kind: "postOverview" }
  /** 👍/👎 on an answer: the id carries the whole answer, so a vote needs nothing in memory. */
  | { kind: "vote"; vote: Vote; answer: ShownAnswer }
  /** The "which passage answers it?" menu after a 👎 (the choice comes in the selected value). */
  | { kind: "correct"; answer: ShownAnswer };

/**
 * An answer as `<interaction id>:<clause>:<r|s><a|c>:<score>` (via reference or search, answer or
 * closest); at most 20 + 11 + 2 + 12 characters and three separators.
 */
function encodeAnswer(a: ShownAnswer): string {
  const score = Number.isFinite(a.score) && a.score >= 0 ? Number(a.score.toFixed(4)) : 0;
  return `${a.id}:${a.clauseId}:${a.via[0]}${a.confidence[0]}:${score}`;
}

const SCORE = /^\d{1,7}(?:\.\d{1,4})?$/;

function decodeAnswer(parts: readonly string[]): ShownAnswer | null {
  const [id = "", clause = "", tier = "", score = "", ...rest] = parts;
  const clauseId = parseClauseId(clause);
  const via = { r: "reference", s: "search" }[tier[0] ?? ""] as ShownAnswer["via"] | undefined;
  const confidence = { a: "answer", c: "closest" }[tier[1] ?? ""] as
    | ShownAnswer["confidence"]
    | undefined;
  if (rest.length > 0 || tier.length !== 2 || !SNOWFLAKE.test(id) || !SCORE.test(score)) {
    return null;
  }
  if (!clauseId || !via || !confidence) return null;
  return { id, clauseId, via, confidence, score: Number(score) };
}

export function encodeCustomId(action: ComponentAction): string {
  let id: string;
  switch (action.kind) {
    case "clause":
      id = `${action.role}:${action.clauseId}`;
      break;
    case "page":
      id = `page:${action.page}`;
      break;
    case "overview":
      id = "overview";
      break;
    case "open":
      id = "open";
      break;
    case "post":
      id = `post:${action.clauseId}`;
      break;
    case "postOverview":
      id = "postview";
      break;
    case "vote":
      id = `fb:${action.vote}:${encodeAnswer(action.answer)}`;
      break;
    case "correct":
      id = `fbfix:${encodeAnswer(action.answer)}`;
      break;
  }
  if (id.length > LIMITS.customId) throw new Error(`custom id too long: ${id}`);
  return id;
}

export function parseClauseId(value: string): ClauseId | null {
  return (CLAUSE_ORDER as readonly string[]).includes(value) ? (value as ClauseId) : null;
}

export function decodeCustomId(customId: string): ComponentAction | null {
  const [head, arg, ...rest] = customId.split(":");
  if (head === "fb" && (arg === "up" || arg === "down")) {
    const answer = decodeAnswer(rest);
    return answer ? { kind: "vote", vote: arg, answer } : null;
  }
  if (head === "fbfix") {
    const answer = decodeAnswer([arg ?? "", ...rest]);
    return answer ? { kind: "correct", answer } : null;
  }
  if (rest.length > 0) return null;
  switch (head) {
    case "prev":
    case "next":
    case "see": {
      const clauseId = parseClauseId(arg ?? "");
      return clauseId ? { kind: "clause", role: head, clauseId } : null;
    }
    case "page": {
      if (arg === undefined || !/^\d{1,3}$/.test(arg)) return null;
      return { kind: "page", page: Number(arg) };
    }
    case "overview":
      return arg === undefined ? { kind: "overview" } : null;
    case "open":
      return arg === undefined ? { kind: "open" } : null;
    case "post": {
      const clauseId = parseClauseId(arg ?? "");
      return clauseId ? { kind: "post", clauseId } : null;
    }
    case "postview":
      return arg === undefined ? { kind: "postOverview" } : null;
    default:
      return null;
  }
}
