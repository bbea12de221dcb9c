/**
 * Several processes on one store, as shard processes share DATA_DIR's file and replicas share one
 * PostgreSQL database: real child processes (test/support/store-voter.ts), each ready before
 * all are told to go at once, so that their work overlaps on a slow machine too.
 */
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrationsFor } from "../../src/store/migrations.ts";
import { runTogether } from "../support/store-children.ts";
import { cleanupStores, engines } from "../support/store-engines.ts";

afterEach(cleanupStores);

/** How long each process votes. */
const VOTING_MS = 2000;

describe.each(engines())("processes on $engine", (engine) => {
  describe.skipIf(engine.skip)(engine.engine, () => {
    // Concurrency. The old store recorded a vote as a read of the previous vote
    // and then an upsert, in a deferred SQLite transaction: when another process committed in
    // between, the upgrade from reader to writer failed at once with SQLITE_BUSY (busy_timeout does
    // not apply to it), so a click landing while another shard wrote was lost with an error. Now
    // a vote is one upsert statement that returns the previous vote: it waits for the lock instead.
    it("two processes voting at once: every vote acknowledged is stored, none fails", async () => {
      const place = await engine.place();
      // Created and migrated first, so that the processes only vote.
      await (await place.open()).close();
      const results = await runTogether(
        ["p1", "p2"].map((prefix) => ({
          dataDir: place.dataDir,
          databaseUrl: place.databaseUrl,
          mode: "vote" as const,
          prefix,
          durationMs: VOTING_MS,
        })),
      );
      for (const result of results) {
        expect(result).toMatchObject({ failed: 0, errors: [] });
        expect(result.acknowledged).toBeGreaterThan(0);
      }
      const acknowledged = results.reduce((sum, r) => sum + Number(r.acknowledged), 0);
      const conn = await place.connect();
      const stored = await conn.db
        .selectFrom("feedback_votes")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(acknowledged);
      // Each process's votes are all there, under its own user.
      const store = await place.open();
      expect((await store.feedback.report()).votes).toEqual({ up: acknowledged, down: 0 });
    }, 30_000);

    it("two processes opening one fresh store at once both start; each migration runs once", async () => {
      const place = await engine.place();
      const results = await runTogether(
        ["s1", "s2"].map((prefix) => ({
          dataDir: place.dataDir,
          databaseUrl: place.databaseUrl,
          mode: "open" as const,
          prefix,
        })),
      );
      for (const result of results) expect(result).toMatchObject({ opened: true });
      // Both hashed the same user alike (one salt): one saw no previous vote, the other a 👍.
      expect(results.map((r) => r.previous).sort()).toEqual([null, "up"].sort());
      const conn = await place.connect();
      const { rows } = await sql<{ name: string }>`
          SELECT name FROM kysely_migration ORDER BY name`.execute(conn.db);
      expect(rows.map((r) => r.name)).toEqual(Object.keys(migrationsFor(engine.engine)).sort());
      const votes = await conn.db.selectFrom("feedback_votes").select("answer_id").execute();
      expect(votes).toEqual([{ answer_id: "probe" }]);
    }, 30_000);
  });
});

const postgres = engines().find((e) => e.engine === "postgres");

describe.skipIf(postgres?.skip ?? true)(
  "PostgreSQL replicas opening at once, in one process",
  () => {
    it("both succeed and each migration is listed once", async () => {
      const place = await postgres?.place();
      if (!place) throw new Error("unreachable");
      const [a, b] = await Promise.all([place.open(), place.open()]);
      const conn = await place.connect();
      const { rows } = await sql<{ name: string }>`
      SELECT name FROM kysely_migration ORDER BY name`.execute(conn.db);
      expect(rows.map((r) => r.name)).toEqual(Object.keys(migrationsFor("postgres")).sort());
      // One salt for both: the same user is the same row.
      const answer = {
        id: "10",
        clauseId: "M4",
        via: "search",
        confidence: "answer",
        score: 1,
      } as const;
      const user = { guildId: "1", userId: "412345678901234567" };
      expect(await a.feedback.vote(answer, user, "up")).toBeNull();
      expect(await b.feedback.vote(answer, user, "down")).toBe("up");
    });
  },
);
