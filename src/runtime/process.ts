/**
 * Process plumbing shared by the three ways the bot runs (one process, the sharding manager, a
 * shard process): crash guards and a shutdown that always ends within Discord-friendly time.
 */
import { type Config, ConfigError, loadConfig } from "../config.ts";
import type { Logger } from "../log.ts";

/** SIGINT/SIGTERM end the process, exit code 0, within 5 s. */
export const SHUTDOWN_DEADLINE_MS = 4500;

/** The settings, or every problem with them on stderr and exit code 1 (never a stack trace). */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** A stray rejection or exception is logged, never allowed to take the process down. */
export function guardProcess(logger: Logger): void {
  process.on("unhandledRejection", (reason) =>
    logger.error({ err: reason }, "unhandled rejection"),
  );
  process.on("uncaughtException", (error) => logger.error({ err: error }, "uncaught exception"));
}

/**
 * Runs `stop` once on SIGINT or SIGTERM (and, for a shard process, when the IPC channel to the
 * manager closes: the manager is gone), then exits 0; 1 when `stop` throws. Exits 0 anyway after
 * SHUTDOWN_DEADLINE_MS, so a Discord that never answers the close handshake cannot hold the
 * process. A second identical signal (Ctrl-C twice) gets Node's default: immediate termination.
 */
export function onShutdown(
  stop: (reason: string) => Promise<void>,
  logger: Logger,
  { onDisconnect = false }: { onDisconnect?: boolean } = {},
): void {
  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal: reason }, "shutting down");
    setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
    stop(reason).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  if (onDisconnect) process.once("disconnect", () => shutdown("manager disconnected"));
}

/**
 * `npm start` without DISCORD_TOKEN and with nothing on a standard input that is not a terminal
 * (a supervisor's /dev/null): EX_CONFIG, like a fatal close, since only a person can fix it.
 */
export const NO_TOKEN_EXIT_CODE = 78;
/** The one line it prints on stderr. */
export const NO_TOKEN_LINE =
  "DISCORD_TOKEN is not set and no questions came on standard input (not a terminal): set DISCORD_TOKEN (in .env or the environment, see .env.example) to run the bot, or pipe questions in for the local console";

/**
 * Exit code after a gateway close that discord.js does not recover from (4004, 4010–4014):
 * EX_CONFIG, since only a person (a new token, more shards, the intent switch) can fix it.
 */
export const FATAL_CLOSE_EXIT_CODE = 78;
/**
 * How long the process stays up, reporting unhealthy, before it exits after such a close: long
 * enough for the health endpoint to be read, and a floor under the restart loop of a supervisor
 * that restarts at once.
 */
export const FATAL_CLOSE_HOLD_MS = 3_000;

/** Stops the bot after FATAL_CLOSE_HOLD_MS, then exits with FATAL_CLOSE_EXIT_CODE. */
export function exitAfterFatalClose(stop: () => Promise<void> | undefined): void {
  setTimeout(() => {
    // A stop that hangs (Discord never answering the close) must not keep the process.
    setTimeout(() => process.exit(FATAL_CLOSE_EXIT_CODE), SHUTDOWN_DEADLINE_MS).unref();
    Promise.resolve()
      .then(stop)
      .catch(() => {})
      .finally(() => process.exit(FATAL_CLOSE_EXIT_CODE));
  }, FATAL_CLOSE_HOLD_MS);
}
