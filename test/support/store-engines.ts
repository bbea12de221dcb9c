/**
 * The two engines of the store, for tests that must hold on both: each entry opens a Store on a
 * fresh place of its own (SQLite: a new DATA_DIR; PostgreSQL: a new database of the run's server,
 * plus a DATA_DIR, which PostgreSQL does not use for its data). Every store opened here and every
 * folder made here is closed and removed by `cleanupStores()` (call it in afterEach).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createLogger } from "../../src/log.ts";
import type { Connection } from "../../src/store/connection.ts";
import { openConnection, openStore, type Store, type StoreEngine } from "../../src/store/index.ts";
import { freshDatabase } from "./postgres.ts";

export const silent = createLogger("silent");
/** DISCORD's signature window, as the bot uses it (5 minutes). */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/** Where one installation keeps its data: open it as many times (replicas, restarts) as needed. */
export interface Place {
  engine: StoreEngine;
  dataDir: string;
  databaseUrl: string | null;
  /** A Store on this place (another replica, or the same installation after a restart). */
  open(): Promise<Store>;
  /** The bare migrated connection (what the CLIs open), closed by cleanupStores too. */
  connect(): Promise<Connection>;
}

export interface EngineCase {
  engine: StoreEngine;
  /** True only when no PostgreSQL server could be started outside CI. */
  skip: boolean;
  /** A place nobody used yet. */
  place(): Promise<Place>;
}

const dirs: string[] = [];
const open = new Set<{ close(): Promise<void> }>();

/** A new private temporary folder, removed by cleanupStores. */
export function tempDir(prefix = "store-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Makes `closable`'s close run once and be forgotten by cleanupStores. */
function track<T extends { close(): Promise<void> }>(closable: T): T {
  const close = closable.close.bind(closable);
  let closing: Promise<void> | null = null;
  open.add(closable);
  closable.close = () => {
    open.delete(closable);
    closing ??= close();
    return closing;
  };
  return closable;
}

export function placeOf(engine: StoreEngine, dataDir: string, databaseUrl: string | null): Place {
  return {
    engine,
    dataDir,
    databaseUrl,
    async open() {
      return track(
        await openStore({ dataDir, databaseUrl, logger: silent, replayWindowMs: REPLAY_WINDOW_MS }),
      );
    },
    async connect() {
      return track(await openConnection({ dataDir, databaseUrl, logger: silent }));
    },
  };
}

/** A fresh PostgreSQL database's URL on the run's server (which must be there). */
export async function freshPostgres(): Promise<string> {
  const url = inject("postgresUrl");
  if (!url) throw new Error("no PostgreSQL server in this run");
  return freshDatabase(url, "store");
}

export function sqliteCase(): EngineCase {
  return {
    engine: "sqlite",
    skip: false,
    async place() {
      return placeOf("sqlite", tempDir("store-sqlite-"), null);
    },
  };
}

export function postgresCase(): EngineCase {
  return {
    engine: "postgres",
    skip: !inject("postgresUrl"),
    async place() {
      return placeOf("postgres", tempDir("store-pg-"), await freshPostgres());
    },
  };
}

/** Both engines, for `describe.each(engines())` with `describe.skipIf(skip)` inside. */
export function engines(): EngineCase[] {
  return [sqliteCase(), postgresCase()];
}

/** Closes every store and connection opened here and still open (the folders stay). */
export async function closeStores(): Promise<void> {
  await Promise.all([...open].map((s) => s.close().catch(() => {})));
}

/** Closes every store still open and removes every folder made here. */
export async function cleanupStores(): Promise<void> {
  await closeStores();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
