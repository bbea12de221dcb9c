/**
 * The command registry: every command the bot registers (all.ts lists them, one line each).
 * Registration, dispatch, autocomplete and deferral all derive from it (interactions.ts looks
 * commands up by name), so a new command is one file (a `defineChatCommand` or
 * `defineMessageCommand` call) plus one line in all.ts.
 */
import type { RESTPutAPIApplicationCommandsJSONBody } from "discord-api-types/v10";
import * as all from "./all.ts";
import type { Command } from "./define.ts";

export const COMMANDS: readonly Command[] = Object.values(all);

export const COMMAND_DEFINITIONS: RESTPutAPIApplicationCommandsJSONBody = COMMANDS.map(
  (c) => c.definition,
);

/** Discord lets a chat command and a message command share a name: the kind is part of the key. */
const BY_NAME = new Map(COMMANDS.map((c) => [`${c.kind}:${c.definition.name}`, c]));

/** The command of that kind registered under `name` (its canonical, English name), if any. */
export function commandNamed(kind: Command["kind"], name: string): Command | undefined {
  return BY_NAME.get(`${kind}:${name}`);
}
