/**
 * The bot running some of the shards of a sharded bot in one process, as a shard process of the
 * sharding manager does (src/scale/shard.ts): `startBot` with the client's `shards` and
 * `shardCount`, commands registered by the process that runs shard 0. For `npm run bench:shards`.
 *
 * BENCH_SHARDS ("0,1") and BENCH_SHARD_COUNT ("4") name its shards, besides bench/child.ts's
 * variables. The identify throttle is dropped, as in the other bench children: the loopback
 * gateway has no rate limit to respect, and the pacing is not what is measured.
 */
import { startBot } from "../src/discord/gateway/bot.ts";
import { benchConfig } from "./bench-config.ts";
import { loopbackClientOptions, watchClient } from "./bot-child.ts";
import { failStartup, fakeFromEnv, serveParent } from "./child.ts";

async function main(): Promise<void> {
  const shards = (process.env.BENCH_SHARDS ?? "").split(",").filter(Boolean).map(Number);
  const shardCount = Number(process.env.BENCH_SHARD_COUNT);
  if (shards.length === 0 || !Number.isInteger(shardCount)) {
    throw new Error("shard-bot: BENCH_SHARDS and BENCH_SHARD_COUNT must be set");
  }
  const config = benchConfig();
  const { ws } = loopbackClientOptions(fakeFromEnv().apiUrl);
  const bot = await startBot(config, {
    registerCommands: shards.includes(0),
    clientOptions: { shards, shardCount, ws },
  });
  await bot.commandsSynced;
  serveParent(watchClient(bot.client), () => bot.stop());
}

main().catch(failStartup);
