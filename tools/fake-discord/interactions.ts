/** INTERACTION_CREATE payloads as Discord sends them for slash commands, components and context menus. */

import { interactionToken, snowflake } from "./ids.ts";
import { channelPayload, memberPayload, messageFromSpec, messagePayload } from "./payloads.ts";
import type {
  InteractionExtra,
  InteractionSpec,
  Json,
  MessageSpec,
  OptionValues,
} from "./types.ts";
import { DEFAULT_USER, MEMBER_PERMISSIONS, type World } from "./world.ts";

/** The bot's own permissions: a member's plus Manage Messages, like a typically invited bot. */
const APP_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | (1n << 13n)).toString();

function base(
  world: World,
  type: number,
  data: Json,
  extra: InteractionExtra = {},
): InteractionSpec {
  const id = snowflake();
  const user = world.rememberUser(extra.user ?? DEFAULT_USER);
  const knownChannel = extra.channelId ? world.channels.get(extra.channelId) : undefined;
  const guildId =
    extra.guildId === null
      ? null
      : (extra.guildId ?? knownChannel?.guildId ?? world.firstGuildId());
  const channel = guildId
    ? world.channels.get(extra.channelId ?? world.defaultChannelId(guildId))
    : world.dmChannel(user, extra.channelId);
  if (!channel) throw new Error(`fake-discord: unknown channel ${extra.channelId}`);
  const guild = guildId ? world.guilds.get(guildId) : undefined;
  const appPermissions = extra.appPermissions ?? APP_PERMISSIONS;
  const common = {
    id,
    application_id: world.applicationId,
    type,
    data,
    channel_id: channel.id,
    channel: {
      ...channelPayload(channel),
      permissions: extra.memberPermissions ?? MEMBER_PERMISSIONS,
    },
    token: interactionToken(id),
    version: 1,
    locale: extra.locale ?? "fr",
    app_permissions: appPermissions,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (!guildId) {
    return { ...common, user, context: 1, authorizing_integration_owners: { "0": "0" } };
  }
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: guild?.preferredLocale ?? "fr", features: [] },
    guild_locale: guild?.preferredLocale ?? "fr",
    member: memberPayload(user, guild?.joinedAt ?? world.startedAt, {
      permissions: extra.memberPermissions ?? MEMBER_PERMISSIONS,
    }),
    context: 0,
    authorizing_integration_owners: { "0": guildId },
  };
}

/** Reuses the id of a registered command so the bot can match on commandId as well as name. */
function commandId(world: World, name: string, type: number, guildId: string | null): string {
  const scopes = guildId ? [guildId, "global"] : ["global"];
  for (const scope of scopes) {
    const found = world.commands.get(scope)?.find((c) => c.name === name && c.type === type);
    if (found) return found.id as string;
  }
  return snowflake();
}

function toOptions(options: OptionValues | Json[] | undefined, focused?: string): Json[] {
  if (!options) return [];
  if (Array.isArray(options)) return options;
  const entries = Object.entries(options);
  const focusName = focused ?? entries.at(-1)?.[0];
  return entries.map(([name, value]) => ({
    name,
    type:
      typeof value === "string"
        ? 3
        : typeof value === "boolean"
          ? 5
          : Number.isInteger(value)
            ? 4
            : 10,
    value,
    ...(focused !== undefined || name === focusName ? { focused: name === focusName } : {}),
  }));
}

export function chatInput(
  world: World,
  name: string,
  options?: OptionValues | Json[],
  extra: InteractionExtra & { focused?: string } = {},
): InteractionSpec {
  const autocomplete = extra.type === 4;
  const guildId = extra.guildId === null ? null : (extra.guildId ?? world.firstGuildId());
  const opts = autocomplete
    ? toOptions(options, extra.focused)
    : toOptions(options).map(({ focused: _, ...o }) => o);
  return base(
    world,
    autocomplete ? 4 : 2,
    { id: commandId(world, name, 1, guildId), name, type: 1, options: opts },
    extra,
  );
}

/** The message a component sits on: one the fake stored, or a fresh bot message carrying it. */
function componentMessage(world: World, component: Json, extra: InteractionExtra): Json {
  if (extra.messageId) {
    const stored = world.messages.get(extra.messageId);
    if (!stored) throw new Error(`fake-discord: unknown message ${extra.messageId}`);
    return stored;
  }
  const channelId = extra.channelId ?? world.defaultChannelId(extra.guildId);
  const msg = messagePayload(world, {
    channelId,
    author: world.botUser,
    components: [{ type: 1, id: 1, components: [component] }],
  });
  world.messages.set(msg.id as string, msg);
  return msg;
}

function component(
  world: World,
  data: Json,
  shape: Json,
  extra: InteractionExtra,
): InteractionSpec {
  const message = componentMessage(world, shape, extra);
  const channelId = message.channel_id as string;
  return { ...base(world, 3, data, { ...extra, channelId }), message };
}

export function button(
  world: World,
  customId: string,
  extra: InteractionExtra = {},
): InteractionSpec {
  const shape = { type: 2, id: 2, style: 1, label: customId, custom_id: customId };
  return component(world, { custom_id: customId, component_type: 2 }, shape, extra);
}

export function selectMenu(
  world: World,
  customId: string,
  values: string[],
  extra: InteractionExtra = {},
): InteractionSpec {
  const shape = {
    type: 3,
    id: 2,
    custom_id: customId,
    options: values.map((v) => ({ label: v, value: v })),
  };
  return component(world, { custom_id: customId, component_type: 3, values }, shape, extra);
}

export function messageContextMenu(
  world: World,
  name: string,
  target: MessageSpec | { id: string },
  extra: InteractionExtra = {},
): InteractionSpec {
  const stored = target.id ? world.messages.get(target.id) : undefined;
  if (!stored && !("content" in target))
    throw new Error(`fake-discord: unknown message ${target.id}`);
  const message = stored ?? messageFromSpec(world, target as MessageSpec);
  const channelId = message.channel_id as string;
  const guildId = extra.guildId === null ? null : (extra.guildId ?? world.firstGuildId());
  const data = {
    id: commandId(world, name, 3, guildId),
    name,
    type: 3,
    target_id: message.id,
    resolved: { messages: { [message.id as string]: message } },
  };
  return base(world, 2, data, { ...extra, channelId });
}
