/**
 * The script the sharding manager forks per group of shards (see manager.ts); not run directly.
 *
 * Its shards come as arguments, `--shards 0,1 --of 4`, never as the SHARDS / SHARD_COUNT
 * environment variables that discord.js's Client would read by itself. It is the ordinary bot with
 * one discord.js client running those shards, a logger naming them, and an identify throttler that
 * asks the manager (ipc.ts). Only the process running shard 0 registers the commands. It answers
 * the manager's health questions, tells it when its shards are ready, and stops when the manager
 * goes away (its IPC channel closes), so no shard outlives a killed manager.
 */
import { parseArgs } from "node:util";
import { type Bot, startBot } from "../discord/gateway/bot.ts";
import { clientShards } from "../discord/gateway/health.ts";
import { createLogger, registerSecret } from "../log.ts";
import { HEALTH_MESSAGE, type HealthReply, isHealthMessage } from "./health.ts";
import { ManagerIdentifyThrottler, READY_MESSAGE } from "./ipc.ts";
import { exitAfterFatalClose, guardProcess, loadConfigOrExit, onShutdown } from "./process.ts";

function shardsFromArgs(): { ids: number[]; total: number } | null {
  try {
    const { values } = parseArgs({
      options: { shards: { type: "string" }, of: { type: "string" } },
    });
    const ids = (values.shards ?? "").split(",").filter(Boolean).map(Number);
    const total = Number(values.of);
    const valid =
      ids.length > 0 && Number.isInteger(total) && ids.every((id) => id >= 0 && id < total);
    return valid ? { ids, total } : null;
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

registerSecret(discord.token);
const { ids, total } = assigned;
const logger = createLogger(config.logLevel).child({ shard: ids.length === 1 ? ids[0] : ids });
guardProcess(logger);

let bot: Bot | null = null;

process.on("message", (message: unknown) => {
  if (!isHealthMessage(message)) return;
  const reply: HealthReply = {
    type: HEALTH_MESSAGE,
    nonce: message.nonce,
    shards: bot ? clientShards(bot.client) : [],
  };
  send(reply);
});

onShutdown(async () => bot?.stop(), logger, { onDisconnect: true });

const throttler = new ManagerIdentifyThrottler(send);
try {
  bot = await startBot(config, {
    logger,
    registerCommands: ids.includes(0),
    clientOptions: {
      shards: ids,
      shardCount: total,
      ws: { buildIdentifyThrottler: () => throttler },
    },
    onFatalClose: () => exitAfterFatalClose(() => bot?.stop()),
  });
  send({ type: READY_MESSAGE });
} catch (error) {
  logger.fatal({ err: error }, "could not start the shard");
  process.exit(1);
}
