/**
 * `startBot`: the one programmatic entry used by `npm start` (src/main.ts) and the end-to-end tests.
 * It opens the store, wires the listeners, logs in and resolves once the client is ready.
 */

import type { Client } from "discord.js";
import type { Config } from "../../config.ts";
import { createLogger, errorText, registerDiscordSecrets } from "../../log.ts";
import type { HealthReport } from "../../runtime/health.ts";
import { describeConnectFailure, StartFailure } from "../../runtime/start-failure.ts";
import type { Store } from "../../store/index.ts";
import { openBotContext } from "../interaction/context.ts";
import { clientHealth } from "./health.ts";
import {
  type CommandsSynced,
  GatewaySession,
  IntentRefused,
  type StartOptions,
} from "./session.ts";

export { MESSAGE_CONTENT_REFUSED, type StartOptions } from "./session.ts";

const MESSAGE_CONTENT_REQUIRED =
  "Discord refused the Message Content intent (close 4014) and DISCORD_MESSAGE_CONTENT=on requires it: enable Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content Intent, or set DISCORD_MESSAGE_CONTENT=auto to run without it";

export interface Bot {
  client: Client<true>;
  /** What the bot keeps (settings, feedback), for the tests and the health report. */
  store: Store;
  /**
   * Settles when start-up command registration is done ("failed" is logged, never thrown;
   * "skipped" when `registerCommands` is false).
   */
  commandsSynced: Promise<CommandsSynced>;
  stop(): Promise<void>;
  /** Where the interactions endpoint listens, with INTERACTIONS_PORT set; null otherwise. */
  endpoint: { host: string; port: number } | null;
  /** The gateway shards' state, for the health endpoint. */
  health(): HealthReport;
}

export async function startBot(config: Config, options: StartOptions = {}): Promise<Bot> {
  const discord = config.discord;
  if (!discord) throw new Error("startBot: DISCORD_TOKEN is not set");
  // Every logger made by createLogger now censors the token, whatever it is asked to print.
  registerDiscordSecrets(discord);
  const logger = options.logger ?? createLogger(config.logLevel);
  const context = await openBotContext(config, logger, options.engine, options.processesOnHost);
  const session = new GatewaySession({ config, discord, options, logger, context });
  try {
    await session.start();
  } catch (error) {
    await session.shutDown(true);
    throw startFailure(error, discord.apiUrl);
  }
  return botOf(session);
}

/** The running bot, as its callers see a started session. */
function botOf(session: GatewaySession): Bot {
  const { endpoint } = session;
  return {
    // The current client: it is replaced if Discord later refuses the intent.
    get client() {
      return session.client as Client<true>;
    },
    store: session.ctx.store,
    commandsSynced: session.commandsSynced,
    stop: () => session.shutDown(false),
    endpoint: endpoint && { host: endpoint.server.host, port: endpoint.server.port },
    health: () => clientHealth(session.client),
  };
}

/** Why the bot could not start, told as a StartFailure when there is something to do about it. */
function startFailure(error: unknown, apiUrl: string | null): Error {
  if (error instanceof StartFailure) return error;
  if (error instanceof IntentRefused) {
    return new StartFailure(MESSAGE_CONTENT_REQUIRED, { cause: error });
  }
  const reason = describeConnectFailure(error, apiUrl);
  if (reason) return new StartFailure(reason, { cause: error });
  return new Error(`could not connect to Discord: ${errorText(error)}`);
}
