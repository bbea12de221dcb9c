/**
 * The store's contract, the same tests on both engines: SQLite (a fresh DATA_DIR each test) and
 * PostgreSQL (a fresh database of the run's server each test). Ported from the tests of the old
 * synchronous SQLite store (the former test/settings/*), plus what the shared store added (replays, limits,
 * health, the migrations table).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readQuestions } from "../../src/core/questions.ts";
import { LANGS } from "../../src/core/types.ts";
import type { ShownAnswer } from "../../src/store/feedback.ts";
import { openStore } from "../../src/store/index.ts";
import { migrationsFor } from "../../src/store/migrations.ts";
import { enforceRetention, PRUNE_INTERVAL_MS } from "../../src/store/retention.ts";
import { hashUserId } from "../../src/store/salt.ts";
import { DEFAULT_SETTINGS, type Flag, MAX_QA_CHANNELS } from "../../src/store/settings.ts";
import {
  cleanupStores,
  engines,
  type Place,
  REPLAY_WINDOW_MS,
  silent,
} from "../support/store-engines.ts";

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
const FLAGS: Flag[] = ["quoting", "quoteCheck", "feedbackText"];

afterEach(async () => {
  vi.useRealTimers();
  await cleanupStores();
});

describe.each(engines())("store on $engine", (engine) => {
  describe.skipIf(engine.skip)(engine.engine, { timeout: 20_000 }, () => {
    let place: Place;
    const fresh = async () => {
      place = await engine.place();
      return place.open();
    };

    describe("settings", () => {
      it("returns the defaults for an unknown server", async () => {
        const store = await fresh();
        expect(await store.settings.get("1")).toEqual(DEFAULT_SETTINGS);
        expect(DEFAULT_SETTINGS).toEqual({
          qaChannels: [],
          quoting: true,
          quoteCheck: true,
          language: null,
          feedbackText: false,
        });
        for (const flag of FLAGS) {
          expect(await store.settings.flag("1", flag)).toBe(DEFAULT_SETTINGS[flag]);
        }
      });

      it("writes each on/off setting and reads it back, one server apart from another", async () => {
        const store = await fresh();
        for (const flag of FLAGS) {
          for (const value of [!DEFAULT_SETTINGS[flag], DEFAULT_SETTINGS[flag]]) {
            await store.settings.setFlag("1", flag, value);
            expect(await store.settings.flag("1", flag)).toBe(value);
            expect((await store.settings.get("1"))[flag]).toBe(value);
          }
          await store.settings.setFlag("1", flag, !DEFAULT_SETTINGS[flag]);
        }
        expect(await store.settings.get("1")).toEqual({
          qaChannels: [],
          quoting: false,
          quoteCheck: false,
          language: null,
          feedbackText: true,
        });
        // The other server keeps its defaults.
        expect(await store.settings.get("2")).toEqual(DEFAULT_SETTINGS);
      });

      it("writes each language and null (follow the server's locale)", async () => {
        const store = await fresh();
        for (const lang of LANGS) {
          await store.settings.setLanguage("1", lang);
          expect((await store.settings.get("1")).language).toBe(lang);
        }
        await store.settings.setLanguage("1", null);
        expect((await store.settings.get("1")).language).toBeNull();
        // Setting the language keeps the switches as they were.
        await store.settings.setFlag("1", "quoting", false);
        await store.settings.setLanguage("1", "ru");
        expect(await store.settings.get("1")).toMatchObject({ quoting: false, language: "ru" });
      });

      it("adds and removes Q&A channels", async () => {
        const store = await fresh();
        expect(await store.settings.addQaChannel("1", "10")).toBe("added");
        expect(await store.settings.addQaChannel("1", "10")).toBe("already");
        expect(await store.settings.addQaChannel("1", "11")).toBe("added");
        expect(await store.settings.addQaChannel("2", "10")).toBe("added");
        expect((await store.settings.get("1")).qaChannels).toEqual(["10", "11"]);
        expect(await store.settings.removeQaChannel("1", "10")).toBe(true);
        expect(await store.settings.removeQaChannel("1", "10")).toBe(false);
        expect(await store.settings.removeQaChannel("3", "10")).toBe(false);
        expect((await store.settings.get("1")).qaChannels).toEqual(["11"]);
        expect((await store.settings.get("2")).qaChannels).toEqual(["10"]);
      });

      // Channels added back to back (well within a millisecond) keep the order they were added in.
      it("lists Q&A channels in the order they were added", async () => {
        const store = await fresh();
        // Ids out of order, added back to back.
        const ids = ["90", "70", "80", "60", "50"];
        for (const id of ids) await store.settings.addQaChannel("1", id);
        expect((await store.settings.get("1")).qaChannels).toEqual(ids);
      });

      it(`holds at most MAX_QA_CHANNELS (${MAX_QA_CHANNELS}) Q&A channels: then "full"`, async () => {
        const store = await fresh();
        const ids = Array.from({ length: MAX_QA_CHANNELS }, (_, i) => String(100 + i));
        for (const id of ids) expect(await store.settings.addQaChannel("1", id)).toBe("added");
        expect(await store.settings.addQaChannel("1", "999")).toBe("full");
        // A channel already there is "already", full or not.
        expect(await store.settings.addQaChannel("1", "100")).toBe("already");
        expect((await store.settings.get("1")).qaChannels).toHaveLength(MAX_QA_CHANNELS);
        // The limit is per server.
        expect(await store.settings.addQaChannel("2", "999")).toBe("added");
        // Removing one makes room again.
        expect(await store.settings.removeQaChannel("1", "100")).toBe(true);
        expect(await store.settings.addQaChannel("1", "999")).toBe("added");
        expect(await store.settings.addQaChannel("1", "998")).toBe("full");
      });

      // Under READ COMMITTED alone, each of two concurrent adds counts 24 (neither sees the other's
      // uncommitted row), their keys differ, and both commit: 26 channels. The server's adds are
      // serialized (an advisory lock in the transaction), so exactly one of the six gets in.
      // PostgreSQL replicas only: two SQLite stores in one thread cannot overlap their write
      // transactions at all (the second waits synchronously for the first, which cannot go on);
      // SQLite's shard processes take the file's write lock one at a time.
      it.skipIf(engine.engine === "sqlite")(
        "adds at once on two replicas cannot pass the limit together",
        async () => {
          const store = await fresh();
          const other = await place.open();
          // Several servers one channel short of the limit (written directly, to be quick), each
          // then sent six adds at once, alternately through either replica.
          const guilds = ["1", "2", "3", "4"];
          const raw = await place.connect();
          await raw.db
            .insertInto("qa_channels")
            .values(
              guilds.flatMap((guild) =>
                Array.from({ length: MAX_QA_CHANNELS - 1 }, (_, i) => ({
                  guild_id: guild,
                  channel_id: String(100 + i),
                  position: i + 1,
                })),
              ),
            )
            .execute();
          const results = await Promise.all(
            guilds.map((guild) =>
              Promise.all(
                Array.from({ length: 6 }, (_, i) =>
                  (i % 2 ? other : store).settings.addQaChannel(guild, String(500 + i)),
                ),
              ),
            ),
          );
          for (const [i, guild] of guilds.entries()) {
            expect(results[i]?.filter((r) => r === "added")).toHaveLength(1);
            expect((await store.settings.get(guild)).qaChannels).toHaveLength(MAX_QA_CHANNELS);
          }
        },
      );

      it("keeps every setting across a reopen (a restart)", async () => {
        const first = await fresh();
        await first.settings.addQaChannel("1", "10");
        await first.settings.addQaChannel("1", "11");
        await first.settings.setFlag("1", "quoting", false);
        await first.settings.setFlag("1", "feedbackText", true);
        await first.settings.setLanguage("1", "ru");
        await first.settings.setLanguage("2", "en");
        await first.close();

        const second = await place.open();
        expect(await second.settings.get("1")).toEqual({
          qaChannels: ["10", "11"],
          quoting: false,
          quoteCheck: true,
          language: "ru",
          feedbackText: true,
        });
        expect(await second.settings.get("2")).toEqual({ ...DEFAULT_SETTINGS, language: "en" });
        expect(await second.settings.removeQaChannel("1", "10")).toBe(true);
        await second.settings.setLanguage("1", null);
        await second.close();

        const third = await place.open();
        expect(await third.settings.get("1")).toEqual({
          qaChannels: ["11"],
          quoting: false,
          quoteCheck: true,
          language: null,
          feedbackText: true,
        });
      });
    });

    describe("feedback", () => {
      it("keeps one vote per user per answer; a second click changes it", async () => {
        const { feedback } = await fresh();
        expect(await feedback.vote(M4, alice, "up")).toBeNull();
        expect(await feedback.vote(M4, alice, "up")).toBe("up");
        expect(await feedback.vote(M4, alice, "down")).toBe("up");
        expect(await feedback.vote(M4, alice, "down")).toBe("down");
        expect(await feedback.vote(M4, bob, "up")).toBeNull();
        const report = await feedback.report();
        expect(report.votes).toEqual({ up: 1, down: 1 });
        expect(report.perClause).toEqual([{ clause: "M4", up: 1, down: 1 }]);
      });

      it("a correction is a 👎 with the passage chosen; a 👍 afterwards takes it back", async () => {
        const { feedback } = await fresh();
        await feedback.vote(M4, alice, "down");
        await feedback.correct(M4, alice, "M5");
        await feedback.correct(P4, bob, "none");
        expect((await feedback.report()).corrections).toEqual([
          { answered: "M4", expected: "M5", count: 1 },
          { answered: "P4", expected: "none", count: 1 },
        ]);
        // A correction counts as a 👎 vote.
        expect((await feedback.report()).votes).toEqual({ up: 0, down: 2 });
        // A second 👎 keeps the correction; a 👍 withdraws it.
        expect(await feedback.vote(M4, alice, "down")).toBe("down");
        expect((await feedback.report()).corrections).toHaveLength(2);
        expect(await feedback.vote(M4, alice, "up")).toBe("down");
        expect((await feedback.report()).corrections).toEqual([
          { answered: "P4", expected: "none", count: 1 },
        ]);
        // A new correction replaces the old one.
        await feedback.correct(P4, bob, "P3");
        expect((await feedback.report()).corrections).toEqual([
          { answered: "P4", expected: "P3", count: 1 },
        ]);
      });

      it("sorts per-clause votes in reading order and corrections by count", async () => {
        const { feedback } = await fresh();
        const M1: ShownAnswer = { ...M4, id: "12", clauseId: "M1" };
        await feedback.vote(M4, alice, "up");
        await feedback.vote(M1, alice, "down");
        await feedback.correct(P4, alice, "M5");
        await feedback.correct(M1, bob, "M2");
        await feedback.correct(P4, bob, "M5");
        const report = await feedback.report();
        expect(report.perClause.map((c) => c.clause)).toEqual(["P4", "M1", "M4"]);
        expect(report.corrections).toEqual([
          { answered: "P4", expected: "M5", count: 2 },
          { answered: "M1", expected: "M2", count: 1 },
        ]);
      });

      it("stores users only as a salted hash, the same across reopens", async () => {
        const first = await fresh();
        await first.feedback.vote(M4, alice, "up");
        await first.close();

        const conn = await place.connect();
        const rows = await conn.db.selectFrom("feedback_votes").selectAll().execute();
        await conn.close();
        expect(rows).toHaveLength(1);
        expect(JSON.stringify(rows)).not.toContain(alice.userId);
        const hash = rows[0]?.user_hash;
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        // Another installation (another salt) hashes the same user differently.
        expect(hashUserId("0".repeat(64), alice.userId)).not.toBe(hash);

        // The same salt after the restart: alice's vote is still hers.
        const second = await place.open();
        expect(await second.feedback.vote(M4, alice, "down")).toBe("up");
        expect(await second.feedback.forget(alice.userId)).toEqual({ votes: 1, questions: 0 });
        expect(await second.feedback.forget(alice.userId)).toEqual({ votes: 0, questions: 0 });
      });

      it("names a user in logs by the start of their stored hash, the same after a reopen", async () => {
        const first = await fresh();
        await first.feedback.vote(M4, alice, "up");
        const key = first.userKey(alice.userId);
        expect(key).toMatch(/^[0-9a-f]{16}$/);
        expect(first.userKey(bob.userId)).not.toBe(key);
        await first.close();
        const conn = await place.connect();
        const row = await conn.db
          .selectFrom("feedback_votes")
          .select("user_hash")
          .executeTakeFirstOrThrow();
        await conn.close();
        expect(row.user_hash.startsWith(key)).toBe(true);
        expect((await place.open()).userKey(alice.userId)).toBe(key);
      });

      it("forgets every vote of one user and nobody else's", async () => {
        const { feedback } = await fresh();
        await feedback.vote(M4, alice, "up");
        await feedback.correct(P4, alice, "M5");
        await feedback.vote(M4, bob, "down");
        expect(await feedback.forget(alice.userId)).toEqual({ votes: 2, questions: 0 });
        const report = await feedback.report();
        expect(report.votes).toEqual({ up: 0, down: 1 });
        expect(report.corrections).toEqual([]);
        expect(await feedback.forget(bob.userId)).toEqual({ votes: 1, questions: 0 });
      });

      it("forgets the question texts one user asked, with their votes, and nobody else's", async () => {
        const store = await fresh();
        const note = {
          guildId: "1",
          kind: "none",
          confidence: "none" as const,
          clauseId: null,
          score: null,
          lang: "en" as const,
        };
        const noted = (answerId: string, askerId: string, question: string | null) =>
          store.feedback.noteAnswer({ ...note, answerId, askerId, question });
        await noted("1", alice.userId, "alice's first?");
        await noted("2", alice.userId, "alice's second?");
        await noted("3", alice.userId, null);
        await noted("4", bob.userId, "bob's?");
        await store.feedback.vote(M4, alice, "up");
        // The asker is kept only beside a kept text: a note without one names nobody.
        const conn = await place.connect();
        const askers = await conn.db
          .selectFrom("feedback_answers")
          .select(["answer_id", "asker_hash"])
          .orderBy("answer_id")
          .execute();
        const vote = await conn.db
          .selectFrom("feedback_votes")
          .select("user_hash")
          .executeTakeFirstOrThrow();
        await conn.close();
        expect(askers.map((r) => r.asker_hash === null)).toEqual([false, false, true, false]);
        // Hashed as her votes are, never raw.
        expect(askers[0]?.asker_hash).toBe(vote.user_hash);
        expect(JSON.stringify(askers)).not.toContain(alice.userId);

        expect(await store.feedback.forget(alice.userId)).toEqual({ votes: 1, questions: 2 });
        const report = await store.feedback.report();
        expect(report.questions.unanswered).toEqual([{ question: "bob's?", count: 1 }]);
        // The rows stay, as counts: only the text and who asked go.
        expect(report.unanswered).toBe(4);
        expect(await store.feedback.forget(alice.userId)).toEqual({ votes: 0, questions: 0 });
        expect(await store.feedback.forget(bob.userId)).toEqual({ votes: 0, questions: 1 });
        expect((await store.feedback.report()).questions.unanswered).toEqual([]);
      });

      it("keeps question text only as given, cut to 500 characters; a note counts once", async () => {
        const { feedback } = await fresh();
        const note = {
          guildId: "1",
          kind: "none",
          confidence: "none" as const,
          clauseId: null,
          score: null,
          lang: "fr" as const,
          askerId: alice.userId,
        };
        await feedback.noteAnswer({ ...note, answerId: "1", question: null });
        await feedback.noteAnswer({ ...note, answerId: "2", question: "x".repeat(2000) });
        // The same answer noted twice (a retried interaction) counts once.
        await feedback.noteAnswer({ ...note, answerId: "2", question: "x" });
        await feedback.noteAnswer({
          ...note,
          answerId: "3",
          confidence: "closest",
          question: null,
        });
        const report = await feedback.report();
        expect(report.unanswered).toBe(2);
        expect(report.closest).toBe(1);
        expect(report.questions.unanswered).toEqual([{ question: "x".repeat(500), count: 1 }]);
      });

      it("counts unanswered and closest answers per UTC day", async () => {
        const { feedback } = await fresh();
        const note = {
          guildId: "1",
          kind: "none",
          confidence: "none" as const,
          clauseId: null,
          score: null,
          lang: "en" as const,
          question: null,
          askerId: alice.userId,
        };
        const late = Date.parse("2026-03-01T23:59:59.500Z");
        await feedback.noteAnswer({ ...note, answerId: "1" }, late);
        await feedback.noteAnswer({ ...note, answerId: "2", confidence: "closest" }, late);
        await feedback.noteAnswer({ ...note, answerId: "3" }, late + 1000);
        await feedback.noteAnswer({ ...note, answerId: "4", confidence: "answer" }, late + 1000);
        expect((await feedback.report()).perDay).toEqual([
          { day: "2026-03-01", unanswered: 1, closest: 1 },
          { day: "2026-03-02", unanswered: 1, closest: 0 },
        ]);
      });

      it("turns feedback text off and deletes the server's kept texts in one step", async () => {
        const store = await fresh();
        const note = {
          kind: "none",
          confidence: "none" as const,
          clauseId: null,
          score: null,
          lang: "en" as const,
          askerId: alice.userId,
        };
        await store.settings.setFlag("1", "feedbackText", true);
        await store.feedback.noteAnswer({ ...note, answerId: "1", guildId: "1", question: "one?" });
        await store.feedback.noteAnswer({ ...note, answerId: "2", guildId: "2", question: "two?" });
        expect(await store.settings.stopKeepingText("1")).toBe(1);
        expect((await store.settings.get("1")).feedbackText).toBe(false);
        expect((await store.feedback.report()).questions.unanswered).toEqual([
          { question: "two?", count: 1 },
        ]);
        // A server that never turned it on: off already, nothing to delete.
        expect(await store.settings.stopKeepingText("3")).toBe(0);
        expect((await store.settings.get("3")).feedbackText).toBe(false);
      });

      it("prunes rows older than the retention period", async () => {
        const { feedback } = await fresh();
        const now = Date.now();
        const note = {
          guildId: "1",
          kind: "none",
          confidence: "none" as const,
          clauseId: null,
          score: null,
          lang: "fr" as const,
          question: null,
          askerId: alice.userId,
        };
        await feedback.noteAnswer({ ...note, answerId: "1" }, now - 91 * DAY);
        await feedback.noteAnswer({ ...note, answerId: "2" }, now - 89 * DAY);
        await feedback.vote(M4, alice, "up", now - 91 * DAY);
        await feedback.vote(M4, bob, "up", now - 1000);
        expect(await feedback.prune(90, now)).toEqual({ answers: 1, votes: 1 });
        expect(await feedback.prune(90, now)).toEqual({ answers: 0, votes: 0 });
        expect((await feedback.report()).unanswered).toBe(1);
        expect((await feedback.report()).votes).toEqual({ up: 1, down: 0 });
      });

      it("a changed vote is kept from the time it changed", async () => {
        const { feedback } = await fresh();
        const now = Date.now();
        await feedback.vote(M4, alice, "up", now - 91 * DAY);
        await feedback.vote(M4, alice, "down", now - 1000);
        expect(await feedback.prune(90, now)).toEqual({ answers: 0, votes: 0 });
        expect((await feedback.report()).votes).toEqual({ up: 0, down: 1 });
      });

      it("prunes at start and then daily, on a timer that keeps no process alive", async () => {
        const { feedback } = await fresh();
        // Only the interval is faked: the database drivers keep their real timers.
        vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
        const prune = vi.spyOn(feedback, "prune");
        const stop = enforceRetention(feedback, 90, silent);
        expect(prune).toHaveBeenCalledTimes(1);
        vi.advanceTimersByTime(PRUNE_INTERVAL_MS);
        expect(prune).toHaveBeenCalledTimes(2);
        expect(prune).toHaveBeenLastCalledWith(90);
        stop();
        vi.advanceTimersByTime(PRUNE_INTERVAL_MS);
        expect(prune).toHaveBeenCalledTimes(2);
        await Promise.all(prune.mock.results.map((r) => r.value));
      });
    });

    describe("kept questions (review --export)", () => {
      it("take `expect` from corrections, 👍 and unanswered notes, in the question-set format", async () => {
        const { feedback } = await fresh();
        const base = { guildId: "1", lang: "en" as const, askerId: alice.userId };
        let at = Date.now() - 60_000;
        const later = () => {
          at += 1000;
          return at;
        };
        const clause = (id: string, shown: ShownAnswer, question: string | null) =>
          feedback.noteAnswer(
            {
              ...base,
              answerId: id,
              kind: "clause/search",
              confidence: shown.confidence,
              clauseId: shown.clauseId,
              score: shown.score,
              question,
            },
            later(),
          );
        const none = (id: string, question: string | null) =>
          feedback.noteAnswer(
            {
              ...base,
              answerId: id,
              kind: "none",
              confidence: "none",
              clauseId: null,
              score: null,
              question,
            },
            later(),
          );

        await clause("10", M4, "who observes the exercises?");
        await feedback.vote(M4, alice, "down");
        await feedback.correct(M4, alice, "M5");
        await feedback.correct(M4, bob, "M5");
        await clause("11", P4, "is the OSCE mentioned?");
        await feedback.correct(P4, alice, "none");
        const M1: ShownAnswer = { ...M4, id: "12", clauseId: "M1" };
        await clause("12", M1, "secretaries general");
        await feedback.vote(M1, alice, "up");
        await none("13", "what time is it?");
        await none("14", "What time is it? ");
        await none("15", null);
        // A closest passage nobody voted on says nothing certain.
        await clause("16", { ...P4, id: "16" }, "anything on zyxwvut?");
        // A 👍 and a 👎 on the same answer: uncertain, left out.
        const M2: ShownAnswer = { ...M4, id: "17", clauseId: "M2" };
        await clause("17", M2, "disputed one");
        await feedback.vote(M2, alice, "up");
        await feedback.vote(M2, bob, "down");

        const questions = await feedback.keptQuestions();
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
          {
            id: "fb-004",
            lang: "en",
            q: "what time is it?",
            expect: [],
            kind: "feedback-unanswered",
          },
        ]);
        const file = path.join(place.dataDir, "fb.json");
        writeFileSync(file, JSON.stringify(questions));
        expect(readQuestions(file)).toEqual(questions);
        // The corrected question is in the report too.
        expect((await feedback.report()).questions.corrected).toEqual([
          {
            question: "who observes the exercises?",
            answered: "M4",
            expected: "M5",
            count: 2,
          },
          { question: "is the OSCE mentioned?", answered: "P4", expected: "none", count: 1 },
        ]);
      });
    });

    describe("replays", () => {
      it("an interaction id is accepted once", async () => {
        const { replays } = await fresh();
        const now = Date.now();
        expect(await replays.firstTime("900", now, now)).toBe(true);
        expect(await replays.firstTime("900", now, now + 1000)).toBe(false);
        expect(await replays.firstTime("901", now, now + 1000)).toBe(true);
      });

      it("remembers an id until max(signed time, arrival) + the window", async () => {
        const { replays } = await fresh();
        const now = Date.now();
        // Signed 200 s ahead of this replica's clock: its signature holds until now + 500 s.
        const signedAt = now + 200_000;
        expect(await replays.firstTime("902", signedAt, now)).toBe(true);
        expect(await replays.firstTime("902", signedAt, now + 400_000)).toBe(false);
        expect(await replays.firstTime("902", signedAt, now + 200_000 + REPLAY_WINDOW_MS - 1)).toBe(
          false,
        );
      });
    });

    describe("limits", () => {
      it("allows `limit` events per key and window, then refuses with the time to wait", async () => {
        const store = await fresh();
        const limiter = store.limiter({ name: "cmd", limit: 5, windowMs: 10_000 });
        for (let i = 0; i < 5; i++)
          expect(await limiter.take("412345678901234567")).toEqual({ allowed: true });
        const refused = await limiter.take("412345678901234567");
        expect(refused.allowed).toBe(false);
        if (!refused.allowed) {
          expect(refused.retryAfterMs).toBeGreaterThan(0);
          expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
        }
        // Another user, and another limit, count apart.
        expect(await limiter.take("412345678901234568")).toEqual({ allowed: true });
        const other = store.limiter({ name: "vote", limit: 5, windowMs: 10_000 });
        expect(await other.take("412345678901234567")).toEqual({ allowed: true });
      });

      it("a limit of 0 allows everything", async () => {
        const store = await fresh();
        const limiter = store.limiter({ name: "off", limit: 0, windowMs: 10_000 });
        for (let i = 0; i < 20; i++) expect((await limiter.take("1")).allowed).toBe(true);
      });
    });

    describe("opening", () => {
      it("says which engine and where, and that the database answers", async () => {
        const store = await fresh();
        expect(store.engine).toBe(engine.engine);
        expect(await store.health()).toEqual({ engine: engine.engine, ok: true });
        if (engine.engine === "sqlite") {
          expect(store.location).toBe(path.join(place.dataDir, "settings.db"));
        } else {
          const url = new URL(place.databaseUrl as string);
          expect(store.location).toBe(`${url.hostname}:${url.port}${url.pathname}`);
        }
      });

      it("migrates once: reopening applies nothing twice and keeps the rows", async () => {
        const first = await fresh();
        await first.settings.setLanguage("1", "en");
        await first.feedback.vote(M4, alice, "up");
        await first.close();
        for (let i = 0; i < 2; i++) await (await place.open()).close();
        const conn = await place.connect();
        const { rows } = await sql<{
          name: string;
        }>`SELECT name FROM kysely_migration ORDER BY name`.execute(conn.db);
        expect(rows.map((r) => r.name)).toEqual(Object.keys(migrationsFor(engine.engine)).sort());
        await conn.close();
        const again = await place.open();
        expect((await again.settings.get("1")).language).toBe("en");
        expect((await again.feedback.report()).votes).toEqual({ up: 1, down: 0 });
      });

      it("closes idempotently", async () => {
        place = await engine.place();
        // openStore itself, not the test helper's once-only wrapper.
        const store = await openStore({
          dataDir: place.dataDir,
          databaseUrl: place.databaseUrl,
          logger: silent,
          replayWindowMs: REPLAY_WINDOW_MS,
        });
        await store.close();
        await expect(store.close()).resolves.toBeUndefined();
      });
    });
  });
});
