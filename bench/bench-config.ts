/**
 * The settings of the bench children that run the bot (bench/real-bot.ts, bench/http-bot.ts), as
 * `npm start` would read them from the environment. No discord.js here: the HTTP-only bot loads none.
 */
import { type Config, loadConfig } from "../src/config.ts";
import { fakeFromEnv } from "./child.ts";

/**
 * The bot's settings as `npm start` would read them from the environment, pointed at the parent's
 * loopback Discord and a fresh data directory, logging silenced; on PostgreSQL (DATABASE_URL) when
 * the parent passes BENCH_DATABASE_URL, a fresh database of its server; `env` adds settings.
 */
export function benchConfig(env: Record<string, string> = {}): Config {
  const fake = fakeFromEnv();
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error("bench child: BENCH_DATA_DIR must be set");
  return loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
    ...env,
  });
}
