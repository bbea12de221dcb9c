/**
 * The HTTP-only bot in `npm run bench:e2e`: what `npm start` runs with DISCORD_GATEWAY=off
 * (`startHttpBot`), configured through the same environment variables, logging silenced, its
 * interactions endpoint on a free port reported to the parent.
 *
 * Run by bench/e2e.ts (bench/http.ts) compiled as `node --expose-gc`, with BENCH_API_URL,
 * BENCH_TOKEN, BENCH_PUBLIC_KEY and BENCH_DATA_DIR set, and BENCH_DATABASE_URL for the PostgreSQL
 * store ("http-bot-pg").
 */
import { startHttpBot } from "../src/discord/http/bot.ts";
import { benchConfig } from "./bench-config.ts";
import { failStartup, fakeFromEnv, serveParent } from "./child.ts";

async function main(): Promise<void> {
  const config = benchConfig({
    DISCORD_GATEWAY: "off",
    INTERACTIONS_PORT: "0",
    DISCORD_PUBLIC_KEY: fakeFromEnv().publicKey,
  });
  const bot = await startHttpBot(config);
  await bot.commandsSynced;
  // No gateway client, so no caches to report (NO_CACHES).
  serveParent(null, () => bot.stop(), { port: bot.endpoint.port });
}

main().catch(failStartup);
