/**
 * The script the sharding manager forks per group of shards (see manager.ts); not run directly.
 *
 * Its shards come as arguments, `--shards 0,1 --of 4 --processes 2` (the last: how many shard
 * processes share the host, and so Discord's limit of invalid requests per IP address), never as
 * the SHARDS / SHARD_COUNT environment variables that discord.js's Client would read by itself. It is the ordinary bot with
 * one discord.js client running those shards, a logger naming them, and an identify throttler that
 * asks the manager (ipc.ts). Only the process running shard 0 registers the commands. It answers
 * the manager's health and metrics questions, tells it when its shards are ready, and stops when
 * the manager goes away (its IPC channel closes), so no shard outlives a killed manager.
 */
import { parseArgs } from "node:util";
import { type Bot, startBot } from "../discord/gateway/bot.ts";
import { clientShards } from "../discord/gateway/health.ts";
import { createLogger, registerDiscordSecrets } from "../log.ts";
import { enableMetrics, metricsJson } from "../metrics.ts";
import {
  checkStore,
  HEALTH_MESSAGE,
  type HealthReply,
  isShardRequest,
  METRICS_MESSAGE,
  type MetricsReply,
} from "../runtime/health.ts";
import {
  exitAfterFatalClose,
  guardProcess,
  loadConfigOrExit,
  onShutdown,
} from "../runtime/process.ts";
import { ManagerIdentifyThrottler, READY_MESSAGE } from "./ipc.ts";

function shardsFromArgs(): { ids: number[]; total: number; processes: number } | null {
  try {
    const { values } = parseArgs({
      options: {
        shards: { type: "string" },
        of: { type: "string" },
        processes: { type: "string", default: "1" },
      },
    });
    const ids = (values.shards ?? "").split(",").filter(Boolean).map(Number);
    const total = Number(values.of);
    const processes = Number(values.processes);
    const valid =
      ids.length > 0 &&
      Number.isInteger(total) &&
      ids.every((id) => id >= 0 && id < total) &&
      Number.isInteger(processes) &&
      processes >= 1;
    return valid ? { ids, total, processes } : null;
  } catch {
    return null;
  }
}

const send = process.send?.bind(process);
const assigned = shardsFromArgs();
if (!send || !assigned) {
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

registerDiscordSecrets(discord);
const { ids, total, processes } = assigned;
const logger = createLogger(config.logLevel).child({ shard: ids.length === 1 ? ids[0] : ids });
guardProcess(logger);

let bot: Bot | null = null;

// The manager serves /metrics from every shard's registry: counting starts before the bot does.
if (config.health) await enableMetrics();

process.on("message", (message: unknown) => {
  if (!isShardRequest(message)) return;
  if (message.type === METRICS_MESSAGE) {
    void metricsJson().then((metrics) => {
      const reply: MetricsReply = { type: METRICS_MESSAGE, nonce: message.nonce, metrics };
      send(reply);
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

const throttler = new ManagerIdentifyThrottler(send);
try {
  bot = await startBot(config, {
    logger,
    registerCommands: ids.includes(0),
    processesOnHost: processes,
    clientOptions: {
      shards: ids,
      shardCount: total,
      ws: { buildIdentifyThrottler: () => throttler },
    },
    onFatalClose: () => exitAfterFatalClose(() => bot?.stop()),
  });
  send({ type: READY_MESSAGE });
} catch (error) {
  // A store that cannot be opened says why in one line a person can act on, as npm start does.
  if (error instanceof Error && error.name === "StoreUnavailable") {
    process.stderr.write(`${error.message}\n`);
    logger.fatal({ error: error.message }, "could not start the shard");
  } else {
    logger.fatal({ err: error }, "could not start the shard");
  }
  process.exit(1);
}
