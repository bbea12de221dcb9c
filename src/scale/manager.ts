/**
 * `DISCORD_SHARDS=auto|N`: the sharding manager. It runs this host's shards (DISCORD_SHARD_IDS,
 * all of them by default) in shard processes of DISCORD_SHARDS_PER_PROCESS shards each: one
 * discord.js client per process, so N shards cost ⌈N/k⌉ processes.
 *
 * This process connects to nothing itself and never loads discord.js. It reads the shard count (for
 * `auto`) and how many shards may identify at once from `GET /gateway/bot` through DISCORD_API_URL
 * when set, then forks `shard.ts` per group of shards. Not discord.js's ShardingManager: that one
 * runs one shard per process and every shard of the bot on one host.
 *
 * Identify pacing: the shard processes ask this process before each IDENTIFY (ipc.ts), and it
 * answers through the host's one throttler, shared with the other hosts through PostgreSQL when
 * DATABASE_URL is set (identify-throttler.ts). A process that dies is restarted with the same
 * shards, after a back-off that grows while it keeps failing. The manager serves the health
 * endpoint and the metrics for its shards, and on SIGINT/SIGTERM stops every shard process and exits
 * 0 within 5 s.
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { REST } from "@discordjs/rest";
import { type RESTGetAPIGatewayBotResult, Routes } from "discord-api-types/v10";
import type { Config, DiscordConfig } from "../config.ts";
import { type Logger, registerUrlPassword } from "../log.ts";
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
} from "../runtime/health.ts";
import { onShutdown, SHUTDOWN_DEADLINE_MS } from "../runtime/process.ts";
import {
  botKey,
  IDENTIFY_SPACING_MS,
  type IdentifyThrottler,
  LocalIdentifyThrottler,
  PostgresIdentifyThrottler,
} from "./identify-throttler.ts";
import { isReadyMessage, serveIdentify } from "./ipc.ts";

/** The script forked per group of shards: shard.js beside a compiled manager (npm start), shard.ts under tsx. */
export const SHARD_ENTRY = fileURLToPath(
  new URL(import.meta.url.endsWith(".ts") ? "./shard.ts" : "./shard.js", import.meta.url),
);

/** How long a process has to become ready at start, beyond waiting for its identify turns. */
const SHARD_READY_TIMEOUT_MS = 30_000;
/** How long a shard process has to answer a health question. */
const HEALTH_ANSWER_MS = 1000;
/** The first restart of a failing process waits this long, doubling on each failure after it… */
const RESTART_DELAY_MS = 1_000;
/** …up to this: a reset token must not make the host hammer Discord. */
const MAX_RESTART_DELAY_MS = 5 * 60_000;
/** A process that stayed ready this long before it exited starts the back-off afresh. */
const STABLE_MS = 10 * 60_000;

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

/** This host's shards in groups of `perProcess`, in order: [0,1,2,3,4] by 2 → [[0,1],[2,3],[4]]. */
export function shardGroups(ids: readonly number[], perProcess: number): number[][] {
  const size = Math.max(1, perProcess);
  const groups: number[][] = [];
  for (let i = 0; i < ids.length; i += size) groups.push(ids.slice(i, i + size));
  return groups;
}

/** The wait before restarting a process that has failed `failures` times in a row (1 = first). */
export function restartDelay(failures: number): number {
  return Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** Math.max(0, failures - 1));
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
 * The execArgv of a shard process: the manager's V8 flags, plus tsx's loader for a .ts script
 * (resolved from here, not from the cwd).
 */
function shardArgs(file: string): string[] {
  const v8 = forwardedFlags(process.execArgv);
  return file.endsWith(".ts") ? [...v8, "--import", import.meta.resolve("tsx")] : v8;
}

/** The `shard` field of log lines about a process: its id, or its ids when it runs several. */
export function shardField(ids: readonly number[]): number | number[] {
  return ids.length === 1 ? (ids[0] as number) : [...ids];
}

let nonce = 0;

/** One shard process and its restarts. */
class ShardProcess {
  child: ChildProcess | null = null;
  ready = false;
  private stopping = false;
  private failures = 0;
  private readyAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private cancelIdentifies: () => void = () => {};
  /** Questions waiting for the process's answer, by nonce: one IPC listener serves them all. */
  private readonly waiting = new Map<number, (reply: ShardRequest | undefined) => void>();
  /** Settles at the first ready, or fails if the process exits before it (start-up only). */
  readonly firstReady: Promise<void>;
  private settleFirst: (error?: Error) => void = () => {};

  constructor(
    readonly ids: number[],
    private readonly total: number,
    /** Shard processes on this host, this one included. */
    private readonly processesOnHost: number,
    private readonly throttler: IdentifyThrottler,
    private readonly logger: Logger,
  ) {
    this.firstReady = new Promise<void>((resolve, reject) => {
      this.settleFirst = (error) => (error ? reject(error) : resolve());
    });
    this.firstReady.catch(() => {});
  }

  spawn(): void {
    const args = ["--shards", this.ids.join(","), "--of", String(this.total)];
    const child = fork(SHARD_ENTRY, [...args, "--processes", String(this.processesOnHost)], {
      execArgv: shardArgs(SHARD_ENTRY),
    });
    this.child = child;
    this.ready = false;
    const shard = shardField(this.ids);
    this.logger.info({ shard, pid: child.pid }, "shard process started");
    // A send to a process that just died must not take the manager down with it.
    child.on("error", (error) => this.logger.debug({ shard, err: error }, "shard process IPC"));
    this.cancelIdentifies = serveIdentify(child, new Set(this.ids), this.throttler, (error) =>
      this.logger.error({ shard, err: error }, "identify throttling failed"),
    );
    child.on("message", (message: unknown) => {
      if (isShardRequest(message)) {
        this.waiting.get(message.nonce)?.(message);
        return;
      }
      if (!isReadyMessage(message)) return;
      this.ready = true;
      this.readyAt = Date.now();
      this.logger.info({ shard }, "shard ready");
      this.settleFirst();
    });
    child.once("exit", (code, signal) => this.onExit(child, code, signal));
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    this.cancelIdentifies();
    if (this.child === child) this.child = null;
    this.ready = false;
    const shard = shardField(this.ids);
    if (this.stopping) return;
    this.settleFirst(
      new Error(`shard process for shard ${this.ids.join(",")} exited (${code ?? signal})`),
    );
    const stable = this.readyAt > 0 && Date.now() - this.readyAt >= STABLE_MS;
    this.failures = stable ? 1 : this.failures + 1;
    this.readyAt = 0;
    const delayMs = restartDelay(this.failures);
    this.logger.warn(
      { shard, pid: child.pid, code, signal, delayMs },
      "shard process exited; restarting",
    );
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.spawn();
    }, delayMs);
  }

  /** SIGTERM, then SIGKILL if it is still there after `graceMs`; no restart after this. */
  stop(graceMs: number): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.cancelIdentifies();
    const child = this.child;
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

  /** Asks the process a question; null when it is down, undefined on no answer in time. */
  ask<Reply extends ShardRequest>(type: Reply["type"]): Promise<Reply | null | undefined> {
    const child = this.child;
    if (!child?.connected) return Promise.resolve(null);
    const request: ShardRequest = { type, nonce: ++nonce };
    return new Promise((resolve) => {
      const done = (reply: ShardRequest | undefined) => {
        clearTimeout(timer);
        this.waiting.delete(request.nonce);
        resolve(reply?.type === type ? (reply as Reply) : undefined);
      };
      const timer = setTimeout(() => done(undefined), HEALTH_ANSWER_MS);
      this.waiting.set(request.nonce, done);
      child.send(request, (error) => {
        if (error) done(undefined);
      });
    });
  }

  /**
   * Its shards' health (asked over IPC; "down" while there is no process, "starting" before it
   * answers) and its store's.
   */
  async health(): Promise<{ shards: ShardHealth[]; store?: StoreHealth }> {
    const unknown = (status: string) => ({
      shards: this.ids.map((id) => ({ id, status, ping: null, guilds: null })),
    });
    const answer = await this.ask<HealthReply>(HEALTH_MESSAGE);
    if (answer === null) return unknown("down");
    // A process that is not ready may still be loading, not listening yet.
    if (answer === undefined) return unknown(this.ready ? "unresponsive" : "starting");
    const shards = this.ids.map(
      (id) =>
        (answer.shards ?? []).find((s) => s.id === id) ?? {
          id,
          status: "starting",
          ping: null,
          guilds: null,
        },
    );
    return { shards, ...(answer.store && { store: answer.store }) };
  }

  /**
   * Its metrics, each series labelled with its shard, or its shards ("0,1"): counters and memory
   * belong to the process, which serves them all.
   */
  async metrics(): Promise<MetricsJson | null> {
    const reply = await this.ask<MetricsReply>(METRICS_MESSAGE);
    return reply ? shardSeries(this.ids.join(","), reply.metrics) : null;
  }
}

/** Every shard of this host as the manager sees it (see ShardHealth.status). */
async function managerHealth(
  processes: readonly ShardProcess[],
  count: number,
): Promise<HealthReport> {
  const answers = await Promise.all(processes.map((p) => p.health()));
  const shards = answers.flatMap((a) => a.shards).sort((a, b) => a.id - b.id);
  const stores = answers.flatMap((a) => (a.store ? [a.store] : []));
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
 * The metrics of every shard process that answers, labelled by shard.
 *
 * Labelled, not summed (prom-client's cluster aggregation): a shard process that restarts starts
 * its counters from zero, which Prometheus handles per series but would read as a drop in a sum;
 * and per-process figures (memory, event-loop lag) mean nothing added up. A dashboard sums over
 * `shard` where it wants the bot's total.
 */
async function shardMetrics(processes: readonly ShardProcess[]): Promise<MetricsJson[]> {
  const replies = await Promise.all(processes.map((p) => p.metrics()));
  return replies.flatMap((reply) => (reply ? [reply] : []));
}

/** The host's identify throttler: shared through PostgreSQL with DATABASE_URL, local otherwise. */
function hostThrottler(config: Config, maxConcurrency: number, logger: Logger): IdentifyThrottler {
  if (!config.database || !config.discord) return new LocalIdentifyThrottler(maxConcurrency);
  // A driver error that quoted the connection string must not print its password.
  registerUrlPassword(config.database.url);
  return new PostgresIdentifyThrottler({
    url: config.database.url,
    maxConcurrency,
    bot: botKey(config.discord.token),
    logger,
  });
}

/**
 * Starts the health endpoint (if configured) and every shard process; resolves once all are ready
 * (the process then lives on in the shard processes until a signal). Rejects, after stopping
 * whatever was started, when a shard process fails before its first ready.
 */
export async function runShardingManager(config: Config, logger: Logger): Promise<void> {
  const discord = config.discord;
  if (!discord || config.shards === null) throw new Error("runShardingManager: not configured");
  const setting = config.shards;

  let processes: ShardProcess[] = [];
  let expected = 0;
  let throttler: IdentifyThrottler | null = null;
  let stopping = false;
  let health: HealthServer | null = null;

  const stopAll = async () => {
    stopping = true;
    await Promise.all(processes.map((p) => p.stop(SHUTDOWN_DEADLINE_MS - 500)));
    await throttler?.close();
    await health?.close();
    logger.info("all shards stopped");
  };
  onShutdown(stopAll, logger);

  if (config.health) {
    // Before the gateway is asked, the report says "not ready" with no shards.
    health = await startHealthServer({
      ...config.health,
      logger,
      report: () => managerHealth(processes, expected),
      metrics: () => shardMetrics(processes),
    });
  }

  let gateway: GatewayInfo;
  try {
    gateway = await fetchGatewayInfo(discord);
  } catch (error) {
    if (setting === "auto") throw error;
    // A fixed count does not need Discord's recommendation; identify at the most cautious pace.
    logger.warn({ err: error }, "GET /gateway/bot failed; identifying one shard at a time");
    gateway = { shards: setting, maxConcurrency: 1 };
  }
  const total = setting === "auto" ? gateway.shards : setting;
  const local = config.shardIds ?? Array.from({ length: total }, (_, id) => id);
  const groups = shardGroups(local, config.shardsPerProcess ?? 1);
  throttler = hostThrottler(config, gateway.maxConcurrency, logger);
  logger.info(
    {
      shards: total,
      setting,
      recommended: gateway.shards,
      maxConcurrency: gateway.maxConcurrency,
      hostShards: local.length === total ? "all" : local,
      processes: groups.length,
      identifyPacing: config.database ? "postgresql" : "host",
    },
    "starting shards",
  );
  if (stopping) return;
  const host = throttler;
  processes = groups.map((ids) => new ShardProcess(ids, total, groups.length, host, logger));
  expected = local.length;
  for (const p of processes) p.spawn();

  // Every shard of the bot may have to wait for its identify turn, on this host or another.
  const turns = Math.ceil(total / Math.max(1, gateway.maxConcurrency));
  const deadline = SHARD_READY_TIMEOUT_MS + turns * IDENTIFY_SPACING_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(processes.map((p) => p.firstReady)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`shards not ready within ${Math.round(deadline / 1000)} s`)),
          deadline,
        );
      }),
    ]);
  } catch (error) {
    if (stopping) return;
    // A shard that cannot start (bad token, Discord unreachable) fails the whole start, as in
    // one-process mode; the caller logs it and exits 1.
    await stopAll();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (!stopping) logger.info({ shards: local.length }, "all shards ready");
}
