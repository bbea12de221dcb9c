/** Runs one of the project's entry points as a user would, with tsx, and collects its output. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runTs(
  script: string,
  args: string[] = [],
  /** `inherit: false` starts from an environment holding only PATH, as on a bare machine. */
  opts: { input?: string; env?: NodeJS.ProcessEnv; inherit?: boolean } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: ROOT,
      env: { ...(opts.inherit === false ? { PATH: process.env.PATH } : process.env), ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? "");
  });
}

/**
 * A command's `main` in this process, its output captured: what the script runs, without paying
 * tsx's start-up per call.
 */
export async function runInProcess(
  main: (args: string[]) => number | Promise<number>,
  args: string[],
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const { write: out } = process.stdout;
  const { write: err } = process.stderr;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
