/**
 * Component custom ids. All the state a button or menu needs lives in its id, never in memory, so
 * components keep working after a restart and on any shard. Ids are short and versionless on purpose:
 * anything unrecognised decodes to null and the user is told the button is outdated.
 */
import { CLAUSE_IDS, type ClauseId } from "../../core/types.ts";
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
  | { kind: "post"; clauseId: ClauseId };

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
  }
  if (id.length > LIMITS.customId) throw new Error(`custom id too long: ${id}`);
  return id;
}

export function parseClauseId(value: string): ClauseId | null {
  return (CLAUSE_IDS as readonly string[]).includes(value) ? (value as ClauseId) : null;
}

export function decodeCustomId(customId: string): ComponentAction | null {
  const [head, arg, ...rest] = customId.split(":");
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
    default:
      return null;
  }
}
