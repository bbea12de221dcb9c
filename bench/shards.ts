/**
 * npm run bench:shards [-- [--runs N] [--tsx]]
 *
 * What several shards per process save (DISCORD_SHARDS_PER_PROCESS): a bot of 4 shards × 250
 * servers (30 channels and 20 roles each, as in bench:e2e) run in three layouts against the
 * loopback Discord, with the same traffic in each:
 *
 * - 4 processes of 1 shard (DISCORD_SHARDS_PER_PROCESS=1, one process per shard as before);
 * - 2 processes of 2 shards;
 * - 1 process of 4 shards.
 *
 * Each process is the bot as a shard process runs it (bench/shard-bot.ts: `startBot` with the
 * client's `shards` and `shardCount`), compiled and started with npm start's node flags, as
 * bench:e2e runs the bot. Traffic: the 1,000 servers joined, 8,000 ordinary chat messages read
 * (2,000 per shard), then 200 `/ask` spread over the servers, all of which must be answered.
 * Memory is each process's RSS after a full GC (bench/child.ts), summed over the layout's
 * processes, after joining and after the traffic; fresh processes for each of `--runs` runs (the
 * layouts' order rotates from run to run), medians and ranges reported. The sharding manager, the
 * same in every layout, is not counted.
 *
 * Target: 4 shards in one process ≤ 40 % of the four processes' total, after the traffic. Exits
 * 1 on FAIL. Not a vitest test: numbers are what this machine gives.
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { FakeGuildSpec } from "../tools/fake-discord/index.ts";
import { startFakeDiscord } from "../tools/fake-discord/index.ts";
import { bundle } from "./build.ts";
import {
  BotProcess,
  cleanup,
  type Launch,
  REQUEST_TIMEOUT_MS,
  SOURCES,
  startFlags,
  tsxLaunch,
} from "./e2e/processes.ts";
import { check, checks, f1, mb } from "./e2e/report.ts";
import { ask, CHANNELS_PER_GUILD, channelId, chatMessages, guildSpecs } from "./e2e/traffic.ts";

const SHARDS = 4;
const GUILDS_PER_SHARD = 250;
const GUILDS = SHARDS * GUILDS_PER_SHARD;
const CHAT_MESSAGES = 8_000;
const ASKS = 200;
const FLOOD_BATCH = 1000;
const TARGET_RATIO = 0.4;
const OVERALL_TIMEOUT_MS = 15 * 60_000;

/** Process groups of each layout, by name. */
const LAYOUTS: Record<string, number[][]> = {
  "4 processes × 1 shard": [[0], [1], [2], [3]],
  "2 processes × 2 shards": [
    [0, 1],
    [2, 3],
  ],
  "1 process × 4 shards": [[0, 1, 2, 3]],
};
const ONE_PER_SHARD = "4 processes × 1 shard";
const ALL_IN_ONE = "1 process × 4 shards";

/**
 * Server g lands on shard g % 4: ids step by 2^22, the part of a snowflake Discord's shard
 * formula ((id >> 22) % count) reads. bench:e2e's ids, a thousand apart, would all share a shard.
 */
const shardedGuildId = (g: number) => (100_000_000_000_000_000n + (BigInt(g) << 22n)).toString();

function guilds(): FakeGuildSpec[] {
  return guildSpecs(GUILDS).map((spec, g) => ({ ...spec, id: shardedGuildId(g) }));
}

interface LayoutRun {
  /** Summed RSS of the layout's processes, bytes. */
  joined: number;
  after: number;
  /** RSS of each process after the traffic, bytes. */
  perProcess: number[];
  answered: number;
}

async function runLayout(groups: number[][], launch: Launch): Promise<LayoutRun> {
  const fake = await startFakeDiscord({ guilds: guilds(), shards: SHARDS });
  const procs: BotProcess[] = [];
  try {
    // One after the other, so the start-ups do not compete for the CPUs.
    for (const ids of groups) {
      procs.push(
        await BotProcess.start("shard-bot", launch, fake, {
          BENCH_SHARDS: ids.join(","),
          BENCH_SHARD_COUNT: String(SHARDS),
        }),
      );
    }
    const total = async () => {
      const reports = await Promise.all(procs.map((p) => p.memory()));
      return reports.map((r) => r.memory.rss);
    };
    const joined = (await total()).reduce((a, b) => a + b, 0);
    const guildsSeen = (await Promise.all(procs.map((p) => p.memory()))).reduce(
      (n, r) => n + r.caches.guilds,
      0,
    );
    if (guildsSeen !== GUILDS) throw new Error(`${guildsSeen} servers joined, not ${GUILDS}`);

    const messages = chatMessages(CHAT_MESSAGES, GUILDS);
    for (let sent = 0; sent < messages.length; ) {
      const batch = messages.slice(sent, sent + FLOOD_BATCH);
      for (const m of batch) fake.sendMessage(m);
      sent += batch.length;
      await readAll(procs, sent);
    }
    let answered = 0;
    for (let n = 0; n < ASKS; n++) {
      const g = Math.round((n * (GUILDS - 1)) / (ASKS - 1));
      const where = { guildId: shardedGuildId(g), channelId: channelId(g, n % CHANNELS_PER_GUILD) };
      if ((await ask(fake, n, where)).answered) answered++;
    }
    const perProcess = await total();
    return { joined, after: perProcess.reduce((a, b) => a + b, 0), perProcess, answered };
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await fake.close();
  }
}

async function readAll(procs: readonly BotProcess[], count: number): Promise<void> {
  const deadline = performance.now() + REQUEST_TIMEOUT_MS;
  for (;;) {
    const seen = (await Promise.all(procs.map((p) => p.messagesSeen()))).reduce((a, b) => a + b);
    if (seen >= count) return;
    if (performance.now() > deadline) throw new Error("the shards fell behind the chat");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};
/** "128.6 MB (126.0–131.2)": the median with its unit, then the range. */
const spread = (xs: readonly number[], value: (x: number) => string, unit: string) =>
  `${value(median(xs))} ${unit} (${value(Math.min(...xs))}–${value(Math.max(...xs))})`;
const megabytes = (bytes: number) => f1(mb(bytes));
const inMb = (bytes: number) => `${megabytes(bytes)} MB`;
const percent = (x: number) => f1(x * 100);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      tsx: { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
  const flags = startFlags();
  const launch: Launch = values.tsx
    ? { ...tsxLaunch("shard-bot"), execArgv: [...flags, "--import", "tsx"] }
    : { script: await bundle(SOURCES["shard-bot"]), execArgv: flags };
  const began = performance.now();
  console.log(
    `bench:shards — Node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(
        " ",
      )}; ${runs} run(s); ${SHARDS} shards × ${GUILDS_PER_SHARD} servers; node flags: ${flags.join(" ")}`,
  );

  const names = Object.keys(LAYOUTS);
  const results = new Map<string, LayoutRun[]>(names.map((n) => [n, []]));
  for (let r = 0; r < runs; r++) {
    // Rotate the order, so that no layout always runs on the freshest (or most tired) machine.
    const order = names.map((_, i) => names[(i + r) % names.length] as string);
    for (const name of order) {
      const result = await runLayout(LAYOUTS[name] ?? [], launch);
      results.get(name)?.push(result);
      console.log(
        `  run ${r + 1}: ${name.padEnd(24)} joined ${inMb(result.joined)}, after the traffic ${inMb(result.after)} (${result.perProcess.map(inMb).join(" + ")}), ${result.answered}/${ASKS} answered`,
      );
    }
  }

  console.log(
    `\nTotal RSS after a full GC, summed over the processes: median (range over ${runs} run(s))`,
  );
  console.log(
    `  ${"layout".padEnd(26)}${"joined".padStart(26)}${"after the traffic".padStart(26)}${"per shard".padStart(14)}`,
  );
  for (const name of names) {
    const rs = results.get(name) ?? [];
    console.log(
      `  ${name.padEnd(26)}${spread(
        rs.map((r) => r.joined),
        megabytes,
        "MB",
      ).padStart(26)}${spread(
        rs.map((r) => r.after),
        megabytes,
        "MB",
      ).padStart(26)}${inMb(median(rs.map((r) => r.after)) / SHARDS).padStart(14)}`,
    );
  }
  const ratio = (name: string) =>
    (results.get(name) ?? []).map(
      (r, i) => r.after / (results.get(ONE_PER_SHARD)?.[i]?.after ?? 1),
    );
  for (const name of names.filter((n) => n !== ONE_PER_SHARD)) {
    console.log(`  ${name} / ${ONE_PER_SHARD}: ${spread(ratio(name), percent, "%")}`);
  }

  const allInOne = ratio(ALL_IN_ONE);
  check(
    `4 shards in one process ≤ ${TARGET_RATIO * 100} % of four processes' total RSS`,
    median(allInOne) <= TARGET_RATIO,
    spread(allInOne, percent, "%"),
  );
  const answered = [...results.values()].flat().reduce((n, r) => n + r.answered, 0);
  const asked = [...results.values()].flat().length * ASKS;
  check("every /ask answered in every layout", answered === asked, `${answered}/${asked}`);

  console.log("\nTargets");
  for (const c of checks) console.log(`  ${c.pass ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
  console.log(`\nbench:shards took ${f1((performance.now() - began) / 1000)} s`);
  return checks.every((c) => c.pass) ? 0 : 1;
}

const overall = setTimeout(() => {
  console.error(`bench:shards: gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
  cleanup();
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
overall.unref();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    cleanup();
    process.exit(130);
  });
}
process.on("exit", cleanup);

main().then(
  (code) => {
    cleanup();
    process.exit(code);
  },
  (error: unknown) => {
    console.error("bench:shards failed:", error);
    cleanup();
    process.exit(1);
  },
);
