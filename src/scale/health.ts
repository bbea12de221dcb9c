/**
 * The optional health endpoint (HEALTH_PORT) for container orchestrators.
 *
 * `GET /health` answers JSON: whether the bot is ready and, per gateway shard, its status and
 * heartbeat ping. 200 when every expected shard is ready, 503 otherwise (starting, reconnecting,
 * a shard process down). In one process the report comes from the bot itself (its `health()`:
 * the gateway client's shards, or the HTTP endpoint listening); under sharding the manager asks
 * every shard process (see manager.ts).
 *
 * @example
 * // curl -s 127.0.0.1:8080/health
 * // {"ready":true,"mode":"sharded","shardCount":2,"shards":[
 * //   {"id":0,"status":"ready","ping":41,"guilds":1204},{"id":1,"status":"ready","ping":39,"guilds":1187}]}
 */
import { createServer, type Server } from "node:http";
import type { Logger } from "../log.ts";
import { listen } from "./listen.ts";

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
  logger: Logger;
}

export interface HealthServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

const PATH = "/health";
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
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      const text = `${JSON.stringify(body)}\n`;
      res.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
        "content-length": Buffer.byteLength(text),
      });
      res.end(req.method === "HEAD" ? undefined : text);
    };
    const path = pathOf(req.url);
    if (path === null) {
      send(400, { error: "bad request target" });
      return;
    }
    if (path !== PATH) {
      send(404, { error: `not found; the health endpoint is ${PATH}` });
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      send(405, { error: "method not allowed" });
      return;
    }
    Promise.resolve()
      .then(options.report)
      .then(
        (report) => send(report.ready ? 200 : 503, report),
        (error: unknown) => {
          logger.error({ error: String(error) }, "health report failed");
          send(503, { ready: false, error: "health report failed" });
        },
      );
  });
  // A client that never finishes its request is cut off, not kept open forever.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  const port = await listen(server, options.port, options.host);
  logger.info({ host: options.host, port, path: PATH }, "health endpoint listening");
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

/** The manager's question to a shard process, over the IPC channel `fork` opened (manager.ts). */
export const HEALTH_MESSAGE = "declaration-bot:health";

export interface HealthRequest {
  type: typeof HEALTH_MESSAGE;
  nonce: number;
}

/** A shard process's answer: its gateway shards, empty while its client is still starting. */
export interface HealthReply extends HealthRequest {
  shards: ShardHealth[];
}

export function isHealthMessage(message: unknown): message is HealthRequest {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === HEALTH_MESSAGE &&
    typeof (message as { nonce?: unknown }).nonce === "number"
  );
}
