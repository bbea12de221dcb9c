/**
 * The message a chat message replies to, for follow-ups (handlers/follow-up.ts).
 *
 * Discord sends it with the reply (MESSAGE_CREATE's `referenced_message`). discord.js would put it
 * in the channel's message cache, which this bot keeps empty (client.ts: no message is cached, so
 * memory does not grow with chat), and it would be lost there; so it is taken from the raw event,
 * which discord.js emits on `client.ws` just before it builds the Message and emits messageCreate,
 * in the same tick. A reply Discord sent without it (it "did not attempt to fetch" the original),
 * or one whose event was queued while the client was starting, costs one REST request, and only
 * when the answer depends on the original.
 */
import { type Client, Events, type Message, MessageReferenceType } from "discord.js";
import { GatewayDispatchEvents, Routes } from "discord-api-types/v10";
import type { RepliedTo } from "../handlers/follow-up.ts";

/** What Discord sent of the replied-to message, by the reply it came with; gone with the reply. */
const sentWith = new WeakMap<Message, unknown>();

/** Keeps each reply's `referenced_message` for `repliedTo`. Called once per client. */
export function watchReplies(client: Client): void {
  let last: { id: string; sent: unknown } | null = null;
  client.ws.on(GatewayDispatchEvents.MessageCreate, (payload: unknown) => {
    const p = payload as { id?: unknown; referenced_message?: unknown } | null;
    last =
      typeof p === "object" && p !== null && typeof p.id === "string" && "referenced_message" in p
        ? { id: p.id, sent: p.referenced_message }
        : null;
  });
  // First among the listeners, so the copy is there before any handler reads it.
  client.prependListener(Events.MessageCreate, (message) => {
    const reply = last;
    last = null;
    if (reply !== null && reply.id === message.id) sentWith.set(message, reply.sent);
  });
}

/** What `message` replies to, or null when it is no reply (a forward is none). */
export function repliedTo(message: Message): RepliedTo | null {
  const reference = message.reference;
  const messageId = reference?.messageId;
  if (!reference || !messageId || reference.type === MessageReferenceType.Forward) return null;
  const { channelId } = reference;
  return {
    sent: sentWith.has(message) ? sentWith.get(message) : undefined,
    // The raw message, the shape Discord sends with replies, rather than a discord.js Message.
    fetch: () => message.client.rest.get(Routes.channelMessage(channelId, messageId)),
  };
}
