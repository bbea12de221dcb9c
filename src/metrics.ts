/**
 * Prometheus metrics, served by the health endpoint at `GET /metrics` (runtime/health.ts).
 *
 * One registry of its own, not prom-client's global one: nothing else in the process (a library,
 * a second bot started by a test) can register into it or clash with its names. prom-client is
 * only loaded once metrics are served (`enableMetrics`, called by the health server): until then
 * the helpers do nothing, so a bot without HEALTH_PORT does not carry it (the HTTP-only bot's
 * memory budget is tight). Every label value comes from a closed set chosen here (command names
 * the bot registers, outcome kinds, limit names, shard ids): no user text, no user, guild or
 * channel id ever becomes a label, so the number of series stays small whatever users do.
 *
 * Handlers call the named helpers below. Gauges that describe the present (gateway shards, the
 * store) are set from the health report when scraped, so `/metrics` and `/health` never disagree.
 * Under DISCORD_SHARDS the manager merges every shard process's registry (see manager.ts).
 */
import type { Gauge, MetricObjectWithValues, MetricValue } from "prom-client";
import type { HealthReport } from "./runtime/health.ts";
import type { StoreEngine } from "./store/index.ts";

const PREFIX = "declaration_bot_";

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
/**
 * Why a chat answer was held back: Discord refused the bot's messages in that channel a moment ago,
 * or the process is near Discord's limit of invalid requests (rest/send-guard.ts).
 */
export type HoldReason = "refused-channel" | "invalid-requests";
export type VoteDirection = "up" | "down";
export type { StoreEngine };

/** A database connection pool as the store sees it at scrape time. */
export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number;
  /** Open connections not in use. */
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

/** Metrics set from the health report at scrape time. */
const REPORTED_METRICS: readonly string[] = [
  "gateway_shard_status",
  "gateway_shard_ready",
  "gateway_ping_seconds",
  "gateway_guilds",
  "store_up",
].map((name) => `${PREFIX}${name}`);

const pools = new Map<object, { engine: StoreEngine; read: () => PoolStats }>();

/** What a bot's send guard holds at scrape time. */
export interface SendGuardStats {
  /** Channels where Discord refused the bot's messages, not tried again for now. */
  refusedChannels: number;
  /** Whether chat answers are held back because invalid requests neared Discord's limit. */
  backingOff: boolean;
}

const sendGuards = new Map<object, () => SendGuardStats>();

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

type Prom = typeof import("prom-client");

type Registers = import("prom-client").Registry[];

/** What answers cost and count: interactions, answer time, limits, votes, store failures. */
function answerInstruments(prom: Prom, registers: Registers) {
  return {
    interactions: new prom.Counter({
      name: `${PREFIX}interactions_total`,
      help: "Interactions (and chat answers, command=chat) handled, by command and outcome.",
      labelNames: ["command", "outcome"] as const,
      registers,
    }),
    answerSeconds: new prom.Histogram({
      name: `${PREFIX}answer_duration_seconds`,
      help: "Time from receiving an interaction (or chat message) to the end of its answer, by command.",
      labelNames: ["command"] as const,
      // prom-client's defaults, written out: a question answers in milliseconds, a deferred one in seconds.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    limitRefusals: new prom.Counter({
      name: `${PREFIX}limit_refusals_total`,
      help: "Requests refused by a per-user limit, by limit (command, feedback, chat-cooldown).",
      labelNames: ["limit"] as const,
      registers,
    }),
    votes: new prom.Counter({
      name: `${PREFIX}votes_total`,
      help: "Feedback votes recorded under answers, by direction (a first vote or a changed one).",
      labelNames: ["direction"] as const,
      registers,
    }),
    storeErrors: new prom.Counter({
      name: `${PREFIX}store_errors_total`,
      help: "Settings and feedback store failures, by operation.",
      labelNames: ["operation"] as const,
      registers,
    }),
  };
}

/** The database: its pool, its waiting queries, whether it answers. */
function storeInstruments(prom: Prom, registers: Registers) {
  const poolCollect = (collect: (gauge: Gauge, engine: StoreEngine, stats: PoolStats) => void) =>
    function (this: Gauge) {
      this.reset();
      for (const [engine, stats] of poolReadings()) collect(this, engine, stats);
    };
  return {
    poolConnections: new prom.Gauge({
      name: `${PREFIX}store_pool_connections`,
      help: "Database pool connections, by engine and state (total, idle).",
      labelNames: ["engine", "state"] as const,
      registers,
      collect: poolCollect((gauge, engine, stats) => {
        gauge.inc({ engine, state: "total" }, stats.total);
        gauge.inc({ engine, state: "idle" }, stats.idle);
      }),
    }),
    poolWaiting: new prom.Gauge({
      name: `${PREFIX}store_pool_waiting`,
      help: "Queries waiting for a database pool connection, by engine.",
      labelNames: ["engine"] as const,
      registers,
      collect: poolCollect((gauge, engine, stats) => gauge.inc({ engine }, stats.waiting)),
    }),
    storeUp: new prom.Gauge({
      name: `${PREFIX}store_up`,
      help: "1 when the settings store answered the last health check, else 0; by engine.",
      labelNames: ["engine"] as const,
      registers,
    }),
  };
}

/** Discord: invalid requests, held chat answers, refused channels, the gateway's shards. */
function discordInstruments(prom: Prom, registers: Registers) {
  return {
    invalidRequests: new prom.Counter({
      name: `${PREFIX}discord_invalid_requests_total`,
      help: "Responses Discord counts against its limit of invalid requests per IP (401, 403, 429 not shared), by status.",
      labelNames: ["status"] as const,
      registers,
    }),
    chatHeld: new prom.Counter({
      name: `${PREFIX}chat_held_total`,
      help: "Chat answers not sent, by reason: refused-channel (Discord refused the bot there a moment ago), invalid-requests (near Discord's limit).",
      labelNames: ["reason"] as const,
      registers,
    }),
    refusedChannels: new prom.Gauge({
      name: `${PREFIX}refused_channels`,
      help: "Channels where Discord refused the bot's messages, not tried again until a permission change or 10 minutes.",
      registers,
      collect() {
        this.set(sum([...sendGuards.values()].map((read) => read().refusedChannels)));
      },
    }),
    backoff: new prom.Gauge({
      name: `${PREFIX}discord_backoff`,
      help: "1 while chat answers are held back because invalid requests neared Discord's limit, else 0.",
      registers,
      collect() {
        this.set([...sendGuards.values()].some((read) => read().backingOff) ? 1 : 0);
      },
    }),
    shardStatus: new prom.Gauge({
      name: `${PREFIX}gateway_shard_status`,
      help: "1 for each gateway shard's current status (ready, connecting, resuming, down…), by shard.",
      labelNames: ["shard", "status"] as const,
      registers,
    }),
    shardReady: new prom.Gauge({
      name: `${PREFIX}gateway_shard_ready`,
      help: "1 when the gateway shard is ready, else 0.",
      labelNames: ["shard"] as const,
      registers,
    }),
    shardPing: new prom.Gauge({
      name: `${PREFIX}gateway_ping_seconds`,
      help: "Last gateway heartbeat round trip, by shard; absent until Discord acknowledged one.",
      labelNames: ["shard"] as const,
      registers,
    }),
    shardGuilds: new prom.Gauge({
      name: `${PREFIX}gateway_guilds`,
      help: "Servers a gateway shard serves.",
      labelNames: ["shard"] as const,
      registers,
    }),
  };
}

function createInstruments(prom: Prom) {
  const registry = new prom.Registry();
  const registers = [registry];
  const instruments = {
    prom,
    registry,
    ...answerInstruments(prom, registers),
    ...storeInstruments(prom, registers),
    ...discordInstruments(prom, registers),
  };
  // Node's own process metrics (memory, CPU, event-loop lag, GC): cheap once metrics are served.
  prom.collectDefaultMetrics({ register: registry });
  return instruments;
}

type Instruments = ReturnType<typeof createInstruments>;

/** Null until metrics are served: the helpers below then count nothing. */
let instruments: Instruments | null = null;
let loading: Promise<Instruments> | null = null;

/** Loads prom-client and starts counting (idempotent). Whatever serves metrics calls it first. */
export function enableMetrics(): Promise<Instruments> {
  loading ??= import("prom-client").then((prom) => {
    instruments = createInstruments(prom);
    return instruments;
  });
  return loading;
}

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
  instruments?.interactions.inc({ command, outcome });
}

export function observeAnswerSeconds(command: string, seconds: number): void {
  instruments?.answerSeconds.observe({ command }, seconds);
}

export function countLimitRefusal(limit: LimitName): void {
  instruments?.limitRefusals.inc({ limit });
}

export function countInvalidRequest(status: number): void {
  instruments?.invalidRequests.inc({ status: String(status) });
}

export function countChatHeld(reason: HoldReason): void {
  instruments?.chatHeld.inc({ reason });
}

/** For a bot's send guard: reports what it holds at every scrape; the function returned stops. */
export function watchSendGuard(key: object, read: () => SendGuardStats): () => void {
  sendGuards.set(key, read);
  return () => {
    sendGuards.delete(key);
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function countVote(direction: VoteDirection): void {
  instruments?.votes.inc({ direction });
}

/**
 * One failed store read or write. `operation` is the store's own name for it ("vote",
 * "settings-read"…), a literal in its code: never an error message, which would make a series per
 * failure.
 */
export function countStoreError(operation: string): void {
  instruments?.storeErrors.inc({ operation });
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
function setReported(m: Instruments, report: HealthReport): void {
  m.shardStatus.reset();
  m.shardReady.reset();
  m.shardPing.reset();
  m.shardGuilds.reset();
  for (const shard of report.shards) {
    const labels = { shard: String(shard.id) };
    m.shardStatus.set({ ...labels, status: shard.status }, 1);
    m.shardReady.set(labels, shard.status === "ready" ? 1 : 0);
    if (shard.ping !== null) m.shardPing.set(labels, shard.ping / 1000);
    if (shard.guilds !== null) m.shardGuilds.set(labels, shard.guilds);
  }
  m.storeUp.reset();
  if (report.store) m.storeUp.set({ engine: report.store.engine }, report.store.ok ? 1 : 0);
}

export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** This process's metrics, as a shard process sends them to the manager. */
export async function metricsJson(): Promise<MetricsJson> {
  return (await enableMetrics()).registry.getMetricsAsJSON();
}

/**
 * A shard process's metrics as the manager serves them: every series labelled with the shard's id,
 * or with its shards' ids ("0,1") for a process that runs several (DISCORD_SHARDS_PER_PROCESS).
 * The gateway and store gauges come from the manager's own health report (which knows of shards
 * that are down), so a shard's copies, always empty, are left out.
 */
export function shardSeries(shard: number | string, metrics: MetricsJson): MetricsJson {
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

/**
 * The text exposition at scrape time: this process's metrics, with the gauges of `report`, and
 * `others` (a sharding manager's shards), which must already be told apart by a label of their
 * own (`shardSeries`): every series is then kept as it is, none added to another.
 */
export async function scrapeMetrics(
  report: HealthReport,
  others: readonly MetricsJson[] = [],
): Promise<{ contentType: string; text: string }> {
  const m = await enableMetrics();
  setReported(m, report);
  const contentType = m.registry.contentType;
  if (others.length === 0) return { contentType, text: await m.registry.metrics() };
  const all = [await m.registry.getMetricsAsJSON(), ...others].map((metrics) =>
    // "first" for all: some of prom-client's process metrics would otherwise be averaged or omitted.
    metrics.map((metric) => ({ ...metric, aggregator: "first" as const })),
  );
  return { contentType, text: await m.prom.AggregatorRegistry.aggregate(all).metrics() };
}

/** Zeroes every counter and histogram and forgets watched pools: for tests. */
export function resetMetrics(): void {
  instruments?.registry.resetMetrics();
  pools.clear();
}
