/**
 * The HTTP mode of bench:e2e (issue 9): the HTTP-only bot (bench/http-bot.ts, `startHttpBot` as
 * `npm start` runs it with DISCORD_GATEWAY=off, with npm start's node flags) beside a do-nothing
 * endpoint that only verifies the signature and answers one fixed embed (bench/http-floor.ts),
 * each in its own process behind its own loopback Discord, which signs and POSTs the interactions.
 * Both are measured the same way: the /ask round trip from sending the signed POST to having read
 * the answer (sequential, interleaved, each from a new user) and RSS after a full GC, idle and
 * after the asks. The gateway bot and its floor (latency.ts) are printed beside them.
 */
import { startFakeDiscord } from "../../tools/fake-discord/index.ts";
import type { MemoryReport } from "../child.ts";
import { LATENCY_TARGETS } from "./latency.ts";
import { BotProcess, HTTP_KINDS, type HttpKind, type Kind, type Launch } from "./processes.ts";
import { check, f1, f2, mb, medianReport, memoryRow, pad, percentile } from "./report.ts";
import { askOverHttp, channelId, guildId, guildSpecs } from "./traffic.ts";
import { MEASURED_ASKS, WARMUP_ASKS } from "./worlds.ts";

/** Issue 9: the HTTP-only bot's RSS after the asks. */
export const HTTP_RSS_TARGET_MB = 90;

export interface HttpRun {
  idle: Record<HttpKind, MemoryReport>;
  asked: Record<HttpKind, MemoryReport>;
}

async function memories(
  procs: Record<HttpKind, BotProcess>,
): Promise<Record<HttpKind, MemoryReport>> {
  const [bot, floor] = await Promise.all(HTTP_KINDS.map((k) => procs[k].memory()));
  if (!bot || !floor) throw new Error("missing memory report");
  return { "http-bot": bot, "http-floor": floor };
}

/** One run in a one-server world, both endpoints fresh; latency samples go to `samples`. */
export async function httpWorld(
  launch: Record<HttpKind, Launch>,
  samples: Record<HttpKind, number[]>,
): Promise<HttpRun> {
  const guilds = guildSpecs(1);
  const where = { guildId: guildId(0), channelId: channelId(0, 0) };
  const fakes = {
    "http-bot": await startFakeDiscord({ guilds }),
    "http-floor": await startFakeDiscord({ guilds }),
  };
  const procs: BotProcess[] = [];
  try {
    const started: Partial<Record<HttpKind, BotProcess>> = {};
    // One after the other, so the two start-ups do not compete for the CPUs.
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
      const order: HttpKind[] =
        n % 2 === 0 ? ["http-bot", "http-floor"] : ["http-floor", "http-bot"];
      for (const kind of order) {
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

/** Latency of the four beside each other, the HTTP memory rows, and the HTTP targets. */
export function reportHttp(
  gateway: Record<Kind, number[]>,
  http: Record<HttpKind, number[]>,
  runs: HttpRun[],
): void {
  const all: Record<Kind | HttpKind, number[]> = { ...gateway, ...http };
  const p = (kind: Kind | HttpKind, q: number) => percentile(all[kind], q);
  console.log(
    `\n/ask round trip over HTTP (ms): signed POST to answer read, ${runs.length} × ${MEASURED_ASKS} sequential asks per endpoint after ${WARMUP_ASKS} warm-up, interleaved; the gateway bot and its floor (INTERACTION_CREATE to callback) beside them`,
  );
  console.log(`  ${"".padEnd(12)}${["p50", "p90", "p99", "max"].map((h) => pad(h, 8)).join("")}`);
  for (const kind of ["http-bot", "http-floor", "bot", "floor"] as const) {
    console.log(
      `  ${kind.padEnd(12)}${[0.5, 0.9, 0.99, 1].map((q) => pad(f2(p(kind, q)), 8)).join("")}`,
    );
  }
  // p50 of each run, for the spread behind the pooled figures.
  for (const kind of HTTP_KINDS) {
    const perRun = runs.map((_, r) =>
      f2(percentile(http[kind].slice(r * MEASURED_ASKS, (r + 1) * MEASURED_ASKS), 0.5)),
    );
    console.log(`  p50 per run, ${kind}: ${perRun.join(", ")}`);
  }
  const ratio = p("http-bot", 0.5) / p("http-floor", 0.5);
  console.log(`  p50 http-bot/http-floor: ${f2(ratio)}`);

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

  check(
    `HTTP round trip p50 ≤ ${LATENCY_TARGETS.p50Ratio}× the do-nothing endpoint's`,
    ratio <= LATENCY_TARGETS.p50Ratio,
    `${f2(ratio)}× (${f2(p("http-bot", 0.5))} vs ${f2(p("http-floor", 0.5))} ms)`,
  );
  check(
    `HTTP round trip p99 < ${LATENCY_TARGETS.p99Ms} ms`,
    p("http-bot", 0.99) < LATENCY_TARGETS.p99Ms,
    `${f2(p("http-bot", 0.99))} ms`,
  );
  const asked = runs.map((r) => mb(r.asked["http-bot"].memory.rss));
  check(
    `HTTP-only bot RSS < ${HTTP_RSS_TARGET_MB} MB after the asks`,
    mb(medianReport(runs.map((r) => r.asked["http-bot"])).memory.rss) < HTTP_RSS_TARGET_MB,
    `${f1(mb(medianReport(runs.map((r) => r.asked["http-bot"])).memory.rss))} MB (range ${f1(Math.min(...asked))}–${f1(Math.max(...asked))})`,
  );
}
