/**
 * `npm start`: with DISCORD_TOKEN set, runs the Discord bot; without it, the local console.
 * Settings come from the environment and `.env`, validated once (src/config.ts).
 */
import { config as loadDotenv } from "dotenv";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { startBot } from "./discord/bot.ts";
import { createLogger, redact } from "./log.ts";

loadDotenv({ quiet: true });

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

if (config.discord === null) {
  const { runConsole } = await import("./console.ts");
  await runConsole();
} else {
  const token = config.discord.token;
  const logger = createLogger(config.logLevel);
  const text = (error: unknown) =>
    redact(error instanceof Error ? (error.stack ?? error.message) : String(error), token);
  // A stray rejection or exception is logged, never allowed to take the bot down.
  process.on("unhandledRejection", (reason) =>
    logger.error({ error: text(reason) }, "unhandled rejection"),
  );
  process.on("uncaughtException", (error) =>
    logger.error({ error: text(error) }, "uncaught exception"),
  );

  try {
    const bot = await startBot(config, { logger });
    const shutdown = (signal: string) => {
      logger.info({ signal }, "shutting down");
      // Exit within 5 s even if Discord does not answer the close handshake.
      setTimeout(() => process.exit(0), 5000).unref();
      bot.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ error: text(error) }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  } catch (error) {
    logger.fatal({ error: text(error) }, "could not start the bot");
    process.exit(1);
  }
}
