/**
 * `startHttpBot`: the bot with DISCORD_GATEWAY=off. It never opens a gateway connection, and never
 * loads discord.js: it checks the token and reads the application over REST (@discordjs/rest with
 * @discordjs/core's API), serves POST /interactions, and registers the commands over REST in the
 * background (no ready event to wait for). Chat answers and clause quoting need the gateway, so this
 * mode serves commands, autocomplete and components only.
 */
import { API } from "@discordjs/core/http-only";
import type { Config } from "../../config.ts";
import type { Engine } from "../../core/engine.ts";
import { createLogger, errorText, type Logger, registerDiscordSecrets } from "../../log.ts";
import type { HealthReport } from "../../runtime/health.ts";
import { endpointHealth } from "../../runtime/health.ts";
import { describeConnectFailure, StartFailure } from "../../runtime/start-failure.ts";
import type { Store } from "../../store/index.ts";
import { openBotContext } from "../interaction/context.ts";
import { InFlight, SHUTDOWN_DRAIN_MS } from "../interaction/inflight.ts";
import { logRestFailures } from "../rest/rest-log.ts";
import { restFor, type SyncResult, syncCommandsAtStart } from "../setup/register.ts";
import { drainWork, type EndpointOptions, startEndpoint } from "./endpoint.ts";

export interface HttpBot {
  /** The application the token belongs to, as Discord reported it at start. */
  applicationId: string;
  /** Where the endpoint listens (the port is the bound one when INTERACTIONS_PORT is 0). */
  endpoint: { host: string; port: number };
  /** What the bot keeps (settings, feedback), for the tests and the health report. */
  store: Store;
  commandsSynced: Promise<SyncResult | "failed" | "skipped">;
  /** Ready once the endpoint listens: there is no gateway to wait for. */
  health(): HealthReport;
  stop(): Promise<void>;
}

export interface HttpStartOptions extends EndpointOptions {
  logger?: Logger;
  engine?: Engine;
  /** Register the commands at start (default true). */
  registerCommands?: boolean;
}

export async function startHttpBot(
  config: Config,
  options: HttpStartOptions = {},
): Promise<HttpBot> {
  const discord = config.discord;
  const interactions = config.interactions;
  if (!discord || !interactions) {
    throw new Error("startHttpBot: DISCORD_TOKEN and INTERACTIONS_PORT must be set");
  }
  registerDiscordSecrets(discord);
  const logger = options.logger ?? createLogger(config.logLevel);
  const context = await openBotContext(config, logger, options.engine);
  const { ctx } = context;
  // No gateway, so no chat at all: /help and /settings say so.
  ctx.content = { messageContent: false, why: "no-gateway" };
  let started = false;
  const rest = restFor(discord);
  logRestFailures(rest, logger, () => started);
  // Interaction answers count against Discord's limit of invalid requests too.
  ctx.sends?.watch(rest, () => null);
  const inflight = new InFlight();
  const endpoint = await startEndpoint(interactions, rest, ctx, inflight, options).catch(
    async (error: unknown) => {
      await context.close();
      throw error;
    },
  );
  const { server } = endpoint;

  let stopped = false;
  const shutDown = async (quiet: boolean) => {
    if (stopped) return;
    stopped = true;
    await drainWork(inflight, endpoint, logger, SHUTDOWN_DRAIN_MS);
    await context.close();
    if (!quiet) logger.info("bot stopped");
  };

  let applicationId: string;
  try {
    // Also the token check a gateway login would make: a wrong token fails the start here.
    applicationId = (await new API(rest).applications.getCurrent()).id;
  } catch (error) {
    await shutDown(true);
    const reason = describeConnectFailure(error, discord.apiUrl);
    if (reason) throw new StartFailure(reason, { cause: error });
    throw new Error(`could not reach Discord: ${errorText(error)}`);
  }
  started = true;
  logger.info({ application: applicationId, gateway: false }, "serving interactions over HTTP");
  const commandsSynced =
    options.registerCommands === false
      ? Promise.resolve("skipped" as const)
      : syncCommandsAtStart(rest, applicationId, discord.guildId, logger);

  return {
    applicationId,
    endpoint: { host: server.host, port: server.port },
    store: ctx.store,
    commandsSynced,
    health: () => endpointHealth(!stopped),
    stop: () => shutDown(false),
  };
}
