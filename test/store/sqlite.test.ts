/**
 * What only the embedded engine does: one file in DATA_DIR, in WAL mode, shared by the shard
 * processes of a host (a store waits for a lock another process holds instead of failing), opened
 * over databases the old synchronous store created (their rows kept), and refusing a corrupt or
 * unusable file with one line. The lock holder runs in a worker thread, so it really is
 * concurrent with the store under test (whose waits block its own thread).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { StoreUnavailable } from "../../src/store/errors.ts";
import type { ShownAnswer } from "../../src/store/feedback.ts";
import { openStore } from "../../src/store/index.ts";
import { hashUserId, SALT_FILE } from "../../src/store/salt.ts";
import { DEFAULT_SETTINGS } from "../../src/store/settings.ts";
import { describeOpenFailure, SETTINGS_FILE } from "../../src/store/sqlite.ts";
import {
  cleanupStores,
  placeOf,
  REPLAY_WINDOW_MS,
  silent,
  tempDir,
} from "../support/store-engines.ts";

afterEach(cleanupStores);

const sqlitePlace = (dataDir = tempDir("store-sqlite-")) => placeOf("sqlite", dataDir, null);
const M4: ShownAnswer = {
  id: "10",
  clauseId: "M4",
  via: "search",
  confidence: "answer",
  score: 0.8,
};
const alice = { guildId: "1", userId: "412345678901234567" };

const HOLD_MS = 300;

/**
 * Opens the database file in a worker thread, takes a lock (`BEGIN EXCLUSIVE` or `IMMEDIATE`),
 * and holds it for `HOLD_MS`. Resolves once the lock is held; `released` settles after COMMIT
 * with the time (Date.now()) just before the worker let the lock go.
 */
async function holdLock(
  file: string,
  mode: "EXCLUSIVE" | "IMMEDIATE",
): Promise<{ released: Promise<number> }> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    const Database = require(workerData.driver);
    const db = new Database(workerData.file);
    db.exec("BEGIN ${mode}");
    parentPort.postMessage("locked");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${HOLD_MS});
    const until = Date.now();
    db.exec("COMMIT");
    db.close();
    parentPort.postMessage({ until });
    `,
    { eval: true, workerData: { driver, file } },
  );
  const released = new Promise<number>((resolve, reject) => {
    worker.on("message", (m) => typeof m === "object" && resolve(m.until));
    worker.on("error", reject);
  });
  await new Promise<void>((resolve, reject) => {
    worker.on("message", (m) => m === "locked" && resolve());
    worker.on("error", reject);
  });
  return { released };
}

/**
 * Runs `write` while another thread holds the write lock: it must succeed, and, if it started
 * while the lock was held (on a slow machine the holder may be done before), end after the holder
 * let go, having waited.
 */
async function writeUnderLock(file: string, write: () => Promise<unknown>): Promise<void> {
  const { released } = await holdLock(file, "IMMEDIATE");
  const started = Date.now();
  await write();
  const finished = Date.now();
  const heldUntil = await released;
  if (started < heldUntil) expect(finished).toBeGreaterThanOrEqual(heldUntil);
}

/** Opens `dataDir` and returns the rejection (the test fails if it opens). */
async function openFailure(dataDir: string): Promise<Error> {
  const attempt = openStore({ dataDir, logger: silent, replayWindowMs: REPLAY_WINDOW_MS });
  const error = await attempt.then(
    async (store) => {
      await store.close();
      throw new Error("the store opened");
    },
    (e: unknown) => e as Error,
  );
  return error;
}

describe("SQLite shared by shard processes", () => {
  it("keeps the file in WAL mode", async () => {
    const place = sqlitePlace();
    await (await place.open()).close();
    const raw = new Database(path.join(place.dataDir, SETTINGS_FILE), { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
  });

  it("a write waits for another process's write lock instead of failing", async () => {
    const place = sqlitePlace();
    const store = await place.open();
    await writeUnderLock(path.join(place.dataDir, SETTINGS_FILE), () =>
      store.settings.setFlag("1", "quoting", false),
    );
    expect(await store.settings.flag("1", "quoting")).toBe(false);
  });

  it("a vote waits for another process's write lock instead of failing", async () => {
    const place = sqlitePlace();
    const store = await place.open();
    await writeUnderLock(path.join(place.dataDir, SETTINGS_FILE), async () =>
      expect(await store.feedback.vote(M4, alice, "up")).toBeNull(),
    );
    expect(await store.feedback.vote(M4, alice, "down")).toBe("up");
  });

  it("opening waits for a lock held while another shard creates the file", async () => {
    const place = sqlitePlace();
    // Two shards starting together both open (and switch to WAL) the same new file.
    const { released } = await holdLock(path.join(place.dataDir, SETTINGS_FILE), "EXCLUSIVE");
    const store = await place.open();
    await released;
    await store.settings.setLanguage("1", "ru");
    expect((await store.settings.get("1")).language).toBe("ru");
  });

  it("a store sees another connection's writes after having read the old value", async () => {
    const place = sqlitePlace();
    const shard0 = await place.open();
    const shard1 = await place.open();
    expect(await shard1.settings.get("1")).toEqual(DEFAULT_SETTINGS);
    // Written by a connection that is no store at all: only the file says it changed.
    const raw = new Database(path.join(place.dataDir, SETTINGS_FILE));
    raw.prepare("INSERT INTO guild_settings (guild_id, language) VALUES ('1', 'en')").run();
    raw.close();
    expect((await shard1.settings.get("1")).language).toBe("en");
    await shard0.settings.addQaChannel("1", "10");
    expect((await shard1.settings.get("1")).qaChannels).toEqual(["10"]);
  });

  it("opens a nested DATA_DIR that does not exist yet, and a throwaway :memory: store", async () => {
    const nested = path.join(tempDir(), "nested", "data");
    const store = await sqlitePlace(nested).open();
    await store.settings.setFlag("1", "quoting", false);
    expect(await store.settings.flag("1", "quoting")).toBe(false);

    const memory = await sqlitePlace(":memory:").open();
    expect(memory.location).toBe(":memory:");
    await memory.settings.setLanguage("1", "fr");
    expect((await memory.settings.get("1")).language).toBe("fr");
    expect(await memory.feedback.vote(M4, alice, "up")).toBeNull();
  });
});

describe("SQLite databases made by the old store", () => {
  /** The old store's schema (git show HEAD~1:src/settings/store.ts and feedback.ts). */
  const OLD_SCHEMA = `
    CREATE TABLE guild_settings (
      guild_id TEXT PRIMARY KEY,
      language TEXT,
      quoting INTEGER NOT NULL DEFAULT 1,
      quote_check INTEGER NOT NULL DEFAULT 1,
      feedback_text INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE qa_channels (
      guild_id   TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      PRIMARY KEY (guild_id, channel_id)
    );
    CREATE TABLE feedback_answers (
      answer_id  TEXT PRIMARY KEY,
      guild_id   TEXT,
      kind       TEXT NOT NULL,
      confidence TEXT NOT NULL,
      clause     TEXT,
      score      REAL,
      lang       TEXT NOT NULL,
      question   TEXT,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX feedback_answers_time ON feedback_answers (created_at);
    CREATE TABLE feedback_votes (
      answer_id  TEXT NOT NULL,
      user_hash  TEXT NOT NULL,
      guild_id   TEXT,
      kind       TEXT NOT NULL,
      confidence TEXT NOT NULL,
      clause     TEXT NOT NULL,
      score      REAL,
      vote       TEXT NOT NULL CHECK (vote IN ('up', 'down')),
      chosen     TEXT,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (answer_id, user_hash)
    );
    CREATE INDEX feedback_votes_time ON feedback_votes (created_at);
    CREATE INDEX feedback_votes_user ON feedback_votes (user_hash);`;

  it("opens a database of the last old schema and keeps its rows, channel order and votes", async () => {
    const dataDir = tempDir("store-legacy-");
    const salt = "ab".repeat(32);
    writeFileSync(path.join(dataDir, SALT_FILE), `${salt}\n`, { mode: 0o600 });
    const old = new Database(path.join(dataDir, SETTINGS_FILE));
    old.pragma("journal_mode = WAL");
    old.exec(OLD_SCHEMA);
    const now = Date.now();
    old.exec(`
      INSERT INTO guild_settings (guild_id, language, quoting, quote_check, feedback_text)
        VALUES ('1', 'ru', 0, 0, 1), ('2', NULL, 1, 1, 0);
      INSERT INTO qa_channels (guild_id, channel_id) VALUES ('1', '30'), ('1', '10'), ('1', '20');
      INSERT INTO feedback_answers VALUES
        ('10', '1', 'clause/search', 'answer', 'M4', 0.8, 'en', 'who observes?', ${now - 2000});
      INSERT INTO feedback_votes VALUES
        ('10', '${hashUserId(salt, alice.userId)}', '1', 'clause/search', 'answer', 'M4', 0.8,
         'down', 'M5', ${now - 1000});`);
    old.close();

    const store = await sqlitePlace(dataDir).open();
    expect(await store.settings.get("1")).toEqual({
      qaChannels: ["30", "10", "20"],
      quoting: false,
      quoteCheck: false,
      language: "ru",
      feedbackText: true,
    });
    expect(await store.settings.get("2")).toEqual(DEFAULT_SETTINGS);
    // A channel added now comes after the old ones.
    await store.settings.addQaChannel("1", "05");
    expect((await store.settings.get("1")).qaChannels).toEqual(["30", "10", "20", "05"]);
    const report = await store.feedback.report();
    expect(report.votes).toEqual({ up: 0, down: 1 });
    expect(report.questions.corrected).toEqual([
      { question: "who observes?", answered: "M4", expected: "M5", count: 1 },
    ]);
    // Alice's old vote is still hers (same salt): she changes it, then forgets it. A text kept
    // before the store knew who asked stays until the server stops keeping texts, or retention.
    expect(await store.feedback.vote(M4, alice, "up")).toBe("down");
    expect(await store.feedback.forget(alice.userId)).toEqual({ votes: 1, questions: 0 });
  });

  it("adds the settings and tables a very old database lacked (no quote_check, feedback_text)", async () => {
    const dataDir = tempDir("store-legacy-");
    const old = new Database(path.join(dataDir, SETTINGS_FILE));
    old.exec(`CREATE TABLE guild_settings (guild_id TEXT PRIMARY KEY, quoting INTEGER NOT NULL DEFAULT 1, language TEXT);
              INSERT INTO guild_settings (guild_id, quoting, language) VALUES ('1', 0, 'ru');
              CREATE TABLE qa_channels (guild_id TEXT NOT NULL, channel_id TEXT NOT NULL, PRIMARY KEY (guild_id, channel_id));
              INSERT INTO qa_channels VALUES ('1', '12'), ('1', '11');`);
    old.close();
    const store = await sqlitePlace(dataDir).open();
    expect(await store.settings.get("1")).toEqual({
      qaChannels: ["12", "11"],
      quoting: false,
      quoteCheck: true,
      language: "ru",
      feedbackText: false,
    });
    await store.settings.setFlag("1", "feedbackText", true);
    expect(await store.settings.flag("1", "feedbackText")).toBe(true);
    expect(await store.feedback.vote(M4, alice, "up")).toBeNull();
    await store.close();
    // Reopened: nothing is added twice.
    const again = await sqlitePlace(dataDir).open();
    expect(await again.settings.get("1")).toMatchObject({ quoting: false, feedbackText: true });
    expect((await again.feedback.report()).votes).toEqual({ up: 1, down: 0 });
  });
});

describe("SQLite files the store cannot use", () => {
  it("stops with one clear line on a corrupt file", async () => {
    const dataDir = tempDir("store-corrupt-");
    writeFileSync(path.join(dataDir, SETTINGS_FILE), "this is not a database ".repeat(200));
    const error = await openFailure(dataDir);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect(error.message).toMatch(
      /settings\.db is corrupt or not a database \(SQLITE_NOTADB\): move it away/,
    );
    expect(error.message).not.toContain("\n");
  });

  it("names a database it cannot write, by SQLite's and the system's codes", () => {
    // Root ignores permission bits, so the codes are checked here; the cases below open for real.
    for (const code of [
      "SQLITE_READONLY",
      "SQLITE_CANTOPEN",
      "SQLITE_PERM",
      "EACCES",
      "EPERM",
      "EROFS",
    ]) {
      expect(describeOpenFailure({ code }, "/x/settings.db")).toBe(
        `the settings database /x/settings.db cannot be written (${code}): check DATA_DIR and its permissions`,
      );
    }
    expect(describeOpenFailure({ code: "SQLITE_BUSY" }, "/x/settings.db")).toBeNull();
    expect(describeOpenFailure(new Error("other"), "/x/settings.db")).toBeNull();
  });

  it.skipIf(process.getuid?.() === 0)(
    "stops with one clear line on a DATA_DIR it cannot write",
    async () => {
      const { chmodSync } = await import("node:fs");
      const parent = tempDir("store-readonly-");
      chmodSync(parent, 0o500);
      try {
        const error = await openFailure(path.join(parent, "data"));
        expect(error).toBeInstanceOf(StoreUnavailable);
        expect(error.message).toMatch(/cannot be written \(EACCES\)/);
        expect(error.message).not.toContain("\n");
      } finally {
        chmodSync(parent, 0o700);
      }
    },
  );

  // settings.db is opened by the bot (to create it private) before SQLite sees it: a directory
  // in its place fails there (EISDIR), and must still end the start with one line, not a stack.
  it("stops with one clear line when settings.db cannot be opened as a file", async () => {
    const dataDir = tempDir("store-notafile-");
    mkdirSync(path.join(dataDir, SETTINGS_FILE));
    const error = await openFailure(dataDir);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect(error.message).toMatch(/the settings database .*settings\.db cannot be written/);
    expect(error.message).not.toContain("\n");
  });
});
