/**
 * The gateway across hosts: two `npm start`s started at the same instant, one running shards 0-1
 * and the other 2-3 of a 4-shard bot, sharing one PostgreSQL database for their identify pacing.
 * The loopback gateway asks for 4 shards with max_concurrency 1 (every shard in one bucket) and has
 * servers on every shard. Every server must be answered by exactly one shard, no two IDENTIFYs
 * may come within 5 s of each other, and the commands are registered once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  type FakeDiscord,
  guildIdOnShard,
  shardOf,
  startFakeDiscord,
} from "../../tools/fake-discord/index.ts";
import { getHealth, type MainProcess, spawnMain } from "../support/main-process.ts";
import { freshDatabase } from "../support/postgres.ts";
import {
  answeredOnce,
  commandRequests,
  expectFourShardsPaced,
  GUILDS_ON_EVERY_SHARD,
} from "../support/sharding.ts";

const postgresUrl = inject("postgresUrl");

interface Host {
  main: MainProcess;
  dataDir: string;
  healthPort: number;
}

describe.skipIf(postgresUrl === null)("two hosts, shards 0-1 and 2-3, one PostgreSQL", () => {
  let fake: FakeDiscord;
  let hosts: Host[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({
      guilds: GUILDS_ON_EVERY_SHARD.map((id) => ({ id })),
      shards: 4,
      maxConcurrency: 1,
    });
    const databaseUrl = await freshDatabase(postgresUrl as string);
    // Both spawned in the same tick: nothing but the shared database keeps their identifies apart.
    hosts = ["0-1", "2-3"].map((ids) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-hosts-"));
      const main = spawnMain({
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATA_DIR: dataDir,
        LOG_LEVEL: "info",
        DISCORD_SHARDS: "4",
        DISCORD_SHARD_IDS: ids,
        DATABASE_URL: databaseUrl,
        HEALTH_PORT: "0",
      });
      return { main, dataDir, healthPort: 0 };
    });
    for (const host of hosts) {
      const listening = await host.main.waitForLog((l) => l.msg === "health endpoint listening");
      host.healthPort = listening.port as number;
    }
    // Four identifies 5.5 s apart, whichever host gets the turn, plus starting two bots.
    for (const host of hosts) {
      await host.main.waitForLog((l) => l.msg === "all shards ready", 90_000);
    }
  }, 120_000);

  afterAll(async () => {
    for (const host of hosts) {
      await host.main.kill();
      rmSync(host.dataDir, { recursive: true, force: true });
    }
    await fake?.close();
  });

  it("identifies each shard once, each host its own, never two within 5 s", () => {
    expectFourShardsPaced(fake.identifies);
    const [first, second] = hosts.map((h) =>
      h.main.logs().find((l) => l.msg === "starting shards"),
    );
    expect(first).toMatchObject({ shards: 4, hostShards: [0, 1], identifyPacing: "postgresql" });
    expect(second).toMatchObject({ shards: 4, hostShards: [2, 3], identifyPacing: "postgresql" });
  });

  it("answers every server from exactly one shard", async () => {
    for (const guildId of GUILDS_ON_EVERY_SHARD) {
      expect(await answeredOnce(fake, guildId)).toBe(true);
    }
    // Each host's process saw the servers of its own shards only.
    const connected = hosts.map(
      (h) => h.main.logs().find((l) => l.msg === "connected to Discord")?.guilds,
    );
    const perShard = (shards: number[]) =>
      GUILDS_ON_EVERY_SHARD.filter((id) => shards.includes(shardOf(id, 4))).length;
    expect(connected).toEqual([perShard([0, 1]), perShard([2, 3])]);
  });

  it("registers the commands once, from the host that runs shard 0", async () => {
    await hosts[0]?.main.waitForLog(
      (l) => l.msg === "commands registered" || l.msg === "commands unchanged",
    );
    expect(commandRequests(fake, "PUT")).toHaveLength(1);
    expect(commandRequests(fake, "GET")).toHaveLength(1);
    const registered = (h: Host) =>
      h.main
        .logs()
        .filter((l) => l.msg === "commands registered" || l.msg === "commands unchanged");
    expect(registered(hosts[1] as Host)).toEqual([]);
  });

  it("reports each host's own shards on its health endpoint", async () => {
    const [a, b] = await Promise.all(hosts.map((h) => getHealth(h.healthPort)));
    expect(a?.status).toBe(200);
    expect(b?.status).toBe(200);
    expect(a?.body).toMatchObject({ ready: true, shardCount: 2 });
    const ids = (body: Record<string, unknown> | null | undefined) =>
      ((body?.shards ?? []) as Array<{ id: number }>).map((s) => s.id);
    expect(ids(a?.body)).toEqual([0, 1]);
    expect(ids(b?.body)).toEqual([2, 3]);
    const guildsOn = (shard: number) =>
      GUILDS_ON_EVERY_SHARD.filter((id) => shardOf(id, 4) === shard).length;
    for (const shard of (a?.body?.shards ?? []) as Array<{ id: number; guilds: number }>) {
      expect(shard.guilds).toBe(guildsOn(shard.id));
    }
  });
});

// The ids used above really do land on every shard.
it("has servers on every one of the 4 shards", () => {
  expect(new Set(GUILDS_ON_EVERY_SHARD.map((id) => shardOf(id, 4)))).toEqual(new Set([0, 1, 2, 3]));
  expect(guildIdOnShard(0, 4)).toBe(GUILDS_ON_EVERY_SHARD[0]);
});
