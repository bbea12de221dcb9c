/**
 * Prometheus metrics, served by the health endpoint at `GET /metrics` (scale/health.ts).
 *
 * One registry of its own, not prom-client's global one: nothing else in the process (a library,
 * a second bot started by a test) can register into it or clash with its names. Every label value
 * comes from a closed set chosen here (command names the bot registers, outcome kinds, limit names,
 * shard ids): no user text, no user, guild or channel id ever becomes a label, so the number of
 * series stays small whatever users do.
 *
 * Handlers call the named helpers below. Gauges that describe the present (gateway shards, the
 * store) are set from the health report when scraped, so `/metrics` and `/health` never disagree.
 * Under DISCORD_SHARDS the manager merges every shard process's registry (see manager.ts).
 */
import {
  AggregatorRegistry,
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  type MetricObjectWithValues,
  type MetricValue,
  Registry,
} from "prom-client";
import type { HealthReport } from "./scale/health.ts";

const PREFIX = "declaration_bot_";

export const registry = new Registry();

/**
 * What became of an interaction or chat answer. `answer`: a passage answered the question
 * confidently (shown publicly unless the command always answers privately); `closest`: only a
 * nearby passage; `none`: nothing (including "measure 9"); `limited`: refused by a per-user limit;
 * `user-error`: refused with an explanation (bad input, missing permission, outdated button);
 * `error`: the bot or Discord failed; `expired`: Discord no longer accepted a reply.
 */
export const OUTCOMES = [
  "answer",
  "closest",
  "none",
  "quote-check",
  "feedback",
  "other",
  "limited",
  "user-error",
  "error",
  "expired",
] as const;
export type OutcomeLabel = (typeof OUTCOMES)[number];

/** The per-user limits that refuse work (README, "Reliability and abuse"). */
export type LimitName = "command" | "feedback" | "chat-cooldown";
export type VoteDirection = "up" | "down";
export type StoreEngine = "sqlite" | "postgres";
/** What failed in the store; closed so that an error message can never become a label. */
export type StoreOperation = "connect" | "read" | "write" | "migrate" | "other";

/** A database connection pool as the store sees it at scrape time. */
export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number;
  /** Open connections not in use. */
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

const interactions = new Counter({
  name: `${PREFIX}interactions_total`,
  help: "Interactions (and chat answers, command=chat) handled, by command and outcome.",
  labelNames: ["command", "outcome"] as const,
  registers: [registry],
});

const answerSeconds = new Histogram({
  name: `${PREFIX}answer_duration_seconds`,
  help: "Time from receiving an interaction (or chat message) to the end of its answer, by command.",
  labelNames: ["command"] as const,
  // prom-client's defaults, written out: a question answers in milliseconds, a deferred one in seconds.
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const limitRefusals = new Counter({
  name: `${PREFIX}limit_refusals_total`,
  help: "Requests refused by a per-user limit, by limit (command, feedback, chat-cooldown).",
  labelNames: ["limit"] as const,
  registers: [registry],
});

const votes = new Counter({
  name: `${PREFIX}votes_total`,
  help: "Feedback votes recorded under answers, by direction (a first vote or a changed one).",
  labelNames: ["direction"] as const,
  registers: [registry],
});

const storeErrors = new Counter({
  name: `${PREFIX}store_errors_total`,
  help: "Settings and feedback store failures, by operation.",
  labelNames: ["operation"] as const,
  registers: [registry],
});

const storeUp = new Gauge({
  name: `${PREFIX}store_up`,
  help: "1 when the settings store answered the last health check, else 0; by engine.",
  labelNames: ["engine"] as const,
  registers: [registry],
});

const pools = new Map<object, { engine: StoreEngine; read: () => PoolStats }>();

// Registered, and read only through the registry: its collect() runs at every scrape.
new Gauge({
  name: `${PREFIX}store_pool_connections`,
  help: "Database pool connections, by engine and state (total, idle).",
  labelNames: ["engine", "state"] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [engine, stats] of poolReadings()) {
      this.inc({ engine, state: "total" }, stats.total);
      this.inc({ engine, state: "idle" }, stats.idle);
    }
  },
});

new Gauge({
  name: `${PREFIX}store_pool_waiting`,
  help: "Queries waiting for a database pool connection, by engine.",
  labelNames: ["engine"] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [engine, stats] of poolReadings()) this.inc({ engine }, stats.waiting);
  },
});

/** A pool whose reading throws is left out of this scrape rather than failing all of it. */
function poolReadings(): [StoreEngine, PoolStats][] {
  const readings: [StoreEngine, PoolStats][] = [];
  for (const { engine, read } of pools.values()) {
    try {
      readings.push([engine, read()]);
    } catch {
      // A pool being closed: its gauges simply disappear.
    }
  }
  return readings;
}

const shardStatus = new Gauge({
  name: `${PREFIX}gateway_shard_status`,
  help: "1 for each gateway shard's current status (ready, connecting, resuming, down…), by shard.",
  labelNames: ["shard", "status"] as const,
  registers: [registry],
});

const shardReady = new Gauge({
  name: `${PREFIX}gateway_shard_ready`,
  help: "1 when the gateway shard is ready, else 0.",
  labelNames: ["shard"] as const,
  registers: [registry],
});

const shardPing = new Gauge({
  name: `${PREFIX}gateway_ping_seconds`,
  help: "Last gateway heartbeat round trip, by shard; absent until Discord acknowledged one.",
  labelNames: ["shard"] as const,
  registers: [registry],
});

const shardGuilds = new Gauge({
  name: `${PREFIX}gateway_guilds`,
  help: "Servers a gateway shard serves.",
  labelNames: ["shard"] as const,
  registers: [registry],
});

/** Metrics set from the health report at scrape time. */
const REPORTED_METRICS: readonly string[] = [
  "gateway_shard_status",
  "gateway_shard_ready",
  "gateway_ping_seconds",
  "gateway_guilds",
  "store_up",
].map((name) => `${PREFIX}${name}`);

/** Maps a handler's outcome (`clause/search/closest`, `none/greeting`, `feedback/up`…) to its label. */
export function outcomeLabel(outcome: string): OutcomeLabel {
  const [head] = outcome.split("/", 1);
  switch (head) {
    case "clause":
      // "clause" alone is /measure's direct look-up; "clause/<via>" the engine's answer.
      return outcome.endsWith("/closest") ? "closest" : "answer";
    case "quote":
      return "answer";
    case "none":
    case "out-of-range":
      return "none";
    case "quote-check":
      return "quote-check";
    case "feedback":
      return "feedback";
    case "rate-limited":
      return "limited";
    default:
      return "other";
  }
}

export function countInteraction(command: string, outcome: OutcomeLabel): void {
  interactions.inc({ command, outcome });
}

export function observeAnswerSeconds(command: string, seconds: number): void {
  answerSeconds.observe({ command }, seconds);
}

export function countLimitRefusal(limit: LimitName): void {
  limitRefusals.inc({ limit });
}

export function countVote(direction: VoteDirection): void {
  votes.inc({ direction });
}

/** For the store: one failure of `operation` (a query that threw, a connection refused…). */
export function countStoreError(operation: StoreOperation): void {
  storeErrors.inc({ operation });
}

/**
 * For the store: reports a connection pool's state at every scrape. `key` identifies the pool
 * (the pool object itself will do); the returned function stops watching it (on close).
 */
export function watchPool(key: object, engine: StoreEngine, read: () => PoolStats): () => void {
  pools.set(key, { engine, read });
  return () => {
    pools.delete(key);
  };
}

/** Sets the gauges that describe the present from the report `/health` answers with. */
export function setReported(report: HealthReport): void {
  shardStatus.reset();
  shardReady.reset();
  shardPing.reset();
  shardGuilds.reset();
  for (const shard of report.shards) {
    const labels = { shard: String(shard.id) };
    shardStatus.set({ ...labels, status: shard.status }, 1);
    shardReady.set(labels, shard.status === "ready" ? 1 : 0);
    if (shard.ping !== null) shardPing.set(labels, shard.ping / 1000);
    if (shard.guilds !== null) shardGuilds.set(labels, shard.guilds);
  }
  storeUp.reset();
  if (report.store) storeUp.set({ engine: report.store.engine }, report.store.ok ? 1 : 0);
}

let processMetrics = false;

/**
 * Node's own process metrics (memory, CPU, event-loop lag, GC) on this registry. Only where
 * metrics are served: the event-loop monitor and GC observer cost a little in every process.
 */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry });
}

export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** This process's metrics, as a shard process sends them to the manager. */
export function metricsJson(): Promise<MetricsJson> {
  return registry.getMetricsAsJSON();
}

/**
 * The text exposition of this process's metrics together with other processes' (a sharding
 * manager's shards), which must already be told apart by a label of their own: every series is
 * then kept as it is, none added to another.
 */
export async function metricsText(others: readonly MetricsJson[] = []): Promise<string> {
  if (others.length === 0) return registry.metrics();
  const all = [await metricsJson(), ...others].map((metrics) =>
    // "first" for all: some of prom-client's process metrics would otherwise be averaged or omitted.
    metrics.map((metric) => ({ ...metric, aggregator: "first" as const })),
  );
  return AggregatorRegistry.aggregate(all).metrics();
}

/**
 * A shard process's metrics as the manager serves them: every series labelled with the shard's id.
 * The gateway and store gauges come from the manager's own health report (which knows of shards
 * that are down), so a shard's copies, always empty, are left out.
 */
export function shardSeries(shard: number, metrics: MetricsJson): MetricsJson {
  return metrics
    .filter((metric) => !REPORTED_METRICS.includes(metric.name))
    .map((metric) => ({
      ...metric,
      values: metric.values.map((value) => ({
        ...value,
        labels: { ...value.labels, shard: String(shard) },
      })),
    }));
}

export const METRICS_CONTENT_TYPE = registry.contentType;

/** Zeroes every counter and histogram and forgets watched pools: for tests. */
export function resetMetrics(): void {
  registry.resetMetrics();
  pools.clear();
}
