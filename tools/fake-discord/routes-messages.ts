/** Channel message routes, and the create/edit logic interaction replies share with them. */

import { snowflake } from "./ids.ts";
import { messagePayload } from "./payloads.ts";
import { error, type Reply, type Route, type RouteContext } from "./rest.ts";
import type { Json } from "./types.ts";
import { checkMessageBody, invalidForm } from "./validate.ts";

const ID = "(\\d+)";
const ONE = "/channels/{channel_id}/messages/{message_id}";
const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const EPHEMERAL = 64;
export const LOADING = 128;
/** Flags a bot may set when sending: suppress embeds, suppress notifications, components v2 (+ ephemeral for interactions). */
export const SENDABLE_FLAGS = 4 | 4096 | 32768;
export const unknownMessage = error(404, 10008, "Unknown Message");

function uploaded(ctx: RouteContext, channelId: string): Json[] {
  const described = ((ctx.body as Json | undefined)?.attachments as Json[] | undefined) ?? [];
  return ctx.files.map((f, i) => {
    const id = snowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${f.name}`;
    return {
      id,
      filename: f.name,
      size: f.data.length,
      url,
      proxy_url: url.replace("cdn.discordapp.com", "media.discordapp.net"),
      content_type: f.contentType,
      ...(described[i]?.description ? { description: described[i]?.description } : {}),
    };
  });
}

export interface NewMessage {
  type?: number;
  flagsAllowed?: number;
  extraFlags?: number;
  webhookId?: string;
  interactionMetadata?: Json;
  referencedMessageId?: string;
}

export function createMessage(
  ctx: RouteContext,
  channelId: string,
  body: Json,
  how: NewMessage = {},
): Json {
  const flags =
    (Number(body.flags ?? 0) & (how.flagsAllowed ?? SENDABLE_FLAGS)) | (how.extraFlags ?? 0);
  const msg = messagePayload(ctx.world, {
    channelId,
    author: ctx.world.botUser,
    content: (body.content as string | undefined) ?? "",
    embeds: (body.embeds as Json[] | undefined) ?? [],
    components: (body.components as Json[] | undefined) ?? [],
    attachments: uploaded(ctx, channelId),
    flags,
    ...(how.type === undefined ? {} : { type: how.type }),
    ...(how.webhookId ? { webhookId: how.webhookId } : {}),
    ...(how.interactionMetadata ? { interactionMetadata: how.interactionMetadata } : {}),
    ...(how.referencedMessageId ? { referencedMessageId: how.referencedMessageId } : {}),
  });
  ctx.world.messages.set(msg.id as string, msg);
  if (!(flags & EPHEMERAL)) ctx.emitMessageCreate(msg);
  return msg;
}

/** Applies an edit the way Discord does: only fields present in the body change. */
export function editMessage(ctx: RouteContext, msg: Json, body: Json): Json {
  const wasLoading = Number(msg.flags ?? 0) & LOADING;
  const next: Json = { ...msg };
  if ("content" in body) next.content = body.content ?? "";
  if ("embeds" in body)
    next.embeds = ((body.embeds as Json[] | null) ?? []).map((e) => ({ type: "rich", ...e }));
  if ("components" in body) next.components = body.components ?? [];
  const fresh = uploaded(ctx, msg.channel_id as string);
  if ("attachments" in body) {
    const kept = new Set(((body.attachments as Json[] | null) ?? []).map((a) => String(a.id)));
    next.attachments = [
      ...((msg.attachments as Json[]) ?? []).filter((a) => kept.has(String(a.id))),
      ...fresh,
    ];
  } else if (fresh.length > 0) {
    next.attachments = [...((msg.attachments as Json[]) ?? []), ...fresh];
  }
  // Filling in a deferred ("thinking…") reply is not an edit as far as users can tell.
  next.flags = Number(msg.flags ?? 0) & ~LOADING;
  next.edited_timestamp = wasLoading ? null : new Date().toISOString();
  ctx.world.messages.set(next.id as string, next);
  return next;
}

export function channelMessageRoutes(): Route[] {
  const one = new RegExp(`^/channels/${ID}/messages/${ID}$`);
  const inChannel = (ctx: RouteContext): Json | undefined => {
    const msg = ctx.world.messages.get(ctx.params[1] ?? "");
    return msg?.channel_id === ctx.params[0] ? msg : undefined;
  };
  return [
    {
      method: "POST",
      pattern: new RegExp(`^/channels/${ID}/messages$`),
      spec: "/channels/{channel_id}/messages",
      auth: true,
      handle: (ctx) => {
        const channelId = ctx.params[0] ?? "";
        if (!ctx.world.channels.has(channelId)) return error(404, 10003, "Unknown Channel");
        const refusal = ctx.world.sendRefusals.get(channelId);
        if (refusal !== undefined) {
          return error(403, refusal, refusal === 50001 ? "Missing Access" : "Missing Permissions");
        }
        const body = (ctx.body ?? {}) as Json;
        const invalid = checkMessageBody(body, true, ctx.files.length);
        if (invalid) return invalid;
        const ref = body.message_reference as Json | undefined;
        const refId = ref?.message_id === undefined ? undefined : String(ref.message_id);
        const known = refId !== undefined && ctx.world.messages.has(refId);
        if (refId !== undefined && !known && ref?.fail_if_not_exists !== false) {
          return invalidForm(["message_reference: Unknown message"]);
        }
        return ok(createMessage(ctx, channelId, body, known ? { referencedMessageId: refId } : {}));
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`^/channels/${ID}/messages$`),
      spec: "/channels/{channel_id}/messages",
      auth: true,
      handle: (ctx) => {
        const limit = Number(ctx.query.limit ?? 50);
        const all = [...ctx.world.messages.values()].filter((m) => m.channel_id === ctx.params[0]);
        return ok(all.reverse().slice(0, limit));
      },
    },
    {
      method: "GET",
      pattern: one,
      spec: ONE,
      auth: true,
      handle: (ctx) => {
        const msg = inChannel(ctx);
        return msg ? ok(msg) : unknownMessage;
      },
    },
    {
      method: "PATCH",
      pattern: one,
      spec: ONE,
      auth: true,
      handle: (ctx) => {
        const msg = inChannel(ctx);
        if (!msg) return unknownMessage;
        if ((msg.author as Json).id !== ctx.world.applicationId) {
          return error(403, 50005, "Cannot edit a message authored by another user");
        }
        const body = (ctx.body ?? {}) as Json;
        return checkMessageBody(body, false, ctx.files.length) ?? ok(editMessage(ctx, msg, body));
      },
    },
    {
      method: "DELETE",
      pattern: one,
      spec: ONE,
      auth: true,
      handle: (ctx) => {
        const msg = inChannel(ctx);
        if (!msg) return unknownMessage;
        ctx.world.messages.delete(msg.id as string);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: new RegExp(`^/channels/${ID}/typing$`),
      spec: "/channels/{channel_id}/typing",
      auth: true,
      handle: () => ({ status: 204 }),
    },
    ...["PUT", "DELETE"].map((method) => ({
      method,
      pattern: new RegExp(`^/channels/${ID}/messages/${ID}/reactions/[^/]+/@me$`),
      spec: `${ONE}/reactions/{emoji_name}/@me`,
      auth: true,
      handle: (ctx: RouteContext) => (inChannel(ctx) ? { status: 204 } : unknownMessage),
    })),
  ];
}
