/**
 * How a command is written: one `defineChatCommand` / `defineMessageCommand` call carries the
 * definition Discord registers, the handlers, and how the answer is shown (so that a late
 * interaction is deferred with the same visibility). Names and descriptions come per language;
 * the English text is the canonical one, and the localizations are derived from the same texts.
 */
import {
  type APIApplicationCommandOption,
  ApplicationCommandType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type InteractionContextType,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { Localized } from "../../core/types.ts";
import type { BotContext, Outcome } from "../context.ts";
import { localizations } from "../locale.ts";
import { INSTALL, READ_CONTEXTS } from "./shared.ts";

/** Whether a command's answer is public or private; a late interaction is deferred the same way. */
export type Visibility = "public" | "ephemeral";

export interface ChatCommand {
  kind: "chat";
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  defer: Visibility;
  handle(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

export interface MessageCommand {
  kind: "message";
  definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  defer: Visibility;
  handle(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<Outcome>;
}

export type Command = ChatCommand | MessageCommand;

/** A name and a description in three languages, as Discord wants them on commands and options. */
export function localized(texts: { name: Localized; description: Localized }) {
  return {
    name: texts.name.en,
    name_localizations: localizations(texts.name),
    description: texts.description.en,
    description_localizations: localizations(texts.description),
  };
}

export function defineChatCommand(spec: {
  name: Localized;
  description: Localized;
  options?: APIApplicationCommandOption[];
  /** Where it can be used; reading commands work in servers and the bot's DMs. */
  contexts?: InteractionContextType[];
  /** Who may use it by default (a permission bitfield, as a decimal string). */
  defaultMemberPermissions?: string;
  defer: Visibility;
  handle: ChatCommand["handle"];
  autocomplete?: ChatCommand["autocomplete"];
}): ChatCommand {
  const { name, description } = localized(spec);
  return {
    kind: "chat",
    definition: {
      name,
      name_localizations: localizations(spec.name),
      description,
      description_localizations: localizations(spec.description),
      ...(spec.defaultMemberPermissions !== undefined && {
        default_member_permissions: spec.defaultMemberPermissions,
      }),
      contexts: spec.contexts ?? READ_CONTEXTS,
      integration_types: INSTALL,
      ...(spec.options && { options: spec.options }),
    },
    defer: spec.defer,
    handle: spec.handle,
    ...(spec.autocomplete && { autocomplete: spec.autocomplete }),
  };
}

export function defineMessageCommand(spec: {
  name: Localized;
  defer: Visibility;
  handle: MessageCommand["handle"];
}): MessageCommand {
  return {
    kind: "message",
    definition: {
      type: ApplicationCommandType.Message,
      name: spec.name.en,
      name_localizations: localizations(spec.name),
      contexts: READ_CONTEXTS,
      integration_types: INSTALL,
    },
    defer: spec.defer,
    handle: spec.handle,
  };
}
