/**
 * The bots of bench:e2e, each in its own child process (bench/child.ts answers the parent's
 * requests in order): how they are launched, their stderr, and the clean-up of every child and
 * temporary directory whatever happens. A "-pg" kind is the same bot on the PostgreSQL store: a
 * fresh database of the bench's server (bench/e2e/postgres.ts) for each of its processes.
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FakeDiscord } from "../../tools/fake-discord/index.ts";
import type { ChildMessage, MemoryReport, ParentMessage } from "../child.ts";
import { benchDatabase } from "./postgres.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

const START_TIMEOUT_MS = 90_000;
export const REQUEST_TIMEOUT_MS = 60_000;

/** The gateway bot (SQLite) and its floor, in every world. */
export type Kind = "bot" | "floor";
export const KINDS: readonly Kind[] = ["bot", "floor"];
/** The one-server world (bench/e2e/worlds.ts) also runs the gateway bot on PostgreSQL. */
export type SmallKind = Kind | "bot-pg";
export const SMALL_KINDS: readonly SmallKind[] = ["bot", "bot-pg", "floor"];
/** The HTTP-only bot on either store and its floor, a do-nothing endpoint (bench/e2e/http.ts). */
export type HttpKind = "http-bot" | "http-bot-pg" | "http-floor";
export const HTTP_KINDS: readonly HttpKind[] = ["http-bot", "http-bot-pg", "http-floor"];
/** The bot running some shards of a sharded bot, as a shard process does (bench/shards.ts). */
export type ShardKind = "shard-bot";
export type AnyKind = SmallKind | HttpKind | ShardKind;
export const SOURCES: Record<AnyKind, string> = {
  bot: "bench/real-bot.ts",
  "bot-pg": "bench/real-bot.ts",
  floor: "bench/floor-bot.ts",
  "http-bot": "bench/http-bot.ts",
  "http-bot-pg": "bench/http-bot.ts",
  "http-floor": "bench/http-floor.ts",
  "shard-bot": "bench/shard-bot.ts",
};

/** Whether this kind runs on the PostgreSQL store (DATABASE_URL set) rather than SQLite. */
export const onPostgres = (kind: AnyKind): boolean => kind.endsWith("-pg");

/**
 * The order in which the kinds answer ask `n`: a rotation, so that over the asks each kind goes
 * first, second… equally often and none always runs right after the same other one.
 */
export function rotation<K>(kinds: readonly K[], n: number): K[] {
  const r = n % kinds.length;
  return [...kinds.slice(r), ...kinds.slice(0, r)];
}

/** How a child is started: a compiled bundle with bare node, or the TypeScript through tsx. */
export interface Launch {
  script: string;
  execArgv: string[];
}

export function tsxLaunch(kind: AnyKind): Launch {
  return { script: path.join(ROOT, SOURCES[kind]), execArgv: ["--import", "tsx"] };
}

/**
 * The node flags `npm start` gives the bot (package.json's start script), so that the bench runs
 * the bot as it is deployed. The floor, a default discord.js bot, runs with node's defaults.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const flags = /\bnode((?:\s+--\S+)*)\s+dist\/main\.js/.exec(pkg.scripts.start)?.[1] ?? "";
  return flags.split(/\s+/).filter(Boolean);
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function cleanup(): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/**
 * discord.js warns once per process that limiting RoleManager is unsupported, which the bot does on
 * purpose (see src/discord/gateway/client.ts): counted and left out, so that anything else on a child's
 * stderr stands out.
 */
const EXPECTED_WARNING = /UnsupportedCacheOverwriteWarning: .*RoleManager/;
const WARNING_HINT = /^\(Use `node --trace-warnings/;
export let expectedWarnings = 0;

function passStderr(stream: NodeJS.ReadableStream): void {
  let buffered = "";
  let afterExpected = false;
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (buffered + chunk).split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      const expected = EXPECTED_WARNING.test(line) || (afterExpected && WARNING_HINT.test(line));
      afterExpected = EXPECTED_WARNING.test(line);
      if (expected) expectedWarnings++;
      else process.stderr.write(`${line}\n`);
    }
  });
  stream.on("end", () => {
    if (buffered) process.stderr.write(`${buffered}\n`);
  });
}

/** One bot in its own process, answering the parent's requests in order (see bench/child.ts). */
export class BotProcess {
  private readonly pending: Array<{
    resolve: (m: ChildMessage) => void;
    reject: (e: Error) => void;
  }> = [];

  private constructor(
    readonly kind: AnyKind,
    private readonly child: ChildProcess,
    /** The port of its interactions endpoint, for the HTTP children. */
    readonly port: number | null,
  ) {
    child.on("message", (raw) => {
      const message = raw as ChildMessage;
      const waiter = this.pending.shift();
      if (!waiter) return;
      if (message.type === "error") waiter.reject(new Error(`${kind}: ${message.message}`));
      else waiter.resolve(message);
    });
    child.on("exit", (code, signal) => {
      for (const w of this.pending.splice(0))
        w.reject(new Error(`${kind} exited (${code ?? signal}) with a request pending`));
    });
  }

  /** `env`: settings of the child beyond where the fake is (bench/shard-bot.ts's shards). */
  static async start(
    kind: AnyKind,
    launch: Launch,
    fake: FakeDiscord,
    env: Record<string, string> = {},
  ): Promise<BotProcess> {
    const dataDir = mkdtempSync(path.join(tmpdir(), `declaration-bench-${kind}-`));
    tempDirs.add(dataDir);
    const database = onPostgres(kind) ? { BENCH_DATABASE_URL: await benchDatabase(kind) } : {};
    const child = fork(launch.script, [], {
      cwd: ROOT,
      execArgv: ["--expose-gc", ...launch.execArgv],
      env: {
        PATH: process.env.PATH,
        BENCH_API_URL: fake.apiUrl,
        BENCH_TOKEN: fake.token,
        BENCH_DATA_DIR: dataDir,
        BENCH_PUBLIC_KEY: fake.publicKey,
        ...database,
        ...env,
      },
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    if (child.stderr) passStderr(child.stderr);
    children.add(child);
    child.on("exit", () => children.delete(child));
    const first = await new Promise<ChildMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${kind}: not ready after ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.once("message", (m) => {
        clearTimeout(timer);
        resolve(m as ChildMessage);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${kind}: exited with ${code} before it was ready`));
      });
    });
    if (first.type !== "ready") {
      child.kill("SIGKILL");
      throw new Error(`${kind}: ${first.type === "error" ? first.message : "bad start"}`);
    }
    return new BotProcess(kind, child, first.port ?? null);
  }

  private request(message: ParentMessage): Promise<ChildMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.kind}: no answer to ${message.type}`)),
        REQUEST_TIMEOUT_MS,
      );
      this.pending.push({
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send(message);
    });
  }

  async memory(): Promise<MemoryReport> {
    const m = await this.request({ type: "memory" });
    if (m.type !== "memory") throw new Error(`${this.kind}: expected a memory report`);
    return m;
  }

  async messagesSeen(): Promise<number> {
    const m = await this.request({ type: "count" });
    if (m.type !== "count") throw new Error(`${this.kind}: expected a count`);
    return m.messagesSeen;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send({ type: "stop" } satisfies ParentMessage);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
}
