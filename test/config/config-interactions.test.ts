/** DISCORD_PUBLIC_KEY, INTERACTIONS_PORT, INTERACTIONS_HOST and DISCORD_GATEWAY. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { problems } from "../support/config-problems.ts";

const KEY = "a1".repeat(32);

describe("the interactions endpoint", () => {
  it("is off, and the gateway on, by default", () => {
    const config = loadConfig({ DISCORD_TOKEN: "t" });
    expect(config.interactions).toBeNull();
    expect(config.gateway).toBe(true);
  });

  it("listens on 127.0.0.1 by default, or on INTERACTIONS_HOST, with the key in lower case", () => {
    expect(
      loadConfig({ INTERACTIONS_PORT: "8443", DISCORD_PUBLIC_KEY: KEY.toUpperCase() }).interactions,
    ).toEqual({ port: 8443, host: "127.0.0.1", publicKey: KEY });
    expect(
      loadConfig({ INTERACTIONS_PORT: "0", INTERACTIONS_HOST: "0.0.0.0", DISCORD_PUBLIC_KEY: KEY })
        .interactions,
    ).toEqual({ port: 0, host: "0.0.0.0", publicKey: KEY });
  });

  it("turns the gateway off only with DISCORD_GATEWAY=off (any case)", () => {
    const env = { INTERACTIONS_PORT: "0", DISCORD_PUBLIC_KEY: KEY };
    expect(loadConfig({ ...env, DISCORD_GATEWAY: "OFF" }).gateway).toBe(false);
    expect(loadConfig({ ...env, DISCORD_GATEWAY: "on" }).gateway).toBe(true);
  });

  it("needs DISCORD_PUBLIC_KEY with INTERACTIONS_PORT", () => {
    expect(problems({ INTERACTIONS_PORT: "8443" })).toEqual([
      "DISCORD_PUBLIC_KEY is required with INTERACTIONS_PORT: every request is checked against it",
    ]);
  });

  it.each([
    ["too short", "a1".repeat(31)],
    ["too long", "a1".repeat(33)],
    ["not hex", "g".repeat(64)],
    ["base64", Buffer.alloc(32, 7).toString("base64")],
  ])("refuses a public key that is %s, without echoing it", (_, key) => {
    const found = problems({ INTERACTIONS_PORT: "8443", DISCORD_PUBLIC_KEY: key });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^DISCORD_PUBLIC_KEY must be the application's public key, 64 hex/);
    expect(found[0]).not.toContain(key);
  });

  it("refuses DISCORD_GATEWAY=off without an endpoint, and any value but on or off", () => {
    expect(problems({ DISCORD_GATEWAY: "off" })[0]).toMatch(
      /^DISCORD_GATEWAY=off needs INTERACTIONS_PORT/,
    );
    expect(problems({ DISCORD_GATEWAY: "false" })[0]).toBe(
      'DISCORD_GATEWAY must be on or off, got "false"',
    );
  });

  it("refuses an endpoint in every shard process", () => {
    expect(
      problems({ INTERACTIONS_PORT: "8443", DISCORD_PUBLIC_KEY: KEY, DISCORD_SHARDS: "2" })[0],
    ).toMatch(/^INTERACTIONS_PORT cannot go with DISCORD_SHARDS/);
  });

  it("reports its problems together with the others", () => {
    const found = problems({
      INTERACTIONS_PORT: "99999",
      INTERACTIONS_HOST: "my host",
      DISCORD_PUBLIC_KEY: "nope",
      DISCORD_GATEWAY: "maybe",
      HEALTH_PORT: "x",
      LOG_LEVEL: "loud",
    });
    for (const name of [
      "INTERACTIONS_PORT",
      "INTERACTIONS_HOST",
      "DISCORD_PUBLIC_KEY",
      "DISCORD_GATEWAY",
      "HEALTH_PORT",
      "LOG_LEVEL",
    ]) {
      expect(
        found.some((p) => p.startsWith(name)),
        name,
      ).toBe(true);
    }
  });
});
