/**
 * Close codes discord.js does not reconnect after (4004 token reset, 4011 sharding required, 4014
 * disallowed intents with DISCORD_MESSAGE_CONTENT=on): the running bot logs one line naming the code
 * and what to do, reports unhealthy, and exits 78 so that its supervisor restarts it; under the
 * sharding manager the process is restarted, later each time it keeps failing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, type ExpectStatic, it, type TestContext } from "vitest";
import { FATAL_CLOSE_EXIT_CODE } from "../../src/runtime/process.ts";
import { type FakeDiscord, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import {
  getHealth,
  type LogLine,
  type MainProcess,
  spawnMain,
  waitFor,
} from "../support/main-process.ts";

const FATAL = 60;
const MESSAGE_CONTENT = 1 << 15;

interface Run {
  fake: FakeDiscord;
  main: MainProcess;
  dataDir: string;
  healthPort: number;
}

async function start(
  onTestFinished: TestContext["onTestFinished"],
  fakeOptions: Parameters<typeof startFakeDiscord>[0],
  env: Record<string, string> = {},
): Promise<Run> {
  const fake = await startFakeDiscord(fakeOptions);
  const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-close-"));
  const main = spawnMain({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    HEALTH_PORT: "0",
    ...env,
  });
  // Registered before anything can fail, so that no process outlives its test. The test's own
  // hook: the global one cannot tell concurrent tests apart, and would stop another test's bot.
  onTestFinished(async () => {
    await main.kill();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const healthPort = (await main.waitForLog((l) => l.msg === "health endpoint listening"))
    .port as number;
  return { fake, main, dataDir, healthPort };
}

/** The line, the 503 with the shard disconnected, and the exit code, in that order. */
async function expectFatal(expect: ExpectStatic, r: Run, code: number): Promise<LogLine> {
  const line = await r.main.waitForLog((l) => l.level === FATAL && l.code === code);
  const health = await waitFor(async () => {
    const h = await getHealth(r.healthPort);
    return h.status === 503 ? h : undefined;
  }, "the health endpoint to report the closed shard");
  expect(health.body).toMatchObject({ ready: false, shards: [{ id: 0, status: "disconnected" }] });
  // The process's last output says why, should it end otherwise (a signal, a crash).
  expect(await r.main.exited, r.main.output().slice(-1500)).toBe(FATAL_CLOSE_EXIT_CODE);
  // One line for a person, never the token.
  expect(r.main.logs().filter((l) => l.level === FATAL)).toHaveLength(1);
  expect(r.main.output()).not.toContain(r.fake.token);
  return line;
}

// Each test has its own loopback Discord and bot, and most of their time is spent waiting.
describe.concurrent("a close code discord.js does not come back from", () => {
  it("4004: says the token was reset, reports unhealthy and exits 78", async ({
    expect,
    onTestFinished,
  }) => {
    const r = await start(onTestFinished, {});
    await r.main.waitForLog((l) => l.msg === "connected to Discord");
    r.fake.closeConnections(4004);
    const line = await expectFatal(expect, r, 4004);
    expect(line.msg).toMatch(/with 4004 \(authentication failed\): the bot token was reset/);
    expect(line.msg).toMatch(/DISCORD_TOKEN/);
  }, 30_000);

  it("4011: says more shards are needed, with the count Discord asks for", async ({
    expect,
    onTestFinished,
  }) => {
    // Discord now recommends 3 shards for a bot running unsharded.
    const r = await start(onTestFinished, { shards: 3 });
    await r.main.waitForLog((l) => l.msg === "connected to Discord");
    r.fake.closeConnections(4011);
    const line = await expectFatal(expect, r, 4011);
    expect(line.msg).toMatch(/with 4011 \(sharding required\)/);
    expect(line.msg).toMatch(/too many servers for 1 shard\(s\); Discord asks for 3 shard\(s\)/);
    expect(line.msg).toMatch(/DISCORD_SHARDS=3 or DISCORD_SHARDS=auto/);
  }, 30_000);

  it("4014 with DISCORD_MESSAGE_CONTENT=on: names the intent switch", async ({
    expect,
    onTestFinished,
  }) => {
    const r = await start(onTestFinished, {}, { DISCORD_MESSAGE_CONTENT: "on" });
    await r.main.waitForLog((l) => l.msg === "connected to Discord");
    // The switch is turned off in the portal; the next IDENTIFY is refused.
    r.fake.setPrivilegedIntents(0);
    r.fake.invalidateSession(false);
    const line = await expectFatal(expect, r, 4014);
    expect(line.msg).toMatch(/with 4014 \(disallowed intents\)/);
    expect(line.msg).toMatch(/Message Content Intent/);
    expect(line.msg).toMatch(/DISCORD_MESSAGE_CONTENT=auto/);
    expect(r.fake.identifies.at(-1)?.intents).toBeDefined();
    expect((r.fake.identifies.at(-1)?.intents ?? 0) & MESSAGE_CONTENT).toBe(MESSAGE_CONTENT);
  }, 30_000);
});

describe.concurrent("under the sharding manager", () => {
  it("restarts the process after 4004, waiting longer each time it fails again", async ({
    expect,
    onTestFinished,
  }) => {
    const r = await start(onTestFinished, { shards: 1 }, { DISCORD_SHARDS: "1" });
    await r.main.waitForLog((l) => l.msg === "all shards ready", 30_000);
    const restarts = () =>
      r.main.logs().filter((l) => l.msg === "shard process exited; restarting");

    r.fake.closeConnections(4004);
    const first = await r.main.waitForLog(
      (l) => l.msg === "shard process exited; restarting",
      20_000,
    );
    const logs = r.main.logs();
    await r.main.waitForLog(
      (l) => l.msg === "shard ready" && logs.indexOf(l) > logs.indexOf(first),
      30_000,
    );
    r.fake.closeConnections(4004);
    await waitFor(() => (restarts().length === 2 ? true : undefined), "a second restart", 20_000);

    expect(restarts().map((l) => [l.code, l.delayMs])).toEqual([
      [FATAL_CLOSE_EXIT_CODE, 1000],
      [FATAL_CLOSE_EXIT_CODE, 2000],
    ]);
    const lines = r.main.logs().filter((l) => l.level === FATAL && l.code === 4004);
    expect(lines).toHaveLength(2);
    expect(lines[0]?.shard).toBe(0);
  }, 60_000);
});
