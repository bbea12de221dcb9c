/**
 * What a gateway client listens to: interactions and chat messages for the handlers, the REST and
 * send-guard watches, and the shard events that make outages visible and notice a refused intent
 * or a close that discord.js does not recover from.
 *
 * Listeners never let a rejection escape: one failing message or interaction affects nothing else.
 * Each handler is tracked so that a shutdown lets running ones finish; once it has begun, new
 * events are left alone.
 */

import { type Client, Events } from "discord.js";
import { GatewayDispatchEvents } from "discord-api-types/v10";
import { redactSecrets } from "../../log.ts";
import { handleMessage } from "../handlers/chat.ts";
import { handleInteraction } from "../handlers/interactions.ts";
import { Interaction, isInteractionPayload } from "../interaction/interaction.ts";
import { logRestFailures } from "../rest/rest-log.ts";
import { FATAL_CLOSE_CODES } from "./close-codes.ts";
import { forgetRefusalsOnPermissionChange, guildOfChannel } from "./permission-events.ts";
import { watchReplies } from "./replied.ts";
import { DISALLOWED_INTENTS, type GatewaySession } from "./session.ts";
import { restTransport } from "./transport.ts";

/** Every listener of `client`, on behalf of `session`. */
export function attachListeners(client: Client, session: GatewaySession): void {
  listenForInteractions(client, session);
  watchReplies(client);
  listenForMessages(client, session);
  watchRest(client, session);
  listenForShards(client, session);
}

/** Interactions over the gateway, read from Discord's payload as the interactions endpoint reads it. */
function listenForInteractions(client: Client, session: GatewaySession): void {
  const { inflight, logger, ctx } = session;
  const transport = restTransport(client.rest);
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (payload: unknown) => {
    if (!inflight.open) return;
    if (!isInteractionPayload(payload)) {
      logger.debug("interaction payload not understood");
      return;
    }
    inflight.run(
      () => handleInteraction(new Interaction(payload, transport), ctx),
      (error: unknown) => logger.error({ err: error }, "interaction listener failed"),
    );
  });
}

function listenForMessages(client: Client, session: GatewaySession): void {
  const { inflight, logger, ctx } = session;
  client.on(Events.MessageCreate, (message) => {
    if (!inflight.open) return;
    inflight.run(
      () => handleMessage(message, ctx),
      (error: unknown) =>
        logger.error({ err: error, messageId: message.id }, "message listener failed"),
    );
  });
}

/** REST failures logged, refused sends counted, and refusals forgotten when permissions change. */
function watchRest(client: Client, session: GatewaySession): void {
  const { logger, ctx } = session;
  logRestFailures(client.rest, logger, () => client.isReady());
  ctx.sends?.watch(client.rest, (channelId) => guildOfChannel(client, channelId));
  forgetRefusalsOnPermissionChange(client, ctx.sends);
  client.on(Events.Error, (error) => logger.error({ err: error }, "client error"));
  client.on(Events.Warn, (message) => logger.warn({ message: redactSecrets(message) }));
}

function listenForShards(client: Client, session: GatewaySession): void {
  const { logger } = session;
  client.on(Events.ShardDisconnect, (event, shardId) =>
    onShardDisconnect(client, session, event.code, shardId),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ shardId, replayed }, "gateway resumed"),
  );
  // discord.js reconnects on its own (resuming when it can); these lines make outages visible.
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!session.stopping) logger.warn({ shardId }, "gateway connection lost, reconnecting");
  });
  client.on(Events.ShardReady, (shardId) => logger.info({ shardId }, "gateway session ready"));
}

function onShardDisconnect(
  client: Client,
  session: GatewaySession,
  code: number,
  shardId: number,
): void {
  const { logger, stopping, started } = session;
  // A disconnection the bot asked for (shutdown) is not an outage, nor is a refused intent
  // that the bot is about to do without.
  const refused = code === DISALLOWED_INTENTS && session.wanted === "auto";
  if (stopping || refused) logger.debug({ code, shardId }, "gateway closed");
  else logger.warn({ code, shardId }, "gateway disconnected");
  // discord.js does not retry after 4014: once running, the bot carries on without the intent.
  if (refused && started && session.content.messageContent && !stopping) {
    void session.withoutContent();
  } else if (started && !stopping && !refused && FATAL_CLOSE_CODES.has(code)) {
    void session.fatalClose(client, code, shardId);
  }
}
