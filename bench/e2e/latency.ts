/** The /ask round trip of the bot beside the floor's, and its two targets. */

import type { Kind } from "./processes.ts";
import { KINDS } from "./processes.ts";
import { check, f2, pad, percentile } from "./report.ts";
import { MEASURED_ASKS, WARMUP_ASKS } from "./worlds.ts";

export const LATENCY_TARGETS = { p50Ratio: 1.5, p99Ms: 50 } as const;

export function reportLatency(samples: Record<Kind, number[]>, runs: number): void {
  const p = (kind: Kind, q: number) => percentile(samples[kind], q);
  console.log(
    `\n/ask round trip through the loopback Discord (ms): ${runs} × ${MEASURED_ASKS} sequential asks per bot, each run after ${WARMUP_ASKS} warm-up, interleaved`,
  );
  console.log(`  ${"".padEnd(8)}${["p50", "p90", "p99", "max"].map((h) => pad(h, 8)).join("")}`);
  for (const kind of KINDS) {
    console.log(
      `  ${kind.padEnd(8)}${[0.5, 0.9, 0.99, 1].map((q) => pad(f2(p(kind, q)), 8)).join("")}`,
    );
  }
  const ratio = p("bot", 0.5) / p("floor", 0.5);
  console.log(`  p50 bot/floor: ${f2(ratio)}`);
  check(
    `round trip p50 ≤ ${LATENCY_TARGETS.p50Ratio}× the floor's`,
    ratio <= LATENCY_TARGETS.p50Ratio,
    `${f2(ratio)}× (${f2(p("bot", 0.5))} vs ${f2(p("floor", 0.5))} ms)`,
  );
  check(
    `round trip p99 < ${LATENCY_TARGETS.p99Ms} ms`,
    p("bot", 0.99) < LATENCY_TARGETS.p99Ms,
    `${f2(p("bot", 0.99))} ms`,
  );
}
