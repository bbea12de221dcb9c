/**
 * npm run bench:e2e [-- [--runs N] [--tsx] [--node-options=FLAGS]]
 *
 * The bot end to end, through the loopback Discord of the end-to-end tests (test/support/
 * fake-discord.ts), against a floor: a do-nothing discord.js bot with default caches that answers
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
 * instead; `--node-options` passes node flags to both children alike (e.g.
 * `--node-options=--max-semi-space-size=2`).
 *
 * Prints PASS/FAIL per target of issue 5 and exits 1 on any FAIL: p50 ≤ 1.5× the floor's, p99 <
 * 50 ms, RSS < 150 MB with one server (the 1,000-server figure is printed beside it; at that
 * scale the issue's target is the relative one), RSS ≤ 80% of the floor's after 1,000 servers and
 * 20,000 messages, /ask still answered after the flood. Not a vitest test: numbers are what this
 * machine gives.
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import {
  type FakeDiscord,
  type FakeGuildSpec,
  type MessageSpec,
  startFakeDiscord,
} from "../tools/fake-discord/index.ts";
import { type Asked, ask } from "./asks.ts";
import { bundle } from "./build.ts";
import type { MemoryReport } from "./child.ts";
import { HTTP_KINDS, HTTP_SOURCES, type HttpKind, type HttpRun, httpWorld } from "./http.ts";
import {
  BotProcess,
  cleanup,
  expectedWarningCount,
  type Launch,
  REQUEST_TIMEOUT_MS,
  tsxLaunch,
} from "./processes.ts";

const WARMUP_ASKS = 100;
const MEASURED_ASKS = 400;
const GUILDS = 1000;
const CHANNELS_PER_GUILD = 30;
const ROLES_PER_GUILD = 20;
const CHAT_MESSAGES = 20_000;
const REGULARS_PER_GUILD = 20;
/** Messages sent per batch before waiting for both bots to have read them (no unbounded backlog). */
const FLOOD_BATCH = 1000;
const SAMPLE_GUILDS = 50;

const TARGETS = {
  p50Ratio: 1.5,
  p99Ms: 50,
  rssMb: 150,
  rssRatioAfterFlood: 0.8,
  /** Issue 9: the HTTP-only bot after the asks. */
  httpRssMb: 90,
} as const;

/** The whole bench is abandoned (children killed, exit 1) past this. */
const OVERALL_TIMEOUT_MS = 5 * 60_000;

type Kind = "bot" | "floor";
const KINDS: readonly Kind[] = ["bot", "floor"];
const SOURCES: Record<Kind, string> = {
  bot: "bench/real-bot.ts",
  floor: "bench/floor-bot.ts",
};

// ---------------------------------------------------------------------------------------------
// Worlds and traffic

/** Ids are spaced so the fake's derived role ids (guild id + position) never collide. */
const guildId = (g: number) => (100_000_000_000_000_000n + BigInt(g) * 1000n).toString();
const channelId = (g: number, c: number) =>
  (200_000_000_000_000_000n + BigInt(g) * 1000n + BigInt(c)).toString();
const userId = (g: number, u: number) =>
  (300_000_000_000_000_000n + BigInt(g) * 1000n + BigInt(u)).toString();
const messageId = (n: number) => (500_000_000_000_000_000n + BigInt(n)).toString();

function guildSpecs(count: number): FakeGuildSpec[] {
  return Array.from({ length: count }, (_, g) => ({
    id: guildId(g),
    channels: Array.from({ length: CHANNELS_PER_GUILD }, (_, c) => channelId(g, c)),
    roles: ROLES_PER_GUILD,
  }));
}

/** Deterministic traffic, so every run (and both bots) read the same messages. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Everyday chatter in the servers' languages; no clause is cited, nothing asks the bot. */
const OPENERS = [
  "hey everyone",
  "salut à tous",
  "всем привет",
  "ok so",
  "bon alors",
  "honestly",
  "lol",
  "merci",
  "by the way",
  "du coup",
];
const BODIES = [
  "anyone up for lunch today?",
  "the build is green again",
  "who has the slides from the meeting",
  "on se retrouve au café après le cours ?",
  "j'ai oublié mon parapluie au bureau",
  "кто-нибудь видел мои ключи?",
  "погода сегодня отличная",
  "I'll be late, train is stuck",
  "nice photo, where was that taken",
  "le wifi de la bibliothèque ne marche plus",
  "can someone review my pull request",
  "see you tomorrow",
  "quelqu'un a le numéro du plombier ?",
  "спасибо, до завтра",
  "that movie was way too long",
];

function chatter(random: () => number): string {
  const pick = (xs: readonly string[]) => xs[Math.floor(random() * xs.length)] ?? "";
  return random() < 0.5 ? pick(BODIES) : `${pick(OPENERS)}, ${pick(BODIES)}`;
}

/** Round-robin over the servers; every 40th message replies to earlier chatter, every 50th pings a user. */
function chatMessages(count: number, guilds: number): MessageSpec[] {
  const random = mulberry32(5);
  const lastInChannel = new Map<string, string>();
  return Array.from({ length: count }, (_, n) => {
    const g = n % guilds;
    const channel = channelId(g, Math.floor(random() * CHANNELS_PER_GUILD));
    const regular = Math.floor(random() * REGULARS_PER_GUILD);
    const author = { id: userId(g, regular), username: `regular-${g}-${regular}` };
    const spec: MessageSpec = { id: messageId(n), channelId: channel, author, content: "" };
    const previous = lastInChannel.get(channel);
    if (n % 40 === 39 && previous) {
      spec.referencedMessageId = previous;
      spec.content = chatter(random);
    } else if (n % 50 === 25) {
      const other = userId(g, (regular + 1) % REGULARS_PER_GUILD);
      spec.mentions = [other];
      spec.content = `<@${other}> ${chatter(random)}`;
    } else {
      spec.content = chatter(random);
    }
    lastInChannel.set(channel, messageId(n));
    return spec;
  });
}

// ---------------------------------------------------------------------------------------------
// Phases

interface Pair {
  fakes: Record<Kind, FakeDiscord>;
  procs: Record<Kind, BotProcess>;
}

async function startPair(guilds: FakeGuildSpec[], launch: Record<Kind, Launch>): Promise<Pair> {
  const [bot, floor] = await Promise.all(KINDS.map(() => startFakeDiscord({ guilds })));
  if (!bot || !floor) throw new Error("could not start the fakes");
  const fakes = { bot, floor };
  // One after the other, so the two start-ups do not compete for the CPUs.
  const botProc = await BotProcess.start("bot", launch.bot, fakes.bot);
  const floorProc = await BotProcess.start("floor", launch.floor, fakes.floor);
  return { fakes, procs: { bot: botProc, floor: floorProc } };
}

async function stopPair(pair: Pair): Promise<void> {
  await Promise.all(KINDS.map((k) => pair.procs[k].stop()));
  await Promise.all(KINDS.map((k) => pair.fakes[k].close()));
}

async function memories(pair: Pair): Promise<Record<Kind, MemoryReport>> {
  const [bot, floor] = await Promise.all(KINDS.map((k) => pair.procs[k].memory()));
  if (!bot || !floor) throw new Error("missing memory report");
  return { bot, floor };
}

interface SmallRun {
  idle: Record<Kind, MemoryReport>;
  /** After the asks: what answering costs, beyond start-up. */
  asked: Record<Kind, MemoryReport>;
}

/** A one-server world: idle memory, the latency samples (appended to `samples`), memory after. */
async function smallWorld(
  launch: Record<Kind, Launch>,
  samples: Record<Kind, number[]>,
): Promise<SmallRun> {
  const pair = await startPair(guildSpecs(1), launch);
  try {
    const idle = await memories(pair);
    const where = { guildId: guildId(0), channelId: channelId(0, 0) };
    for (let n = 0; n < WARMUP_ASKS + MEASURED_ASKS; n++) {
      // Alternate who goes first, so neither bot always runs right after the other.
      const order: Kind[] = n % 2 === 0 ? ["bot", "floor"] : ["floor", "bot"];
      for (const kind of order) {
        const { ms, answered } = await ask(pair.fakes[kind], n, where);
        if (!answered) throw new Error(`${kind} did not answer /ask #${n}`);
        if (n >= WARMUP_ASKS) samples[kind].push(ms);
      }
    }
    return { idle, asked: await memories(pair) };
  } finally {
    await stopPair(pair);
  }
}

interface ScaleRun {
  joined: Record<Kind, MemoryReport>;
  flooded: Record<Kind, MemoryReport>;
  floodMs: number;
  /** Bot replies to the chatter: must be 0, or the flood was not ordinary chatter. */
  chatterReplies: Record<Kind, number>;
  sample: Record<Kind, Asked[]>;
}

async function bigWorld(launch: Record<Kind, Launch>): Promise<ScaleRun> {
  const pair = await startPair(guildSpecs(GUILDS), launch);
  try {
    const joined = await memories(pair);
    const messages = chatMessages(CHAT_MESSAGES, GUILDS);
    const floodStart = performance.now();
    for (let sent = 0; sent < messages.length; ) {
      const batch = messages.slice(sent, sent + FLOOD_BATCH);
      for (const kind of KINDS) for (const m of batch) pair.fakes[kind].sendMessage(m);
      sent += batch.length;
      await Promise.all(KINDS.map((kind) => readAll(pair.procs[kind], sent)));
    }
    const floodMs = performance.now() - floodStart;
    const flooded = await memories(pair);

    const sample: Record<Kind, Asked[]> = { bot: [], floor: [] };
    for (let k = 0; k < SAMPLE_GUILDS; k++) {
      const g = Math.round((k * (GUILDS - 1)) / (SAMPLE_GUILDS - 1));
      const where = { guildId: guildId(g), channelId: channelId(g, k % CHANNELS_PER_GUILD) };
      for (const kind of KINDS) sample[kind].push(await ask(pair.fakes[kind], k, where));
    }
    const chatterReplies = {
      bot: pair.fakes.bot.channelMessages().length,
      floor: pair.fakes.floor.channelMessages().length,
    };
    return { joined, flooded, floodMs, chatterReplies, sample };
  } finally {
    await stopPair(pair);
  }
}

async function readAll(proc: BotProcess, count: number): Promise<void> {
  const deadline = performance.now() + REQUEST_TIMEOUT_MS;
  while ((await proc.messagesSeen()) < count) {
    if (performance.now() > deadline) throw new Error(`${proc.kind} fell behind the flood`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** The run with the median RSS (the lower middle one for an even count). */
function medianReport(reports: readonly MemoryReport[]): MemoryReport {
  const sorted = [...reports].sort((a, b) => a.memory.rss - b.memory.rss);
  const m = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!m) throw new Error("no memory reports");
  return m;
}

const mb = (bytes: number) => bytes / 2 ** 20;
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const pad = (s: string, n: number) => s.padStart(n);

interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

const checks: Check[] = [];
function check(name: string, pass: boolean, detail: string): void {
  checks.push({ name, pass, detail });
}

const COLUMNS = ["RSS", "range", "heap used", "new space", "other heap", "outside heap"];

/** RSS, its spread over the runs, and where the median run's RSS sits. */
function memoryRow(label: string, reports: readonly MemoryReport[]): string {
  const m = medianReport(reports);
  const rss = reports.map((r) => mb(r.memory.rss));
  const resident = Object.values(m.spaces).reduce((a, b) => a + b, 0);
  const young = m.spaces.new_space ?? 0;
  const range = `${f1(Math.min(...rss))}–${f1(Math.max(...rss))}`;
  const cells = [
    f1(mb(m.memory.rss)),
    range,
    f1(mb(m.memory.heapUsed)),
    f1(mb(young)),
    f1(mb(resident - young - m.memory.heapUsed)),
    f1(mb(m.memory.rss - resident)),
  ];
  return `  ${label.padEnd(36)}${cells.map((c) => pad(c, 13)).join("")}`;
}

function cacheLine(label: string, m: MemoryReport): string {
  const c = m.caches;
  return `  ${label.padEnd(7)}guilds ${c.guilds}, channels ${c.channels}, roles ${c.roles}, members ${c.members}, users ${c.users}, messages ${c.messages}`;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      tsx: { type: "boolean", default: false },
      "node-options": { type: "string", default: "" },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
  // Extra node flags for both children alike, e.g. --node-options=--max-semi-space-size=2.
  const nodeOptions = values["node-options"].split(" ").filter(Boolean);
  const began = performance.now();
  console.log(
    `bench:e2e — Node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()
      .map(f2)
      .join(" ")}; ${runs} run(s); children ${values.tsx ? "through tsx" : "compiled"}${
      nodeOptions.length > 0 ? `, node ${nodeOptions.join(" ")}` : ""
    }`,
  );

  const withOptions = (l: Launch): Launch => ({ ...l, execArgv: [...nodeOptions, ...l.execArgv] });
  const launch: Record<Kind, Launch> = values.tsx
    ? { bot: withOptions(tsxLaunch(SOURCES.bot)), floor: withOptions(tsxLaunch(SOURCES.floor)) }
    : {
        bot: withOptions({ script: await bundle(SOURCES.bot), execArgv: [] }),
        floor: withOptions({ script: await bundle(SOURCES.floor), execArgv: [] }),
      };

  const httpLaunch: Record<HttpKind, Launch> = values.tsx
    ? {
        "http-bot": withOptions(tsxLaunch(HTTP_SOURCES["http-bot"])),
        "http-floor": withOptions(tsxLaunch(HTTP_SOURCES["http-floor"])),
      }
    : {
        "http-bot": withOptions({ script: await bundle(HTTP_SOURCES["http-bot"]), execArgv: [] }),
        "http-floor": withOptions({
          script: await bundle(HTTP_SOURCES["http-floor"]),
          execArgv: [],
        }),
      };
  const httpWorldSpec = {
    guilds: guildSpecs(1),
    where: { guildId: guildId(0), channelId: channelId(0, 0) },
    warmup: WARMUP_ASKS,
    measured: MEASURED_ASKS,
  };

  const samples: Record<Kind, number[]> = { bot: [], floor: [] };
  const httpSamples: Record<HttpKind, number[]> = { "http-bot": [], "http-floor": [] };
  const small: SmallRun[] = [];
  const scale: ScaleRun[] = [];
  const http: HttpRun[] = [];
  for (let r = 0; r < runs; r++) {
    small.push(await smallWorld(launch, samples));
    http.push(await httpWorld(httpWorldSpec, httpLaunch, httpSamples));
    scale.push(await bigWorld(launch));
  }
  // What running the sources through tsx (tests, one-shot tools) would cost the bot, idle.
  let tsxIdle: MemoryReport | undefined;
  if (!values.tsx) {
    const pair = await startPair(guildSpecs(1), {
      ...launch,
      bot: withOptions(tsxLaunch(SOURCES.bot)),
    });
    try {
      tsxIdle = await pair.procs.bot.memory();
    } finally {
      await stopPair(pair);
    }
  }

  // Latency
  const p = (kind: Kind, q: number) => percentile(samples[kind], q);
  const hp = (kind: HttpKind, q: number) => percentile(httpSamples[kind], q);
  console.log(
    `\n/ask round trip through the loopback Discord (ms): ${runs} × ${MEASURED_ASKS} sequential asks per bot, each run after ${WARMUP_ASKS} warm-up, interleaved; gateway: INTERACTION_CREATE to callback; http: signed POST to answer read`,
  );
  console.log(`  ${"".padEnd(12)}${["p50", "p90", "p99", "max"].map((h) => pad(h, 8)).join("")}`);
  const rows: Array<[string, (q: number) => number]> = [
    ["bot", (q) => p("bot", q)],
    ["floor", (q) => p("floor", q)],
    ["http-bot", (q) => hp("http-bot", q)],
    ["http-floor", (q) => hp("http-floor", q)],
  ];
  for (const [label, at] of rows) {
    console.log(
      `  ${label.padEnd(12)}${[0.5, 0.9, 0.99, 1].map((q) => pad(f2(at(q)), 8)).join("")}`,
    );
  }
  // Per run, to show the spread behind the pooled percentiles.
  for (const kind of [...KINDS, ...HTTP_KINDS]) {
    const pooled = kind in samples ? samples[kind as Kind] : httpSamples[kind as HttpKind];
    const per = Array.from({ length: runs }, (_, r) =>
      f2(percentile(pooled.slice(r * MEASURED_ASKS, (r + 1) * MEASURED_ASKS), 0.5)),
    );
    console.log(`  p50 per run, ${kind}: ${per.join(", ")}`);
  }
  const httpRatio = hp("http-bot", 0.5) / hp("http-floor", 0.5);
  console.log(`  p50 http-bot/http-floor: ${f2(httpRatio)}`);
  const ratio = p("bot", 0.5) / p("floor", 0.5);
  console.log(`  p50 bot/floor: ${f2(ratio)}`);
  check(
    `round trip p50 ≤ ${TARGETS.p50Ratio}× the floor's`,
    ratio <= TARGETS.p50Ratio,
    `${f2(ratio)}× (${f2(p("bot", 0.5))} vs ${f2(p("floor", 0.5))} ms)`,
  );
  check(
    `round trip p99 < ${TARGETS.p99Ms} ms`,
    p("bot", 0.99) < TARGETS.p99Ms,
    `${f2(p("bot", 0.99))} ms`,
  );
  check(
    `HTTP round trip p50 ≤ ${TARGETS.p50Ratio}× the do-nothing endpoint's`,
    httpRatio <= TARGETS.p50Ratio,
    `${f2(httpRatio)}× (${f2(hp("http-bot", 0.5))} vs ${f2(hp("http-floor", 0.5))} ms)`,
  );
  check(
    `HTTP round trip p99 < ${TARGETS.p99Ms} ms`,
    hp("http-bot", 0.99) < TARGETS.p99Ms,
    `${f2(hp("http-bot", 0.99))} ms`,
  );

  // Memory
  const idle = small.map((s) => s.idle);
  const asked = small.map((s) => s.asked);
  const joined = scale.map((s) => s.joined);
  const flooded = scale.map((s) => s.flooded);
  const states: Array<[string, Array<Record<Kind, MemoryReport>>]> = [
    ["idle after ready, 1 server", idle],
    [`after ${WARMUP_ASKS + MEASURED_ASKS} /ask, 1 server`, asked],
    [`${GUILDS.toLocaleString("en")} servers joined`, joined],
    [`+ ${CHAT_MESSAGES.toLocaleString("en")} chat messages read`, flooded],
  ];
  console.log(
    `\nResident memory after a full GC (MB): median of ${runs} run(s), range, and where the median run's RSS sits`,
  );
  console.log(`  ${"".padEnd(36)}${COLUMNS.map((h) => pad(h, 13)).join("")}`);
  for (const [label, reports] of states) {
    for (const kind of KINDS) {
      console.log(
        memoryRow(
          `${label} — ${kind}`,
          reports.map((r) => r[kind]),
        ),
      );
    }
  }
  const rss = (reports: Array<Record<Kind, MemoryReport>>, kind: Kind) =>
    medianReport(reports.map((r) => r[kind])).memory.rss;
  for (const [label, pick] of [
    ["HTTP only, idle", (r: HttpRun) => r.idle],
    [`HTTP only, after ${WARMUP_ASKS + MEASURED_ASKS} /ask`, (r: HttpRun) => r.asked],
  ] as const) {
    for (const kind of HTTP_KINDS) {
      console.log(
        memoryRow(
          `${label} — ${kind}`,
          http.map((r) => pick(r)[kind]),
        ),
      );
    }
  }
  const httpAsked = medianReport(http.map((r) => r.asked["http-bot"])).memory.rss;
  check(
    `HTTP-only bot RSS < ${TARGETS.httpRssMb} MB after the asks`,
    mb(httpAsked) < TARGETS.httpRssMb,
    `${f1(mb(httpAsked))} MB (range ${f1(Math.min(...http.map((r) => mb(r.asked["http-bot"].memory.rss))))}–${f1(
      Math.max(...http.map((r) => mb(r.asked["http-bot"].memory.rss))),
    )})`,
  );
  if (tsxIdle) {
    console.log(
      `  bot idle through tsx (as the tests run it; npm start runs compiled JavaScript): ${f1(mb(tsxIdle.memory.rss))} MB, ${f1(
        mb(tsxIdle.memory.rss - rss(idle, "bot")),
      )} MB more than compiled`,
    );
  }
  if (expectedWarningCount() > 0) {
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
    `bot RSS < ${TARGETS.rssMb} MB, one server (idle and after the asks)`,
    mb(oneServer) < TARGETS.rssMb,
    `${f1(mb(oneServer))} MB at most (${f1(mb(rss(flooded, "bot")))} MB at ${GUILDS.toLocaleString(
      "en",
    )} servers after the chat)`,
  );
  const floodRatio = rss(flooded, "bot") / rss(flooded, "floor");
  check(
    `after ${GUILDS.toLocaleString("en")} servers + ${CHAT_MESSAGES.toLocaleString("en")} messages, bot RSS ≤ ${TARGETS.rssRatioAfterFlood * 100}% of the floor's`,
    floodRatio <= TARGETS.rssRatioAfterFlood,
    `${(floodRatio * 100).toFixed(1)}% (${f1(mb(rss(flooded, "bot")))} vs ${f1(
      mb(rss(flooded, "floor")),
    )} MB)`,
  );
  const sampled = scale.flatMap((s) => s.sample.bot);
  const answered = sampled.filter((a) => a.answered).length;
  check(
    `after the flood, /ask answered in each of ${SAMPLE_GUILDS} servers spread over the ${GUILDS.toLocaleString("en")}`,
    answered === sampled.length,
    `${answered}/${sampled.length} over ${runs} run(s), p50 ${f2(
      percentile(
        sampled.map((a) => a.ms),
        0.5,
      ),
    )} ms (floor ${f2(
      percentile(
        scale.flatMap((s) => s.sample.floor.map((a) => a.ms)),
        0.5,
      ),
    )} ms)`,
  );
  const replies = scale.reduce((n, s) => n + s.chatterReplies.bot + s.chatterReplies.floor, 0);
  check(
    "the flood was ordinary chatter (neither bot replied)",
    replies === 0,
    `${replies} replies`,
  );

  console.log("\nTargets");
  for (const c of checks) console.log(`  ${c.pass ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
  console.log(`\nbench:e2e took ${f1((performance.now() - began) / 1000)} s`);
  return checks.every((c) => c.pass) ? 0 : 1;
}

const overall = setTimeout(() => {
  console.error(`bench:e2e: gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
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
    console.error("bench:e2e failed:", error);
    cleanup();
    process.exit(1);
  },
);
