/** Every application command the bot registers, in one list; dispatch is an explicit switch in interactions.ts. */
import type { RESTPostAPIApplicationCommandsJSONBody } from "discord.js";
import * as ask from "./ask.ts";
import * as declaration from "./declaration.ts";
import * as find from "./find.ts";
import * as help from "./help.ts";
import * as measure from "./measure.ts";
import * as quote from "./quote.ts";
import * as settings from "./settings.ts";

export { ask, declaration, find, help, measure, quote, settings };

export const COMMAND_DEFINITIONS: RESTPostAPIApplicationCommandsJSONBody[] = [
  measure.definition,
  ask.definition,
  quote.definition,
  declaration.definition,
  help.definition,
  settings.definition,
  find.definition,
];
