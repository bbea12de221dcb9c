/**
 * The bot as `npm start` runs it (`node --import tsx src/main.ts`), in its own process, configured
 * only through the environment, against a fake Discord: for tests of signals, exit codes, printed
 * output, and load without the fake and the bot sharing one event loop.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FakeDiscord } from "./fake-discord.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ChildBot {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Settles with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Kills it if still running and removes its data directory. */
  close(): Promise<void>;
}

export function spawnBot(fake: FakeDiscord, env: Record<string, string> = {}): ChildBot {
  const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-child-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return {
    child,
    output: () => out,
    exited,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the bot in `fake` has registered its commands: it is connected and ready. */
export async function botReady(fake: FakeDiscord): Promise<void> {
  await fake.waitForRequest(
    (r) => r.method === "PUT" && r.path === `/applications/${fake.applicationId}/commands`,
    20_000,
  );
}
