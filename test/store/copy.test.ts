/**
 * `npm run migrate`'s copy (src/store/copy.ts): an SQLite store, filled through the Store API,
 * copied into a fresh PostgreSQL database. The copy is complete, idempotent, leaves the SQLite
 * file as it was, writes nothing in a dry run, and carries the salt, so that a Store opened on
 * PostgreSQL afterwards answers exactly as the SQLite one did, users' votes still theirs.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { copySqliteInto } from "../../src/store/copy.ts";
import { StoreUnavailable } from "../../src/store/errors.ts";
import type { ShownAnswer } from "../../src/store/feedback.ts";
import type { Store } from "../../src/store/index.ts";
import { hashUserId, SALT_FILE } from "../../src/store/salt.ts";
import { SETTINGS_FILE } from "../../src/store/sqlite.ts";
import {
  cleanupStores,
  closeStores,
  type Place,
  placeOf,
  postgresCase,
  tempDir,
} from "../support/store-engines.ts";

afterEach(cleanupStores);

const postgres = postgresCase();
const alice = { guildId: "1", userId: "412345678901234567" };
const bob = { guildId: "1", userId: "412345678901234568" };
const shown = (id: string, clauseId: ShownAnswer["clauseId"], confidence: "answer" | "closest") =>
  ({ id, clauseId, via: "search", confidence, score: 0.5 }) as ShownAnswer;

const DAY = 24 * 60 * 60 * 1000;
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Settings, channels, kept questions, votes and corrections, through the Store API. */
async function fill(store: Store): Promise<void> {
  await store.settings.setFlag("1", "quoting", false);
  await store.settings.setFlag("1", "feedbackText", true);
  await store.settings.setLanguage("1", "ru");
  for (const channel of ["30", "10", "20"]) await store.settings.addQaChannel("1", channel);
  await store.settings.setFlag("2", "quoteCheck", false);
  await store.settings.setLanguage("2", "en");
  await store.settings.addQaChannel("2", "40");

  let at = Date.parse("2026-03-01T10:00:00Z");
  const later = () => {
    at += DAY / 2;
    return at;
  };
  const note = (id: string, confidence: "answer" | "closest" | "none", question: string | null) =>
    store.feedback.noteAnswer(
      {
        answerId: id,
        guildId: "1",
        kind: confidence === "none" ? "none" : "clause/search",
        confidence,
        clauseId: confidence === "none" ? null : "M4",
        score: confidence === "none" ? null : 0.5,
        lang: "en",
        question,
        askerId: alice.userId,
      },
      later(),
    );
  await note("10", "answer", "who observes the exercises?");
  await store.feedback.correct(shown("10", "M4", "answer"), alice, "M5");
  await store.feedback.correct(shown("10", "M4", "answer"), bob, "M5");
  await note("11", "answer", "secretaries general");
  await store.feedback.vote(shown("11", "M4", "answer"), alice, "up");
  await note("12", "none", "what time is it?");
  await note("13", "closest", null);
  await store.feedback.vote(shown("13", "M4", "closest"), bob, "down");
  await note("14", "none", null);
}

/** What a Store says about everything fill() stored. */
async function observe(store: Store) {
  return {
    settings: [await store.settings.get("1"), await store.settings.get("2")],
    report: await store.feedback.report(),
    kept: await store.feedback.keptQuestions(),
  };
}

async function counts(place: Place): Promise<Record<string, number>> {
  const conn = await place.connect();
  const out: Record<string, number> = {};
  for (const table of [
    "guild_settings",
    "qa_channels",
    "feedback_answers",
    "feedback_votes",
    "installation",
  ] as const) {
    const row = await conn.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  await conn.close();
  return out;
}

describe.skipIf(postgres.skip)(
  "copying an SQLite store into PostgreSQL (npm run migrate)",
  { timeout: 20_000 },
  () => {
    it("copies every row and the salt once, leaves the file as it was; a dry run writes nothing", async () => {
      const source = placeOf("sqlite", tempDir("store-copy-"), null);
      const sqliteStore = await source.open();
      await fill(sqliteStore);
      await sqliteStore.close();
      const file = path.join(source.dataDir, SETTINGS_FILE);
      const before = sha256(file);
      const target = await postgres.place();
      const conn = await target.connect();

      const expected = [
        { table: "guild_settings", source: 2, copied: 2 },
        { table: "qa_channels", source: 4, copied: 4 },
        { table: "feedback_answers", source: 5, copied: 5 },
        { table: "feedback_votes", source: 4, copied: 4 },
      ];
      const dry = await copySqliteInto(file, source.dataDir, conn, { dryRun: true });
      expect(dry).toEqual({ tables: expected, salt: "copied" });
      expect(await counts(target)).toEqual({
        guild_settings: 0,
        qa_channels: 0,
        feedback_answers: 0,
        feedback_votes: 0,
        installation: 0,
      });

      const first = await copySqliteInto(file, source.dataDir, conn, { dryRun: false });
      expect(first).toEqual({ tables: expected, salt: "copied" });
      expect(await counts(target)).toEqual({
        guild_settings: 2,
        qa_channels: 4,
        feedback_answers: 5,
        feedback_votes: 4,
        installation: 1,
      });

      const second = await copySqliteInto(file, source.dataDir, conn, { dryRun: false });
      expect(second).toEqual({
        tables: expected.map((t) => ({ ...t, copied: 0 })),
        salt: "same",
      });
      expect(await counts(target)).toMatchObject({ feedback_votes: 4, installation: 1 });
      expect(sha256(file)).toBe(before);
    });

    it("a Store on the copy answers as the SQLite one did, and users' votes are still theirs", async () => {
      const source = placeOf("sqlite", tempDir("store-copy-"), null);
      await fill(await source.open());
      const sqliteView = await observe(await source.open());
      await closeStores();
      const target = await postgres.place();
      const conn = await target.connect();
      await copySqliteInto(path.join(source.dataDir, SETTINGS_FILE), source.dataDir, conn, {
        dryRun: false,
      });
      await conn.close();

      const copy = await target.open();
      const view = await observe(copy);
      expect(view).toEqual(sqliteView);
      // The sanity of the comparison: fill() did store something.
      expect([...(view.settings[0]?.qaChannels ?? [])].sort()).toEqual(["10", "20", "30"]);
      expect(view.report.votes).toEqual({ up: 1, down: 3 });
      expect(view.kept.length).toBeGreaterThan(0);
      // Same salt: alice changes and forgets her votes and questions on the copy (she asked all
      // three kept ones); bob's previous vote is his.
      expect(await copy.feedback.vote(shown("11", "M4", "answer"), alice, "down")).toBe("up");
      expect(await copy.feedback.vote(shown("13", "M4", "closest"), bob, "up")).toBe("down");
      expect(await copy.feedback.forget(alice.userId)).toEqual({ votes: 2, questions: 3 });
      expect(await copy.feedback.keptQuestions()).toEqual([]);
    });

    it("refuses to mix with another installation's salt already in PostgreSQL", async () => {
      const source = placeOf("sqlite", tempDir("store-copy-"), null);
      await fill(await source.open());
      await closeStores();
      const target = await postgres.place();
      // A bot already ran on this database: it made its own salt.
      await (await target.open()).close();
      const conn = await target.connect();
      await expect(
        copySqliteInto(path.join(source.dataDir, SETTINGS_FILE), source.dataDir, conn, {
          dryRun: false,
        }),
      ).rejects.toBeInstanceOf(StoreUnavailable);
      expect(await counts(target)).toMatchObject({ feedback_votes: 0, guild_settings: 0 });
    });

    it("copies a database the old store made, never opened by this one", async () => {
      const dataDir = tempDir("store-copy-legacy-");
      const salt = "cd".repeat(32);
      writeFileSync(path.join(dataDir, SALT_FILE), `${salt}\n`, { mode: 0o600 });
      const old = new Database(path.join(dataDir, SETTINGS_FILE));
      old.exec(`
      CREATE TABLE guild_settings (guild_id TEXT PRIMARY KEY, language TEXT,
        quoting INTEGER NOT NULL DEFAULT 1, quote_check INTEGER NOT NULL DEFAULT 1,
        feedback_text INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE qa_channels (guild_id TEXT NOT NULL, channel_id TEXT NOT NULL,
        PRIMARY KEY (guild_id, channel_id));
      CREATE TABLE feedback_answers (answer_id TEXT PRIMARY KEY, guild_id TEXT, kind TEXT NOT NULL,
        confidence TEXT NOT NULL, clause TEXT, score REAL, lang TEXT NOT NULL, question TEXT,
        created_at INTEGER NOT NULL);
      CREATE TABLE feedback_votes (answer_id TEXT NOT NULL, user_hash TEXT NOT NULL, guild_id TEXT,
        kind TEXT NOT NULL, confidence TEXT NOT NULL, clause TEXT NOT NULL, score REAL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')), chosen TEXT, created_at INTEGER NOT NULL,
        PRIMARY KEY (answer_id, user_hash));
      INSERT INTO guild_settings VALUES ('1', 'ru', 0, 1, 0);
      INSERT INTO qa_channels VALUES ('1', '30'), ('1', '10'), ('1', '20');
      INSERT INTO feedback_votes VALUES ('10', '${hashUserId(salt, alice.userId)}', '1',
        'clause/search', 'answer', 'M4', 0.5, 'up', NULL, ${Date.now()});`);
      old.close();
      const target = await postgres.place();
      const conn = await target.connect();
      const result = await copySqliteInto(path.join(dataDir, SETTINGS_FILE), dataDir, conn, {
        dryRun: false,
      });
      expect(result.salt).toBe("copied");
      expect(result.tables.map((t) => t.copied)).toEqual([1, 3, 0, 1]);
      const copy = await target.open();
      expect(await copy.settings.get("1")).toMatchObject({
        qaChannels: ["30", "10", "20"],
        quoting: false,
        language: "ru",
      });
      expect(await copy.feedback.vote(shown("10", "M4", "answer"), alice, "down")).toBe("up");
    });
  },
);
