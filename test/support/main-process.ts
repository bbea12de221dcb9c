/**
 * `npm start`'s entry (`src/main.ts`) as a child process for end-to-end tests of process-level
 * behaviour: sharding, the health endpoint, signals. Collects the JSON log lines of the process
 * and of every shard process it forks (they share its stderr), and kills all of them on `kill()`,
 * so a failing test leaves no orphan behind.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type LogLine = Record<string, unknown> & { msg?: string };

export interface MainProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines so far. */
  logs(): LogLine[];
  /** Resolves with the first log line matching `pred` (already written or to come). */
  waitForLog(pred: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Pids of the shard processes the manager reported starting. */
  shardPids(): number[];
  /** SIGKILLs the process and every shard process still alive. */
  kill(): Promise<void>;
}

export function spawnMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const lines: LogLine[] = [];
  let partial = "";
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    const s = chunk.toString();
    text += s;
    partial += s;
    const complete = partial.split("\n");
    partial = complete.pop() ?? "";
    for (const line of complete) {
      if (!line.startsWith("{")) continue;
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        // not a log line
      }
    }
    for (const wake of waiters) wake();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code, signal) => {
      // A signal nobody here sent is worth seeing when a test fails on the exit code.
      if (signal) text += `\n[exited by ${signal}]\n`;
      resolve(code);
    });
  });

  const shardPids = () =>
    lines
      .filter((l) => l.msg === "shard process started" && typeof l.pid === "number")
      .map((l) => l.pid as number);

  return {
    child,
    output: () => text,
    logs: () => lines,
    exited,
    shardPids,
    waitForLog(pred, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find(pred);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching log line within ${timeoutMs} ms; output:\n${text}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      for (const pid of shardPids()) {
        // A shard process that exited long ago may have left its pid to another test's process.
        if (isAlive(pid) && isShardProcess(pid)) process.kill(pid, "SIGKILL");
      }
    },
  };
}

/** Whether `pid` runs the bot's shard script, as Linux's /proc tells; false when it cannot. */
export function isShardProcess(pid: number): boolean {
  try {
    return /scale\/shard\.[jt]s/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The health endpoint's answer. */
export async function getHealth(
  port: number,
  init: { path?: string; method?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> | null; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${init.path ?? "/health"}`, {
    method: init.method ?? "GET",
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, text };
}

/** Polls `probe` every 50 ms until it returns a value other than undefined. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
