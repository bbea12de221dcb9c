/**
 * `DISCORD_SHARDS=auto|N` runs `src/main.ts` as the sharding manager, against the fake Discord
 * (which routes each guild to the session identified for its shard, as Discord does): one process
 * per shard with DISCORD_SHARDS_PER_PROCESS=1, several shards in one process by default. Every
 * process started here is killed in afterAll, whatever happened. Several hosts:
 * sharding-hosts.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restartDelay, shardGroups } from "../../src/scale/manager.ts";
import {
  type FakeDiscord,
  guildIdOnShard,
  startFakeDiscord,
} from "../../tools/fake-discord/index.ts";
import { embedsOf, responseData } from "../support/bot-harness.ts";
import {
  getHealth,
  isAlive,
  isShardProcess,
  type MainProcess,
  spawnMain,
  waitFor,
} from "../support/main-process.ts";
import { scrape, seriesValue } from "../support/metrics.ts";

/** Null until a heartbeat is acknowledged (discord.js sends the first one at a random point of the fake's 41 s interval). */
const PING = expect.toSatisfy(
  (ping: unknown) => ping === null || (typeof ping === "number" && ping >= 0),
);

const GUILD_ON_0 = guildIdOnShard(0, 2);
const GUILD_ON_1 = guildIdOnShard(1, 2);

interface Run {
  fake: FakeDiscord;
  main: MainProcess;
  dataDir: string;
}

async function start(
  fakeOptions: Parameters<typeof startFakeDiscord>[0],
  env: Record<string, string>,
): Promise<Run> {
  const fake = await startFakeDiscord({
    guilds: [{ id: GUILD_ON_0 }, { id: GUILD_ON_1 }],
    ...fakeOptions,
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-shards-"));
  const main = spawnMain({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    ...env,
  });
  return { fake, main, dataDir };
}

async function finish(run: Run | undefined): Promise<void> {
  if (!run) return;
  await run.main.kill();
  await run.fake.close();
  rmSync(run.dataDir, { recursive: true, force: true });
}

const commandRequests = (fake: FakeDiscord, method: string) =>
  fake.requests.filter(
    (r) => r.method === method && r.path === `/applications/${fake.applicationId}/commands`,
  );

/** Sends /measure `n` in `guildId` and returns the description of the card the bot answered with. */
async function measureIn(fake: FakeDiscord, guildId: string, n: number): Promise<string> {
  const { id } = await fake.sendInteraction(fake.chatInput("measure", { number: n }, { guildId }));
  const [embed] = embedsOf(await responseData(fake, id));
  return embed?.description ?? "";
}

describe("DISCORD_SHARDS=auto with a gateway recommending 2 shards", () => {
  let run: Run;
  let healthPort: number;

  beforeAll(async () => {
    // max_concurrency 2 lets both shards identify at once (otherwise 5.5 s apart, as Discord requires).
    run = await start(
      { shards: 2, maxConcurrency: 2 },
      { DISCORD_SHARDS: "auto", DISCORD_SHARDS_PER_PROCESS: "1", HEALTH_PORT: "0" },
    );
    const listening = await run.main.waitForLog((l) => l.msg === "health endpoint listening");
    healthPort = listening.port as number;
    await run.main.waitForLog((l) => l.msg === "all shards ready", 30_000);
  }, 40_000);

  afterAll(() => finish(run));

  it("runs two shard processes that identify as [0,2] and [1,2]", async () => {
    const { fake, main } = run;
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const pids = main.shardPids();
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(main.child.pid);
    for (const pid of pids) expect(isAlive(pid)).toBe(true);
    // Each shard process sees only the guild on its shard. (The shard's own log line may reach
    // the shared stderr after the manager's "all shards ready".)
    for (const shard of [0, 1]) {
      await main.waitForLog((l) => l.msg === "connected to Discord" && l.shard === shard);
    }
    const connected = main.logs().filter((l) => l.msg === "connected to Discord");
    expect(connected.map((l) => [l.shard, l.guilds]).sort()).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(main.logs().find((l) => l.msg === "starting shards")).toMatchObject({
      shards: 2,
      setting: "auto",
      recommended: 2,
    });
  });

  it("answers commands in a guild of each shard", async () => {
    const { fake } = run;
    expect(await measureIn(fake, GUILD_ON_0, 3)).toContain(
      "prevenir les incidents militaires dangereux",
    );
    expect(await measureIn(fake, GUILD_ON_1, 3)).toContain(
      "prevenir les incidents militaires dangereux",
    );
  });

  it("registers the commands once, from shard 0 only", async () => {
    const { fake, main } = run;
    await main.waitForLog((l) => l.msg === "commands registered" || l.msg === "commands unchanged");
    // Give a second registration (from shard 1) time to show up if there were one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(commandRequests(fake, "GET")).toHaveLength(1);
    expect(commandRequests(fake, "PUT")).toHaveLength(1);
    expect(fake.commands().map((c) => c.name)).toContain("measure");
    expect(
      main
        .logs()
        .filter((l) => l.msg === "commands registered")
        .map((l) => l.shard),
    ).toEqual([0]);
  });

  it("serves health from the manager: 200 with both shards ready", async () => {
    const { status, body } = await getHealth(healthPort);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ready: true, mode: "sharded", shardCount: 2 });
    expect(body?.shards).toEqual([
      { id: 0, status: "ready", ping: PING, guilds: 1 },
      { id: 1, status: "ready", ping: PING, guilds: 1 },
    ]);
    expect(body?.store).toEqual({ engine: "sqlite", ok: true });
  });

  it("answers 200 health probes at once, without a listener per probe on the shard processes", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 10 === 0 ? scrape(healthPort) : getHealth(healthPort),
      ),
    );
    for (const answer of answers) {
      if ("samples" in answer) {
        for (const shard of ["0", "1"]) {
          expect(
            seriesValue(answer.samples, "declaration_bot_gateway_shard_ready", { shard }),
          ).toBe(1);
        }
      } else {
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({
          ready: true,
          shards: [{ status: "ready" }, { status: "ready" }],
        });
      }
    }
    // A listener per probe on each shard process's IPC channel made Node warn from 11 on.
    expect(run.main.output()).not.toContain("MaxListenersExceededWarning");
  });

  it("serves every shard process's metrics from the manager, labelled by shard", async () => {
    // The test above had each shard answer /measure; a shard counts it just after its reply.
    const measured = (samples: Awaited<ReturnType<typeof scrape>>["samples"], shard: string) =>
      seriesValue(samples, "declaration_bot_interactions_total", {
        command: "/measure",
        outcome: "answer",
        shard,
      });
    const { samples } = await waitFor(async () => {
      const scraped = await scrape(healthPort);
      return measured(scraped.samples, "0") >= 1 && measured(scraped.samples, "1") >= 1
        ? scraped
        : undefined;
    }, "both shards' /measure counted");
    for (const shard of ["0", "1"]) {
      expect(
        seriesValue(samples, "declaration_bot_answer_duration_seconds_count", {
          command: "/measure",
          shard,
        }),
      ).toBeGreaterThanOrEqual(1);
      // Once per gateway shard, from the manager's health report, not once more per process.
      expect(seriesValue(samples, "declaration_bot_gateway_shard_ready", { shard })).toBe(1);
      expect(seriesValue(samples, "process_resident_memory_bytes", { shard })).toBeGreaterThan(0);
    }
    expect(seriesValue(samples, "declaration_bot_store_up", { engine: "sqlite" })).toBe(1);
    // The manager's own process, without a shard label.
    const managerMemory = samples.filter(
      (s) => s.name === "process_resident_memory_bytes" && s.labels.shard === undefined,
    );
    expect(managerMemory).toHaveLength(1);
  });

  it("respawns a shard process that dies; health says 503 until it is ready again", async () => {
    const { fake, main } = run;
    // The process running shard 1 now: the last one started for it (an earlier one's pid may
    // belong to another test's process by now).
    const shard1Pid = main
      .logs()
      .findLast((l) => l.msg === "shard process started" && l.shard === 1)?.pid as number;
    expect(isAlive(shard1Pid)).toBe(true);
    // Still a shard process, not another test's process that was given the same pid since.
    expect(isShardProcess(shard1Pid)).toBe(true);
    process.kill(shard1Pid, "SIGKILL");

    const down = await waitFor(async () => {
      const health = await getHealth(healthPort);
      return health.status === 503 ? health : undefined;
    }, "health to report the dead shard");
    const shards = down.body?.shards as { id: number; status: string }[];
    expect(shards.find((s) => s.id === 0)?.status).toBe("ready");
    expect(shards.find((s) => s.id === 1)?.status).not.toBe("ready");

    await waitFor(
      async () => ((await getHealth(healthPort)).status === 200 ? true : undefined),
      "the respawned shard to be ready",
    );
    // A new process for shard 1, alive, which identified again as [1, 2]. (Counts are not asserted:
    // on a starved machine discord.js may also restart a shard whose ready was late.)
    const shard1 = main
      .logs()
      .filter((l) => l.msg === "shard process started" && l.shard === 1)
      .map((l) => l.pid as number);
    const respawned = shard1.at(-1);
    expect(respawned).not.toBe(shard1Pid);
    expect(respawned !== undefined && isAlive(respawned)).toBe(true);
    expect(fake.identifies.slice(2).map((i) => i.shard)).toContainEqual([1, 2]);
    expect(await measureIn(fake, GUILD_ON_1, 2)).toMatch(/\S/);
  }, 30_000);

  it("stops every shard and exits 0 within 5 s on SIGTERM", async () => {
    const { main } = run;
    const started = Date.now();
    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    for (const pid of main.shardPids()) expect(isAlive(pid)).toBe(false);
    expect(main.output()).not.toContain(run.fake.token);
  });
});

describe("DISCORD_SHARDS=2 (explicit), both shards in one process by default", () => {
  let run: Run;

  beforeAll(async () => {
    // The gateway recommends 1 shard: the explicit count wins.
    run = await start({ shards: 1, maxConcurrency: 2 }, { DISCORD_SHARDS: "2" });
    await run.main.waitForLog((l) => l.msg === "all shards ready", 30_000);
  }, 40_000);

  afterAll(() => finish(run));

  it("runs two shards, answers in both, and exits 0 on SIGINT", async () => {
    const { fake, main } = run;
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(main.shardPids()).toHaveLength(1);
    expect(await measureIn(fake, GUILD_ON_0, 1)).toMatch(/\S/);
    expect(await measureIn(fake, GUILD_ON_1, 4)).toMatch(/\S/);

    const started = Date.now();
    main.child.kill("SIGINT");
    expect(await main.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    for (const pid of main.shardPids()) expect(isAlive(pid)).toBe(false);
  }, 30_000);
});

describe("a shard process whose manager is killed", () => {
  let run: Run;

  beforeAll(async () => {
    run = await start({ shards: 1 }, { DISCORD_SHARDS: "1" });
    await run.main.waitForLog((l) => l.msg === "all shards ready", 30_000);
  }, 40_000);

  afterAll(() => finish(run));

  it("stops by itself: no orphan keeps answering", async () => {
    const { main } = run;
    const [pid] = main.shardPids();
    if (pid === undefined) throw new Error("no shard process reported");
    expect(isAlive(pid)).toBe(true);
    main.child.kill("SIGKILL");
    await main.exited;
    await waitFor(() => (isAlive(pid) ? undefined : true), "the orphaned shard to exit", 5000);
    expect(main.logs().find((l) => l.shard === 0 && l.msg === "shutting down")?.signal).toBe(
      "manager disconnected",
    );
  }, 20_000);
});

describe("shardGroups and restartDelay", () => {
  it("groups a host's shards in order, k per process", () => {
    expect(shardGroups([0, 1, 2, 3, 4], 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(shardGroups([4, 5, 6, 7], 4)).toEqual([[4, 5, 6, 7]]);
    expect(shardGroups([0, 2, 5], 1)).toEqual([[0], [2], [5]]);
  });

  it("waits longer before each restart of a process that keeps failing, up to 5 minutes", () => {
    expect([1, 2, 3, 4].map(restartDelay)).toEqual([1000, 2000, 4000, 8000]);
    expect(restartDelay(30)).toBe(300_000);
  });
});

describe("a shard that cannot start", () => {
  it("makes the manager stop everything and exit 1", async () => {
    const fake = await startFakeDiscord();
    const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-shards-"));
    const main = spawnMain({
      DISCORD_TOKEN: "not.the-right.token",
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      DISCORD_SHARDS: "2",
    });
    try {
      expect(await main.exited).toBe(1);
      expect(main.output()).toContain("could not start the shard");
      expect(main.output()).toContain("could not start the bot");
      expect(main.output()).not.toContain("not.the-right.token");
      for (const pid of main.shardPids()) expect(isAlive(pid)).toBe(false);
      expect(fake.identifies).toHaveLength(0);
    } finally {
      await main.kill();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe("configuration", () => {
  it("refuses a malformed DISCORD_SHARDS (and HEALTH_PORT) before connecting", async () => {
    const fake = await startFakeDiscord();
    const main = spawnMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARDS: "two",
      HEALTH_PORT: "health",
    });
    try {
      expect(await main.exited).toBe(1);
      expect(main.output()).toContain("DISCORD_SHARDS");
      expect(main.output()).toContain("HEALTH_PORT");
      expect(main.output()).not.toContain(fake.token);
      expect(fake.requests).toHaveLength(0);
      expect(fake.identifies).toHaveLength(0);
    } finally {
      await main.kill();
      await fake.close();
    }
  }, 20_000);
});
