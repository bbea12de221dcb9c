/**
 * The settings database shared by shard processes (DISCORD_SHARDS): every store reads through to
 * the file (no cache that could go stale when another process writes), the file is in WAL mode,
 * and a store waits for a lock another connection holds instead of failing with SQLITE_BUSY.
 * The lock holder runs in a worker thread, so it really is concurrent with the store under test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSettingsStore, SETTINGS_FILE } from "../../src/settings/store.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "settings-shared-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const HOLD_MS = 300;

/**
 * Opens the database file in a worker thread, takes a lock (`BEGIN EXCLUSIVE` or `IMMEDIATE`),
 * and holds it for `HOLD_MS`. Resolves once the lock is held; `released` settles after COMMIT.
 */
async function holdLock(
  file: string,
  mode: "EXCLUSIVE" | "IMMEDIATE",
): Promise<{ released: Promise<void> }> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    const Database = require(workerData.driver);
    const db = new Database(workerData.file);
    db.exec("BEGIN ${mode}");
    parentPort.postMessage("locked");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${HOLD_MS});
    db.exec("COMMIT");
    db.close();
    parentPort.postMessage("released");
    `,
    { eval: true, workerData: { driver, file } },
  );
  const released = new Promise<void>((resolve, reject) => {
    worker.on("message", (m) => m === "released" && resolve());
    worker.on("error", reject);
  });
  await new Promise<void>((resolve, reject) => {
    worker.on("message", (m) => m === "locked" && resolve());
    worker.on("error", reject);
  });
  return { released };
}

describe("settings shared between shard processes", () => {
  it("reads another store's writes even after having read the old value (no stale cache)", () => {
    const shard0 = openSettingsStore(dir);
    const shard1 = openSettingsStore(dir);
    // Read first, so any read cache would now hold the defaults.
    expect(shard1.get("1")).toEqual({
      qaChannels: [],
      quoting: true,
      quoteCheck: true,
      language: null,
      feedbackText: false,
    });
    expect(shard1.isQaChannel("1", "10")).toBe(false);

    shard0.setQuoting("1", false);
    shard0.setLanguage("1", "en");
    shard0.addQaChannel("1", "10");
    expect(shard1.get("1")).toEqual({
      qaChannels: ["10"],
      quoting: false,
      quoteCheck: true,
      language: "en",
      feedbackText: false,
    });
    expect(shard1.isQaChannel("1", "10")).toBe(true);

    // And back the other way.
    shard1.removeQaChannel("1", "10");
    shard1.setQuoting("1", true);
    expect(shard0.get("1")).toEqual({
      qaChannels: [],
      quoting: true,
      quoteCheck: true,
      language: "en",
      feedbackText: false,
    });
    shard0.close();
    shard1.close();
  });

  it("keeps the file in WAL mode", () => {
    openSettingsStore(dir).close();
    const raw = new Database(path.join(dir, SETTINGS_FILE), { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
  });

  it("a write waits for another process's write lock instead of failing", async () => {
    const store = openSettingsStore(dir);
    const { released } = await holdLock(path.join(dir, SETTINGS_FILE), "IMMEDIATE");
    const started = Date.now();
    store.setQuoting("1", false); // blocks until the worker commits
    expect(Date.now() - started).toBeGreaterThanOrEqual(HOLD_MS / 2);
    await released;
    expect(store.get("1").quoting).toBe(false);
    store.close();
  });

  it("opening waits for a lock held while another shard creates the file", async () => {
    // Two shards starting together both open (and switch to WAL) the same new file.
    const { released } = await holdLock(path.join(dir, SETTINGS_FILE), "EXCLUSIVE");
    const store = openSettingsStore(dir);
    await released;
    store.setLanguage("1", "ru");
    expect(store.get("1").language).toBe("ru");
    store.close();
  });
});
