/**
 * One bot process's gateway session: its current client (replaced once if Discord refuses the
 * Message Content intent), the interactions endpoint beside it, and the state that start-up, the
 * listeners (listeners.ts) and shutdown share.
 */

import type { Client, ClientOptions } from "discord.js";
import { Events } from "discord.js";
import { type RESTGetAPIGatewayBotResult, Routes } from "discord-api-types/v10";
import type { Config, DiscordConfig, MessageContentSetting } from "../../config.ts";
import type { Engine } from "../../core/engine.ts";
import { errorText, type Logger } from "../../log.ts";
import { drainWork, type Endpoint, type EndpointOptions, startEndpoint } from "../http/endpoint.ts";
import type { BotContext, ContentAccess } from "../interaction/context.ts";
import { InFlight, SHUTDOWN_DRAIN_MS } from "../interaction/inflight.ts";
import { logRestFailures } from "../rest/rest-log.ts";
import { inviteUrl } from "../setup/invite.ts";
import { restFor, type SyncResult, syncCommandsAtStart } from "../setup/register.ts";
import { createClient } from "./client.ts";
import { describeFatalClose } from "./close-codes.ts";
import { attachListeners } from "./listeners.ts";

/** Discord's close code for a privileged intent the application is not allowed. */
export const DISALLOWED_INTENTS = 4014;

/** The switch to name when Discord refuses the intent: where it is, and what changes without it. */
export const MESSAGE_CONTENT_REFUSED =
  "Discord refused the Message Content intent (close 4014): carrying on without it. Slash commands, message commands, mentions, replies that ping the bot and DMs keep working; passive auto-quoting, Q&A channels and chat quote checks are off. To turn them on, enable Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content Intent, then restart; DISCORD_MESSAGE_CONTENT=off silences this warning.";

export class IntentRefused extends Error {
  override name = "IntentRefused";
}

/** How start-up command registration ended ("failed" is logged, never thrown). */
export type CommandsSynced = SyncResult | "failed" | "skipped";

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

/** What a session is built from: the settings, and the context its handlers share. */
export interface SessionSetup {
  config: Config;
  discord: DiscordConfig;
  options: StartOptions;
  logger: Logger;
  context: { ctx: BotContext; close(): Promise<void> };
}

export class GatewaySession {
  readonly logger: Logger;
  readonly ctx: BotContext;
  /** Running handlers, so that a shutdown lets them finish. */
  readonly inflight = new InFlight();
  /** What the operator asked for (DISCORD_MESSAGE_CONTENT). */
  readonly wanted: MessageContentSetting;
  /** What Discord grants; shared with the handlers through the context. */
  readonly content: ContentAccess;
  readonly commandsSynced: Promise<CommandsSynced>;
  /** The current client: replaced if Discord refuses the intent. */
  client: Client;
  /** Set once READY: from then on a refused intent is handled by swapping the client. */
  started = false;
  /** A shutdown has begun: new events are left alone, and disconnections are expected. */
  stopping = false;
  endpoint: Endpoint | null = null;
  private resolveSynced: (result: CommandsSynced) => void = () => {};
  /** The fatal close has been told: a reset token closes every shard of the process at once. */
  private fatal = false;
  private stopped = false;

  constructor(private readonly setup: SessionSetup) {
    this.logger = setup.logger;
    this.ctx = setup.context.ctx;
    this.wanted = setup.discord.messageContent ?? "auto";
    this.content =
      this.wanted === "off" ? { messageContent: false, why: "off" } : { messageContent: true };
    this.ctx.content = this.content;
    this.commandsSynced = new Promise<CommandsSynced>((resolve) => {
      this.resolveSynced = resolve;
    });
    this.client = this.makeClient();
  }

  /**
   * Starts the interactions endpoint (when configured) and connects; without the intent when
   * Discord refuses it and DISCORD_MESSAGE_CONTENT=auto. Rejects with IntentRefused otherwise.
   */
  async start(): Promise<void> {
    const { config, discord } = this.setup;
    // With an endpoint too, Discord sends interactions there and the gateway serves chat.
    if (config.interactions) {
      const rest = restFor(discord);
      logRestFailures(rest, this.logger, () => this.started);
      // Interaction answers only, never a channel's messages: no server to name.
      this.ctx.sends?.watch(rest, () => null);
      this.endpoint = await startEndpoint(
        config.interactions,
        rest,
        this.ctx,
        this.inflight,
        this.setup.options,
      );
    }
    let readyClient: Client<true>;
    try {
      readyClient = await this.connect(this.client);
    } catch (error) {
      if (!(error instanceof IntentRefused) || this.wanted !== "auto") throw error;
      // Discord refused the privileged intent: one clear warning, then the bot without it.
      readyClient = await this.refuseContent();
    }
    this.onReady(readyClient);
    this.started = true;
  }

  /**
   * The switch was turned off while the bot ran (a later IDENTIFY got 4014): the same fallback as
   * at start, without registering the commands again.
   */
  async withoutContent(): Promise<void> {
    try {
      await this.refuseContent();
      this.logger.info({ messageContent: false }, "connected to Discord without Message Content");
    } catch (error) {
      this.logger.error({ err: error }, "could not reconnect without the Message Content intent");
    }
  }

  /** One line for a person (what the code means, what to do), once per bot. */
  async fatalClose(c: Client, code: number, shardId: number): Promise<void> {
    if (this.fatal) return;
    this.fatal = true;
    const recommended = code === 4011 ? await recommendedShards(c) : null;
    this.logger.fatal(
      { code, shardId },
      describeFatalClose({
        code,
        shardId,
        shardCount: c.options.shardCount ?? 1,
        sharded: this.setup.config.shards !== null,
        recommended,
        messageContent: this.wanted,
      }),
    );
    this.setup.options.onFatalClose?.(code);
  }

  /** `quiet`: a start that failed did not run, so there is no "bot stopped" to announce. */
  async shutDown(quiet: boolean): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.stopping = true;
    await drainWork(this.inflight, this.endpoint, this.logger, SHUTDOWN_DRAIN_MS);
    await this.client.destroy();
    await this.setup.context.close();
    if (!quiet) this.logger.info("bot stopped");
  }

  /** A client with every listener, asking for the Message Content intent or not. */
  private makeClient(): Client {
    const client = createClient(this.setup.discord, this.setup.options.clientOptions, {
      messageContent: this.content.messageContent,
      sends: this.ctx.sends,
    });
    attachListeners(client, this);
    return client;
  }

  /** Logs in and waits for READY; rejects with IntentRefused when Discord closes with 4014. */
  private async connect(c: Client): Promise<Client<true>> {
    const ready = new Promise<Client<true>>((resolve, reject) => {
      c.once(Events.ClientReady, resolve);
      c.on(Events.ShardDisconnect, (event) => {
        if (event.code === DISALLOWED_INTENTS) reject(new IntentRefused());
      });
    });
    ready.catch(() => {});
    try {
      await c.login(this.setup.discord.token);
    } catch (error) {
      // @discordjs/ws fails the login with this error on close 4014, before the disconnect event.
      if (/disallowed intents/i.test(errorText(error))) throw new IntentRefused();
      throw error;
    }
    return ready;
  }

  /** Warns once, then replaces the client with one that does not ask for the intent. */
  private async refuseContent(): Promise<Client<true>> {
    // Decided at once, before any await: a second 4014 (another shard of this client, a retry)
    // must not replace the client a second time.
    this.content.messageContent = false;
    this.content.why = "refused";
    this.logger.warn(
      { code: DISALLOWED_INTENTS, setting: "DISCORD_MESSAGE_CONTENT=auto" },
      MESSAGE_CONTENT_REFUSED,
    );
    await this.client.destroy();
    this.client = this.makeClient();
    return this.connect(this.client);
  }

  /** Says who connected, then registers the commands unless told not to. */
  private onReady(readyClient: Client<true>): void {
    this.logger.info(
      {
        user: readyClient.user.tag,
        guilds: readyClient.guilds.cache.size,
        messageContent: this.content.messageContent,
        invite: inviteUrl(readyClient.application.id),
      },
      "connected to Discord",
    );
    if (this.setup.options.registerCommands === false) {
      this.resolveSynced("skipped");
      return;
    }
    void syncCommandsAtStart(
      readyClient.rest,
      readyClient.application.id,
      this.setup.discord.guildId,
      this.logger,
    ).then(this.resolveSynced);
  }
}

/** How many shards GET /gateway/bot recommends now; null when it cannot be read. */
async function recommendedShards(c: Client): Promise<number | null> {
  try {
    const info = (await c.rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return info.shards;
  } catch {
    return null;
  }
}
