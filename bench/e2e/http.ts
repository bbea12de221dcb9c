/**
 * The HTTP mode of bench:e2e: the HTTP-only bot (bench/http-bot.ts, `startHttpBot` as
 * `npm start` runs it with DISCORD_GATEWAY=off, with npm start's node flags), on SQLite and on
 * PostgreSQL ("http-bot-pg": DATABASE_URL set, a fresh database of the bench's server), beside a
 * do-nothing endpoint that only verifies the signature and answers one fixed embed
 * (bench/http-floor.ts), each in its own process behind its own loopback Discord, which signs and
 * POSTs the interactions. All are measured the same way: the /ask round trip from sending the
 * signed POST to having read the answer (sequential, interleaved, each from a new user) and RSS
 * after a full GC, idle and after the asks. The gateway bots and their floor (latency.ts) are
 * printed beside them.
 */
import { startFakeDiscord } from "../../tools/fake-discord/index.ts";
import type { MemoryReport } from "../child.ts";
import { LATENCY_TARGETS } from "./latency.ts";
import {
  BotProcess,
  HTTP_KINDS,
  type HttpKind,
  type Launch,
  rotation,
  SMALL_KINDS,
  type SmallKind,
} from "./processes.ts";
import {
  check,
  f1,
  f2,
  mb,
  medianReport,
  memoryRow,
  p50PerRun,
  pad,
  percentile,
  spread,
} from "./report.ts";
import { askOverHttp, channelId, guildId, guildSpecs } from "./traffic.ts";
import { MEASURED_ASKS, WARMUP_ASKS } from "./worlds.ts";

/** The HTTP-only bot's RSS after the asks: on SQLite, on PostgreSQL (the store's issue). */
export const HTTP_RSS_TARGET_MB = { sqlite: 90, postgres: 100 } as const;
/** The store's issue: the HTTP-only bot's p50 on PostgreSQL against the do-nothing endpoint's. */
export const HTTP_PG_P50_RATIO = 2.0;

export interface HttpRun {
  idle: Record<HttpKind, MemoryReport>;
  asked: Record<HttpKind, MemoryReport>;
}

async function memories(
  procs: Record<HttpKind, BotProcess>,
): Promise<Record<HttpKind, MemoryReport>> {
  const reports = await Promise.all(HTTP_KINDS.map((k) => procs[k].memory()));
  return Object.fromEntries(HTTP_KINDS.map((k, i) => [k, reports[i]])) as Record<
    HttpKind,
    MemoryReport
  >;
}

/** One run in a one-server world, every endpoint fresh; latency samples go to `samples`. */
export async function httpWorld(
  launch: Record<HttpKind, Launch>,
  samples: Record<HttpKind, number[]>,
): Promise<HttpRun> {
  const guilds = guildSpecs(1);
  const where = { guildId: guildId(0), channelId: channelId(0, 0) };
  const fakes = {} as Record<HttpKind, Awaited<ReturnType<typeof startFakeDiscord>>>;
  for (const kind of HTTP_KINDS) fakes[kind] = await startFakeDiscord({ guilds });
  const procs: BotProcess[] = [];
  try {
    const started: Partial<Record<HttpKind, BotProcess>> = {};
    // One after the other, so the start-ups do not compete for the CPUs.
    for (const kind of HTTP_KINDS) {
      const proc = await BotProcess.start(kind, launch[kind], fakes[kind]);
      procs.push(proc);
      started[kind] = proc;
      if (proc.port === null) throw new Error(`${kind}: no endpoint port reported`);
      fakes[kind].useInteractionsEndpoint(`http://127.0.0.1:${proc.port}/interactions`);
    }
    const running = started as Record<HttpKind, BotProcess>;
    const idle = await memories(running);
    for (let n = 0; n < WARMUP_ASKS + MEASURED_ASKS; n++) {
      for (const kind of rotation(HTTP_KINDS, n)) {
        const { ms, answered } = await askOverHttp(fakes[kind], n, where);
        if (!answered) throw new Error(`${kind} did not answer /ask #${n}`);
        if (n >= WARMUP_ASKS) samples[kind].push(ms);
      }
    }
    return { idle, asked: await memories(running) };
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await Promise.all(Object.values(fakes).map((f) => f.close()));
  }
}

/** Latency of all beside each other, the HTTP memory rows, and the HTTP targets. */
export function reportHttp(
  gateway: Record<SmallKind, number[]>,
  http: Record<HttpKind, number[]>,
  runs: HttpRun[],
): void {
  const all: Record<SmallKind | HttpKind, number[]> = { ...gateway, ...http };
  const p = (kind: SmallKind | HttpKind, q: number) => percentile(all[kind], q);
  console.log(
    `\n/ask round trip over HTTP (ms): signed POST to answer read, ${runs.length} × ${MEASURED_ASKS} sequential asks per endpoint after ${WARMUP_ASKS} warm-up, interleaved; "-pg" on PostgreSQL; the gateway bots and their floor (INTERACTION_CREATE to callback) beside them`,
  );
  console.log(`  ${"".padEnd(12)}${["p50", "p90", "p99", "max"].map((h) => pad(h, 8)).join("")}`);
  for (const kind of [...HTTP_KINDS, ...SMALL_KINDS]) {
    console.log(
      `  ${kind.padEnd(12)}${[0.5, 0.9, 0.99, 1].map((q) => pad(f2(p(kind, q)), 8)).join("")}`,
    );
  }
  // p50 of each run, for the spread behind the pooled figures.
  const perRun = (kind: HttpKind) => p50PerRun(http[kind], MEASURED_ASKS);
  for (const kind of HTTP_KINDS) {
    console.log(`  p50 per run, ${kind}: ${perRun(kind).map(f2).join(", ")}`);
  }
  const floorRuns = perRun("http-floor");
  const ratios = (kind: HttpKind) => perRun(kind).map((x, r) => x / (floorRuns[r] ?? Number.NaN));
  const ratio = (kind: HttpKind) => p(kind, 0.5) / p("http-floor", 0.5);
  for (const kind of ["http-bot", "http-bot-pg"] as const) {
    console.log(
      `  p50 ${kind}/http-floor: ${f2(ratio(kind))} (per run ${ratios(kind).map(f2).join(", ")})`,
    );
  }

  console.log("\nResident memory of the HTTP endpoints after a full GC (MB)");
  for (const [label, pick] of [
    ["HTTP only, idle", (r: HttpRun) => r.idle],
    [`HTTP only, after ${WARMUP_ASKS + MEASURED_ASKS} /ask`, (r: HttpRun) => r.asked],
  ] as const) {
    for (const kind of HTTP_KINDS) {
      console.log(
        memoryRow(
          `${label} — ${kind}`,
          runs.map((r) => pick(r)[kind]),
        ),
      );
    }
  }

  for (const [kind, store, limit] of [
    ["http-bot", "", LATENCY_TARGETS.p50Ratio],
    ["http-bot-pg", " on PostgreSQL", HTTP_PG_P50_RATIO],
  ] as const) {
    check(
      `HTTP round trip p50${store} ≤ ${limit}× the do-nothing endpoint's`,
      ratio(kind) <= limit,
      `${f2(ratio(kind))}× (${f2(p(kind, 0.5))} vs ${f2(p("http-floor", 0.5))} ms; per run ${spread(ratios(kind))}×)`,
    );
    check(
      `HTTP round trip p99${store} < ${LATENCY_TARGETS.p99Ms} ms`,
      p(kind, 0.99) < LATENCY_TARGETS.p99Ms,
      `${f2(p(kind, 0.99))} ms`,
    );
  }
  for (const [kind, store, limit] of [
    ["http-bot", "", HTTP_RSS_TARGET_MB.sqlite],
    ["http-bot-pg", " on PostgreSQL", HTTP_RSS_TARGET_MB.postgres],
  ] as const) {
    const asked = runs.map((r) => mb(r.asked[kind].memory.rss));
    const median = mb(medianReport(runs.map((r) => r.asked[kind])).memory.rss);
    check(
      `HTTP-only bot${store} RSS < ${limit} MB after the asks`,
      median < limit,
      `${f1(median)} MB (range ${f1(Math.min(...asked))}–${f1(Math.max(...asked))})`,
    );
  }
}
