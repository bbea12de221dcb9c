/**
 * The HEALTH_PORT endpoint in one-process mode: in-process around the real `startBot` (before
 * ready, ready, after Discord goes away), then through `src/main.ts` as `npm start` runs it.
 * The sharded endpoint (served by the manager) is tested in sharding.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Bot, startBot } from "../../src/discord/gateway/bot.ts";
import { clientHealth, statusName } from "../../src/discord/gateway/health.ts";
import { createLogger } from "../../src/log.ts";
import { type HealthServer, startHealthServer } from "../../src/runtime/health.ts";
import { type FakeDiscord, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { botConfig } from "../support/bot-harness.ts";
import { getHealth, type MainProcess, spawnMain, waitFor } from "../support/main-process.ts";
import { scrape, seriesValue } from "../support/metrics.ts";

/** Null until a heartbeat is acknowledged (discord.js sends the first one at a random point of the fake's 41 s interval). */
const PING = expect.toSatisfy(
  (ping: unknown) => ping === null || (typeof ping === "number" && ping >= 0),
);

describe("health endpoint around startBot", () => {
  let fake: FakeDiscord | undefined;
  let bot: Bot | null = null;
  let health: HealthServer | undefined;
  let dataDir: string | undefined;

  afterEach(async () => {
    await bot?.stop();
    bot = null;
    await health?.close();
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("is 503 before the bot is ready, 200 once ready, 503 after Discord goes away", async () => {
    fake = await startFakeDiscord();
    dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-health-"));
    const logger = createLogger("silent");
    health = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      logger,
      report: () => clientHealth(bot?.client ?? null),
    });

    const before = await getHealth(health.port);
    expect(before.status).toBe(503);
    expect(before.body).toEqual({ ready: false, mode: "single", shardCount: 1, shards: [] });

    bot = await startBot(botConfig(fake, dataDir), {
      logger,
      clientOptions: fake.clientOptions(),
    });
    const ready = await getHealth(health.port);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      ready: true,
      mode: "single",
      shardCount: 1,
      shards: [{ id: 0, status: "ready", ping: PING, guilds: 1 }],
    });

    // Discord unreachable: the client keeps trying to reconnect, and is not ready meanwhile.
    await fake.close();
    fake = undefined;
    const after = await waitFor(async () => {
      const h = await getHealth(health?.port ?? 0);
      return h.status === 503 ? h : undefined;
    }, "503 after the gateway closed");
    expect(after.body).toMatchObject({ ready: false, mode: "single", shardCount: 1 });
    const [shard] = (after.body?.shards ?? []) as { id: number; status: string }[];
    expect(shard?.id).toBe(0);
    expect(shard?.status).not.toBe("ready");
  }, 20_000);

  it("answers only GET and HEAD on /health", async () => {
    health = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      logger: createLogger("silent"),
      report: () => ({
        ready: true,
        mode: "single",
        shardCount: 1,
        shards: [{ id: 0, status: "ready", ping: 12, guilds: 3 }],
      }),
    });
    expect((await getHealth(health.port, { path: "/" })).status).toBe(404);
    expect((await getHealth(health.port, { path: "/health/x" })).status).toBe(404);
    const post = await getHealth(health.port, { method: "POST" });
    expect(post.status).toBe(405);
    const head = await getHealth(health.port, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    const get = await fetch(`http://127.0.0.1:${health.port}/health?verbose=1`);
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toContain("application/json");
    expect(get.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 400 to request targets no URL parser accepts, over raw sockets", async () => {
    health = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      logger: createLogger("silent"),
      report: () => ({ ready: true, mode: "single", shardCount: 1, shards: [] }),
    });
    const port = health.port;
    const raw = (target: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1", () => {
          socket.end(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        });
        let out = "";
        socket.on("data", (d: Buffer) => {
          out += d.toString();
        });
        socket.on("end", () => resolve(out));
        socket.on("error", reject);
      });
    for (const target of ["http://[::1", "//"]) {
      const first = (await raw(target)).split("\r\n")[0];
      expect(first, target).toMatch(/^HTTP\/1\.1 (400|404) /);
    }
    expect((await raw("http://[::1")).split("\r\n")[0]).toMatch(/^HTTP\/1\.1 400 /);
    // Still serving afterwards.
    expect((await getHealth(port)).status).toBe(200);
  });

  it("makes one report for requests that arrive while it is being made, /metrics included", async () => {
    let reports = 0;
    health = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      logger: createLogger("silent"),
      report: async () => {
        reports += 1;
        // Long enough for the requests sent together to find it still running.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { ready: true, mode: "single", shardCount: 1, shards: [shardReport] };
      },
    });
    const port = health.port;
    const shardReport = { id: 0, status: "ready", ping: 12, guilds: 3 };
    const requests = 100;
    const answers = await Promise.all(
      Array.from({ length: requests }, (_, i) => (i % 10 === 0 ? scrape(port) : getHealth(port))),
    );
    for (const answer of answers) {
      if ("samples" in answer) {
        expect(seriesValue(answer.samples, "declaration_bot_gateway_guilds", { shard: "0" })).toBe(
          3,
        );
      } else {
        expect(answer.status).toBe(200);
        expect(answer.body?.shards).toEqual([shardReport]);
      }
    }
    // One per request before; a busy machine may spread the requests over a few reports.
    expect(reports).toBeLessThan(requests / 4);
  });

  it("is 503 when the report itself fails", async () => {
    health = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      logger: createLogger("silent"),
      report: () => {
        throw new Error("boom");
      },
    });
    const failed = await getHealth(health.port);
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ ready: false });
  });

  it("names discord.js statuses in camelCase", () => {
    expect(statusName(0)).toBe("ready");
    expect(statusName(6)).toBe("waitingForGuilds");
  });
});

describe("clients that never finish their request", () => {
  const TIMEOUT_MS = 1000;
  let health: HealthServer | undefined;

  afterEach(async () => {
    await health?.close();
  });

  /** Opens a socket; resolves with how long after opening the server closed it, and what it said. */
  function openSocket(port: number, onConnect: (socket: Socket) => void) {
    const opened = Date.now();
    const socket = connect(port, "127.0.0.1", () => onConnect(socket));
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      received += chunk;
    });
    socket.on("error", () => {});
    return new Promise<{ afterMs: number; received: string }>((resolve) =>
      socket.on("close", () => resolve({ afterMs: Date.now() - opened, received })),
    );
  }

  it("closes an idle socket and one trickling its headers within the request timeout", async () => {
    health = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      logger: createLogger("silent"),
      report: () => ({ ready: true, mode: "single", shardCount: 1, shards: [] }),
      requestTimeoutMs: TIMEOUT_MS,
    });
    const port = health.port;
    const idle = openSocket(port, () => {});
    const request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ".padEnd(4000, "x");
    let trickler: NodeJS.Timeout | undefined;
    // One byte every 50 ms: never idle, never done (slowloris).
    const trickling = openSocket(port, (socket) => {
      let sent = 0;
      trickler = setInterval(() => {
        if (socket.writable) socket.write(request.charAt(sent++));
      }, 50);
    });
    const [idleEnd, trickleEnd] = await Promise.all([idle, trickling]);
    clearInterval(trickler);
    for (const end of [idleEnd, trickleEnd]) {
      expect(end.received).toMatch(/^HTTP\/1\.1 408 /);
      // Node's own check of these timeouts comes every 30 s unless told otherwise.
      expect(end.afterMs).toBeLessThan(TIMEOUT_MS + 4000);
    }
    // A client that does send its request is still answered.
    expect((await getHealth(port)).status).toBe(200);
  }, 15_000);
});

describe("HEALTH_PORT with `npm start` in one process", () => {
  let fake: FakeDiscord;
  let main: MainProcess;
  let dataDir: string;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-health-process-"));
    main = spawnMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      HEALTH_PORT: "0",
    });
  });

  afterAll(async () => {
    await main?.kill();
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves readiness from the one client, without a sharding manager", async () => {
    const listening = await main.waitForLog((l) => l.msg === "health endpoint listening");
    expect(listening).toMatchObject({ host: "127.0.0.1" });
    await main.waitForLog((l) => l.msg === "connected to Discord");
    const { status, body } = await getHealth(listening.port as number);
    expect(status).toBe(200);
    expect(body).toEqual({
      ready: true,
      mode: "single",
      shardCount: 1,
      shards: [{ id: 0, status: "ready", ping: PING, guilds: 1 }],
      store: { engine: "sqlite", ok: true },
    });
    const metrics = await scrape(listening.port as number);
    expect(
      seriesValue(metrics.samples, "declaration_bot_gateway_shard_ready", { shard: "0" }),
    ).toBe(1);
    expect(seriesValue(metrics.samples, "declaration_bot_store_up", { engine: "sqlite" })).toBe(1);
    // Exactly as without sharding: one connection, no shard processes.
    expect(fake.identifies.map((i) => i.shard)).toEqual([[0, 1]]);
    expect(main.shardPids()).toEqual([]);

    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
  }, 30_000);
});
