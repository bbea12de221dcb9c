/**
 * npm run bench [-- --rounds 200 --builds 20]
 *
 * Times the engine and the MiniSearch baseline in the same process: index build (median after
 * warm-up), latency of one question (p50/p99 over the development questions, many rounds after
 * warm-up) and heap retained. Checks the engine against its speed targets and exits
 * 1 on FAIL. Run through the npm script, which passes --expose-gc so heap deltas are measured
 * after a full collection rather than on whatever garbage happens to be lying around.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadDeclaration } from "../core/declaration.ts";
import { Engine } from "../core/engine.ts";
import { benchmarkQuestions } from "../core/questions.ts";
import { Baseline } from "../quality/baseline.ts";
import { SPEED_TARGETS } from "../quality/targets.ts";

const WARMUP_BUILDS = 5;
const WARMUP_ROUNDS = 20;
const SLOWEST_SHOWN = 3;

const gc = (globalThis as { gc?: () => void }).gc;

/** Results are folded into this, so the JIT cannot drop a call whose result is unused. */
let sink = 0;

const elapsedMs = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

function sorted(xs: Iterable<number>): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sortedXs: readonly number[], p: number): number {
  const i = Math.min(sortedXs.length - 1, Math.max(0, Math.ceil(p * sortedXs.length) - 1));
  return sortedXs[i] ?? Number.NaN;
}

function timeBuilds(build: () => unknown, runs: number): number[] {
  for (let i = 0; i < WARMUP_BUILDS; i++) sink += build() ? 1 : 0;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const built = build();
    samples.push(elapsedMs(t0));
    sink += built ? 1 : 0;
  }
  return sorted(samples);
}

interface Latency {
  /** Every single call, sorted: the p99 a user sees, GC pauses and a busy machine included. */
  calls: number[];
  /** Each question's median over the rounds, in question order: its own cost, noise filtered. */
  perQuestion: number[];
}

/** Round after round over all questions, so one question's caches do not warm the next call. */
function timeQueries(ask: (q: string) => number, questions: readonly string[], rounds: number) {
  for (let r = 0; r < WARMUP_ROUNDS; r++) for (const q of questions) sink += ask(q);
  const byQuestion = questions.map(() => new Float64Array(rounds));
  for (let r = 0; r < rounds; r++) {
    questions.forEach((q, i) => {
      const t0 = process.hrtime.bigint();
      sink += ask(q);
      (byQuestion[i] as Float64Array)[r] = elapsedMs(t0);
    });
  }
  return {
    calls: sorted(byQuestion.flatMap((xs) => [...xs])),
    perQuestion: byQuestion.map((xs) => percentile(sorted(xs), 0.5)),
  } satisfies Latency;
}

function collect(): void {
  // Twice: objects freed by the first collection's finalizers are only reclaimed by a second.
  gc?.();
  gc?.();
}

const CORPUS_RSS_RUNS = 9;

/**
 * Resident memory the example corpus adds (src/cli/corpus-rss.ts): processes with the corpus
 * against processes without it, alternating, CORPUS_RSS_RUNS of each. RSS moves from run to run
 * with the garbage collector and the allocator, so the figure is the difference of the medians,
 * shown with the spread of each kind.
 */
function corpusRss() {
  const script = fileURLToPath(new URL("./corpus-rss.ts", import.meta.url));
  const measure = (kind: "bare" | "full") =>
    Number(
      execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", script, kind], {
        encoding: "utf8",
      }).split(" ")[0],
    );
  const bare: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < CORPUS_RSS_RUNS; i++) {
    bare.push(measure("bare"));
    full.push(measure("full"));
  }
  const b = sorted(bare);
  const f = sorted(full);
  return { growth: percentile(f, 0.5) - percentile(b, 0.5), bare: b, full: f };
}

/** Heap retained by what `build` returns, then after it has answered every question once. */
function heapRetained<T>(s: Subject<T>, questions: readonly string[]) {
  collect();
  const before = process.memoryUsage().heapUsed;
  const built = s.build();
  collect();
  const afterBuild = process.memoryUsage().heapUsed - before;
  for (const q of questions) sink += s.ask(built, q);
  collect();
  const afterQueries = process.memoryUsage().heapUsed - before;
  sink += built ? 1 : 0; // keeps `built` alive until the last measurement
  return { afterBuild, afterQueries };
}

interface Subject<T> {
  name: string;
  build: () => T;
  ask: (built: T, q: string) => number;
}

interface Row {
  name: string;
  build: number[];
  latency: Latency;
  heap: { afterBuild: number; afterQueries: number };
}

function timeSubject<T>(
  s: Subject<T>,
  heap: Row["heap"],
  questions: readonly string[],
  opts: { builds: number; rounds: number },
): Row {
  const built = s.build();
  return {
    name: s.name,
    heap,
    build: timeBuilds(s.build, opts.builds),
    latency: timeQueries((q) => s.ask(built, q), questions, opts.rounds),
  };
}

const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(2)} ms`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function table(rows: Row[]): string {
  const head = [
    "",
    "build p50",
    "call p50",
    "call p99",
    "call max",
    "q-med p99",
    "heap",
    "+queries",
  ];
  const lines = [
    head,
    ...rows.map((r) => [
      r.name,
      ms(percentile(r.build, 0.5)),
      ms(percentile(r.latency.calls, 0.5)),
      ms(percentile(r.latency.calls, 0.99)),
      ms(percentile(r.latency.calls, 1)),
      ms(percentile(sorted(r.latency.perQuestion), 0.99)),
      mb(r.heap.afterBuild),
      mb(r.heap.afterQueries),
    ]),
  ];
  return lines
    .map((cells) => cells.map((c, i) => (i === 0 ? c.padEnd(9) : c.padStart(10))).join(" "))
    .join("\n");
}

function main(): number {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "50" },
      builds: { type: "string", default: "20" },
    },
  });
  const opts = { rounds: Number(values.rounds), builds: Number(values.builds) };
  if (!(opts.rounds > 0 && opts.builds > 0))
    throw new Error("--rounds and --builds want positive numbers");

  // The development set and the held-out batches: typos, long paraphrases, off-topic questions.
  const questions = benchmarkQuestions();
  const corpus = corpusRss();
  const corpusGrowth = corpus.growth;
  const range = (xs: number[]) => `${mb(xs[0] ?? 0)}–${mb(xs.at(-1) ?? 0)}`;
  const clauses = loadDeclaration();
  // The engine is timed as the bot starts it (new Engine(): read and parse the data, then index);
  // the baseline indexes already loaded texts, so the data-loading share is shown on its own.
  const engine: Subject<Engine> = {
    name: "engine",
    build: () => new Engine(),
    ask: (e, q) => e.answer(q).kind.length,
  };
  const baseline: Subject<Baseline> = {
    name: "baseline",
    build: () => new Baseline(clauses),
    ask: (b, q) => b.search(q).length,
  };
  // Heap next, both subjects, before the timing loops leave garbage and compiled code behind.
  const engineHeap = heapRetained(engine, questions);
  const baselineHeap = heapRetained(baseline, questions);
  const engineRow = timeSubject(engine, engineHeap, questions, opts);
  const baselineRow = timeSubject(baseline, baselineHeap, questions, opts);
  const loading = percentile(
    timeBuilds(() => loadDeclaration(), opts.builds),
    0.5,
  );

  // Latency tails move with whatever else the machine is doing: say so next to the numbers.
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  console.log(
    `Node ${process.version}, ${availableParallelism()} CPUs, load average ${load}\n` +
      `${questions.length} questions (development set and held-out batches) × ${opts.rounds} rounds after ${WARMUP_ROUNDS} warm-up rounds; ` +
      `build: median of ${opts.builds} after ${WARMUP_BUILDS} warm-up\n`,
  );
  console.log(table([engineRow, baselineRow]));
  console.log(
    "\ncall = one answer() / search() call; q-med = each question's median over the rounds;" +
      "\nheap = heapUsed retained by the built index, +queries = after answering every question once" +
      `\nof the engine build, reading and parsing data/: ${ms(loading)} (median)` +
      `\nRSS the example corpus adds: ${mb(corpusGrowth)}, the difference of the medians of ${CORPUS_RSS_RUNS}` +
      ` processes with the corpus (${range(corpus.full)}) and without (${range(corpus.bare)})`,
  );
  if (!gc) console.log("note: run with node --expose-gc for heap figures measured after a full GC");

  const slowest = questions
    .map((q, i) => ({ q, t: engineRow.latency.perQuestion[i] ?? 0 }))
    .sort((a, b) => b.t - a.t)
    .slice(0, SLOWEST_SHOWN);
  console.log("\nslowest engine questions (median):");
  for (const s of slowest) console.log(`  ${ms(s.t).padStart(9)}  ${JSON.stringify(s.q)}`);

  const checks = [
    {
      what: `engine build p50 < ${SPEED_TARGETS.buildMs} ms`,
      value: percentile(engineRow.build, 0.5),
      max: SPEED_TARGETS.buildMs,
    },
    {
      what: `engine call p99 < ${SPEED_TARGETS.queryP99Ms} ms`,
      value: percentile(engineRow.latency.calls, 0.99),
      max: SPEED_TARGETS.queryP99Ms,
    },
    {
      what: `RSS growth from the corpus < ${SPEED_TARGETS.corpusRssMb} MB`,
      value: corpusGrowth / 1024 / 1024,
      max: SPEED_TARGETS.corpusRssMb,
    },
  ];
  console.log("");
  for (const c of checks) {
    const shown = c.what.includes("MB") ? `${c.value.toFixed(2)} MB` : ms(c.value);
    console.log(`${c.value < c.max ? "PASS" : "FAIL"}  ${c.what} (${shown})`);
  }
  // Reading the sink keeps it (and so every timed call) observable to the JIT.
  if (!Number.isFinite(sink)) throw new Error("benchmark sink went non-finite");
  return checks.every((c) => c.value < c.max) ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
}
