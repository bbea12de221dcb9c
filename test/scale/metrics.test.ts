/**
 * The metrics module (src/metrics.ts) and `GET /metrics` on the health server, without a bot: the
 * helpers handlers and the store call, the gauges set from the health report, the merge of shard
 * processes' registries, and the store in the health report.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_FEEDBACK_RETENTION_DAYS } from "../../src/config.ts";
import { openBotContext } from "../../src/discord/interaction/context.ts";
import { createLogger } from "../../src/log.ts";
import {
  countInteraction,
  countLimitRefusal,
  countStoreError,
  countVote,
  enableMetrics,
  type MetricsJson,
  metricsJson,
  OUTCOMES,
  observeAnswerSeconds,
  outcomeLabel,
  resetMetrics,
  scrapeMetrics,
  shardSeries,
  watchPool,
} from "../../src/metrics.ts";
import {
  checkStore,
  type HealthReport,
  type HealthServer,
  type StoreHealth,
  startHealthServer,
} from "../../src/runtime/health.ts";
import { getHealth } from "../support/main-process.ts";
import { parseMetrics, scrape, seriesValue } from "../support/metrics.ts";

const READY: HealthReport = {
  ready: true,
  mode: "single",
  shardCount: 1,
  shards: [{ id: 0, status: "ready", ping: 41, guilds: 3 }],
};

const NO_SHARDS: HealthReport = { ready: false, mode: "http", shardCount: 0, shards: [] };

/** What a scrape would show with `report` as the health report. */
async function samples(report = NO_SHARDS) {
  return parseMetrics((await scrapeMetrics(report)).text);
}

beforeAll(async () => {
  await enableMetrics();
});

beforeEach(() => {
  resetMetrics();
});

describe("outcome labels", () => {
  it("map every outcome the handlers log into the closed set", () => {
    const cases: [string, string][] = [
      ["clause/search", "answer"],
      ["clause/qa", "answer"],
      ["clause/search/closest", "closest"],
      ["clause", "answer"],
      ["quote", "answer"],
      ["quote/chat", "answer"],
      ["none", "none"],
      ["none/greeting", "none"],
      ["out-of-range", "none"],
      ["quote-check/verbatim", "quote-check"],
      ["feedback/up", "feedback"],
      ["feedback/correction/3", "feedback"],
      ["rate-limited", "limited"],
      ["overview", "other"],
      ["component/page", "other"],
      ["settings/show", "other"],
      ["help", "other"],
      ["empty", "other"],
      ["anything a future handler logs", "other"],
    ];
    for (const [outcome, label] of cases) expect(outcomeLabel(outcome), outcome).toBe(label);
    for (const [outcome] of cases) expect(OUTCOMES).toContain(outcomeLabel(outcome));
  });
});

describe("counters and the histogram", () => {
  it("count by their labels", async () => {
    countInteraction("/ask", "answer");
    countInteraction("/ask", "answer");
    countInteraction("/ask", "closest");
    countInteraction("component:vote", "feedback");
    observeAnswerSeconds("/ask", 0.003);
    observeAnswerSeconds("/ask", 0.2);
    observeAnswerSeconds("/ask", 30);
    countLimitRefusal("command");
    countLimitRefusal("chat-cooldown");
    countVote("up");
    countVote("down");
    countVote("down");
    countStoreError("write");

    const s = await samples();
    const n = (name: string, labels: Record<string, string>) =>
      seriesValue(s, `declaration_bot_${name}`, labels);
    expect(n("interactions_total", { command: "/ask", outcome: "answer" })).toBe(2);
    expect(n("interactions_total", { command: "/ask", outcome: "closest" })).toBe(1);
    expect(n("interactions_total", { command: "component:vote", outcome: "feedback" })).toBe(1);
    expect(n("answer_duration_seconds_count", { command: "/ask" })).toBe(3);
    expect(n("answer_duration_seconds_sum", { command: "/ask" })).toBeCloseTo(30.203);
    expect(n("answer_duration_seconds_bucket", { command: "/ask", le: "0.005" })).toBe(1);
    expect(n("answer_duration_seconds_bucket", { command: "/ask", le: "0.25" })).toBe(2);
    expect(n("answer_duration_seconds_bucket", { command: "/ask", le: "10" })).toBe(2);
    expect(n("answer_duration_seconds_bucket", { command: "/ask", le: "+Inf" })).toBe(3);
    expect(n("limit_refusals_total", { limit: "command" })).toBe(1);
    expect(n("limit_refusals_total", { limit: "chat-cooldown" })).toBe(1);
    expect(n("limit_refusals_total", { limit: "feedback" })).toBe(0);
    expect(n("votes_total", { direction: "up" })).toBe(1);
    expect(n("votes_total", { direction: "down" })).toBe(2);
    expect(n("store_errors_total", { operation: "write" })).toBe(1);
  });
});

describe("the store's hooks", () => {
  it("read a watched pool at every scrape, until it is unwatched", async () => {
    const pool = {};
    let stats = { total: 4, idle: 1, waiting: 0 };
    const unwatch = watchPool(pool, "postgres", () => stats);
    let s = await samples();
    expect(
      seriesValue(s, "declaration_bot_store_pool_connections", {
        engine: "postgres",
        state: "total",
      }),
    ).toBe(4);
    expect(
      seriesValue(s, "declaration_bot_store_pool_connections", {
        engine: "postgres",
        state: "idle",
      }),
    ).toBe(1);
    expect(seriesValue(s, "declaration_bot_store_pool_waiting", { engine: "postgres" })).toBe(0);

    stats = { total: 10, idle: 0, waiting: 7 };
    s = await samples();
    expect(
      seriesValue(s, "declaration_bot_store_pool_connections", {
        engine: "postgres",
        state: "total",
      }),
    ).toBe(10);
    expect(seriesValue(s, "declaration_bot_store_pool_waiting", { engine: "postgres" })).toBe(7);

    unwatch();
    s = await samples();
    expect(s.filter((x) => x.name.startsWith("declaration_bot_store_pool"))).toEqual([]);
  });

  it("leave out a pool whose reading throws, and keep the others", async () => {
    const unwatchBroken = watchPool({}, "postgres", () => {
      throw new Error("pool closed");
    });
    const unwatch = watchPool({}, "sqlite", () => ({ total: 1, idle: 1, waiting: 0 }));
    const s = await samples();
    expect(
      seriesValue(s, "declaration_bot_store_pool_connections", {
        engine: "sqlite",
        state: "total",
      }),
    ).toBe(1);
    expect(s.some((x) => x.labels.engine === "postgres")).toBe(false);
    unwatchBroken();
    unwatch();
  });
});

describe("the store's failures", () => {
  it("are counted by operation through the bot's context", async () => {
    const { ctx, close } = await openBotContext(
      {
        discord: null,
        shards: null,
        health: null,
        dataDir: ":memory:",
        logLevel: "silent",
        feedbackRetentionDays: DEFAULT_FEEDBACK_RETENTION_DAYS,
      },
      createLogger("silent"),
    );
    // A store whose database has gone away: the next write fails.
    await ctx.store.close();
    const answer = {
      id: "1",
      clauseId: "M1",
      via: "search",
      confidence: "answer",
      score: 1,
    } as const;
    await expect(
      ctx.store.feedback.vote(answer, { guildId: null, userId: "2" }, "up"),
    ).rejects.toThrow();
    expect(
      seriesValue(await samples(), "declaration_bot_store_errors_total", { operation: "vote" }),
    ).toBe(1);
    await close().catch(() => {});
  });

  it("turn a store that does not answer in time, or throws, into ok: false", async () => {
    const never = { engine: "postgres" as const, health: () => new Promise<StoreHealth>(() => {}) };
    expect(await checkStore(never, 20)).toEqual({ engine: "postgres", ok: false });
    const throws = { engine: "postgres" as const, health: () => Promise.reject(new Error("x")) };
    expect(await checkStore(throws, 1000)).toEqual({ engine: "postgres", ok: false });
    const fine = {
      engine: "sqlite" as const,
      health: () => Promise.resolve({ engine: "sqlite" as const, ok: true }),
    };
    expect(await checkStore(fine, 1000)).toEqual({ engine: "sqlite", ok: true });
  });
});

describe("gauges from the health report", () => {
  it("describe each shard and the store, and forget shards no longer reported", async () => {
    let s = await samples({
      ready: false,
      mode: "sharded",
      shardCount: 2,
      shards: [
        { id: 0, status: "ready", ping: 41, guilds: 3 },
        { id: 1, status: "resuming", ping: null, guilds: null },
      ],
      store: { engine: "postgres", ok: false },
    });
    expect(seriesValue(s, "declaration_bot_gateway_shard_ready", { shard: "0" })).toBe(1);
    expect(seriesValue(s, "declaration_bot_gateway_shard_ready", { shard: "1" })).toBe(0);
    expect(
      seriesValue(s, "declaration_bot_gateway_shard_status", { shard: "1", status: "resuming" }),
    ).toBe(1);
    expect(seriesValue(s, "declaration_bot_gateway_ping_seconds", { shard: "0" })).toBe(0.041);
    expect(
      s.some((x) => x.name === "declaration_bot_gateway_ping_seconds" && x.labels.shard === "1"),
    ).toBe(false);
    expect(seriesValue(s, "declaration_bot_gateway_guilds", { shard: "0" })).toBe(3);
    expect(seriesValue(s, "declaration_bot_store_up", { engine: "postgres" })).toBe(0);

    s = await samples(READY);
    expect(
      s.filter((x) => x.name === "declaration_bot_gateway_shard_status").map((x) => x.labels),
    ).toEqual([{ shard: "0", status: "ready" }]);
    expect(s.some((x) => x.name === "declaration_bot_store_up")).toBe(false);
  });
});

describe("shard processes' metrics under the manager", () => {
  it("are kept per shard, beside the manager's own, without the shards' report gauges", async () => {
    countInteraction("/ask", "answer");
    // What a shard process sends: its gateway gauges as a health server of its own would set them.
    await scrapeMetrics(READY);
    const shardOwn: MetricsJson = await metricsJson();
    resetMetrics();
    countInteraction("/ask", "answer");
    countInteraction("/ask", "answer");
    observeAnswerSeconds("/ask", 0.02);
    const otherShard: MetricsJson = await metricsJson();
    resetMetrics();

    // The manager's own registry: the gauges of its health report, with the shards' series.
    const scraped = await scrapeMetrics({ ...READY, mode: "sharded", shardCount: 2 }, [
      shardSeries(0, shardOwn),
      shardSeries(1, otherShard),
    ]);
    const merged = parseMetrics(scraped.text);
    const asks = (shard: string) =>
      seriesValue(merged, "declaration_bot_interactions_total", {
        command: "/ask",
        outcome: "answer",
        shard,
      });
    expect(asks("0")).toBe(1);
    expect(asks("1")).toBe(2);
    // One series per gateway shard, from the manager: the shard processes' copies are left out.
    expect(merged.filter((x) => x.name === "declaration_bot_gateway_shard_ready")).toEqual([
      { name: "declaration_bot_gateway_shard_ready", labels: { shard: "0" }, value: 1 },
    ]);
    // Histograms survive the merge bucket by bucket.
    const bucket = (le: string) =>
      seriesValue(merged, "declaration_bot_answer_duration_seconds_bucket", { shard: "1", le });
    expect([bucket("0.01"), bucket("0.025"), bucket("+Inf")]).toEqual([0, 1, 1]);
  });
});

describe("GET /metrics on the health server", () => {
  let health: HealthServer | undefined;
  afterEach(async () => {
    await health?.close();
    health = undefined;
  });

  async function serve(
    report: () => HealthReport,
    store?: () => StoreHealth | undefined,
  ): Promise<HealthServer> {
    health = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      logger: createLogger("silent"),
      report,
      ...(store && { store }),
    });
    return health;
  }

  it("serves the text exposition, with process metrics and the report's gauges", async () => {
    const server = await serve(() => READY);
    countInteraction("/quote", "answer");
    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const s = parseMetrics(await response.text());
    expect(
      seriesValue(s, "declaration_bot_interactions_total", {
        command: "/quote",
        outcome: "answer",
      }),
    ).toBe(1);
    expect(seriesValue(s, "declaration_bot_gateway_shard_ready", { shard: "0" })).toBe(1);
    expect(seriesValue(s, "process_resident_memory_bytes")).toBeGreaterThan(0);

    const head = await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: "POST" });
    expect(post.status).toBe(405);
    expect((await getHealth(server.port, { path: "/metrics/x" })).status).toBe(404);
  });

  it("is 500 when the report behind its gauges fails, and the server keeps serving", async () => {
    let fail = true;
    const server = await serve(() => {
      if (fail) throw new Error("boom");
      return READY;
    });
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(500);
    fail = false;
    expect((await scrape(server.port)).samples.length).toBeGreaterThan(0);
  });

  it("names the store in /health and /metrics once the bot provides it", async () => {
    let store: StoreHealth | undefined;
    const server = await serve(
      () => READY,
      () => store,
    );
    const before = await getHealth(server.port);
    expect(before.body).toEqual(READY);

    store = { engine: "sqlite", ok: true };
    const up = await getHealth(server.port);
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ ...READY, store: { engine: "sqlite", ok: true } });
    expect(seriesValue((await scrape(server.port)).samples, "declaration_bot_store_up")).toBe(1);

    store = { engine: "sqlite", ok: false };
    expect((await getHealth(server.port)).body).toMatchObject({ store: { ok: false } });
    expect(
      seriesValue((await scrape(server.port)).samples, "declaration_bot_store_up", {
        engine: "sqlite",
      }),
    ).toBe(0);
  });
});
