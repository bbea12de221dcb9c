/** Everything the fake Discord knows: guilds, channels, messages, commands, interactions. */

import { generateSigningKeys, type SigningKeys } from "./endpoint.ts";
import { snowflake } from "./ids.ts";
import type { FakeDiscordOptions, FakeGuildSpec, Json, UserSpec } from "./types.ts";

export const DEFAULT_GUILD_ID = "111111111111111111";
export const DEFAULT_CHANNEL_ID = "222222222222222222";
export const DEFAULT_APPLICATION_ID = "900000000000000001";
export const DEFAULT_USER: UserSpec = { id: "333333333333333333", username: "tester" };

const bit = (n: number) => 1n << BigInt(n);

/** GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT: the intents Discord gates behind review. */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
/**
 * What an ordinary member (and @everyone) holds: view, send, embed, attach, history, reactions,
 * external emojis, slash commands, threads. Deliberately not Administrator, so permission checks
 * in the bot see a realistic value.
 */
export const MEMBER_PERMISSIONS = [0, 6, 10, 11, 14, 15, 16, 18, 20, 21, 26, 31, 35, 38]
  .reduce((acc, n) => acc | bit(n), 0n)
  .toString();

export interface GuildState {
  id: string;
  name: string;
  preferredLocale: string;
  channelIds: string[];
  roleCount: number;
  memberCount: number;
  joinedAt: string;
}

export interface ChannelState {
  id: string;
  name: string;
  /** null for DMs. */
  guildId: string | null;
  type: 0 | 1;
  position: number;
  recipient?: Json;
}

export interface InteractionState {
  id: string;
  token: string;
  /** Interaction type (2, 3, 4, 5). */
  type: number;
  guildId: string | null;
  channelId: string;
  /** When the bot received it; the 3 s response window starts here. */
  deliveredAt: number | null;
  callbackType: number | null;
  /** The message @original designates once acknowledged. */
  originalId: string | null;
  /** For components: the message the component sits on. */
  componentMessageId: string | null;
  /** Messages the interaction webhook may edit besides @original. */
  followupIds: string[];
  /** Type of the messages a reply creates: 20 slash command, 23 context menu, 0 otherwise. */
  messageType: number;
  user: Json;
  /** The choices a type-8 callback returned, for autocomplete assertions. */
  autocompleteChoices: Json[] | null;
  /**
   * Delivered over HTTP and its answer not yet read: requests about the interaction wait for it,
   * as Discord has taken the initial response before the bot can follow it up.
   */
  answering?: Promise<void>;
}

export class World {
  readonly applicationId: string;
  readonly token: string;
  readonly botUser: Json;
  readonly shardCount: number;
  readonly maxConcurrency: number;
  readonly interactionDeadlineMs: number;
  /**
   * Privileged intents the application may use (bitfield); others get close 4014. Writable: an
   * owner can turn a Developer Portal switch off while the bot runs (the next IDENTIFY is refused).
   */
  privilegedIntents: number;
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, ChannelState>();
  readonly messages = new Map<string, Json>();
  /** Users the fake has shown the bot (so GET /users/:id and member lookups can answer). */
  readonly users = new Map<string, Json>();
  /** Application commands by scope: "global" or a guild id. */
  readonly commands = new Map<string, Json[]>();
  readonly interactions = new Map<string, InteractionState>();
  /**
   * Channels where the bot may read but not send: POST /channels/:id/messages answers 403 with
   * this code (50013 Missing Permissions, 50001 Missing Access).
   */
  readonly sendRefusals = new Map<string, number>();
  readonly startedAt = new Date().toISOString();
  /** The application's Ed25519 key pair, which signs what is POSTed to an interactions endpoint. */
  readonly keys: SigningKeys = generateSigningKeys();

  constructor(opts: FakeDiscordOptions) {
    this.applicationId = opts.applicationId ?? DEFAULT_APPLICATION_ID;
    this.shardCount = opts.shards ?? 1;
    this.maxConcurrency = opts.maxConcurrency ?? 1;
    this.interactionDeadlineMs = opts.interactionDeadlineMs ?? 3000;
    this.privilegedIntents = opts.privilegedIntents ?? PRIVILEGED_INTENTS;
    // Shaped like a real token (base64 user id . timestamp . hmac) in case anything inspects it.
    this.token = `${Buffer.from(this.applicationId).toString("base64url")}.ZmFrZQ.fake-discord-token`;
    this.botUser = userPayload({ id: this.applicationId, username: "declaration-bot", bot: true });
    this.users.set(this.applicationId, this.botUser);
    this.rememberUser(DEFAULT_USER);
    for (const spec of opts.guilds ?? [{ id: DEFAULT_GUILD_ID, channels: [DEFAULT_CHANNEL_ID] }]) {
      this.addGuild(spec);
    }
  }

  private addGuild(spec: FakeGuildSpec): void {
    const wanted = spec.channels ?? 1;
    const list =
      typeof wanted === "number" ? Array.from({ length: wanted }, () => snowflake()) : wanted;
    const channelIds = list.map((entry, position) => {
      const { id, name } = typeof entry === "string" ? { id: entry, name: undefined } : entry;
      const channelName = name ?? (position === 0 ? "general" : `channel-${position}`);
      this.channels.set(id, { id, name: channelName, guildId: spec.id, type: 0, position });
      return id;
    });
    this.guilds.set(spec.id, {
      id: spec.id,
      name: spec.name ?? `Guild ${spec.id}`,
      preferredLocale: spec.preferredLocale ?? "fr",
      channelIds,
      roleCount: Math.max(1, spec.roles ?? 1),
      memberCount: spec.memberCount ?? 2,
      joinedAt: this.startedAt,
    });
  }

  rememberUser(spec: UserSpec): Json {
    const user = userPayload(spec);
    this.users.set(spec.id, user);
    return user;
  }

  firstGuildId(): string | null {
    return this.guilds.keys().next().value ?? null;
  }

  /** The channel a message or interaction lands in when the test names none. */
  defaultChannelId(guildId?: string | null): string {
    const gid = guildId ?? this.firstGuildId();
    const channel = gid ? this.guilds.get(gid)?.channelIds[0] : undefined;
    if (!channel) throw new Error(`fake-discord: guild ${gid} has no channel to default to`);
    return channel;
  }

  /** A DM channel with `user`, created on first use like POST /users/@me/channels does. */
  dmChannel(user: Json, id?: string): ChannelState {
    for (const ch of this.channels.values()) {
      if (ch.type === 1 && ch.recipient?.id === user.id && (!id || ch.id === id)) return ch;
    }
    const ch: ChannelState = {
      id: id ?? snowflake(),
      name: "",
      guildId: null,
      type: 1,
      position: 0,
      recipient: user,
    };
    this.channels.set(ch.id, ch);
    return ch;
  }

  /** The HTTP answer a request about an interaction must wait for (see `answering`), if any. */
  pendingAnswer(path: string): Promise<void> | undefined {
    const token =
      /^\/webhooks\/\d+\/([^/]+)/.exec(path)?.[1] ??
      /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(path)?.[1];
    return token === undefined ? undefined : this.interactionByToken(token)?.answering;
  }

  interactionByToken(token: string): InteractionState | undefined {
    for (const state of this.interactions.values()) if (state.token === token) return state;
    return undefined;
  }
}

export function userPayload(u: UserSpec): Json {
  return {
    id: u.id,
    username: u.username,
    discriminator: "0",
    global_name: u.globalName ?? (u.bot ? null : u.username),
    avatar: null,
    bot: u.bot ?? false,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}
