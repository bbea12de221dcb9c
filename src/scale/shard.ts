/**
 * The script discord.js's ShardingManager forks once per shard (see manager.ts); not run directly.
 *
 * discord.js passes the shard through the environment: `SHARDS` (this process's shard id) and
 * `SHARD_COUNT`, which the Client reads itself, so this is the ordinary bot with a per-shard logger.
 * Only shard 0 registers the commands. It also answers the manager's health and metrics questions,
 * and stops when the manager goes away (its IPC channel closes), so no shard outlives a killed
 * manager.
 */
import { type Bot, startBot } from "../discord/gateway/bot.ts";
import { clientShards } from "../discord/gateway/health.ts";
import { createLogger, registerSecret } from "../log.ts";
import { enableMetrics, metricsJson } from "../metrics.ts";
import {
  checkStore,
  HEALTH_MESSAGE,
  type HealthReply,
  isShardRequest,
  METRICS_MESSAGE,
  type MetricsReply,
} from "./health.ts";
import { guardProcess, loadConfigOrExit, onShutdown } from "./process.ts";

if (!process.send || !process.env.SHARDING_MANAGER) {
  process.stderr.write(
    "src/scale/shard.ts is started by src/main.ts when DISCORD_SHARDS is set.\n",
  );
  process.exit(1);
}

// The environment is the manager's (with its .env already applied), inherited by the fork.
const config = loadConfigOrExit();
const discord = config.discord;
if (discord === null) {
  process.stderr.write("DISCORD_TOKEN is not set in the shard process.\n");
  process.exit(1);
}

const shardIds = ([] as number[]).concat(
  JSON.parse(process.env.SHARDS ?? "0") as number | number[],
);
registerSecret(discord.token);
const logger = createLogger(config.logLevel).child({
  shard: shardIds.length === 1 ? shardIds[0] : shardIds,
});
guardProcess(logger);

let bot: Bot | null = null;

// The manager serves /metrics from every shard's registry: counting starts before the bot does.
if (config.health) await enableMetrics();

process.on("message", (message: unknown) => {
  if (!isShardRequest(message)) return;
  if (message.type === METRICS_MESSAGE) {
    void metricsJson().then((metrics) => {
      const reply: MetricsReply = { type: METRICS_MESSAGE, nonce: message.nonce, metrics };
      process.send?.(reply);
    });
    return;
  }
  void answerHealth(message.nonce);
});

/** The manager waits HEALTH_ANSWER_MS (1 s) for the whole answer: the store gets half of it. */
async function answerHealth(nonce: number): Promise<void> {
  const shards = bot ? clientShards(bot.client) : [];
  const store = bot ? await checkStore(bot.store, 500) : undefined;
  const reply: HealthReply = { type: HEALTH_MESSAGE, nonce, shards, ...(store && { store }) };
  process.send?.(reply);
}

onShutdown(async () => bot?.stop(), logger, { onDisconnect: true });

try {
  bot = await startBot(config, { logger, registerCommands: shardIds.includes(0) });
} catch (error) {
  logger.fatal({ err: error }, "could not start the shard");
  process.exit(1);
}
