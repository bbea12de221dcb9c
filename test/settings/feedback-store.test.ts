import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readQuestions } from "../../src/core/questions.ts";
import { createLogger } from "../../src/log.ts";
import type { ShownAnswer } from "../../src/settings/feedback.ts";
import { enforceRetention, PRUNE_INTERVAL_MS } from "../../src/settings/retention.ts";
import { hashUserId, loadSalt, SALT_FILE } from "../../src/settings/salt.ts";
import { openSettingsStore, SETTINGS_FILE } from "../../src/settings/store.ts";

const DAY = 24 * 60 * 60 * 1000;
const M4: ShownAnswer = {
  id: "10",
  clauseId: "M4",
  via: "search",
  confidence: "answer",
  score: 0.8,
};
const P4: ShownAnswer = {
  id: "11",
  clauseId: "P4",
  via: "search",
  confidence: "closest",
  score: 0.2,
};
// A real-length snowflake: a short id could turn up by chance inside a hash or a timestamp.
const alice = { guildId: "1", userId: "412345678901234567" };
const bob = { guildId: "1", userId: "412345678901234568" };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "feedback-store-"));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe("feedback store", () => {
  it("keeps one vote per user per answer; a second click changes it", () => {
    const { feedback, close } = openSettingsStore(dir);
    expect(feedback.vote(M4, alice, "up")).toBeNull();
    expect(feedback.vote(M4, alice, "up")).toBe("up");
    expect(feedback.vote(M4, alice, "down")).toBe("up");
    expect(feedback.vote(M4, bob, "up")).toBeNull();
    expect(feedback.report().votes).toEqual({ up: 1, down: 1 });
    expect(feedback.report().perClause).toEqual([{ clause: "M4", up: 1, down: 1 }]);
    close();
  });

  it("a correction is a 👎 with the passage chosen; a 👍 afterwards takes it back", () => {
    const { feedback, close } = openSettingsStore(dir);
    feedback.vote(M4, alice, "down");
    feedback.correct(M4, alice, "M5");
    feedback.correct(P4, bob, "none");
    expect(feedback.report().corrections).toEqual([
      { answered: "M4", expected: "M5", count: 1 },
      { answered: "P4", expected: "none", count: 1 },
    ]);
    // A second 👎 keeps the correction; a 👍 withdraws it.
    feedback.vote(M4, alice, "down");
    expect(feedback.report().corrections).toHaveLength(2);
    feedback.vote(M4, alice, "up");
    expect(feedback.report().corrections).toEqual([{ answered: "P4", expected: "none", count: 1 }]);
    close();
  });

  it("stores users only as a salted hash, the same across restarts", () => {
    const first = openSettingsStore(dir);
    first.feedback.vote(M4, alice, "up");
    first.close();
    const salt = readFileSync(path.join(dir, SALT_FILE), "utf8").trim();
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(dir, SALT_FILE)).mode & 0o077).toBe(0);

    const db = new Database(path.join(dir, SETTINGS_FILE), { readonly: true });
    const rows = db.prepare("SELECT * FROM feedback_votes").all() as Record<string, unknown>[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(alice.userId);
    expect(rows[0]?.user_hash).toBe(hashUserId(salt, alice.userId));
    // Another installation (another salt) hashes the same user differently.
    expect(hashUserId("0".repeat(64), alice.userId)).not.toBe(rows[0]?.user_hash);

    const second = openSettingsStore(dir);
    expect(second.feedback.vote(M4, alice, "down")).toBe("up");
    expect(second.feedback.forget(alice.userId)).toBe(1);
    expect(second.feedback.forget(alice.userId)).toBe(0);
    second.close();
  });

  it("refuses a salt file it did not write", () => {
    writeFileSync(path.join(dir, SALT_FILE), "not a salt\n");
    expect(() => loadSalt(dir)).toThrow(/is not a salt this bot wrote/);
  });

  it("keeps question text only as given, cut to 500 characters", () => {
    const { feedback, close } = openSettingsStore(dir);
    const note = {
      guildId: "1",
      kind: "none",
      confidence: "none" as const,
      clauseId: null,
      score: null,
      lang: "fr" as const,
    };
    feedback.noteAnswer({ ...note, answerId: "1", question: null });
    feedback.noteAnswer({ ...note, answerId: "2", question: "x".repeat(2000) });
    // The same answer noted twice (a retried interaction) counts once.
    feedback.noteAnswer({ ...note, answerId: "2", question: "x" });
    const report = feedback.report();
    expect(report.unanswered).toBe(2);
    expect(report.questions.unanswered).toEqual([{ question: "x".repeat(500), count: 1 }]);
    close();
  });

  it("prunes rows older than the retention period", () => {
    const { feedback, close } = openSettingsStore(dir);
    const now = Date.now();
    const note = {
      guildId: "1",
      kind: "none",
      confidence: "none" as const,
      clauseId: null,
      score: null,
      lang: "fr" as const,
      question: null,
    };
    feedback.noteAnswer({ ...note, answerId: "1" }, now - 91 * DAY);
    feedback.noteAnswer({ ...note, answerId: "2" }, now - 89 * DAY);
    feedback.vote(M4, alice, "up", now - 91 * DAY);
    feedback.vote(M4, bob, "up", now - 1000);
    expect(feedback.prune(90, now)).toEqual({ answers: 1, votes: 1 });
    expect(feedback.report().unanswered).toBe(1);
    expect(feedback.report().votes).toEqual({ up: 1, down: 0 });
    close();
  });

  it("prunes at start and then daily, on a timer that keeps no process alive", () => {
    vi.useFakeTimers({ now: Date.now() });
    const { feedback, close } = openSettingsStore(dir);
    const prune = vi.spyOn(feedback, "prune");
    const stop = enforceRetention(feedback, 90, createLogger("silent"));
    expect(prune).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PRUNE_INTERVAL_MS);
    expect(prune).toHaveBeenCalledTimes(2);
    expect(prune).toHaveBeenLastCalledWith(90);
    stop();
    vi.advanceTimersByTime(PRUNE_INTERVAL_MS);
    expect(prune).toHaveBeenCalledTimes(2);
    close();
  });

  it("adds the feedback columns and tables to a database from before them", () => {
    const file = path.join(dir, SETTINGS_FILE);
    const old = new Database(file);
    old.exec(`CREATE TABLE guild_settings (guild_id TEXT PRIMARY KEY, quoting INTEGER NOT NULL DEFAULT 1, language TEXT);
              INSERT INTO guild_settings (guild_id, quoting, language) VALUES ('1', 0, 'ru');`);
    old.close();
    const store = openSettingsStore(dir);
    expect(store.get("1")).toEqual({
      qaChannels: [],
      quoting: false,
      quoteCheck: true,
      language: "ru",
      feedbackText: false,
    });
    store.setFeedbackText("1", true);
    expect(store.get("1").feedbackText).toBe(true);
    store.feedback.vote(M4, alice, "up");
    store.close();
  });
});

describe("kept questions (review --export)", () => {
  it("take `expect` from corrections, 👍 and unanswered notes, in the question-set format", () => {
    const { feedback, close } = openSettingsStore(dir);
    const base = { guildId: "1", lang: "en" as const };
    const clause = (id: string, shown: ShownAnswer, question: string | null) =>
      feedback.noteAnswer({
        ...base,
        answerId: id,
        kind: "clause/search",
        confidence: shown.confidence,
        clauseId: shown.clauseId,
        score: shown.score,
        question,
      });
    const none = (id: string, question: string | null) =>
      feedback.noteAnswer({
        ...base,
        answerId: id,
        kind: "none",
        confidence: "none",
        clauseId: null,
        score: null,
        question,
      });

    clause("10", M4, "who observes the exercises?");
    feedback.vote(M4, alice, "down");
    feedback.correct(M4, alice, "M5");
    feedback.correct(M4, bob, "M5");
    clause("11", P4, "is the OSCE mentioned?");
    feedback.correct(P4, alice, "none");
    const M1: ShownAnswer = { ...M4, id: "12", clauseId: "M1" };
    clause("12", M1, "secretaries general");
    feedback.vote(M1, alice, "up");
    none("13", "what time is it?");
    none("14", "What time is it? ");
    none("15", null);
    // A closest passage nobody voted on says nothing certain.
    clause("16", { ...P4, id: "16" }, "anything on zyxwvut?");

    const questions = feedback.keptQuestions();
    expect(questions).toEqual([
      {
        id: "fb-001",
        lang: "en",
        q: "who observes the exercises?",
        expect: ["M5"],
        kind: "feedback-correction",
      },
      {
        id: "fb-002",
        lang: "en",
        q: "is the OSCE mentioned?",
        expect: [],
        kind: "feedback-correction",
      },
      {
        id: "fb-003",
        lang: "en",
        q: "secretaries general",
        expect: ["M1"],
        kind: "feedback-confirmed",
      },
      { id: "fb-004", lang: "en", q: "what time is it?", expect: [], kind: "feedback-unanswered" },
    ]);
    const file = path.join(dir, "fb.json");
    writeFileSync(file, JSON.stringify(questions));
    expect(readQuestions(file)).toEqual(questions);
    close();
  });
});
