/**
 * Which clause a message is about, read back from the message as Discord returns it (a reply's
 * `referenced_message`, a message command's target, a fetched message): the context a follow-up
 * ("and the next one?") is read in.
 *
 * A card of the bot's says it in its buttons' custom ids, which are made to be read by the bot
 * (custom-ids.ts), rather than in its title, which is for people and changes with the language:
 * "post:M3" and the 👍/👎 ids name the clause shown; the previous/next buttons name its neighbours,
 * so the clause is the one between them. A message of the bot's without such buttons (a /quote, a
 * quoted citation) and anyone else's message count by the clauses their text cites
 * ("comme le dit la mesure 4"). Either way, a message about several clauses has no one context.
 */
import { CLAUSE_ORDER } from "../../core/declaration.ts";
import type { Engine } from "../../core/engine.ts";
import type { ClauseId } from "../../core/types.ts";
import { cleanInput } from "../interaction/sanitize.ts";
import { decodeCustomId } from "../render/custom-ids.ts";
import { CHAT_SCAN_MAX } from "./cited.ts";

/** The fields of a message that are read; anything missing or malformed reads as absent. */
export interface MessageLike {
  author?: { id?: unknown } | null;
  content?: unknown;
  components?: unknown;
}

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null)
    : [];

/** The clause a card of the bot's shows, from the custom ids of its components; null if none or unclear. */
export function clauseOfComponents(components: unknown): ClauseId | null {
  const found = new Set<ClauseId>();
  const shift = (id: ClauseId, by: number) => {
    const at = CLAUSE_ORDER.indexOf(id) + by;
    const clause = at >= 0 && at < CLAUSE_ORDER.length ? CLAUSE_ORDER[at] : undefined;
    if (clause) found.add(clause);
  };
  for (const row of records(components)) {
    for (const component of records(row.components)) {
      const customId = component.custom_id;
      const action = typeof customId === "string" ? decodeCustomId(customId) : null;
      switch (action?.kind) {
        case "post":
          found.add(action.clauseId);
          break;
        case "vote":
        case "correct":
          found.add(action.answer.clauseId);
          break;
        case "clause":
          // "see also" buttons name other clauses, not this one.
          if (action.role === "prev") shift(action.clauseId, 1);
          else if (action.role === "next") shift(action.clauseId, -1);
          break;
      }
    }
  }
  const [only, ...others] = found;
  return only && others.length === 0 ? only : null;
}

/** The one clause a text cites, or null when it cites none or several. */
export function citedClause(engine: Engine, text: string): ClauseId | null {
  const ids = new Set(
    engine
      .references(cleanInput(text, CHAT_SCAN_MAX))
      .flatMap((r) => (r.kind === "clause" ? [r.clause.id] : [])),
  );
  const [only, ...others] = ids;
  return only && others.length === 0 ? only : null;
}

/** The clause `message` is about (`botId` tells the bot's own cards apart), or null. */
export function clauseOfMessage(
  engine: Engine,
  message: MessageLike,
  botId: string,
): ClauseId | null {
  const own = message.author?.id === botId;
  const fromCard = own ? clauseOfComponents(message.components) : null;
  if (fromCard) return fromCard;
  return typeof message.content === "string" ? citedClause(engine, message.content) : null;
}
