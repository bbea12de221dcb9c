/**
 * One interaction as every handler sees it, whichever way it came: over the gateway
 * (INTERACTION_CREATE) or POSTed to the interactions endpoint. It is read from Discord's own payload,
 * so both transports hand the handlers the same object, and it answers through a `Transport`: the
 * first response (a reply, a deferral, an update, autocomplete choices) goes where the transport
 * sends it — a REST call for the gateway, the body of the HTTP answer for the endpoint — and what
 * comes after it (edits of @original, follow-ups) goes over REST with @discordjs/core's API.
 *
 * It keeps the state discord.js keeps on its own interaction objects (replied, deferred, ephemeral),
 * which is all `respond.ts` needs to answer the right way at any stage. The payload is read
 * defensively: a field that is missing or of the wrong type reads as absent, never as a crash.
 */
import type { API } from "@discordjs/core/http-only";
import { DiscordSnowflake } from "@sapphire/snowflake";
import {
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIComponentInMessageActionRow,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageReferenceType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { NO_MENTIONS } from "../render/payloads.ts";
import { SNOWFLAKE } from "./snowflake.ts";

/** What a reply, an update or a follow-up carries. */
export type ReplyData = APIInteractionResponseCallbackData;
export type Choice = APIApplicationCommandOptionChoice;
export type MessageRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** How the first response reaches Discord, and the API for everything after it. */
export interface Transport {
  api: API;
  /** Sends the first response; rejects as Discord would (10062) when it could not be delivered. */
  callback(interaction: Interaction, body: APIInteractionResponse): Promise<void>;
}

export type InteractionKind = "chat" | "message" | "autocomplete" | "button" | "select" | "other";

/** The fields of Discord's payload that are read (the rest is ignored). */
interface RawOption {
  name?: unknown;
  type?: unknown;
  value?: unknown;
  focused?: unknown;
  options?: unknown;
}

interface RawMessage {
  content?: unknown;
  flags?: unknown;
  components?: unknown;
  channel_id?: unknown;
  message_reference?: { type?: unknown; message_id?: unknown; channel_id?: unknown } | null;
  /** A reply's message, as Discord sent it: null when deleted, absent when Discord did not look. */
  referenced_message?: unknown;
}

/**
 * Discord's interaction as the gateway and the interactions endpoint both deliver it: the fields
 * read here, checked by `isInteractionPayload`.
 */
export interface InteractionPayload {
  id: string;
  token: string;
  application_id: string;
  type: number;
  locale?: unknown;
  guild_id?: unknown;
  member?: { user?: { id?: unknown }; permissions?: unknown } | null;
  user?: { id?: unknown } | null;
  message?: RawMessage | null;
  data?: {
    name?: unknown;
    type?: unknown;
    options?: unknown;
    target_id?: unknown;
    custom_id?: unknown;
    component_type?: unknown;
    values?: unknown;
    resolved?: {
      channels?: Record<string, { type?: unknown } | undefined>;
      messages?: Record<string, RawMessage | undefined>;
    } | null;
  } | null;
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** The objects of a list that should hold objects (a null or a number among them is skipped). */
const records = <T>(value: unknown): T[] =>
  list(value).filter((v): v is T => typeof v === "object" && v !== null);

/**
 * What the user typed in an autocompleted option: Discord sends a string, or a number for a
 * numeric option. Anything else reads as nothing typed; String() would throw on an object whose
 * toString is not a function, and a payload is no place to trust.
 */
const typed = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : "";

/** A chat command's options, with its subcommand group and subcommand lifted out. */
export class CommandOptions {
  readonly group: string | null = null;
  readonly subcommand: string | null = null;
  /** The option being typed, for autocomplete; "" when none is marked focused. */
  readonly focused: string = "";
  private readonly values = new Map<string, RawOption>();

  constructor(
    raw: unknown,
    private readonly channels: Record<string, { type?: unknown } | undefined> = {},
  ) {
    let level = records<RawOption>(raw);
    // A group holds one subcommand, which holds the options: at most two levels to descend.
    for (let depth = 0; depth < 2; depth++) {
      const nested = level.find(
        (o) =>
          o.type === ApplicationCommandOptionType.SubcommandGroup ||
          o.type === ApplicationCommandOptionType.Subcommand,
      );
      if (!nested) break;
      if (nested.type === ApplicationCommandOptionType.SubcommandGroup) {
        this.group = text(nested.name);
      } else this.subcommand = text(nested.name);
      level = records<RawOption>(nested.options);
    }
    for (const option of level) {
      const name = text(option.name);
      if (name === null) continue;
      this.values.set(name, option);
      if (option.focused === true) this.focused = typed(option.value);
    }
  }

  /** The raw value sent for `name` (undefined when absent). Not validated: callers check it. */
  value(name: string): unknown {
    return this.values.get(name)?.value;
  }

  /** The type of the channel chosen for a channel option, when Discord resolved it. */
  channelType(name: string): number | undefined {
    const id = this.value(name);
    const type = typeof id === "string" ? this.channels[id]?.type : undefined;
    return typeof type === "number" ? type : undefined;
  }
}

function kindOf(raw: InteractionPayload): InteractionKind {
  switch (raw.type) {
    case InteractionType.ApplicationCommand:
      if (raw.data?.type === ApplicationCommandType.ChatInput) return "chat";
      return raw.data?.type === ApplicationCommandType.Message ? "message" : "other";
    case InteractionType.ApplicationCommandAutocomplete:
      return "autocomplete";
    case InteractionType.MessageComponent:
      if (raw.data?.component_type === ComponentType.Button) return "button";
      return raw.data?.component_type === ComponentType.StringSelect ? "select" : "other";
    default:
      return "other";
  }
}

const hasFlag = (flags: unknown, flag: number): boolean =>
  typeof flags === "number" && (flags & flag) === flag;

/** `data` as sent: a payload that does not say whom it may mention mentions nobody. */
const quiet = <T extends { allowed_mentions?: unknown }>(data: T): T =>
  data.allowed_mentions === undefined ? { ...data, allowed_mentions: NO_MENTIONS } : data;

export class Interaction {
  readonly id: string;
  readonly token: string;
  readonly applicationId: string;
  readonly kind: InteractionKind;
  readonly locale: string | null;
  readonly guildId: string | null;
  readonly userId: string;
  /** Command name (commands and autocomplete); "" otherwise. */
  readonly commandName: string;
  /** Component custom id; "" otherwise. */
  readonly customId: string;
  /** What a select menu's user chose. */
  readonly values: readonly string[];
  readonly options: CommandOptions;

  /** A reply or an update has been sent (or a deferred one filled in). */
  replied = false;
  /** A deferral has been sent. */
  deferred = false;
  /** Whether the reply (or deferral) is private; null before either. */
  ephemeral: boolean | null = null;
  /** Autocomplete choices have been sent. */
  responded = false;

  constructor(
    private readonly raw: InteractionPayload,
    private readonly transport: Transport,
  ) {
    this.id = raw.id;
    this.token = raw.token;
    this.applicationId = raw.application_id;
    this.kind = kindOf(raw);
    this.locale = text(raw.locale);
    this.guildId = text(raw.guild_id);
    this.userId = text(raw.member?.user?.id) ?? text(raw.user?.id) ?? "";
    this.commandName = text(raw.data?.name) ?? "";
    this.customId = text(raw.data?.custom_id) ?? "";
    this.values = list(raw.data?.values).filter((v): v is string => typeof v === "string");
    this.options = new CommandOptions(
      this.kind === "chat" || this.kind === "autocomplete" ? raw.data?.options : [],
      raw.data?.resolved?.channels ?? {},
    );
  }

  /** When Discord created it, from its snowflake. */
  get createdTimestamp(): number {
    return DiscordSnowflake.timestampFrom(this.id);
  }

  isRepliable(): boolean {
    return this.kind !== "autocomplete" && this.kind !== "other";
  }

  isCommand(): boolean {
    return this.kind === "chat" || this.kind === "message";
  }

  isComponent(): boolean {
    return this.kind === "button" || this.kind === "select";
  }

  /** The text of the message a message command was used on ("" when Discord sent none). */
  get targetContent(): string {
    return text(this.target?.content) ?? "";
  }

  /**
   * What the message a message command was used on replies to: where it is, and what Discord sent
   * of it with the target (`sent`: the message, null when it was deleted, undefined when Discord
   * left it out); null when the target is no reply (a forward is none).
   */
  get targetReply(): { channelId: string; messageId: string; sent: unknown } | null {
    const target = this.target;
    const reference = target?.message_reference;
    const messageId = text(reference?.message_id);
    const channelId = text(reference?.channel_id) ?? text(target?.channel_id);
    if (!target || messageId === null || channelId === null) return null;
    if (reference?.type !== undefined && reference.type !== MessageReferenceType.Default) {
      return null;
    }
    const sent = "referenced_message" in target ? target.referenced_message : undefined;
    return { channelId, messageId, sent };
  }

  /** A message, read over REST: a reply's original when the payload left it out. */
  fetchMessage(channelId: string, messageId: string): Promise<unknown> {
    return this.transport.api.channels.getMessage(channelId, messageId);
  }

  private get target(): RawMessage | undefined {
    const id = text(this.raw.data?.target_id);
    const message = id === null ? undefined : this.raw.data?.resolved?.messages?.[id];
    return typeof message === "object" && message !== null ? message : undefined;
  }

  /** Whether the message a component sits on is private (ephemeral). */
  get onEphemeralMessage(): boolean {
    return hasFlag(this.raw.message?.flags, MessageFlags.Ephemeral);
  }

  /** The rows of components on the message a component sits on. */
  get messageRows(): readonly MessageRow[] {
    return records<MessageRow>(this.raw.message?.components);
  }

  /** The member may manage the server (Administrator implies it), in the channel it is used in. */
  canManageGuild(): boolean {
    const permissions = text(this.raw.member?.permissions);
    if (permissions === null || !/^\d{1,40}$/.test(permissions)) return false;
    const bits = BigInt(permissions);
    const has = (flag: bigint) => (bits & flag) === flag;
    return has(PermissionFlagsBits.ManageGuild) || has(PermissionFlagsBits.Administrator);
  }

  /**
   * The first response, sent once: a second one is a bug in the bot, refused here (as discord.js
   * refuses it) rather than sent to Discord, whose refusal would read as an expired interaction.
   */
  private async callback(body: APIInteractionResponse): Promise<void> {
    if (this.replied || this.deferred || this.responded) {
      throw new Error(`interaction ${this.id} has already been acknowledged`);
    }
    await this.transport.callback(this, body);
  }

  async reply(data: ReplyData): Promise<void> {
    await this.callback({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: quiet(data),
    });
    this.replied = true;
    this.ephemeral = hasFlag(data.flags, MessageFlags.Ephemeral);
  }

  async deferReply(ephemeral: boolean): Promise<void> {
    await this.callback({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      // flags 0 for a public one, as discord.js sends it.
      data: { flags: (ephemeral ? MessageFlags.Ephemeral : 0) as MessageFlags },
    });
    this.deferred = true;
    this.ephemeral = ephemeral;
  }

  /** Acknowledges a component without a new message; the one it sits on is edited later. */
  async deferUpdate(): Promise<void> {
    await this.callback({ type: InteractionResponseType.DeferredMessageUpdate });
    this.deferred = true;
  }

  /** Replaces the message a component sits on. */
  async update(data: ReplyData): Promise<void> {
    await this.callback({ type: InteractionResponseType.UpdateMessage, data: quiet(data) });
    this.replied = true;
  }

  async respond(choices: Choice[]): Promise<void> {
    await this.callback({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices },
    });
    this.responded = true;
  }

  /** Edits @original: the deferred reply, or the message a deferred component update sits on. */
  async editReply(data: Omit<ReplyData, "flags">): Promise<void> {
    await this.transport.api.interactions.editReply(this.applicationId, this.token, quiet(data));
    this.replied = true;
  }

  async followUp(data: ReplyData): Promise<void> {
    await this.transport.api.interactions.followUp(this.applicationId, this.token, quiet(data));
    this.replied = true;
  }

  async deleteReply(): Promise<void> {
    await this.transport.api.interactions.deleteReply(this.applicationId, this.token);
  }
}

/** Whether `payload` is Discord's interaction shape enough to be read and answered as one. */
export function isInteractionPayload(payload: unknown): payload is InteractionPayload {
  const p = payload as Partial<InteractionPayload> | null;
  return (
    typeof p === "object" &&
    p !== null &&
    Number.isInteger(p.type) &&
    typeof p.id === "string" &&
    SNOWFLAKE.test(p.id) &&
    typeof p.token === "string" &&
    p.token.length > 0 &&
    typeof p.application_id === "string"
  );
}
