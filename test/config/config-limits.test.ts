import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, loadConfig } from "../../src/config.ts";
import { problems } from "../support/config-problems.ts";

describe("abuse limits and LOG_QUESTIONS", () => {
  it("default to a 5 s chat cooldown, 5 commands per 10 s, and no question logging", () => {
    const config = loadConfig({});
    expect(config.limits).toEqual({
      chatCooldownSeconds: 5,
      commandRateLimit: 5,
      commandRateWindowSeconds: 10,
    });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.logQuestions).toBe(false);
  });

  it("read every variable; 0 turns a limit off", () => {
    const config = loadConfig({
      CHAT_COOLDOWN_SECONDS: "0",
      COMMAND_RATE_LIMIT: "3",
      COMMAND_RATE_WINDOW_SECONDS: "2.5",
      LOG_QUESTIONS: "true",
    });
    expect(config.limits).toEqual({
      chatCooldownSeconds: 0,
      commandRateLimit: 3,
      commandRateWindowSeconds: 2.5,
    });
    expect(config.logQuestions).toBe(true);
    expect(loadConfig({ LOG_QUESTIONS: "FALSE" }).logQuestions).toBe(false);
  });

  it("name every malformed value in one error", () => {
    const found = problems({
      CHAT_COOLDOWN_SECONDS: "-1",
      COMMAND_RATE_LIMIT: "2.5",
      COMMAND_RATE_WINDOW_SECONDS: "soon",
      LOG_QUESTIONS: "maybe",
    });
    expect(found).toHaveLength(4);
    expect(found.join("\n")).toMatch(/CHAT_COOLDOWN_SECONDS.*"-1"/);
    expect(found.join("\n")).toMatch(/COMMAND_RATE_LIMIT must be a whole number/);
    expect(found.join("\n")).toMatch(/COMMAND_RATE_WINDOW_SECONDS/);
    expect(found.join("\n")).toMatch(/LOG_QUESTIONS must be true or false/);
  });

  it("refuse a command limit with a zero window", () => {
    expect(problems({ COMMAND_RATE_WINDOW_SECONDS: "0" })).toEqual([
      expect.stringMatching(/COMMAND_RATE_WINDOW_SECONDS must be more than 0/),
    ]);
    expect(problems({ COMMAND_RATE_WINDOW_SECONDS: "0", COMMAND_RATE_LIMIT: "0" })).toEqual([]);
  });
});
