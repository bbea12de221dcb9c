/**
 * The /ask round trip of the bot beside the floor's, on either store (SQLite; PostgreSQL, "bot-pg"),
 * and their targets.
 */

import { SMALL_KINDS, type SmallKind } from "./processes.ts";
import { check, f2, p50PerRun, pad, percentile, spread } from "./report.ts";
import { MEASURED_ASKS, WARMUP_ASKS } from "./worlds.ts";

export const LATENCY_TARGETS = { p50Ratio: 1.5, p99Ms: 50 } as const;

export function reportLatency(samples: Record<SmallKind, number[]>, runs: number): void {
  const p = (kind: SmallKind, q: number) => percentile(samples[kind], q);
  console.log(
    `\n/ask round trip through the loopback Discord (ms): ${runs} × ${MEASURED_ASKS} sequential asks per bot, each run after ${WARMUP_ASKS} warm-up, interleaved; bot-pg is the bot on PostgreSQL`,
  );
  console.log(`  ${"".padEnd(8)}${["p50", "p90", "p99", "max"].map((h) => pad(h, 8)).join("")}`);
  for (const kind of SMALL_KINDS) {
    console.log(
      `  ${kind.padEnd(8)}${[0.5, 0.9, 0.99, 1].map((q) => pad(f2(p(kind, q)), 8)).join("")}`,
    );
  }
  const perRun = (kind: SmallKind) => p50PerRun(samples[kind], MEASURED_ASKS);
  for (const kind of SMALL_KINDS) {
    console.log(`  p50 per run, ${kind}: ${perRun(kind).map(f2).join(", ")}`);
  }
  const floorRuns = perRun("floor");
  for (const kind of ["bot", "bot-pg"] as const) {
    const ratio = p(kind, 0.5) / p("floor", 0.5);
    const ratios = perRun(kind).map((x, r) => x / (floorRuns[r] ?? Number.NaN));
    console.log(`  p50 ${kind}/floor: ${f2(ratio)} (per run ${ratios.map(f2).join(", ")})`);
    const store = kind === "bot" ? "" : " on PostgreSQL";
    check(
      `round trip p50${store} ≤ ${LATENCY_TARGETS.p50Ratio}× the floor's`,
      ratio <= LATENCY_TARGETS.p50Ratio,
      `${f2(ratio)}× (${f2(p(kind, 0.5))} vs ${f2(p("floor", 0.5))} ms; per run ${spread(ratios)}×)`,
    );
  }
  check(
    `round trip p99 < ${LATENCY_TARGETS.p99Ms} ms`,
    p("bot", 0.99) < LATENCY_TARGETS.p99Ms,
    `${f2(p("bot", 0.99))} ms (on PostgreSQL ${f2(p("bot-pg", 0.99))} ms)`,
  );
}
