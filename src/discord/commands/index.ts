/**
 * The command registry: every command the bot registers, in one list. Registration, dispatch,
 * autocomplete and deferral all derive from it (interactions.ts looks commands up by name), so a
 * new command is one file (a `defineChatCommand` or `defineMessageCommand` call) plus one line here.
 */
import type { RESTPostAPIApplicationCommandsJSONBody } from "discord.js";
import { command as ask } from "./ask.ts";
import { command as checkQuote } from "./check-quote.ts";
import { command as declaration } from "./declaration.ts";
import type { Command } from "./define.ts";
import { command as find } from "./find.ts";
import { command as help } from "./help.ts";
import { command as measure } from "./measure.ts";
import { command as privacy } from "./privacy.ts";
import { command as quote } from "./quote.ts";
import { command as quoteCited } from "./quote-cited.ts";
import { command as settings } from "./settings.ts";
import { command as verify } from "./verify.ts";

export const COMMANDS: readonly Command[] = [
  measure,
  ask,
  quote,
  declaration,
  help,
  settings,
  privacy,
  find,
  verify,
  checkQuote,
  quoteCited,
];

export const COMMAND_DEFINITIONS: RESTPostAPIApplicationCommandsJSONBody[] = COMMANDS.map(
  (c) => c.definition,
);

/** Discord lets a chat command and a message command share a name: the kind is part of the key. */
const BY_NAME = new Map(COMMANDS.map((c) => [`${c.kind}:${c.definition.name}`, c]));

/** The command of that kind registered under `name` (its canonical, English name), if any. */
export function commandNamed(kind: Command["kind"], name: string): Command | undefined {
  return BY_NAME.get(`${kind}:${name}`);
}
