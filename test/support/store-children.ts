/**
 * Child processes running test/support/store-voter.ts against one store, started together: each
 * says when it is ready, then all are told "go" at once through stdin, so that their work overlaps
 * however slowly the machine starts them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "store-voter.ts");
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface ChildOptions {
  dataDir: string;
  databaseUrl: string | null;
  mode: "vote" | "open";
  prefix: string;
  durationMs?: number;
}

interface Running {
  child: ChildProcess;
  messages: Record<string, unknown>[];
  stderr: string[];
  next(): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function start(options: ChildOptions): Running {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", SCRIPT, JSON.stringify({ durationMs: 0, ...options })],
    { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "test" } },
  );
  const messages: Record<string, unknown>[] = [];
  const waiting: ((m: Record<string, unknown>) => void)[] = [];
  const stderr: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    const resolve = waiting.shift();
    if (resolve) resolve(message);
    else messages.push(message);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const next = () => {
    const queued = messages.shift();
    if (queued) return Promise.resolve(queued);
    return Promise.race([
      new Promise<Record<string, unknown>>((resolve) => waiting.push(resolve)),
      exited.then((code) => {
        throw new Error(`${options.prefix} exited (${code}) early:\n${stderr.join("")}`);
      }),
    ]);
  };
  return { child, messages, stderr, next, exited };
}

/**
 * Starts one child per options, waits until every one is ready, says "go" to all, and returns
 * what each printed next (its result), after every one has exited.
 */
export async function runTogether(all: ChildOptions[]): Promise<Record<string, unknown>[]> {
  const children = all.map(start);
  try {
    const ready = await Promise.all(children.map((c) => c.next()));
    for (const message of ready) {
      if (message.ready !== true) throw new Error(`not ready: ${JSON.stringify(message)}`);
    }
    for (const c of children) c.child.stdin?.write("go\n");
    const results = await Promise.all(children.map((c) => c.next()));
    const codes = await Promise.all(children.map((c) => c.exited));
    codes.forEach((code, i) => {
      if (code !== 0) {
        throw new Error(`child ${i} exited with ${code}:\n${children[i]?.stderr.join("")}`);
      }
    });
    return results;
  } finally {
    for (const c of children) {
      if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill("SIGKILL");
    }
  }
}
