/**
 * `npm start`: with DISCORD_TOKEN set, runs the Discord bot; without it, the local console. Without
 * it and without a terminal (a supervisor's empty stdin), one line on stderr and exit code 78, not
 * a silent clean stop; questions piped in are answered as usual.
 * Settings come from the environment and `.env`, validated once (src/config.ts).
 *
 * The bot runs in this one process by default. With DISCORD_SHARDS=auto|N this process becomes the
 * sharding manager and runs this host's shards (DISCORD_SHARD_IDS) in shard processes of
 * DISCORD_SHARDS_PER_PROCESS shards each (src/scale/manager.ts). Either way
 * HEALTH_PORT adds the health endpoint (src/runtime/health.ts). INTERACTIONS_PORT adds the HTTP
 * interactions endpoint; with DISCORD_GATEWAY=off it is all the bot serves (src/discord/http/).
 */
import { config as loadDotenv } from "dotenv";
import type { Bot } from "./discord/gateway/bot.ts";
import type { HttpBot } from "./discord/http/bot.ts";
import { createLogger, redactSecrets, registerDiscordSecrets } from "./log.ts";
import {
  checkStore,
  type HealthServer,
  startHealthServer,
  startingHealth,
} from "./runtime/health.ts";
import {
  exitAfterFatalClose,
  guardProcess,
  loadConfigOrExit,
  NO_TOKEN_EXIT_CODE,
  NO_TOKEN_LINE,
  onShutdown,
} from "./runtime/process.ts";

loadDotenv({ quiet: true });

const config = loadConfigOrExit();

if (config.discord === null) {
  const { runConsole } = await import("./console/console.ts");
  const read = await runConsole();
  if (read === 0 && !process.stdin.isTTY) {
    process.stderr.write(`${NO_TOKEN_LINE}\n`);
    process.exitCode = NO_TOKEN_EXIT_CODE;
  }
} else {
  // Censored in every log line, including the sharding manager's (which never calls startBot).
  registerDiscordSecrets(config.discord);
  const logger = createLogger(config.logLevel);
  guardProcess(logger);

  try {
    if (config.shards !== null) {
      // The manager never loads the bot itself (engine, commands): only the shard processes do.
      const { runShardingManager } = await import("./scale/manager.ts");
      await runShardingManager(config, logger);
    } else {
      let bot: Bot | HttpBot | null = null;
      let health: HealthServer | null = null;
      onShutdown(async () => {
        await bot?.stop();
        await health?.close();
      }, logger);
      const gateway = config.gateway !== false;
      if (config.health) {
        // Up before the bot connects, so an orchestrator sees 503 (starting) rather than nothing.
        health = await startHealthServer({
          ...config.health,
          logger,
          // Without the gateway, ready means the interactions endpoint is listening.
          report: () => bot?.health() ?? startingHealth(gateway ? "single" : "http"),
          // Absent from the report until the bot has opened its store.
          store: () => (bot ? checkStore(bot.store) : undefined),
        });
      }
      if (gateway) {
        const { startBot } = await import("./discord/gateway/bot.ts");
        bot = await startBot(config, {
          logger,
          // Nothing in this process would bring the gateway back: exit, so the supervisor restarts it.
          onFatalClose: () => exitAfterFatalClose(() => bot?.stop()),
        });
      } else {
        const { startHttpBot } = await import("./discord/http/bot.ts");
        bot = await startHttpBot(config, { logger });
      }
    }
  } catch (error) {
    // By name: importing their modules here would load discord.js and SQLite for the console too.
    if (error instanceof Error && ["StoreUnavailable", "StartFailure"].includes(error.name)) {
      // A person can act on this one line; the stack would only hide it.
      process.stderr.write(`${redactSecrets(error.message)}\n`);
      logger.fatal({ error: error.message }, "could not start the bot");
    } else {
      logger.fatal({ err: error }, "could not start the bot");
    }
    process.exit(1);
  }
}
