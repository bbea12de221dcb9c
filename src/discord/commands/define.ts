/**
 * How a command is written: one `defineChatCommand` / `defineMessageCommand` call carries the
 * definition Discord registers, the handlers, and how the answer is shown (so that a late
 * interaction is deferred with the same visibility). Names and descriptions come per language from
 * i18n/commands.json; the English text is the canonical one. Handlers read their options by the
 * names the definition registers (`optionNames`), never by a second literal.
 */
import {
  type APIApplicationCommandOption,
  ApplicationCommandType,
  type InteractionContextType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { Lang } from "../../core/types.ts";
import { localizations, readerLang } from "../i18n/locale.ts";
import type { BotContext, Outcome } from "../interaction/context.ts";
import type { Interaction, ReplyData } from "../interaction/interaction.ts";
import { respond } from "../interaction/respond.ts";
import { ephemeralText, NO_MENTIONS } from "../render/payloads.ts";
import { INSTALL, READ_CONTEXTS } from "./shared.ts";
import { type CommandTexts, commandTexts, localized } from "./texts.ts";

/** Whether a command's answer is public or private; a late interaction is deferred the same way. */
export type Visibility = "public" | "ephemeral";

/** What a command handler gets besides the interaction: the bot's context, the reader's language, and one way to answer. */
export interface CommandContext extends BotContext {
  lang: Lang;
  /**
   * The answer: a text or a payload, never pinging anyone; `privately` makes it ephemeral. A text
   * is always private (hints and refusals are for the person asking).
   */
  reply(answer: string | ReplyData, options?: { privately?: boolean }): Promise<void>;
}

export interface ChatCommand {
  kind: "chat";
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  defer: Visibility;
  handle(interaction: Interaction, ctx: CommandContext): Promise<Outcome>;
  autocomplete?(interaction: Interaction, ctx: CommandContext): Promise<void>;
}

export interface MessageCommand {
  kind: "message";
  definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  defer: Visibility;
  handle(interaction: Interaction, ctx: CommandContext): Promise<Outcome>;
}

export type Command = ChatCommand | MessageCommand;

/** The context a command runs in: `ctx` plus the language of `interaction` and its reply. */
export function commandContext(interaction: Interaction, ctx: BotContext): CommandContext {
  return {
    ...ctx,
    lang: readerLang(interaction.locale),
    async reply(answer, { privately = false } = {}) {
      if (!interaction.isRepliable()) throw new Error("autocomplete cannot reply");
      if (typeof answer === "string") {
        await respond(interaction, ephemeralText(answer));
        return;
      }
      await respond(interaction, {
        ...answer,
        ...(privately && { flags: MessageFlags.Ephemeral }),
        allowed_mentions: NO_MENTIONS,
      });
    },
  };
}

export function defineChatCommand(spec: {
  texts: Pick<CommandTexts, "name" | "description">;
  options?: APIApplicationCommandOption[];
  /** Where it can be used; reading commands work in servers and the bot's DMs. */
  contexts?: InteractionContextType[];
  /** Who may use it by default (a permission bitfield, as a decimal string). */
  defaultMemberPermissions?: string;
  defer: Visibility;
  handle: ChatCommand["handle"];
  autocomplete?: ChatCommand["autocomplete"];
}): ChatCommand {
  return {
    kind: "chat",
    definition: {
      ...localized({
        name: spec.texts.name,
        description: spec.texts.description ?? spec.texts.name,
      }),
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
  texts: Pick<CommandTexts, "name">;
  defer: Visibility;
  handle: MessageCommand["handle"];
}): MessageCommand {
  return {
    kind: "message",
    definition: {
      type: ApplicationCommandType.Message,
      name: spec.texts.name.en,
      name_localizations: localizations(spec.texts.name),
      contexts: READ_CONTEXTS,
      integration_types: INSTALL,
    },
    defer: spec.defer,
    handle: spec.handle,
  };
}

export { commandTexts, localized };

export type ChatHandler = ChatCommand["handle"];
export type Autocomplete = NonNullable<ChatCommand["autocomplete"]>;
export type MessageHandler = MessageCommand["handle"];
