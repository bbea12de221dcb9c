import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { problems } from "../support/config-problems.ts";

describe("loadConfig", () => {
  it("without a token selects the console, with defaults", () => {
    const config = loadConfig({});
    expect(config.discord).toBeNull();
    expect(config.dataDir).toBe(path.join(PROJECT_ROOT, "var"));
    expect(config.logLevel).toBe("info");
  });

  it("reads every Discord setting", () => {
    const config = loadConfig({
      DISCORD_TOKEN: "abc.def.ghi",
      DISCORD_CLIENT_ID: "900000000000000001",
      DISCORD_GUILD_ID: "111111111111111111",
      DISCORD_API_URL: "http://127.0.0.1:1234/api/",
      DATA_DIR: "/tmp/bot-data",
      LOG_LEVEL: "DEBUG",
    });
    expect(config).toEqual({
      discord: {
        token: "abc.def.ghi",
        clientId: "900000000000000001",
        guildId: "111111111111111111",
        apiUrl: "http://127.0.0.1:1234/api",
        messageContent: "auto",
      },
      shards: null,
      shardIds: null,
      shardsPerProcess: 4,
      health: null,
      interactions: null,
      gateway: true,
      dataDir: "/tmp/bot-data",
      database: null,
      logLevel: "debug",
      limits: DEFAULT_LIMITS,
      logQuestions: false,
      feedbackRetentionDays: 90,
    });
  });

  it("treats empty values as unset", () => {
    const config = loadConfig({ DISCORD_TOKEN: "t", DISCORD_GUILD_ID: "", DISCORD_API_URL: " " });
    expect(config.discord).toEqual({
      token: "t",
      clientId: null,
      guildId: null,
      apiUrl: null,
      messageContent: "auto",
    });
  });

  it("reads DISCORD_MESSAGE_CONTENT: on, off or auto (the default), in any case", () => {
    const content = (value?: string) =>
      loadConfig({
        DISCORD_TOKEN: "t",
        ...(value !== undefined && { DISCORD_MESSAGE_CONTENT: value }),
      }).discord?.messageContent;
    expect(content()).toBe("auto");
    expect(content("")).toBe("auto");
    expect(content("OFF")).toBe("off");
    expect(content("on")).toBe("on");
    expect(problems({ DISCORD_MESSAGE_CONTENT: "yes" })).toEqual([
      'DISCORD_MESSAGE_CONTENT must be on, off or auto, got "yes"',
    ]);
  });

  it("reports every problem at once, naming each variable", () => {
    const found = problems({
      DISCORD_TOKEN: "Bot abc",
      DISCORD_CLIENT_ID: "app",
      DISCORD_GUILD_ID: "12x",
      DISCORD_API_URL: "ftp://example.com",
      LOG_LEVEL: "loud",
      DISCORD_MESSAGE_CONTENT: "sometimes",
    });
    expect(found).toHaveLength(6);
    for (const name of [
      "DISCORD_TOKEN",
      "DISCORD_CLIENT_ID",
      "DISCORD_GUILD_ID",
      "DISCORD_API_URL",
      "LOG_LEVEL",
      "DISCORD_MESSAGE_CONTENT",
    ]) {
      expect(found.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  it.each(["DISCORD_CLIENT_ID", "DISCORD_GUILD_ID", "DISCORD_API_URL"])(
    "never echoes a token pasted into %s",
    (name) => {
      const token = "MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.abcdefghijklmnopqrstuvwxyz012345";
      for (const env of [{ DISCORD_TOKEN: token, [name]: token }, { [name]: token }]) {
        try {
          loadConfig(env);
          expect.unreachable();
        } catch (error) {
          const message = String((error as Error).message);
          expect(message).toContain(name);
          expect(message).not.toContain(token);
          expect(message).not.toContain("abcdefghijklmnopqrstuvwxyz012345");
        }
      }
    },
  );

  it.each([
    "ftp://bot:pw4you@proxy:8080/api",
    "http://bot:pw4you@proxy:99999/api",
    "http://bot:pw/4you@proxy:8080/api",
    "bot:pw4you@proxy:8080/api",
  ])("never prints the password of a DISCORD_API_URL it refuses (%s)", (url) => {
    try {
      loadConfig({ DISCORD_TOKEN: "a-token-value", DISCORD_API_URL: url });
      expect.unreachable();
    } catch (error) {
      const message = String((error as Error).message);
      expect(message).toContain("DISCORD_API_URL must be an http(s) URL");
      expect(message).not.toMatch(/pw|4you/);
      if (url.includes("://")) expect(message).toContain("[redacted]@proxy");
    }
  });

  it("never prints the token", () => {
    const secret = "Bot super-secret-token";
    try {
      loadConfig({ DISCORD_TOKEN: secret });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("super-secret-token");
      expect(String((error as Error).message)).toContain("DISCORD_TOKEN");
    }
  });
});
