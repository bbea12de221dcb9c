/**
 * npm run bench:e2e [-- [--runs N] [--tsx] [--node-options=FLAGS] [--default-flags]]
 *
 * The bot end to end, through the loopback Discord of the end-to-end tests (tools/fake-discord/), against a floor: a do-nothing discord.js bot with default caches that answers
 * every slash command with one fixed embed (bench/floor-bot.ts). Each bot runs in its own child
 * process (bench/real-bot.ts runs `startBot`, exactly what `npm start` runs), so the resident memory
 * reported is its own; the fakes run here in the parent, one per bot, built from the same specs.
 *
 * - Latency: one server of 30 channels and 20 roles; after a warm-up, a few hundred sequential
 *   /ask, interleaved bot/floor, each from a new user (so no per-user limit applies). Round trip =
 *   from handing INTERACTION_CREATE to the gateway to the interaction callback reaching the fake's
 *   REST side (or the edit of @original, when the answer is deferred).
 * - Memory: RSS after a full GC (bench/child.ts), idle after ready and after the asks (one server);
 *   after joining 1,000 servers of 30 channels and 20 roles each; after reading 20,000 ordinary
 *   chat messages spread over them
 *   (chatter from 20 regulars per server, some replies to earlier chatter, some mentions of other
 *   users: nothing either bot answers). Then /ask in 50 servers spread over the 1,000 (first and
 *   last included) must be answered. Fresh processes for each of `--runs` runs; medians reported,
 *   since RSS varies by several MB between identical processes (allocator and GC timing).
 *
 * By default the children are compiled to plain JavaScript first (bench/build.ts), as `npm start`
 * runs the bot (it compiles src/ to dist/ and runs node on it); the bot is also measured idle
 * through tsx, as the tests and the one-shot tools run it. `--tsx` runs everything through tsx
 * instead. The bot gets the node flags `npm start` gives it (package.json: --max-semi-space-size=1,
 * which keeps V8's young generation small; --v8-pool-size=1, one V8 worker thread and so one
 * malloc arena of compiler memory; --compact-on-every-full-gc, so that a full collection also
 * gives back the old generation's half-empty pages; --interrupt-budget=8192, so that V8 optimises
 * the answer path after tens of questions rather than thousands); `--default-flags` runs it with
 * node's defaults instead, as the floors always run. `--node-options` adds node flags to both.
 *
 * HTTP mode (bench/e2e/http.ts): the HTTP-only bot (DISCORD_GATEWAY=off) beside a
 * do-nothing endpoint that verifies the signature and answers a fixed embed, loading nothing but
 * node's own modules: the /ask round trip from the signed POST to the answer, and RSS idle and
 * after the asks; targets p50 ≤ 1.5× the do-nothing endpoint's, p99 < 50 ms, RSS < 90 MB after
 * the asks.
 *
 * The PostgreSQL store (bench/e2e/postgres.ts): one PostgreSQL server for the whole bench, from
 * the machine's binaries (test/support/postgres.ts), and a fresh database for each bot process
 * that uses it (DATABASE_URL). The bot on it runs as extra kinds in the same one-server worlds,
 * interleaved with the others so that the ratios compare like with like: "bot-pg" beside the bot
 * and the floor (target p50 ≤ 1.5× the floor's, as on SQLite), "http-bot-pg" beside the HTTP-only
 * bot and the do-nothing endpoint (targets p50 ≤ 2.0× the endpoint's, p99 < 50 ms, RSS < 100 MB
 * after the asks). The 1,000-server world runs on SQLite only.
 *
 * Prints PASS/FAIL per target and exits 1 on any FAIL: p50 ≤ 1.5× the floor's, p99 <
 * 50 ms, RSS < 150 MB with one server (the 1,000-server figure is printed beside it; at that
 * scale the target is the relative one), RSS ≤ 80% of the floor's after 1,000 servers and
 * 20,000 messages, /ask still answered after the flood. Not a vitest test: numbers are what this
 * machine gives.
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { bundle } from "./build.ts";
import type { MemoryReport } from "./child.ts";
import { type HttpRun, httpWorld, reportHttp } from "./e2e/http.ts";
import { reportLatency } from "./e2e/latency.ts";
import { reportMemory } from "./e2e/memory.ts";
import { killPostgres, startBenchPostgres, stopPostgres } from "./e2e/postgres.ts";
import {
  cleanup,
  HTTP_KINDS,
  type HttpKind,
  type Kind,
  type Launch,
  SMALL_KINDS,
  type SmallKind,
  SOURCES,
  startFlags,
  tsxLaunch,
} from "./e2e/processes.ts";
import { checks, f1, f2 } from "./e2e/report.ts";
import { reportScale } from "./e2e/scale.ts";
import { guildSpecs } from "./e2e/traffic.ts";
import {
  bigWorld,
  type ScaleRun,
  type SmallRun,
  smallWorld,
  startPair,
  stopPair,
} from "./e2e/worlds.ts";

/** The whole bench is abandoned (children and PostgreSQL killed, exit 1) past this. */
const OVERALL_TIMEOUT_MS = 8 * 60_000;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      tsx: { type: "boolean", default: false },
      "node-options": { type: "string", default: "" },
      "default-flags": { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
  // Extra node flags for both children alike, e.g. --node-options=--max-semi-space-size=2.
  const nodeOptions = values["node-options"].split(" ").filter(Boolean);
  // --default-flags: the bot with node's defaults too, to see what npm start's flags change.
  const botFlags = values["default-flags"] ? [] : startFlags();
  const began = performance.now();
  console.log(
    `bench:e2e — Node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()
      .map(f2)
      .join(" ")}; ${runs} run(s); children ${values.tsx ? "through tsx" : "compiled"}${
      nodeOptions.length > 0 ? `, node ${nodeOptions.join(" ")}` : ""
    }; bot with npm start's node flags: ${botFlags.join(" ") || "none"}`,
  );

  const withOptions = (l: Launch): Launch => ({ ...l, execArgv: [...nodeOptions, ...l.execArgv] });
  // The bot runs with npm start's node flags; the floor with node's defaults.
  const asStarted = (l: Launch): Launch => ({ ...l, execArgv: [...botFlags, ...l.execArgv] });
  const gatewayLaunch: Record<Kind, Launch> = values.tsx
    ? { bot: asStarted(withOptions(tsxLaunch("bot"))), floor: withOptions(tsxLaunch("floor")) }
    : {
        bot: asStarted(withOptions({ script: await bundle(SOURCES.bot), execArgv: [] })),
        floor: withOptions({ script: await bundle(SOURCES.floor), execArgv: [] }),
      };
  // The bot on PostgreSQL is the same program; only its environment differs (DATABASE_URL).
  const launch: Record<SmallKind, Launch> = { ...gatewayLaunch, "bot-pg": gatewayLaunch.bot };

  // The HTTP-only bot as npm start runs it (its node flags); the do-nothing endpoint with defaults.
  const httpBot = values.tsx
    ? asStarted(withOptions(tsxLaunch("http-bot")))
    : asStarted(withOptions({ script: await bundle(SOURCES["http-bot"]), execArgv: [] }));
  const httpLaunch: Record<HttpKind, Launch> = {
    "http-bot": httpBot,
    "http-bot-pg": httpBot,
    "http-floor": values.tsx
      ? withOptions(tsxLaunch("http-floor"))
      : withOptions({ script: await bundle(SOURCES["http-floor"]), execArgv: [] }),
  };

  const pgStarted = performance.now();
  const pgUrl = await startBenchPostgres();
  console.log(
    `PostgreSQL for the "-pg" bots: ${new URL(pgUrl).host}, started in ${f1((performance.now() - pgStarted) / 1000)} s; a fresh database per bot process`,
  );

  const samples = Object.fromEntries(SMALL_KINDS.map((k) => [k, []])) as unknown as Record<
    SmallKind,
    number[]
  >;
  const httpSamples = Object.fromEntries(HTTP_KINDS.map((k) => [k, []])) as unknown as Record<
    HttpKind,
    number[]
  >;
  const small: SmallRun[] = [];
  const scale: ScaleRun[] = [];
  const http: HttpRun[] = [];
  for (let r = 0; r < runs; r++) {
    small.push(await smallWorld(launch, samples));
    http.push(await httpWorld(httpLaunch, httpSamples));
    scale.push(await bigWorld(gatewayLaunch));
  }
  // What running the sources through tsx (tests, one-shot tools) would cost the bot, idle.
  let tsxIdle: MemoryReport | undefined;
  if (!values.tsx) {
    const pair = await startPair(guildSpecs(1), {
      ...gatewayLaunch,
      bot: asStarted(withOptions(tsxLaunch("bot"))),
    });
    try {
      tsxIdle = await pair.procs.bot.memory();
    } finally {
      await stopPair(pair);
    }
  }
  await stopPostgres();

  reportLatency(samples, runs);
  reportHttp(samples, httpSamples, http);
  reportMemory(small, scale, tsxIdle, runs);
  reportScale(scale, runs);

  console.log("\nTargets");
  for (const c of checks) console.log(`  ${c.pass ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
  console.log(`\nbench:e2e took ${f1((performance.now() - began) / 1000)} s`);
  return checks.every((c) => c.pass) ? 0 : 1;
}

/**
 * Every way out: the children killed, PostgreSQL shut down (killed if it takes more than a few
 * seconds), every temporary folder removed, then exit with `code`.
 */
async function shutdown(code: number): Promise<never> {
  cleanup();
  const patience = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
  await Promise.race([stopPostgres(), patience]).catch((error: unknown) =>
    console.error("bench:e2e: stopping PostgreSQL:", error),
  );
  killPostgres();
  process.exit(code);
}

const overall = setTimeout(() => {
  console.error(`bench:e2e: gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
  void shutdown(1);
}, OVERALL_TIMEOUT_MS);
overall.unref();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void shutdown(130));
}
// Should anything exit without going through shutdown: nothing left running all the same.
process.on("exit", () => {
  cleanup();
  killPostgres();
});

main().then(
  (code) => shutdown(code),
  (error: unknown) => {
    console.error("bench:e2e failed:", error);
    return shutdown(1);
  },
);
