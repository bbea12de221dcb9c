/**
 * Several Store objects on one database agree: PostgreSQL replicas (each its own pool and
 * listener) and SQLite shard processes (each its own connection to DATA_DIR's file). A replica
 * caches settings; a change made through another one must reach it within a second, by
 * NOTIFY (PostgreSQL) or data_version (SQLite). Limits and replay memory are shared on PostgreSQL.
 */
import { sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Store } from "../../src/store/index.ts";
import { DEFAULT_SETTINGS } from "../../src/store/settings.ts";
import {
  cleanupStores,
  engines,
  type Place,
  postgresCase,
  REPLAY_WINDOW_MS,
} from "../support/store-engines.ts";

/** A change must reach the other replica within this long. */
const PROPAGATION_MS = 1000;
const within = { timeout: PROPAGATION_MS, interval: 10 };

afterEach(cleanupStores);

async function replicas(place: Place): Promise<[Store, Store]> {
  return [await place.open(), await place.open()];
}

describe.each(engines())("replicas on $engine", (engine) => {
  describe.skipIf(engine.skip)(engine.engine, { timeout: 20_000 }, () => {
    it("a setting changed through one replica reaches the other, which had it cached", async () => {
      const place = await engine.place();
      const [a, b] = await replicas(place);
      // b reads first: whatever it caches now is the defaults.
      expect(await b.settings.get("1")).toEqual(DEFAULT_SETTINGS);
      expect(await b.settings.flag("1", "quoting")).toBe(true);

      await a.settings.setFlag("1", "quoting", false);
      await vi.waitFor(
        async () => expect(await b.settings.flag("1", "quoting")).toBe(false),
        within,
      );
      await a.settings.setLanguage("1", "en");
      await a.settings.addQaChannel("1", "10");
      await vi.waitFor(
        async () =>
          expect(await b.settings.get("1")).toEqual({
            ...DEFAULT_SETTINGS,
            quoting: false,
            language: "en",
            qaChannels: ["10"],
          }),
        within,
      );

      // And back the other way, a having read (cached) the current settings.
      expect((await a.settings.get("1")).qaChannels).toEqual(["10"]);
      expect(await b.settings.removeQaChannel("1", "10")).toBe(true);
      await b.settings.setFlag("1", "quoting", true);
      await vi.waitFor(
        async () =>
          expect(await a.settings.get("1")).toEqual({ ...DEFAULT_SETTINGS, language: "en" }),
        within,
      );
    });

    it("both replicas hash a user alike: a vote through one is changed through the other", async () => {
      const [a, b] = await replicas(await engine.place());
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
      expect(await a.feedback.forget(user.userId)).toEqual({ votes: 1, questions: 0 });
      expect((await b.feedback.report()).votes).toEqual({ up: 0, down: 0 });
    });
  });
});

const postgres = postgresCase();

describe.skipIf(postgres.skip)("PostgreSQL replicas", { timeout: 20_000 }, () => {
  it("a replica serves settings from its cache until another replica announces a change", async () => {
    const place = await postgres.place();
    const [a, b] = await replicas(place);
    expect(await b.settings.flag("1", "quoteCheck")).toBe(true);
    // A write that bypasses the store announces nothing: b keeps what it cached.
    const raw = await place.connect();
    await raw.db.insertInto("guild_settings").values({ guild_id: "1", quote_check: 0 }).execute();
    expect(await b.settings.flag("1", "quoteCheck")).toBe(true);
    // A write through a replica announces itself: b forgets its cache and reads both changes.
    await a.settings.setLanguage("1", "ru");
    await vi.waitFor(
      async () =>
        expect(await b.settings.get("1")).toMatchObject({ quoteCheck: false, language: "ru" }),
      within,
    );
  });

  it("a replica that lost its listener does not keep serving what it cached", async () => {
    const place = await postgres.place();
    const [a, b] = await replicas(place);
    expect(await b.settings.flag("1", "quoting")).toBe(true);
    const raw = await place.connect();
    const listeners = async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%'`.execute(raw.db);
      return rows[0]?.n;
    };
    // a's, b's and raw's own (a bare connection listens too).
    expect(await listeners()).toBe(3);
    // Every LISTEN connection of this database is cut, as a restarted proxy or server would.
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query LIKE 'LISTEN%'`.execute(raw.db);
    // Changed while nobody listens: no announcement will ever say so.
    await raw.db.insertInto("guild_settings").values({ guild_id: "1", quoting: 0 }).execute();
    await vi.waitFor(async () => expect(await b.settings.flag("1", "quoting")).toBe(false), {
      timeout: 3000,
      interval: 20,
    });
    // It listens again (with back-off): caches again, and hears the next announcement.
    await vi.waitFor(async () => expect(await listeners()).toBe(3), {
      timeout: 8000,
      interval: 50,
    });
    expect(await b.settings.flag("1", "quoting")).toBe(false);
    // pg_stat_activity shows a LISTEN while it runs, a moment before b counts itself listening:
    // wait for what matters, a change made behind its back (no announcement) no longer seen.
    await vi.waitFor(
      async () => {
        await raw.db.updateTable("guild_settings").set({ quote_check: 1 }).execute();
        expect(await b.settings.flag("1", "quoteCheck")).toBe(true);
        await raw.db.updateTable("guild_settings").set({ quote_check: 0 }).execute();
        expect(await b.settings.flag("1", "quoteCheck")).toBe(true);
      },
      { timeout: 8000, interval: 50 },
    );
    await a.settings.setFlag("1", "quoting", true);
    await vi.waitFor(
      async () =>
        expect(await b.settings.get("1")).toMatchObject({ quoting: true, quoteCheck: false }),
      within,
    );
  }, 20_000);

  it("a limit is counted for all replicas together", async () => {
    const [a, b] = await replicas(await postgres.place());
    const spec = { name: "cmd", limit: 5, windowMs: 10_000 };
    const limiters = [a.limiter(spec), b.limiter(spec)];
    const user = "412345678901234567";
    for (let i = 0; i < 5; i++) {
      expect(await limiters[i % 2]?.take(user)).toEqual({ allowed: true });
    }
    for (const limiter of limiters) {
      const verdict = await limiter.take(user);
      expect(verdict.allowed).toBe(false);
      if (!verdict.allowed) {
        expect(verdict.retryAfterMs).toBeGreaterThan(0);
        expect(verdict.retryAfterMs).toBeLessThanOrEqual(spec.windowMs);
      }
    }
    // Another user still has the whole allowance.
    expect(await limiters[1]?.take("412345678901234568")).toEqual({ allowed: true });
  });

  it("the limiter's table holds hashes, not user ids", async () => {
    const place = await postgres.place();
    const store = await place.open();
    await store.limiter({ name: "cmd", limit: 5, windowMs: 10_000 }).take("412345678901234567");
    const raw = await place.connect();
    const { rows } = await sql<{ key: string }>`SELECT key FROM rate_limits`.execute(raw.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).not.toContain("412345678901234567");
  });

  it("an interaction answered by one replica is refused by the other", async () => {
    const [a, b] = await replicas(await postgres.place());
    const now = Date.now();
    expect(await a.replays.firstTime("900", now, now)).toBe(true);
    expect(await b.replays.firstTime("900", now, now + 1000)).toBe(false);
    expect(await a.replays.firstTime("900", now, now + 2000)).toBe(false);
    expect(await b.replays.firstTime("901", now, now + 2000)).toBe(true);
  });

  it("a replayed id is remembered until max(signed time, arrival) + the window, on every replica", async () => {
    const place = await postgres.place();
    const [a, b] = await replicas(place);
    const now = Date.now();
    // Signed 200 s ahead of a's clock: the signature holds until now + 500 s.
    const signedAt = now + 200_000;
    expect(await a.replays.firstTime("902", signedAt, now)).toBe(true);
    expect(await b.replays.firstTime("902", signedAt, now + 400_000)).toBe(false);
    expect(await a.replays.firstTime("902", signedAt, now + 400_000)).toBe(false);
    // The shared row says so itself.
    const raw = await place.connect();
    const row = await raw.db
      .selectFrom("seen_interactions")
      .select("expires_at")
      .where("interaction_id", "=", "902")
      .executeTakeFirstOrThrow();
    expect(row.expires_at).toBe(signedAt + REPLAY_WINDOW_MS);
    // A replica restarted (nothing in its memory) refuses it too.
    const c = await place.open();
    expect(await c.replays.firstTime("902", signedAt, now + 400_000)).toBe(false);
  });
});
