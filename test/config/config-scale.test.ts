/** DISCORD_SHARDS, HEALTH_PORT and HEALTH_HOST: parsed once, every mistake reported by name. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { problems } from "../support/config-problems.ts";

describe("DISCORD_SHARDS", () => {
  it("is one process (null) when unset or empty", () => {
    expect(loadConfig({ DISCORD_TOKEN: "t" }).shards).toBeNull();
    expect(loadConfig({ DISCORD_TOKEN: "t", DISCORD_SHARDS: " " }).shards).toBeNull();
  });

  it("reads auto (any case) and a shard count", () => {
    expect(loadConfig({ DISCORD_SHARDS: "auto" }).shards).toBe("auto");
    expect(loadConfig({ DISCORD_SHARDS: "AUTO" }).shards).toBe("auto");
    expect(loadConfig({ DISCORD_SHARDS: "1" }).shards).toBe(1);
    expect(loadConfig({ DISCORD_SHARDS: " 16 " }).shards).toBe(16);
  });

  it.each(["two", "0", "-1", "1.5", "2e3", "0x2", "auto,2", "999999"])("refuses %j", (value) => {
    const found = problems({ DISCORD_SHARDS: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^DISCORD_SHARDS must be "auto" or a number of shards/);
  });

  it("ignores discord.js's own SHARDS and SHARD_COUNT", () => {
    // discord.js's own (its Client reads them); they must not switch sharding on.
    expect(loadConfig({ SHARDS: "1", SHARD_COUNT: "2" }).shards).toBeNull();
  });
});

describe("HEALTH_PORT and HEALTH_HOST", () => {
  it("has no endpoint unless HEALTH_PORT is set", () => {
    expect(loadConfig({}).health).toBeNull();
    expect(loadConfig({ HEALTH_HOST: "0.0.0.0" }).health).toBeNull();
  });

  it("listens on 127.0.0.1 by default, or on HEALTH_HOST", () => {
    expect(loadConfig({ HEALTH_PORT: "8080" }).health).toEqual({ port: 8080, host: "127.0.0.1" });
    expect(loadConfig({ HEALTH_PORT: "0", HEALTH_HOST: "0.0.0.0" }).health).toEqual({
      port: 0,
      host: "0.0.0.0",
    });
  });

  it("reports a bad port and a bad host together with the other problems", () => {
    const found = problems({
      HEALTH_PORT: "65536",
      HEALTH_HOST: "local host",
      DISCORD_SHARDS: "many",
      LOG_LEVEL: "loud",
    });
    expect(found).toHaveLength(4);
    for (const name of ["HEALTH_PORT", "HEALTH_HOST", "DISCORD_SHARDS", "LOG_LEVEL"]) {
      expect(found.some((p) => p.startsWith(name))).toBe(true);
    }
    expect(problems({ HEALTH_PORT: "http" })[0]).toMatch(/^HEALTH_PORT must be a TCP port/);
  });
});

describe("DISCORD_SHARD_IDS", () => {
  it("is every shard (null) when unset", () => {
    expect(loadConfig({ DISCORD_SHARDS: "8" }).shardIds).toBeNull();
  });

  const SHARED = { DATABASE_URL: "postgres://bot:pw@db.example:5432/bot" };

  it("reads a range, a list, or both, in ascending order", () => {
    const ids = (value: string, total = "8") =>
      loadConfig({ ...SHARED, DISCORD_SHARDS: total, DISCORD_SHARD_IDS: value }).shardIds;
    expect(ids("0-3")).toEqual([0, 1, 2, 3]);
    expect(ids("5, 0,2")).toEqual([0, 2, 5]);
    expect(ids("6-7,1")).toEqual([1, 6, 7]);
    expect(ids("0", "1")).toEqual([0]);
  });

  it("needs the shared store when this host runs only part of the bot", () => {
    const found = problems({ DISCORD_SHARDS: "8", DISCORD_SHARD_IDS: "0-3" });
    expect(found).toEqual([
      expect.stringMatching(/^DISCORD_SHARD_IDS runs part of the bot.*DATABASE_URL/),
    ]);
    // Every shard on this one host: nothing to share.
    expect(problems({ DISCORD_SHARDS: "4", DISCORD_SHARD_IDS: "0-3" })).toEqual([]);
  });

  it.each([
    ["0-8", /shard 8 does not exist: with DISCORD_SHARDS=8 the ids are 0 to 7/],
    ["9", /shard 9 does not exist/],
    ["3-1", /the range 3-1 runs backwards/],
    ["0-3,2", /shard 2 is listed twice/],
    ["a-b", /"a-b" is neither a shard id nor a range/],
    ["0,,1", /"" is neither/],
    ["-1", /"-1" is neither/],
  ])("refuses %j with one problem naming it", (value, why) => {
    const found = problems({ DISCORD_SHARDS: "8", DISCORD_SHARD_IDS: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^DISCORD_SHARD_IDS must list this host's shards/);
    expect(found[0]).toMatch(why);
  });

  it("needs a numeric DISCORD_SHARDS: a host cannot pick its shards out of an unknown total", () => {
    for (const shards of [{}, { DISCORD_SHARDS: "auto" }] as Record<string, string>[]) {
      const found = problems({ ...shards, DISCORD_SHARD_IDS: "0-1" });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the bot's total/);
    }
  });
});

describe("DISCORD_SHARDS_PER_PROCESS", () => {
  it("defaults to 4 and reads 1 to 16", () => {
    expect(loadConfig({ DISCORD_SHARDS: "8" }).shardsPerProcess).toBe(4);
    expect(
      loadConfig({ DISCORD_SHARDS: "8", DISCORD_SHARDS_PER_PROCESS: "1" }).shardsPerProcess,
    ).toBe(1);
    expect(
      loadConfig({ DISCORD_SHARDS: "auto", DISCORD_SHARDS_PER_PROCESS: "16" }).shardsPerProcess,
    ).toBe(16);
  });

  it.each(["0", "17", "two", "1.5"])("refuses %j", (value) => {
    const found = problems({ DISCORD_SHARDS: "8", DISCORD_SHARDS_PER_PROCESS: value });
    expect(found).toEqual([
      `DISCORD_SHARDS_PER_PROCESS must be a whole number from 1 to 16, got "${value}"`,
    ]);
  });

  it("needs DISCORD_SHARDS", () => {
    expect(problems({ DISCORD_SHARDS_PER_PROCESS: "2" })).toEqual([
      "DISCORD_SHARDS_PER_PROCESS needs DISCORD_SHARDS (auto or a number)",
    ]);
  });
});
