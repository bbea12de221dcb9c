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
    // Set by ShardingManager in every shard process; they must not switch sharding on.
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
