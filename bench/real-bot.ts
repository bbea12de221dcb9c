/**
 * The bot under test in `npm run bench:e2e`: exactly what `npm start` runs (`startBot`, with the
 * production client configuration of src/discord/gateway/client.ts), configured through the same
 * environment variables, logging silenced. Only the identify throttle is dropped, as in the
 * end-to-end tests, since the loopback gateway has no rate limit to respect.
 *
 * Run by bench/e2e.ts compiled (bench/build.ts) as `node --expose-gc`, with BENCH_API_URL,
 * BENCH_TOKEN and BENCH_DATA_DIR set, and BENCH_DATABASE_URL for the PostgreSQL store ("bot-pg").
 */
import { startBot } from "../src/discord/gateway/bot.ts";
import { benchConfig } from "./bench-config.ts";
import { loopbackClientOptions, watchClient } from "./bot-child.ts";
import { failStartup, fakeFromEnv, serveParent } from "./child.ts";

async function main(): Promise<void> {
  const config = benchConfig();
  const { ws } = loopbackClientOptions(fakeFromEnv().apiUrl);
  const bot = await startBot(config, { clientOptions: { ws } });
  // Registration runs in the background after ready; let it finish before anything is measured.
  await bot.commandsSynced;
  serveParent(watchClient(bot.client), () => bot.stop());
}

main().catch(failStartup);
