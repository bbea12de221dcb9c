/**
 * `startBot`: the one programmatic entry used by `npm start` (src/main.ts) and the end-to-end tests.
 * It opens the settings store, wires the listeners, logs in and resolves once the client is ready.
 */
import { type Client, type ClientOptions, Events } from "discord.js";
import type { Config } from "../config.ts";
import { type Engine, getEngine } from "../core/engine.ts";
import { createLogger, type Logger, redact } from "../log.ts";
import { openSettingsStore, type SettingsStore } from "../settings/store.ts";
import { handleMessage } from "./chat.ts";
import { createClient } from "./client.ts";
import type { BotContext } from "./context.ts";
import { handleInteraction } from "./interactions.ts";
import { type SyncResult, syncCommands } from "./register.ts";

export interface Bot {
  client: Client<true>;
  settings: SettingsStore;
  /** Settles when start-up command registration is done ("failed" is logged, never thrown). */
  commandsSynced: Promise<SyncResult | "failed">;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  engine?: Engine;
  /** Extra discord.js client options, for tests (e.g. no identify throttle against a fake gateway). */
  clientOptions?: Partial<ClientOptions>;
}

export async function startBot(config: Config, options: StartOptions = {}): Promise<Bot> {
  const discord = config.discord;
  if (!discord) throw new Error("startBot: DISCORD_TOKEN is not set");
  const logger = options.logger ?? createLogger(config.logLevel);
  const engine = options.engine ?? getEngine();
  const settings = openSettingsStore(config.dataDir);
  const ctx: BotContext = { engine, settings, logger };
  const client = createClient(discord, options.clientOptions);
  const errorText = (error: unknown) =>
    redact(error instanceof Error ? (error.stack ?? error.message) : String(error), discord.token);

  let resolveSynced: (result: SyncResult | "failed") => void = () => {};
  const commandsSynced = new Promise<SyncResult | "failed">((resolve) => {
    resolveSynced = resolve;
  });

  const ready = new Promise<Client<true>>((resolve) => {
    client.once(Events.ClientReady, (readyClient) => {
      logger.info(
        { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size },
        "connected to Discord",
      );
      syncCommands(readyClient, discord.guildId, logger).then(resolveSynced, (error: unknown) => {
        logger.error({ error: errorText(error) }, "command registration failed");
        resolveSynced("failed");
      });
      resolve(readyClient);
    });
  });

  // Listeners never let a rejection escape: one failing message or interaction affects nothing else.
  client.on(Events.InteractionCreate, (interaction) => {
    handleInteraction(interaction, ctx).catch((error: unknown) =>
      logger.error({ error: errorText(error) }, "interaction listener failed"),
    );
  });
  client.on(Events.MessageCreate, (message) => {
    handleMessage(message, ctx).catch((error: unknown) =>
      logger.error({ error: errorText(error), messageId: message.id }, "message listener failed"),
    );
  });
  client.on(Events.Error, (error) => logger.error({ error: errorText(error) }, "client error"));
  client.on(Events.Warn, (message) => logger.warn({ message: redact(message, discord.token) }));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ code: event.code, shardId }, "gateway disconnected"),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ shardId, replayed }, "gateway resumed"),
  );

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    settings.close();
    logger.info("bot stopped");
  };

  try {
    await client.login(discord.token);
    return { client: await ready, settings, commandsSynced, stop };
  } catch (error) {
    await stop();
    throw new Error(`could not connect to Discord: ${errorText(error)}`);
  }
}
