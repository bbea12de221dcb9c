/** API-shaped objects: complete enough that discord.js builds its structures without guessing. */

import { snowflake } from "./ids.ts";
import type { Json, MessageSpec } from "./types.ts";
import {
  type ChannelState,
  DEFAULT_USER,
  type GuildState,
  MEMBER_PERMISSIONS,
  type World,
} from "./world.ts";

export function channelPayload(ch: ChannelState): Json {
  if (ch.type === 1) {
    return { id: ch.id, type: 1, last_message_id: null, flags: 0, recipients: [ch.recipient] };
  }
  return {
    id: ch.id,
    type: 0,
    guild_id: ch.guildId,
    name: ch.name,
    position: ch.position,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    last_pin_timestamp: null,
    flags: 0,
  };
}

export function rolePayloads(guild: GuildState): Json[] {
  return Array.from({ length: guild.roleCount }, (_, position) => ({
    // @everyone's id is the guild id; the others need stable ids across READYs, hence derived.
    id: position === 0 ? guild.id : (BigInt(guild.id) + BigInt(position)).toString(),
    name: position === 0 ? "@everyone" : `role-${position}`,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: position === 0 ? MEMBER_PERMISSIONS : "0",
    managed: false,
    mentionable: false,
    flags: 0,
  }));
}

export function memberPayload(user: Json | undefined, joinedAt: string, extra: Json = {}): Json {
  return {
    ...(user ? { user } : {}),
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    ...extra,
  };
}

/** The REST form of a guild (GET /guilds/:id). */
export function guildPayload(guild: GuildState): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: DEFAULT_USER.id,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: guild.preferredLocale,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    max_members: 500000,
    max_presences: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    features: [],
    roles: rolePayloads(guild),
    emojis: [],
    stickers: [],
    incidents_data: null,
    approximate_member_count: guild.memberCount,
    hub_type: null,
  };
}

/** The gateway form (GUILD_CREATE): the REST form plus the state Discord only sends on connect. */
export function guildCreatePayload(world: World, guild: GuildState): Json {
  const channels = guild.channelIds.flatMap((id) => {
    const ch = world.channels.get(id);
    return ch ? [channelPayload(ch)] : [];
  });
  return {
    ...guildPayload(guild),
    unavailable: false,
    joined_at: guild.joinedAt,
    large: false,
    lazy: true,
    member_count: guild.memberCount,
    members: [memberPayload(world.botUser, guild.joinedAt)],
    channels,
    threads: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    activity_instances: [],
    application_command_counts: {},
  };
}

export interface MessageFields {
  id?: string;
  channelId: string;
  author: Json;
  content?: string;
  embeds?: Json[];
  components?: Json[];
  attachments?: Json[];
  mentions?: Json[];
  flags?: number;
  type?: number;
  webhookId?: string;
  referencedMessageId?: string;
  /** Leave `referenced_message` out of a reply (Discord did not look the original up). */
  omitReferencedMessage?: boolean;
  interactionMetadata?: Json;
}

/** A message as REST returns it and MESSAGE_CREATE carries it. */
export function messagePayload(world: World, f: MessageFields): Json {
  const channel = world.channels.get(f.channelId);
  const guildId = channel?.guildId ?? null;
  const referenced = f.referencedMessageId ? world.messages.get(f.referencedMessageId) : undefined;
  const msg: Json = {
    id: f.id ?? snowflake(),
    channel_id: f.channelId,
    author: f.author,
    content: f.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: f.mentions ?? [],
    mention_roles: [],
    attachments: f.attachments ?? [],
    // Discord tags every embed it stores with a type; bots send them without.
    embeds: (f.embeds ?? []).map((e) => ({ type: "rich", ...e })),
    components: f.components ?? [],
    reactions: [],
    pinned: false,
    type: f.type ?? (f.referencedMessageId ? 19 : 0),
    flags: f.flags ?? 0,
  };
  if (guildId) msg.guild_id = guildId;
  if (f.webhookId) msg.webhook_id = f.webhookId;
  if (f.interactionMetadata) msg.interaction_metadata = f.interactionMetadata;
  if (f.referencedMessageId) {
    msg.message_reference = {
      type: 0,
      message_id: f.referencedMessageId,
      channel_id: f.channelId,
      ...(guildId ? { guild_id: guildId } : {}),
    };
    if (!f.omitReferencedMessage) msg.referenced_message = referenced ?? null;
  }
  return msg;
}

/** Guild messages carry the author's partial member (no user) so discord.js can cache it. */
export function withAuthorMember(world: World, msg: Json): Json {
  const guildId = msg.guild_id;
  if (typeof guildId !== "string" || msg.webhook_id) return msg;
  const guild = world.guilds.get(guildId);
  return { ...msg, member: memberPayload(undefined, guild?.joinedAt ?? world.startedAt) };
}

/** Turns a test's MessageSpec into a stored, dispatchable message from a user (or webhook). */
export function messageFromSpec(world: World, spec: MessageSpec): Json {
  const author = world.rememberUser(spec.author ?? DEFAULT_USER);
  const channelId = spec.channelId ?? world.defaultChannelId(spec.guildId);
  if (!world.channels.has(channelId)) {
    if (spec.guildId)
      throw new Error(`fake-discord: guild ${spec.guildId} has no channel ${channelId}`);
    world.dmChannel(author, channelId);
  }
  const replied = spec.referencedMessageId
    ? world.messages.get(spec.referencedMessageId)
    : undefined;
  const pinged =
    spec.replyPing && replied ? [String((replied.author as Json | undefined)?.id ?? "")] : [];
  const mentions = [...new Set([...(spec.mentions ?? []), ...pinged.filter(Boolean)])].map(
    (id) => world.users.get(id) ?? world.rememberUser({ id, username: `user-${id}` }),
  );
  const msg = messagePayload(world, {
    ...(spec.id ? { id: spec.id } : {}),
    channelId,
    author,
    content: spec.content,
    mentions,
    ...(spec.embeds ? { embeds: spec.embeds } : {}),
    ...(spec.components ? { components: spec.components } : {}),
    ...(spec.webhookId ? { webhookId: spec.webhookId } : {}),
    ...(spec.referencedMessageId ? { referencedMessageId: spec.referencedMessageId } : {}),
    ...(spec.omitReferencedMessage ? { omitReferencedMessage: true } : {}),
  });
  world.messages.set(msg.id as string, msg);
  return msg;
}
