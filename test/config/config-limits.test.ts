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

describe("FEEDBACK_RETENTION_DAYS", () => {
  it("defaults to 90 days and reads a whole number of days", () => {
    expect(loadConfig({}).feedbackRetentionDays).toBe(90);
    expect(loadConfig({ FEEDBACK_RETENTION_DAYS: "30" }).feedbackRetentionDays).toBe(30);
    expect(loadConfig({ FEEDBACK_RETENTION_DAYS: " " }).feedbackRetentionDays).toBe(90);
  });

  it("rejects anything else, with the other problems", () => {
    for (const raw of ["0", "-1", "2.5", "forever", "3651"]) {
      const found = problems({ FEEDBACK_RETENTION_DAYS: raw, LOG_LEVEL: "loud" });
      expect(found).toHaveLength(2);
      expect(found.join("\n")).toContain(
        `FEEDBACK_RETENTION_DAYS must be a whole number of days from 1 to 3650, got "${raw}"`,
      );
    }
  });
});
