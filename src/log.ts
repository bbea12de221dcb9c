/**
 * Structured logging (pino). Logs go to stderr so that the console front end can own stdout.
 * The bot token is redacted wherever it could appear in a logged object.
 */
import { type Logger, pino } from "pino";
import type { LogLevel } from "./config.ts";

export type { Logger };

export function createLogger(level: LogLevel = "info"): Logger {
  return pino(
    {
      level,
      base: { app: "declaration-bot" },
      redact: {
        paths: [
          "token",
          "*.token",
          "config.discord.token",
          "discord.token",
          "headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

/** Replaces every occurrence of a secret in a string: for error messages and stacks we print. */
export function redact(text: string, secret: string | null | undefined): string {
  if (!secret) return text;
  return text.split(secret).join("[redacted]");
}
