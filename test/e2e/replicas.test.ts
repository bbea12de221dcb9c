/**
 * Several hosts, one truth: two HTTP-only replicas (DISCORD_GATEWAY=off, each its own port and
 * DATA_DIR) behind a "load balancer" (the loopback Discord posting to one or the other), sharing
 * one PostgreSQL that this test starts itself. Every promise of the shared store, across the two:
 * a setting changed through one is used by the other within a second; the per-user command limit
 * and the vote limit are counted once; a request answered by one and replayed to the other is
 * refused; one vote per user per answer; /privacy forget reaches what either stored; `npm run
 * review` reads PostgreSQL. Then PostgreSQL stops in the middle of a burst and comes back: every
 * interaction is answered, nothing crashes, and no write acknowledged to a user is lost.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main as review } from "../../src/cli/review.ts";
import type { FeedbackReport } from "../../src/store/feedback-report.ts";
import type {
  FakeDiscord,
  HttpDelivery,
  InteractionSpec,
  Json,
} from "../../tools/fake-discord/index.ts";
import { startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { runInProcess } from "../cli/run.ts";
import { voteIds } from "../support/bot-harness.ts";
import { type ChildBot, spawnBot } from "../support/child-bot.ts";
import { freshDatabase, type PostgresServer, startPostgres } from "../support/postgres.ts";
import { ERROR_LEVEL, user } from "../support/reliability.ts";

const MANAGER = { memberPermissions: "32" };
const QUOTING_ON = /"Citation des clauses mentionnées","value":"activée/;
const QUOTING_OFF = /"Citation des clauses mentionnées","value":"désactivée"/;

/** The servers of the burst, one settings write each: which ones were saved is checked after. */
const BURST_GUILDS = Array.from({ length: 40 }, (_, i) =>
  String(900_000_000_000_000_000n + BigInt(i)),
);

let server: PostgresServer;
let databaseUrl: string;
let fake: FakeDiscord;
const replicas: { bot: ChildBot; url: string }[] = [];

beforeAll(async () => {
  server = await startPostgres();
  databaseUrl = await freshDatabase(server.url, "replicas");
  fake = await startFakeDiscord({
    guilds: [{ id: "111111111111111111" }, ...BURST_GUILDS.map((id) => ({ id }))],
  });
  for (let n = 0; n < 2; n++) {
    const bot = spawnBot(fake, {
      DISCORD_GATEWAY: "off",
      DISCORD_PUBLIC_KEY: fake.publicKey,
      INTERACTIONS_PORT: "0",
      DATABASE_URL: databaseUrl,
    });
    const listening = await bot.waitForLog((l) => l.msg === "interactions endpoint listening");
    replicas.push({ bot, url: `http://127.0.0.1:${listening.port}/interactions` });
  }
}, 60_000);

afterAll(async () => {
  for (const { bot } of replicas) await bot.close();
  await fake?.close();
  await server?.destroy();
});

/** What the user saw: the HTTP answer, or the edit of @original after a deferral. */
async function answerOf(spec: InteractionSpec, delivery: HttpDelivery): Promise<Json> {
  expect(delivery.status).toBe(200);
  const body = JSON.parse(delivery.raw.toString("utf8")) as Json;
  if (body.type !== 5) return (body.data ?? {}) as Json;
  const edit = await fake.waitForRequest(
    (r) => r.method === "PATCH" && r.path.includes(`/${spec.token}/messages/@original`),
  );
  return edit.body as Json;
}

/** Sends `spec` to replica `n` (0 or 1) and returns what the user saw. */
async function on(n: number, spec: InteractionSpec): Promise<Json> {
  const replica = replicas[n];
  if (!replica) throw new Error(`no replica ${n}`);
  return answerOf(spec, await fake.postInteraction(spec, {}, replica.url));
}

const text = (data: Json) => JSON.stringify(data);
const sub = (name: string, options: Json[] = []): Json => ({ name, type: 1, options });
const enabled = (value: boolean): Json => ({ name: "enabled", type: 5, value });
const settings = (options: Json[], n = 0) =>
  fake.chatInput("settings", options, { ...MANAGER, user: user(100 + n) });

async function reviewJson(): Promise<FeedbackReport> {
  const r = await runInProcess((a) => review(a, { DATABASE_URL: databaseUrl }), ["--json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as FeedbackReport;
}

describe("two replicas, one PostgreSQL", () => {
  it("use a setting changed through the other within a second", async () => {
    // Replica 1 reads (and caches) the server's settings first.
    expect(text(await on(1, settings([sub("show")], 1)))).toMatch(QUOTING_ON);
    await on(0, settings([sub("quoting", [enabled(false)])]));
    const started = Date.now();
    await vi.waitFor(
      async () => {
        const shown = text(await on(1, settings([sub("show")], 2)));
        expect(shown).toMatch(QUOTING_OFF);
      },
      { timeout: 1000, interval: 50 },
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("count the per-user command limit once for the whole bot", async () => {
    const someone = user(200);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const data = await on(i % 2, fake.chatInput("measure", { number: 3 }, { user: someone }));
      seen.push(text(data));
    }
    expect(seen.slice(0, 5).every((t) => t.includes("Mesure 3"))).toBe(true);
    expect(seen[5]).toMatch(/Doucement/);
    // Somebody else is not held back.
    expect(
      text(await on(0, fake.chatInput("measure", { number: 3 }, { user: user(201) }))),
    ).toContain("Mesure 3");
  });

  it("refuse an interaction answered by one and replayed to the other", async () => {
    const spec = fake.chatInput("measure", { number: 2 }, { user: user(300) });
    expect((await fake.postInteraction(spec, {}, replicas[0]?.url)).status).toBe(200);
    const replayed = await fake.postInteraction(spec, {}, replicas[1]?.url);
    expect(replayed.status).toBe(401);
    expect(JSON.parse(replayed.raw.toString("utf8"))).toEqual({ error: "replayed" });
    // The same request again at the first one: refused there too.
    expect((await fake.postInteraction(spec, {}, replicas[0]?.url)).status).toBe(401);
  });

  it("keep one vote per user per answer, and count the vote limit once", async () => {
    const asked = await on(
      0,
      fake.chatInput(
        "ask",
        { question: "que disent-ils du trafic de drogue ?" },
        { user: user(400) },
      ),
    );
    const { up, down } = voteIds(asked);
    const voter = user(401);
    const first = await on(0, fake.button(up, { user: voter }));
    expect(String(first.content)).toMatch(/^Merci/);
    const changed = await on(1, fake.button(down, { user: voter }));
    // The second replica knows the first vote: it is a change, not a second vote.
    expect(String(changed.content)).toMatch(/^Vote changé/);
    const report = await reviewJson();
    expect(report.votes).toEqual({ up: 0, down: 1 });
    // Five clicks per ten seconds, whichever replica: the sixth is refused.
    const clicks: string[] = [];
    for (let i = 0; i < 4; i++)
      clicks.push(String((await on(i % 2, fake.button(up, { user: voter }))).content));
    expect(clicks.slice(0, 3).every((c) => c.includes("Merci"))).toBe(true);
    expect(clicks[3]).toMatch(/^Doucement/);
  });

  it("forget, through either, what was stored through the other", async () => {
    const asked = await on(
      1,
      fake.chatInput("ask", { question: "qui a signé la déclaration ?" }, { user: user(500) }),
    );
    const voter = user(501);
    await on(1, fake.button(voteIds(asked).up, { user: voter }));
    const before = (await reviewJson()).votes;
    const forgotten = await on(0, fake.chatInput("privacy", [sub("forget")], { user: voter }));
    expect(String(forgotten.content)).toMatch(/votre vote est effacé/);
    const after = (await reviewJson()).votes;
    expect(after.up + after.down).toBe(before.up + before.down - 1);
  });

  it("log no error", () => {
    for (const { bot } of replicas) {
      expect(bot.logs().filter((l) => Number(l.level) >= ERROR_LEVEL)).toEqual([]);
    }
  });
});

describe("PostgreSQL stopped in the middle of a burst, then back", () => {
  it("answers every interaction, crashes nothing, and loses no acknowledged write", async () => {
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const answered: number[] = [];
    const send = async (i: number) => {
      const guildId = BURST_GUILDS[i % BURST_GUILDS.length] as string;
      const write = i % 4 < 2;
      const spec = write
        ? fake.chatInput("settings", [sub("quote-check", [enabled(false)])], {
            ...MANAGER,
            guildId,
            user: user(1000 + i),
          })
        : fake.chatInput("ask", { question: "mesure 4" }, { guildId, user: user(1000 + i) });
      const data = await on(i % 2, spec);
      answered.push(i);
      if (!write) return;
      if (/ne peux rien enregistrer/.test(text(data))) refused.push(guildId);
      else acknowledged.push(guildId);
    };
    // Two users' worth of traffic, one request after another on each replica…
    const lanes = [0, 1].map(async (lane) => {
      for (let i = lane; i < 20; i += 2) await send(i);
    });
    // …until some writes are saved; then the database stops under them, and twenty more arrive.
    await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThanOrEqual(3), {
      timeout: 10_000,
      interval: 5,
    });
    await server.stop();
    await Promise.all([...lanes, ...Array.from({ length: 20 }, (_, k) => send(20 + k))]);
    // Meanwhile each replica answers with the server's settings as it last read them, not the
    // defaults: quoting stays off where the server turned it off.
    for (const n of [0, 1]) {
      expect(text(await on(n, settings([sub("show")], 20 + n)))).toMatch(QUOTING_OFF);
    }
    await server.start();
    // Back without a restart: writes are saved again.
    await vi.waitFor(
      async () => {
        const data = await on(0, settings([sub("quoting", [enabled(true)])]));
        expect(text(data)).not.toMatch(/ne peux rien enregistrer/);
      },
      { timeout: 15_000, interval: 250 },
    );
    expect(answered).toHaveLength(40);
    expect(refused.length).toBeGreaterThan(0);
    // Every write a user was told was saved is in the database.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ guild_id: string }>(
        "SELECT guild_id FROM guild_settings WHERE quote_check = 0",
      );
      const saved = new Set(rows.map((r) => r.guild_id));
      for (const guildId of acknowledged) expect(saved.has(guildId)).toBe(true);
    } finally {
      await client.end();
    }
    for (const { bot } of replicas) {
      expect(bot.child.exitCode).toBeNull();
      expect(bot.logs().filter((l) => Number(l.level) >= ERROR_LEVEL)).toEqual([]);
    }
  }, 60_000);
});
