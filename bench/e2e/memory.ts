/**
 * Resident memory of the bot beside the floor's, in each state, with the spread over runs; and the
 * memory targets. With one server the bot on PostgreSQL ("bot-pg") is printed too.
 */
import type { MemoryReport } from "../child.ts";
import { expectedWarnings, KINDS, type Kind, SMALL_KINDS, type SmallKind } from "./processes.ts";
import {
  COLUMNS,
  cacheLine,
  check,
  f1,
  mb,
  medianReport,
  memoryRow,
  pad,
  percentile,
} from "./report.ts";
import {
  CHAT_MESSAGES,
  GUILDS,
  MEASURED_ASKS,
  type ScaleRun,
  type SmallRun,
  WARMUP_ASKS,
} from "./worlds.ts";

export const MEMORY_TARGETS = { rssMb: 150, rssRatioAfterFlood: 0.8 } as const;

export function reportMemory(
  small: readonly SmallRun[],
  scale: readonly ScaleRun[],
  tsxIdle: MemoryReport | undefined,
  runs: number,
): void {
  const idle = small.map((s) => s.idle);
  const asked = small.map((s) => s.asked);
  const joined = scale.map((s) => s.joined);
  const flooded = scale.map((s) => s.flooded);
  const states: Array<
    [string, readonly SmallKind[], Array<Partial<Record<SmallKind, MemoryReport>>>]
  > = [
    ["idle after ready, 1 server", SMALL_KINDS, idle],
    [`after ${WARMUP_ASKS + MEASURED_ASKS} /ask, 1 server`, SMALL_KINDS, asked],
    [`${GUILDS.toLocaleString("en")} servers joined`, KINDS, joined],
    [`+ ${CHAT_MESSAGES.toLocaleString("en")} chat messages read`, KINDS, flooded],
  ];
  console.log(
    `\nResident memory after a full GC (MB): median of ${runs} run(s), range, and where the median run's RSS sits`,
  );
  console.log(`  ${"".padEnd(42)}${COLUMNS.map((h) => pad(h, 13)).join("")}`);
  for (const [label, kinds, reports] of states) {
    for (const kind of kinds) {
      console.log(
        memoryRow(
          `${label} — ${kind}`,
          reports.flatMap((r) => r[kind] ?? []),
        ),
      );
    }
  }
  const rss = (reports: Array<Record<Kind, MemoryReport>>, kind: Kind) =>
    medianReport(reports.map((r) => r[kind])).memory.rss;
  if (tsxIdle) {
    console.log(
      `  bot idle through tsx (as the tests run it; npm start runs compiled JavaScript): ${f1(mb(tsxIdle.memory.rss))} MB, ${f1(
        mb(tsxIdle.memory.rss - rss(idle, "bot")),
      )} MB more than compiled`,
    );
  }
  if (expectedWarnings > 0) {
    console.log(
      "  (the bot's processes each printed discord.js's warning that limiting RoleManager is unsupported: expected, see src/discord/gateway/client.ts)",
    );
  }
  const last = scale.at(-1);
  if (!last) throw new Error("no scale run");
  console.log("Cache entries after the flood");
  for (const kind of KINDS) console.log(cacheLine(kind, last.flooded[kind]));
  console.log(
    `Flood of ${CHAT_MESSAGES.toLocaleString("en")} messages read by both bots in ${f1(
      percentile(
        scale.map((s) => s.floodMs),
        0.5,
      ) / 1000,
    )} s (median)`,
  );

  // The absolute target is for the bot as it usually runs (one process, one server here); at
  // 1,000 servers the issue sets a relative one, checked next. Both figures are printed.
  const oneServer = Math.max(rss(idle, "bot"), rss(asked, "bot"));
  check(
    `bot RSS < ${MEMORY_TARGETS.rssMb} MB, one server (idle and after the asks)`,
    mb(oneServer) < MEMORY_TARGETS.rssMb,
    `${f1(mb(oneServer))} MB at most (${f1(mb(rss(flooded, "bot")))} MB at ${GUILDS.toLocaleString(
      "en",
    )} servers after the chat)`,
  );
  const floodRatio = rss(flooded, "bot") / rss(flooded, "floor");
  check(
    `after ${GUILDS.toLocaleString("en")} servers + ${CHAT_MESSAGES.toLocaleString("en")} messages, bot RSS ≤ ${MEMORY_TARGETS.rssRatioAfterFlood * 100}% of the floor's`,
    floodRatio <= MEMORY_TARGETS.rssRatioAfterFlood,
    `${(floodRatio * 100).toFixed(1)}% (${f1(mb(rss(flooded, "bot")))} vs ${f1(
      mb(rss(flooded, "floor")),
    )} MB)`,
  );
}
