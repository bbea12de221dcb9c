/** Routes for identity, gateway discovery, commands, guilds and channels. */

import { snowflake } from "./ids.ts";
import { channelPayload, guildPayload, memberPayload, rolePayloads } from "./payloads.ts";
import { error, type Reply, type Route, type RouteContext } from "./rest.ts";
import type { Json } from "./types.ts";
import { checkCommands } from "./validate.ts";
import { DEFAULT_USER, MEMBER_PERMISSIONS, type World } from "./world.ts";

const ID = "(\\d+)";
const ok = (body: unknown, status = 200): Reply => ({ status, body });

/** GatewayMessageContent (1 << 19): the intent is enabled for the app, so the bot can request it. */
const APP_FLAGS = 1 << 19;

function application(world: World): Json {
  return {
    id: world.applicationId,
    name: "declaration-bot",
    icon: null,
    description: "",
    summary: "",
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: world.keys.publicKeyHex,
    flags: APP_FLAGS,
    owner: world.users.get(DEFAULT_USER.id),
    team: null,
    bot: world.botUser,
    approximate_guild_count: world.guilds.size,
    // install_params is left out, as Discord does for an application without install settings.
    integration_types_config: { "0": {} },
  };
}

function commandRoutes(
  prefix: string,
  specPrefix: string,
  scopeOf: (ctx: RouteContext) => string | null,
): Route[] {
  const base = new RegExp(`^${prefix}/commands$`);
  const one = new RegExp(`^${prefix}/commands/${ID}$`);
  const specBase = `${specPrefix}/commands`;
  const specOne = `${specPrefix}/commands/{command_id}`;
  const list = (ctx: RouteContext) => ctx.world.commands.get(scopeOf(ctx) ?? "global") ?? [];
  const stored = (ctx: RouteContext, def: Json, previous?: Json): Json => {
    const scope = scopeOf(ctx);
    return {
      type: 1,
      name_localizations: null,
      description: "",
      description_localizations: null,
      options: [],
      default_member_permissions: null,
      contexts: null,
      integration_types: [0],
      nsfw: false,
      ...def,
      // Discord keeps a command's id across overwrites when name and type are unchanged.
      id: previous?.id ?? snowflake(),
      application_id: ctx.world.applicationId,
      version: snowflake(),
      ...(scope ? { guild_id: scope } : {}),
    };
  };
  const sameCommand = (a: Json, b: Json) => a.name === b.name && (a.type ?? 1) === (b.type ?? 1);
  const unknown = error(404, 10063, "Unknown application command");
  return [
    { method: "GET", pattern: base, spec: specBase, auth: true, handle: (ctx) => ok(list(ctx)) },
    {
      method: "PUT",
      pattern: base,
      spec: specBase,
      auth: true,
      handle: (ctx) => {
        const defs = (ctx.body ?? []) as Json[];
        const invalid = checkCommands(defs);
        if (invalid) return invalid;
        const before = list(ctx);
        const after = defs.map((d) =>
          stored(
            ctx,
            d,
            before.find((p) => sameCommand(p, d)),
          ),
        );
        ctx.world.commands.set(scopeOf(ctx) ?? "global", after);
        return ok(after);
      },
    },
    {
      method: "POST",
      pattern: base,
      spec: specBase,
      auth: true,
      handle: (ctx) => {
        const def = (ctx.body ?? {}) as Json;
        const invalid = checkCommands([def]);
        if (invalid) return invalid;
        const current = list(ctx);
        const previous = current.find((p) => sameCommand(p, def));
        const cmd = stored(ctx, def, previous);
        const rest = current.filter((c) => c !== previous);
        ctx.world.commands.set(scopeOf(ctx) ?? "global", [...rest, cmd]);
        return ok(cmd, previous ? 200 : 201);
      },
    },
    {
      method: "GET",
      pattern: one,
      spec: specOne,
      auth: true,
      handle: (ctx) => {
        const found = list(ctx).find((c) => c.id === ctx.params.at(-1));
        return found ? ok(found) : unknown;
      },
    },
    {
      method: "PATCH",
      pattern: one,
      spec: specOne,
      auth: true,
      handle: (ctx) => {
        const current = list(ctx);
        const found = current.find((c) => c.id === ctx.params.at(-1));
        if (!found) return unknown;
        const cmd = stored(ctx, { ...found, ...(ctx.body as Json) }, found);
        const invalid = checkCommands([cmd]);
        if (invalid) return invalid;
        ctx.world.commands.set(
          scopeOf(ctx) ?? "global",
          current.map((c) => (c === found ? cmd : c)),
        );
        return ok(cmd);
      },
    },
    {
      method: "DELETE",
      pattern: one,
      spec: specOne,
      auth: true,
      handle: (ctx) => {
        const current = list(ctx);
        const id = ctx.params.at(-1);
        if (!current.some((c) => c.id === id)) return unknown;
        ctx.world.commands.set(
          scopeOf(ctx) ?? "global",
          current.filter((c) => c.id !== id),
        );
        return { status: 204 };
      },
    },
  ];
}

/** Commands are registered per application; a wrong id is a bug worth a 403, as Discord answers. */
function appScoped(routes: Route[]): Route[] {
  return routes.map((r) => ({
    ...r,
    handle: (ctx) =>
      ctx.params[0] === ctx.world.applicationId
        ? r.handle(ctx)
        : error(403, 50001, "Missing Access"),
  }));
}

export function coreRoutes(): Route[] {
  const gateway = (ctx: RouteContext) => ({ url: ctx.gatewayUrl });
  return [
    {
      method: "GET",
      pattern: /^\/gateway\/bot$/,
      spec: "/gateway/bot",
      auth: true,
      handle: (ctx) =>
        ok({
          ...gateway(ctx),
          shards: ctx.world.shardCount,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 0,
            max_concurrency: ctx.world.maxConcurrency,
          },
        }),
    },
    {
      method: "GET",
      pattern: /^\/gateway$/,
      spec: "/gateway",
      auth: false,
      handle: (ctx) => ok(gateway(ctx)),
    },
    {
      method: "GET",
      pattern: /^\/users\/@me$/,
      spec: "/users/@me",
      auth: true,
      handle: (ctx) => ok(ctx.world.botUser),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/users/${ID}$`),
      spec: "/users/{user_id}",
      auth: true,
      handle: (ctx) => {
        const user = ctx.world.users.get(ctx.params[0] ?? "");
        return user ? ok(user) : error(404, 10013, "Unknown User");
      },
    },
    {
      method: "GET",
      pattern: /^\/users\/@me\/guilds$/,
      spec: "/users/@me/guilds",
      auth: true,
      // Partial guilds by id, paged as Discord does: `after`/`before` an id, `limit` (1–200, 200).
      handle: (ctx) => {
        const limit = Math.min(200, Math.max(1, Number(ctx.query.limit ?? 200) || 200));
        const { after, before } = ctx.query;
        const byId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : 1);
        let ids = [...ctx.world.guilds.keys()].sort(byId);
        if (after) ids = ids.filter((id) => BigInt(id) > BigInt(after));
        if (before) ids = ids.filter((id) => BigInt(id) < BigInt(before)).slice(-limit);
        return ok(ids.slice(0, limit).map((id) => userGuildPayload(ctx.world, id)));
      },
    },
    {
      method: "POST",
      pattern: /^\/users\/@me\/channels$/,
      spec: "/users/@me/channels",
      auth: true,
      handle: (ctx) => {
        const id = String((ctx.body as Json | undefined)?.recipient_id ?? "");
        const user = ctx.world.users.get(id);
        return user
          ? ok(channelPayload(ctx.world.dmChannel(user)))
          : error(404, 10013, "Unknown User");
      },
    },
    ...["/applications/@me", "/oauth2/applications/@me"].map((spec) => ({
      method: "GET",
      pattern: new RegExp(`^${spec}$`),
      spec,
      auth: true,
      handle: (ctx: RouteContext) => ok(application(ctx.world)),
    })),
    ...appScoped(
      commandRoutes(`/applications/${ID}`, "/applications/{application_id}", () => null),
    ),
    ...appScoped(
      commandRoutes(
        `/applications/${ID}/guilds/${ID}`,
        "/applications/{application_id}/guilds/{guild_id}",
        (ctx) => ctx.params[1] ?? null,
      ).map((r) => ({
        ...r,
        handle: (ctx: RouteContext) =>
          ctx.world.guilds.has(ctx.params[1] ?? "")
            ? r.handle(ctx)
            : error(403, 50001, "Missing Access"),
      })),
    ),
    ...guildRoutes(),
    {
      method: "GET",
      pattern: new RegExp(`^/channels/${ID}$`),
      spec: "/channels/{channel_id}",
      auth: true,
      handle: (ctx) => {
        const ch = ctx.world.channels.get(ctx.params[0] ?? "");
        return ch ? ok(channelPayload(ch)) : error(404, 10003, "Unknown Channel");
      },
    },
  ];
}

function guildRoutes(): Route[] {
  const withGuild =
    (fn: (ctx: RouteContext, guildId: string) => Reply) =>
    (ctx: RouteContext): Reply => {
      const id = ctx.params[0] ?? "";
      return ctx.world.guilds.has(id) ? fn(ctx, id) : error(404, 10004, "Unknown Guild");
    };
  return [
    {
      method: "GET",
      pattern: new RegExp(`^/guilds/${ID}$`),
      spec: "/guilds/{guild_id}",
      auth: true,
      handle: withGuild((ctx, id) => {
        const guild = ctx.world.guilds.get(id);
        return guild ? ok(guildPayload(guild)) : error(404, 10004, "Unknown Guild");
      }),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/guilds/${ID}/channels$`),
      spec: "/guilds/{guild_id}/channels",
      auth: true,
      handle: withGuild((ctx, id) =>
        ok(
          (ctx.world.guilds.get(id)?.channelIds ?? []).flatMap((cid) => {
            const ch = ctx.world.channels.get(cid);
            return ch ? [channelPayload(ch)] : [];
          }),
        ),
      ),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/guilds/${ID}/roles$`),
      spec: "/guilds/{guild_id}/roles",
      auth: true,
      handle: withGuild((ctx, id) => {
        const guild = ctx.world.guilds.get(id);
        return ok(guild ? rolePayloads(guild) : []);
      }),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/guilds/${ID}/members/${ID}$`),
      spec: "/guilds/{guild_id}/members/{user_id}",
      auth: true,
      handle: withGuild((ctx, id) => {
        const user = ctx.world.users.get(ctx.params[1] ?? "");
        const joinedAt = ctx.world.guilds.get(id)?.joinedAt ?? ctx.world.startedAt;
        return user ? ok(memberPayload(user, joinedAt)) : error(404, 10007, "Unknown Member");
      }),
    },
  ];
}

/** A guild as GET /users/@me/guilds lists it. */
function userGuildPayload(world: World, id: string): Json {
  const guild = world.guilds.get(id);
  return {
    id,
    name: guild?.name ?? "",
    icon: null,
    banner: null,
    owner: false,
    permissions: MEMBER_PERMISSIONS,
    features: [],
  };
}
