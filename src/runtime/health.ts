/**
 * The optional health endpoint (HEALTH_PORT) for container orchestrators.
 *
 * `GET /health` answers JSON: whether the bot is ready and, per gateway shard, its status and
 * heartbeat ping. 200 when every expected shard is ready, 503 otherwise (starting, reconnecting,
 * a shard process down). In one process the report comes from the bot itself (its `health()`:
 * the gateway client's shards, or the HTTP endpoint listening); under sharding the manager asks
 * every shard process (see manager.ts). With a store provider, the report also names the settings
 * store and whether it answers (`store`).
 *
 * `GET /metrics` on the same port serves Prometheus metrics (src/metrics.ts); its gateway and store
 * gauges are set from the same report, so the two endpoints never disagree. Requests that arrive
 * while a report (or a scrape) is being made get that one: however many probes come at once, each
 * shard process is asked once.
 *
 * @example
 * // curl -s 127.0.0.1:8080/health
 * // {"ready":true,"mode":"sharded","shardCount":2,"shards":[
 * //   {"id":0,"status":"ready","ping":41,"guilds":1204},{"id":1,"status":"ready","ping":39,"guilds":1187}]}
 */
import { createServer, type Server } from "node:http";
import type { Logger } from "../log.ts";
import { enableMetrics, type MetricsJson, scrapeMetrics } from "../metrics.ts";
import type { Store, StoreHealth } from "../store/index.ts";
import { coalesce } from "./coalesce.ts";
import { listen, requestTimeouts } from "./listen.ts";

export type { StoreHealth };

export interface ShardHealth {
  id: number;
  /**
   * discord.js's gateway status in camelCase ("ready", "connecting", "resuming",
   * "waitingForGuilds"…), or what the sharding manager knows of the shard's process: "spawning"
   * (not started yet), "starting" (process up, client not logged in), "down" (exited, respawning),
   * "unresponsive" (did not answer the manager).
   */
  status: string;
  /** Last heartbeat round trip in milliseconds; null until Discord acknowledged a heartbeat. */
  ping: number | null;
  /** Servers this shard serves; null when unknown. */
  guilds: number | null;
}

export interface HealthReport {
  /** True when all `shardCount` shards are listed and every one is "ready". */
  ready: boolean;
  /** "http": DISCORD_GATEWAY=off, interactions over HTTP only (no shards). */
  mode: "single" | "sharded" | "http";
  /**
   * Shards this process (single) or this host (sharded: all of the bot's, or DISCORD_SHARD_IDS) is
   * meant to run; 0 over HTTP only.
   */
  shardCount: number;
  shards: ShardHealth[];
  /** The settings store, when the bot provides it (HealthServerOptions.store). */
  store?: StoreHealth;
}

/** How long the store has to answer a health check: well within an orchestrator's probe timeout. */
export const STORE_CHECK_MS = 2000;

/**
 * The store's health, `ok: false` when it has not answered within `ms`: a pool waiting for a
 * connection must not hold up the health report.
 */
export function checkStore(
  store: Pick<Store, "engine" | "health">,
  ms = STORE_CHECK_MS,
): Promise<StoreHealth> {
  const down: StoreHealth = { engine: store.engine, ok: false };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<StoreHealth>((resolve) => {
    timer = setTimeout(() => resolve(down), ms);
  });
  return Promise.race([store.health().catch(() => down), late]).finally(() => clearTimeout(timer));
}

export function isReady(shardCount: number, shards: readonly ShardHealth[]): boolean {
  return (
    shardCount > 0 &&
    shards.length === shardCount &&
    shards.every((shard) => shard.status === "ready")
  );
}

/** Before the bot has started: not ready, in the mode it will run in. */
export function startingHealth(mode: "single" | "http"): HealthReport {
  return { ready: false, mode, shardCount: mode === "http" ? 0 : 1, shards: [] };
}

/** HTTP-only report: ready once the interactions endpoint listens; there is no gateway. */
export function endpointHealth(listening: boolean): HealthReport {
  return { ready: listening, mode: "http", shardCount: 0, shards: [] };
}

export interface HealthServerOptions {
  host: string;
  /** 0 = any free port; the bound port is logged and returned. */
  port: number;
  report: () => HealthReport | Promise<HealthReport>;
  /**
   * The settings store's state, added to every report (undefined: not open yet). Should not throw:
   * a throw fails the whole report.
   */
  store?: () => StoreHealth | undefined | Promise<StoreHealth | undefined>;
  /** Other processes' metrics to merge into this one's (the sharding manager's shard processes). */
  metrics?: () => Promise<MetricsJson[]>;
  logger: Logger;
  /**
   * How long a client has to send its whole request before the server answers 408 and closes the
   * connection (default 5 s): a probe sends its request at once, so only a stalled or hostile
   * client is cut off.
   */
  requestTimeoutMs?: number;
}

export interface HealthServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

const PATH = "/health";
const METRICS_PATH = "/metrics";
const REQUEST_TIMEOUT_MS = 5_000;

/** The request's path, or null for a target no URL parser accepts ("//", "http://[::1"). */
function pathOf(target: string | undefined): string | null {
  try {
    return new URL(target ?? "/", "http://localhost").pathname;
  } catch {
    return null;
  }
}

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { logger } = options;
  // Before anything can be counted: the bot starts after its health server.
  await enableMetrics();
  // Requests that arrive while a report is being made share it, and /metrics reads the same one:
  // under sharding each means a question to every shard process.
  const report = coalesce(async (): Promise<HealthReport> => {
    const base = await options.report();
    const store = await options.store?.();
    return store ? { ...base, store } : base;
  });
  // One scrape at a time, too: it sets the registry's gauges from the report before reading them.
  const scrape = coalesce(async () => {
    // Under sharding both ask every shard process over IPC: at the same time, not one after the other.
    const [current, others] = await Promise.all([report(), options.metrics?.()]);
    return scrapeMetrics(current, others ?? []);
  });
  const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server: Server = createServer(requestTimeouts(timeout), (req, res) => {
    const reply = (status: number, type: string, text: string) => {
      res.writeHead(status, {
        "content-type": type,
        "cache-control": "no-store",
        "content-length": Buffer.byteLength(text),
      });
      res.end(req.method === "HEAD" ? undefined : text);
    };
    const send = (status: number, body: unknown) =>
      reply(status, "application/json; charset=utf-8", `${JSON.stringify(body)}\n`);
    const path = pathOf(req.url);
    if (path === null) {
      send(400, { error: "bad request target" });
      return;
    }
    if (path !== PATH && path !== METRICS_PATH) {
      send(404, {
        error: `not found; the health endpoint is ${PATH}, metrics are at ${METRICS_PATH}`,
      });
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      send(405, { error: "method not allowed" });
      return;
    }
    if (path === METRICS_PATH) {
      scrape().then(
        ({ contentType, text }) => reply(200, contentType, text),
        (error: unknown) => {
          logger.error({ error: String(error) }, "metrics failed");
          send(500, { error: "metrics failed" });
        },
      );
      return;
    }
    report().then(
      (current) => send(current.ready ? 200 : 503, current),
      (error: unknown) => {
        logger.error({ error: String(error) }, "health report failed");
        send(503, { ready: false, error: "health report failed" });
      },
    );
  });
  // An idle keep-alive connection goes after the same time (Node's own 5 s, unless it is longer).
  server.keepAliveTimeout = Math.min(server.keepAliveTimeout, timeout);
  const port = await listen(server, options.port, options.host);
  logger.info(
    { host: options.host, port, path: PATH, metrics: METRICS_PATH },
    "health endpoint listening",
  );
  return {
    host: options.host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The manager's questions to a shard process, over the IPC channel `fork` opened (manager.ts). */
export const HEALTH_MESSAGE = "declaration-bot:health";
export const METRICS_MESSAGE = "declaration-bot:metrics";

export interface ShardRequest {
  type: typeof HEALTH_MESSAGE | typeof METRICS_MESSAGE;
  nonce: number;
}

export interface HealthRequest extends ShardRequest {
  type: typeof HEALTH_MESSAGE;
}

/** A shard process's answer: its gateway shards, empty while its client is still starting. */
export interface HealthReply extends HealthRequest {
  shards: ShardHealth[];
  /** Its settings store; absent until the bot has opened it. */
  store?: StoreHealth;
}

/** A shard process's answer to METRICS_MESSAGE: its whole registry (src/metrics.ts). */
export interface MetricsReply extends ShardRequest {
  type: typeof METRICS_MESSAGE;
  metrics: MetricsJson;
}

export function isShardRequest(message: unknown): message is ShardRequest {
  return (
    typeof message === "object" &&
    message !== null &&
    ((message as { type?: unknown }).type === HEALTH_MESSAGE ||
      (message as { type?: unknown }).type === METRICS_MESSAGE) &&
    typeof (message as { nonce?: unknown }).nonce === "number"
  );
}
