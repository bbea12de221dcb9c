/**
 * `DISCORD_SHARDS=auto|N`: the bot under discord.js's own ShardingManager, one process per shard.
 *
 * This process connects to nothing itself. It reads the shard count (and how many shards may
 * identify at once) from `GET /gateway/bot` through the bot's REST client, so DISCORD_API_URL is
 * honoured (ShardingManager's own `'auto'` look-up always calls discord.com), then forks
 * `shard.ts` once per shard under tsx. A shard process that dies is respawned by discord.js. The
 * manager serves the health endpoint for all shards, and on SIGINT/SIGTERM stops every shard and
 * exits 0 within 5 s.
 */
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  REST,
  type RESTGetAPIGatewayBotResult,
  Routes,
  type Shard,
  ShardingManager,
} from "discord.js";
import type { Config, DiscordConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import { type MetricsJson, shardSeries } from "../metrics.ts";
import {
  HEALTH_MESSAGE,
  type HealthReply,
  type HealthReport,
  type HealthServer,
  isReady,
  isShardRequest,
  METRICS_MESSAGE,
  type MetricsReply,
  type ShardHealth,
  type ShardRequest,
  type StoreHealth,
  startHealthServer,
} from "./health.ts";
import { onShutdown, SHUTDOWN_DEADLINE_MS } from "./process.ts";

/** The script forked per shard: shard.js beside a compiled manager (npm start), shard.ts under tsx. */
export const SHARD_ENTRY = fileURLToPath(
  new URL(import.meta.url.endsWith(".ts") ? "./shard.ts" : "./shard.js", import.meta.url),
);

/** Discord allows one IDENTIFY per 5 s per rate-limit bucket (shard id % max_concurrency). */
const IDENTIFY_INTERVAL_MS = 5500;
/** How long a shard has to connect and become ready before start-up is declared failed. */
const SHARD_READY_TIMEOUT_MS = 30_000;
/** How long a shard process has to answer a health question. */
const HEALTH_ANSWER_MS = 1000;

export interface GatewayInfo {
  /** Shards Discord recommends. */
  shards: number;
  /** Shards that may identify at the same time. */
  maxConcurrency: number;
}

/** `GET /gateway/bot` through the bot's REST client, i.e. through DISCORD_API_URL when set. */
export async function fetchGatewayInfo(discord: DiscordConfig): Promise<GatewayInfo> {
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  try {
    const body = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return { shards: body.shards, maxConcurrency: body.session_start_limit.max_concurrency };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/**
 * The pause between two shard spawns: shards i and i + maxConcurrency share an identify bucket,
 * so spacing every spawn by 5.5 s / maxConcurrency keeps each bucket at one IDENTIFY per 5.5 s.
 */
export function spawnDelay(total: number, maxConcurrency: number): number {
  const concurrency = Math.max(1, maxConcurrency);
  return concurrency >= total ? 0 : Math.ceil(IDENTIFY_INTERVAL_MS / concurrency);
}

/**
 * The V8 flags npm start sets (--max-semi-space-size, --v8-pool-size, --compact-on-every-full-gc,
 * --interrupt-budget): shards get the manager's own.
 */
const V8_FLAG =
  /^--(?:(?:max-(?:semi|old)-space-size|v8-pool-size|interrupt-budget)=|compact-on-every-full-gc$)/;

/** Of the manager's node flags, those its shards get too. */
export function forwardedFlags(execArgv: readonly string[]): string[] {
  return execArgv.filter((flag) => V8_FLAG.test(flag));
}

/**
 * The execArgv of a shard: the manager's V8 flags, plus tsx's loader for a .ts script (resolved
 * from here, not from the cwd).
 */
function shardArgs(file: string): string[] {
  const v8 = forwardedFlags(process.execArgv);
  return file.endsWith(".ts") ? [...v8, "--import", import.meta.resolve("tsx")] : v8;
}

let nonce = 0;

/** Asks one shard process a question; null when it is down, undefined on no answer in time. */
function askShard<Reply extends ShardRequest>(
  shard: Shard,
  type: Reply["type"],
): Promise<Reply | null | undefined> {
  const child = shard.process;
  if (!child?.connected) return Promise.resolve(null);
  const request: ShardRequest = { type, nonce: ++nonce };
  return new Promise((resolve) => {
    const done = (result: Reply | null | undefined) => {
      clearTimeout(timer);
      shard.off("message", onMessage);
      resolve(result);
    };
    // Shard re-emits every IPC message that is not one of discord.js's own as "message".
    const onMessage = (message: unknown) => {
      if (isShardRequest(message) && message.type === type && message.nonce === request.nonce) {
        done(message as Reply);
      }
    };
    const timer = setTimeout(() => done(undefined), HEALTH_ANSWER_MS);
    shard.on("message", onMessage);
    shard.send(request).catch(() => done(null));
  });
}

/** Every expected shard's health as the manager sees it (see ShardHealth.status). */
export async function managerHealth(
  manager: ShardingManager,
  total: number | null,
): Promise<HealthReport> {
  const count = total ?? 0;
  const stores: StoreHealth[] = [];
  const shards = await Promise.all(
    Array.from({ length: count }, async (_, id): Promise<ShardHealth> => {
      const unknown = { id, ping: null, guilds: null };
      const shard = manager.shards.get(id);
      if (!shard) return { ...unknown, status: "spawning" };
      const answer = await askShard<HealthReply>(shard, HEALTH_MESSAGE);
      if (answer === null) return { ...unknown, status: "down" };
      // A process that is not ready may still be loading, not listening yet.
      if (answer === undefined)
        return { ...unknown, status: shard.ready ? "unresponsive" : "starting" };
      if (answer.store) stores.push(answer.store);
      return (answer.shards ?? []).find((s) => s.id === id) ?? { ...unknown, status: "starting" };
    }),
  );
  const [first] = stores;
  // Every shard process has its own connection to the one store: it answers if it answers them all.
  const store = first && { engine: first.engine, ok: stores.every((s) => s.ok) };
  return {
    ready: isReady(count, shards),
    mode: "sharded",
    shardCount: count,
    shards,
    ...(store && { store }),
  };
}

/**
 * The metrics of every shard process that answers, each value labelled with its shard id.
 *
 * Labelled, not summed (prom-client's cluster aggregation): a shard process that restarts starts
 * its counters from zero, which Prometheus handles per series but would read as a drop in a sum;
 * and per-process figures (memory, event-loop lag) mean nothing added up. A dashboard sums over
 * `shard` where it wants the bot's total.
 */
export async function shardMetrics(manager: ShardingManager): Promise<MetricsJson[]> {
  const replies = await Promise.all(
    [...manager.shards.values()].map(async (shard) => ({
      id: shard.id,
      reply: await askShard<MetricsReply>(shard, METRICS_MESSAGE),
    })),
  );
  return replies.flatMap(({ id, reply }) => (reply ? [shardSeries(id, reply.metrics)] : []));
}

/** SIGTERM to one shard process, SIGKILL if it is still there after `graceMs`. */
function stopChild(child: ChildProcess | null, graceMs: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Starts the health endpoint (if configured) and every shard; resolves once all are ready (the
 * process then lives on in the shard processes until a signal). Rejects, after stopping whatever
 * was started, when a shard does not become ready.
 */
export async function runShardingManager(config: Config, logger: Logger): Promise<void> {
  const discord = config.discord;
  if (!discord || config.shards === null) throw new Error("runShardingManager: not configured");
  const token = discord.token;
  const setting = config.shards;

  // Placeholders until the gateway has been asked: the health endpoint reports "not ready".
  let total: number | null = null;
  let manager: ShardingManager | null = null;
  let stopping = false;
  let health: HealthServer | null = null;

  const stopAll = async () => {
    stopping = true;
    const current = manager;
    if (current) {
      current.respawn = false;
      const children = [...current.shards.values()].map((shard) => shard.process);
      await Promise.all(children.map((child) => stopChild(child, SHUTDOWN_DEADLINE_MS - 500)));
    }
    await health?.close();
    logger.info("all shards stopped");
  };
  onShutdown(stopAll, logger);

  if (config.health) {
    health = await startHealthServer({
      ...config.health,
      logger,
      report: () =>
        manager
          ? managerHealth(manager, total)
          : { ready: false, mode: "sharded", shardCount: 0, shards: [] },
      metrics: async () => (manager ? shardMetrics(manager) : []),
    });
  }

  let gateway: GatewayInfo;
  try {
    gateway = await fetchGatewayInfo(discord);
  } catch (error) {
    if (setting === "auto") throw error;
    // A fixed count does not need Discord's recommendation; spawn at the most cautious pace.
    logger.warn({ err: error }, "GET /gateway/bot failed; spawning slowly");
    gateway = { shards: setting, maxConcurrency: 1 };
  }
  const count = setting === "auto" ? gateway.shards : setting;
  total = count;
  const delay = spawnDelay(count, gateway.maxConcurrency);
  logger.info(
    { shards: count, setting, recommended: gateway.shards, delayMs: delay },
    "starting shards",
  );

  manager = new ShardingManager(SHARD_ENTRY, {
    totalShards: count,
    token,
    mode: "process",
    respawn: true,
    execArgv: shardArgs(SHARD_ENTRY),
  });
  manager.on("shardCreate", (shard) => {
    // mode "process": the spawn/death argument is always a ChildProcess, never a Worker.
    shard.on("spawn", (child) =>
      logger.info({ shard: shard.id, pid: (child as ChildProcess).pid }, "shard process started"),
    );
    shard.on("ready", () => logger.info({ shard: shard.id }, "shard ready"));
    shard.on("death", (died) => {
      if (stopping) return;
      const child = died as ChildProcess;
      logger.warn(
        { shard: shard.id, pid: child.pid, code: child.exitCode, signal: child.signalCode },
        "shard process exited; respawning",
      );
    });
    shard.on("error", (error: unknown) =>
      logger.error({ shard: shard.id, err: error }, "shard error"),
    );
  });

  try {
    await manager.spawn({ amount: count, delay, timeout: SHARD_READY_TIMEOUT_MS });
  } catch (error) {
    if (stopping) return;
    // A shard that cannot start (bad token, Discord unreachable) fails the whole start, as in
    // one-process mode; the caller logs it and exits 1.
    await stopAll();
    throw error;
  }
  if (!stopping) logger.info({ shards: count }, "all shards ready");
}
