/**
 * The bot as `npm start` runs it, in its own process against a fake Discord, configured only
 * through the environment (a fresh data directory each time): for tests of signals, exit codes,
 * printed output, and load without the fake and the bot sharing one event loop.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FakeDiscord } from "../../tools/fake-discord/index.ts";
import { type MainProcess, spawnMain } from "./main-process.ts";

export interface ChildBot extends MainProcess {
  /** Kills it if still running and removes its data directory. */
  close(): Promise<void>;
}

export function spawnBot(fake: FakeDiscord, env: Record<string, string> = {}): ChildBot {
  const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-child-"));
  const main = spawnMain({
    DISCORD_TOKEN: fake.token,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    ...env,
  });
  return {
    ...main,
    async close() {
      await main.kill();
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
