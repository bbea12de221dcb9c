/**
 * `startBot`: the one programmatic entry used by `npm start` (src/main.ts) and the end-to-end tests.
 * It opens the store, wires the listeners, logs in and resolves once the client is ready.
 */

import { type Client, type ClientOptions, Events } from "discord.js";
import {
  GatewayDispatchEvents,
  type RESTGetAPIGatewayBotResult,
  Routes,
} from "discord-api-types/v10";
import type { Config } from "../../config.ts";
import type { Engine } from "../../core/engine.ts";
import {
  createLogger,
  errorText,
  type Logger,
  redactSecrets,
  registerDiscordSecrets,
} from "../../log.ts";
import type { HealthReport } from "../../scale/health.ts";
import type { Store } from "../../store/index.ts";
import { handleMessage } from "../handlers/chat.ts";
import { handleInteraction } from "../handlers/interactions.ts";
import { drainWork, type Endpoint, type EndpointOptions, startEndpoint } from "../http/endpoint.ts";
import { type ContentAccess, openBotContext } from "../platform/context.ts";
import { describeConnectFailure, StartFailure } from "../platform/errors.ts";
import { InFlight, SHUTDOWN_DRAIN_MS } from "../platform/inflight.ts";
import { Interaction, isInteractionPayload } from "../platform/interaction.ts";
import { inviteUrl } from "../platform/invite.ts";
import { restFor, type SyncResult, syncCommandsAtStart } from "../platform/register.ts";
import { logRestFailures } from "../platform/rest-log.ts";
import { restTransport } from "../platform/transport.ts";
import { createClient } from "./client.ts";
import { describeFatalClose, FATAL_CLOSE_CODES } from "./close-codes.ts";
import { clientHealth } from "./health.ts";
import { forgetRefusalsOnPermissionChange, guildOfChannel } from "./permission-events.ts";
import { watchReplies } from "./replied.ts";

/** Discord's close code for a privileged intent the application is not allowed. */
const DISALLOWED_INTENTS = 4014;

/** The switch to name when Discord refuses the intent: where it is, and what changes without it. */
export const MESSAGE_CONTENT_REFUSED =
  "Discord refused the Message Content intent (close 4014): carrying on without it. Slash commands, message commands, mentions, replies that ping the bot and DMs keep working; passive auto-quoting, Q&A channels and chat quote checks are off. To turn them on, enable Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content Intent, then restart; DISCORD_MESSAGE_CONTENT=off silences this warning.";
const MESSAGE_CONTENT_REQUIRED =
  "Discord refused the Message Content intent (close 4014) and DISCORD_MESSAGE_CONTENT=on requires it: enable Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content Intent, or set DISCORD_MESSAGE_CONTENT=auto to run without it";

class IntentRefused extends Error {
  override name = "IntentRefused";
}

export interface Bot {
  client: Client<true>;
  /** What the bot keeps (settings, feedback), for the tests and the health report. */
  store: Store;
  /**
   * Settles when start-up command registration is done ("failed" is logged, never thrown;
   * "skipped" when `registerCommands` is false).
   */
  commandsSynced: Promise<SyncResult | "failed" | "skipped">;
  stop(): Promise<void>;
  /** Where the interactions endpoint listens, with INTERACTIONS_PORT set; null otherwise. */
  endpoint: { host: string; port: number } | null;
  /** The gateway shards' state, for the health endpoint. */
  health(): HealthReport;
}

export interface StartOptions extends EndpointOptions {
  logger?: Logger;
  engine?: Engine;
  /** Extra discord.js client options, for tests (e.g. no identify throttle against a fake gateway). */
  clientOptions?: Partial<ClientOptions>;
  /** Register the commands once ready (default true). Under sharding only shard 0 does. */
  registerCommands?: boolean;
  /**
   * Called once, after the line saying what to do is logged, when a running shard is closed with
   * a code discord.js does not reconnect after (close-codes.ts): the process should then exit so
   * that it is restarted. The bot itself carries on with whatever shards it still has.
   */
  onFatalClose?: (code: number) => void;
  /**
   * Processes that share this host's IP address (the sharding manager's shard processes), and so
   * Discord's limit of invalid requests; default 1.
   */
  processesOnHost?: number;
}

export async function startBot(config: Config, options: StartOptions = {}): Promise<Bot> {
  const discord = config.discord;
  if (!discord) throw new Error("startBot: DISCORD_TOKEN is not set");
  // Every logger made by createLogger now censors the token, whatever it is asked to print.
  registerDiscordSecrets(discord);
  const logger = options.logger ?? createLogger(config.logLevel);
  const context = await openBotContext(config, logger, options.engine, options.processesOnHost);
  const { ctx } = context;
  const wanted = discord.messageContent ?? "auto";
  const content: ContentAccess =
    wanted === "off" ? { messageContent: false, why: "off" } : { messageContent: true };
  ctx.content = content;

  let resolveSynced: (result: SyncResult | "failed" | "skipped") => void = () => {};
  const commandsSynced = new Promise<SyncResult | "failed" | "skipped">((resolve) => {
    resolveSynced = resolve;
  });

  // Listeners never let a rejection escape: one failing message or interaction affects nothing else.
  // Each handler is tracked so that a shutdown lets running ones finish; once it has begun, new
  // events are left alone.
  const inflight = new InFlight();
  let stopping = false;

  /** A client with every listener, asking for the Message Content intent or not. */
  const makeClient = (): Client => {
    const client = createClient(discord, options.clientOptions, {
      messageContent: content.messageContent,
      sends: ctx.sends,
    });
    // Read from Discord's payload, as the interactions endpoint reads it: one object for both.
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
    watchReplies(client);
    client.on(Events.MessageCreate, (message) => {
      if (!inflight.open) return;
      inflight.run(
        () => handleMessage(message, ctx),
        (error: unknown) =>
          logger.error({ err: error, messageId: message.id }, "message listener failed"),
      );
    });
    logRestFailures(client.rest, logger, () => client.isReady());
    ctx.sends?.watch(client.rest, (channelId) => guildOfChannel(client, channelId));
    forgetRefusalsOnPermissionChange(client, ctx.sends);
    client.on(Events.Error, (error) => logger.error({ err: error }, "client error"));
    client.on(Events.Warn, (message) => logger.warn({ message: redactSecrets(message) }));
    // A disconnection the bot asked for (shutdown) is not an outage, nor is a refused intent
    // that the bot is about to do without.
    client.on(Events.ShardDisconnect, (event, shardId) => {
      const refused = event.code === DISALLOWED_INTENTS && wanted === "auto";
      if (stopping || refused) logger.debug({ code: event.code, shardId }, "gateway closed");
      else logger.warn({ code: event.code, shardId }, "gateway disconnected");
      // discord.js does not retry after 4014: once running, the bot carries on without the intent.
      if (refused && started && content.messageContent && !stopping) void withoutContent();
      else if (started && !stopping && !refused && FATAL_CLOSE_CODES.has(event.code)) {
        void fatalClose(client, event.code, shardId);
      }
    });
    client.on(Events.ShardResume, (shardId, replayed) =>
      logger.info({ shardId, replayed }, "gateway resumed"),
    );
    // discord.js reconnects on its own (resuming when it can); these lines make outages visible.
    client.on(Events.ShardReconnecting, (shardId) => {
      if (!stopping) logger.warn({ shardId }, "gateway connection lost, reconnecting");
    });
    client.on(Events.ShardReady, (shardId) => logger.info({ shardId }, "gateway session ready"));
    return client;
  };

  let fatal = false;
  /**
   * One line for a person (what the code means, what to do), once per bot: a reset token closes
   * every shard of the process at once.
   */
  const fatalClose = async (c: Client, code: number, shardId: number) => {
    if (fatal) return;
    fatal = true;
    let recommended: number | null = null;
    if (code === 4011) {
      try {
        const info = (await c.rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
        recommended = info.shards;
      } catch {
        recommended = null;
      }
    }
    const shardCount = c.options.shardCount ?? 1;
    logger.fatal(
      { code, shardId },
      describeFatalClose({
        code,
        shardId,
        shardCount,
        sharded: config.shards !== null,
        recommended,
        messageContent: wanted,
      }),
    );
    options.onFatalClose?.(code);
  };

  let client = makeClient();
  /** Set once READY: from then on a refused intent is handled by swapping the client (below). */
  let started = false;
  /** Logs in and waits for READY; rejects with IntentRefused when Discord closes with 4014. */
  const connect = async (c: Client): Promise<Client<true>> => {
    const ready = new Promise<Client<true>>((resolve, reject) => {
      c.once(Events.ClientReady, resolve);
      c.on(Events.ShardDisconnect, (event) => {
        if (event.code === DISALLOWED_INTENTS) reject(new IntentRefused());
      });
    });
    ready.catch(() => {});
    try {
      await c.login(discord.token);
    } catch (error) {
      // @discordjs/ws fails the login with this error on close 4014, before the disconnect event.
      if (/disallowed intents/i.test(errorText(error))) throw new IntentRefused();
      throw error;
    }
    return ready;
  };
  const onReady = (readyClient: Client<true>) => {
    logger.info(
      {
        user: readyClient.user.tag,
        guilds: readyClient.guilds.cache.size,
        messageContent: content.messageContent,
        invite: inviteUrl(readyClient.application.id),
      },
      "connected to Discord",
    );
    if (options.registerCommands === false) {
      resolveSynced("skipped");
    } else {
      void syncCommandsAtStart(
        readyClient.rest,
        readyClient.application.id,
        discord.guildId,
        logger,
      ).then(resolveSynced);
    }
  };

  /** Warns once, then replaces the client with one that does not ask for the intent. */
  const refuseContent = async () => {
    // Decided at once, before any await: a second 4014 (another shard of this client, a retry)
    // must not replace the client a second time.
    content.messageContent = false;
    content.why = "refused";
    logger.warn(
      { code: DISALLOWED_INTENTS, setting: "DISCORD_MESSAGE_CONTENT=auto" },
      MESSAGE_CONTENT_REFUSED,
    );
    await client.destroy();
    client = makeClient();
    return connect(client);
  };
  /**
   * The switch was turned off while the bot ran (a later IDENTIFY got 4014): the same fallback as
   * at start, without registering the commands again.
   */
  const withoutContent = async () => {
    try {
      await refuseContent();
      logger.info({ messageContent: false }, "connected to Discord without Message Content");
    } catch (error) {
      logger.error({ err: error }, "could not reconnect without the Message Content intent");
    }
  };

  let endpoint: Endpoint | null = null;
  let stopped = false;
  /** `quiet`: a start that failed did not run, so there is no "bot stopped" to announce. */
  const shutDown = async (quiet: boolean) => {
    if (stopped) return;
    stopped = true;
    stopping = true;
    await drainWork(inflight, endpoint, logger, SHUTDOWN_DRAIN_MS);
    await client.destroy();
    await context.close();
    if (!quiet) logger.info("bot stopped");
  };
  const stop = () => shutDown(false);

  try {
    // With an endpoint too, Discord sends interactions there and the gateway serves chat.
    if (config.interactions) {
      const rest = restFor(discord);
      logRestFailures(rest, logger, () => started);
      // Interaction answers only, never a channel's messages: no server to name.
      ctx.sends?.watch(rest, () => null);
      endpoint = await startEndpoint(config.interactions, rest, ctx, inflight, options);
    }
    let readyClient: Client<true>;
    try {
      readyClient = await connect(client);
    } catch (error) {
      if (!(error instanceof IntentRefused) || wanted !== "auto") throw error;
      // Discord refused the privileged intent: one clear warning, then the bot without it.
      readyClient = await refuseContent();
    }
    onReady(readyClient);
    started = true;
    const listening = endpoint && { host: endpoint.server.host, port: endpoint.server.port };
    return {
      // The current client: it is replaced if Discord later refuses the intent.
      get client() {
        return client as Client<true>;
      },
      store: ctx.store,
      commandsSynced,
      stop,
      endpoint: listening,
      health: () => clientHealth(client),
    };
  } catch (error) {
    await shutDown(true);
    if (error instanceof StartFailure) throw error;
    if (error instanceof IntentRefused) {
      throw new StartFailure(MESSAGE_CONTENT_REQUIRED, { cause: error });
    }
    const reason = describeConnectFailure(error, discord.apiUrl);
    if (reason) throw new StartFailure(reason, { cause: error });
    throw new Error(`could not connect to Discord: ${errorText(error)}`);
  }
}
