/**
 * Several shards per process: `DISCORD_SHARDS=4` with `DISCORD_SHARDS_PER_PROCESS=2` on one host
 * runs 4 shards in 2 processes, one discord.js client each. The loopback gateway has
 * max_concurrency 1 and servers on every shard: the two processes take their identify turns from
 * the manager, so no two IDENTIFYs come within 5 s, and every server is answered. A process that
 * dies is restarted with the same shards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, shardOf, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import {
  getHealth,
  isAlive,
  isShardProcess,
  type MainProcess,
  spawnMain,
  waitFor,
} from "../support/main-process.ts";
import {
  answeredOnce,
  commandRequests,
  expectFourShardsPaced,
  GUILDS_ON_EVERY_SHARD,
  identifyGaps,
} from "../support/sharding.ts";

describe("DISCORD_SHARDS=4, DISCORD_SHARDS_PER_PROCESS=2, one host", () => {
  let fake: FakeDiscord;
  let main: MainProcess;
  let dataDir: string;
  let healthPort: number;

  beforeAll(async () => {
    fake = await startFakeDiscord({
      guilds: GUILDS_ON_EVERY_SHARD.map((id) => ({ id })),
      shards: 4,
      maxConcurrency: 1,
    });
    dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-processes-"));
    main = spawnMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      DISCORD_SHARDS: "auto",
      DISCORD_SHARDS_PER_PROCESS: "2",
      HEALTH_PORT: "0",
    });
    healthPort = (await main.waitForLog((l) => l.msg === "health endpoint listening"))
      .port as number;
    await main.waitForLog((l) => l.msg === "all shards ready", 90_000);
  }, 120_000);

  afterAll(async () => {
    await main?.kill();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs the 4 shards in 2 processes of 2", () => {
    const started = main.logs().filter((l) => l.msg === "shard process started");
    expect(started.map((l) => l.shard)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    const pids = main.shardPids();
    expect(new Set(pids).size).toBe(2);
    for (const pid of pids) expect(isAlive(pid)).toBe(true);
    expect(main.logs().find((l) => l.msg === "starting shards")).toMatchObject({
      shards: 4,
      processes: 2,
      identifyPacing: "host",
    });
  });

  it("identifies every shard once, never two within 5 s", () => {
    expectFourShardsPaced(fake.identifies);
  });

  it("answers every server from exactly one shard, and registers the commands once", async () => {
    for (const guildId of GUILDS_ON_EVERY_SHARD) {
      expect(await answeredOnce(fake, guildId)).toBe(true);
    }
    await main.waitForLog((l) => l.msg === "commands registered" || l.msg === "commands unchanged");
    expect(commandRequests(fake, "PUT")).toHaveLength(1);
  });

  it("reports health per shard, with each shard's own servers", async () => {
    const { status, body } = await getHealth(healthPort);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ready: true, mode: "sharded", shardCount: 4 });
    const shards = (body?.shards ?? []) as Array<{ id: number; status: string; guilds: number }>;
    expect(shards.map((s) => [s.id, s.status, s.guilds])).toEqual(
      [0, 1, 2, 3].map((id) => [
        id,
        "ready",
        GUILDS_ON_EVERY_SHARD.filter((g) => shardOf(g, 4) === id).length,
      ]),
    );
  });

  it("restarts a dead process with the same shards", async () => {
    const before = main.logs().filter((l) => l.msg === "shard process started");
    // The process running shards 2 and 3 now: the last one started for them.
    const victim = before.findLast((l) => JSON.stringify(l.shard) === "[2,3]")?.pid as number;
    expect(isAlive(victim)).toBe(true);
    // Still a shard process, not another test's process that was given the same pid since.
    expect(isShardProcess(victim)).toBe(true);
    process.kill(victim, "SIGKILL");
    const restarted = await main.waitForLog(
      (l) => l.msg === "shard process started" && l.pid !== victim && !before.includes(l),
      30_000,
    );
    expect(restarted.shard).toEqual([2, 3]);
    await waitFor(
      async () => ((await getHealth(healthPort)).status === 200 ? true : undefined),
      "the restarted shards to be ready",
      60_000,
    );
    // Its shards identified again, still in their turn.
    const again = fake.identifies.slice(4).map((i) => i.shard);
    expect(again).toEqual(
      expect.arrayContaining([
        [2, 4],
        [3, 4],
      ]),
    );
    for (const gap of identifyGaps(fake.identifies, 1)) expect(gap).toBeGreaterThanOrEqual(5000);
    for (const guildId of GUILDS_ON_EVERY_SHARD.filter((g) => shardOf(g, 4) >= 2)) {
      expect(await answeredOnce(fake, guildId)).toBe(true);
    }
  }, 90_000);
});
