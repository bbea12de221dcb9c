/**
 * `GET /metrics` around the real bot against the loopback Discord, wired as `npm start` wires it
 * (the health server reporting the bot's health and store): answers, a closest passage, nothing
 * found, a command and a vote refused by the per-user limits, votes up and down and a chat answer
 * are counted and timed by command and outcome, the shard and store gauges describe the bot, and
 * nothing anyone typed and no user, server, channel or message id appears anywhere in the scrape.
 *
 * The same on PostgreSQL, briefly: the store is named and the shared limits count.
 *
 * The registry is the process's, shared with other test files in this worker: counts are read as
 * differences from a scrape taken before the test's own traffic.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { COMMANDS } from "../../src/discord/commands/index.ts";
import { createLogger } from "../../src/log.ts";
import { OUTCOMES } from "../../src/metrics.ts";
import { checkStore, type HealthServer, startHealthServer } from "../../src/runtime/health.ts";
import type { Json, UserSpec } from "../../tools/fake-discord/index.ts";
import {
  callbackOf,
  type Harness,
  replyTo,
  responseData,
  startHarness,
  voteIds,
} from "../support/bot-harness.ts";
import { waitFor } from "../support/main-process.ts";
import { type Sample, scrape, seriesValue } from "../support/metrics.ts";
import { freshDatabase } from "../support/postgres.ts";

const GUILD = "111111111111111111";
const ANSWERED = "que propose la déclaration contre la drogue ?";
const CLOSEST = "anything on cooperation with zyxwvut?";
const NOTHING = "quelle heure est-il ?";
const CHAT = "mesure 2";

const alice: UserSpec = { id: "400000000000000011", username: "alice" };
const bob: UserSpec = { id: "400000000000000012", username: "bob" };
const carol: UserSpec = { id: "400000000000000013", username: "carol" };

let h: Harness;
let health: HealthServer;

beforeAll(async () => {
  h = await startHarness({ guilds: [{ id: GUILD, preferredLocale: "fr" }] }, (config) => ({
    ...config,
    // Even where the operator lets questions into the logs, they stay out of the metrics.
    logQuestions: true,
    limits: { chatCooldownSeconds: 0, commandRateLimit: 3, commandRateWindowSeconds: 60 },
  }));
  await h.bot.commandsSynced;
  health = await startHealthServer({
    host: "127.0.0.1",
    port: 0,
    logger: createLogger("silent"),
    report: () => h.bot.health(),
    store: () => checkStore(h.bot.store),
  });
});

afterAll(async () => {
  await health?.close();
  await h?.close();
});

async function ask(question: string, user: UserSpec) {
  const { id } = await h.fake.sendInteraction(
    h.fake.chatInput("ask", { question }, { user, guildId: GUILD, locale: "fr" }),
  );
  const data = await responseData(h.fake, id);
  return { id, data, messageId: String(h.fake.interaction(id)?.originalId) };
}

async function click(customId: string, messageId: string, user: UserSpec) {
  const { id } = await h.fake.sendInteraction(
    h.fake.button(customId, { messageId, user, guildId: GUILD, locale: "fr" }),
  );
  return { id, data: (await callbackOf(h.fake, id)).data as Json };
}

/** The series the test looks at, by a short name. */
function counts(samples: readonly Sample[]): Record<string, number> {
  const n = (name: string, labels: Record<string, string>) =>
    seriesValue(samples, `declaration_bot_${name}`, labels);
  const asked = (outcome: string) => n("interactions_total", { command: "/ask", outcome });
  return {
    answer: asked("answer"),
    closest: asked("closest"),
    none: asked("none"),
    limited: asked("limited"),
    askTimed: n("answer_duration_seconds_count", { command: "/ask" }),
    votesCounted: n("interactions_total", { command: "component:vote", outcome: "feedback" }),
    voteLimited: n("interactions_total", { command: "component:vote", outcome: "limited" }),
    up: n("votes_total", { direction: "up" }),
    down: n("votes_total", { direction: "down" }),
    commandRefusals: n("limit_refusals_total", { limit: "command" }),
    feedbackRefusals: n("limit_refusals_total", { limit: "feedback" }),
    chat: n("interactions_total", { command: "chat", outcome: "answer" }),
  };
}

it("counts and times answers, limits and votes, without any id or user text", async () => {
  const before = counts((await scrape(health.port)).samples);
  const asked: string[] = [];
  const track = <T extends { id: string }>(sent: T): T => {
    asked.push(sent.id);
    return sent;
  };

  // Alice's three commands, then a fourth over the limit of 3 a minute.
  const answered = track(await ask(ANSWERED, alice));
  const closest = track(await ask(CLOSEST, alice));
  track(await ask(NOTHING, alice));
  const refused = track(await ask(ANSWERED, alice));
  expect(String(refused.data.content)).toMatch(/^Doucement/);
  expect(closest.data.content).toBeTruthy();

  // Votes: bob up, then down (a changed vote counts again), then the same again (no change);
  // carol up three times (one vote: the repeats change nothing), then refused by the limit.
  const { up, down } = voteIds(answered.data);
  track(await click(up, answered.messageId, bob));
  track(await click(down, answered.messageId, bob));
  track(await click(down, answered.messageId, bob));
  for (let i = 0; i < 3; i++) track(await click(up, answered.messageId, carol));
  const tooMany = track(await click(up, answered.messageId, carol));
  expect(String(tooMany.data.content)).toMatch(/^Doucement/);

  // A chat mention, answered in the channel.
  const botId = h.fake.botUserId;
  const chat = h.fake.sendMessage({ content: `<@${botId}> ${CHAT}`, mentions: [botId] });
  await replyTo(h.fake, chat.id);

  const expected = {
    answer: 1,
    closest: 1,
    none: 1,
    limited: 1,
    askTimed: 4,
    votesCounted: 6,
    voteLimited: 1,
    up: 2,
    down: 1,
    commandRefusals: 1,
    feedbackRefusals: 1,
    chat: 1,
  };
  const delta = (samples: readonly Sample[]) => {
    const now = counts(samples);
    return Object.fromEntries(
      Object.entries(now).map(([key, value]) => [key, value - (before[key] ?? 0)]),
    );
  };
  // Each handler counts just after its reply reached the loopback Discord.
  const scraped = await waitFor(async () => {
    const s = await scrape(health.port);
    const d = delta(s.samples);
    return Object.entries(expected).every(([key, value]) => (d[key] ?? 0) >= value) ? s : undefined;
  }, "every request counted").catch(async (error: unknown) => {
    throw new Error(
      `${String(error)}: ${JSON.stringify(delta((await scrape(health.port)).samples))}`,
    );
  });
  expect(delta(scraped.samples)).toEqual(expected);

  const { samples, text } = scraped;
  // The histogram: every bucket is cumulative and +Inf holds them all.
  const buckets = samples.filter(
    (s) =>
      s.name === "declaration_bot_answer_duration_seconds_bucket" && s.labels.command === "/ask",
  );
  expect(buckets.length).toBeGreaterThan(5);
  const values = buckets.map((s) => s.value);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(buckets.at(-1)?.labels.le).toBe("+Inf");
  expect(buckets.at(-1)?.value).toBe(
    seriesValue(samples, "declaration_bot_answer_duration_seconds_count", { command: "/ask" }),
  );

  // The gateway and the store, as /health reports them.
  expect(seriesValue(samples, "declaration_bot_gateway_shard_ready", { shard: "0" })).toBe(1);
  expect(
    seriesValue(samples, "declaration_bot_gateway_shard_status", { shard: "0", status: "ready" }),
  ).toBe(1);
  expect(seriesValue(samples, "declaration_bot_gateway_guilds", { shard: "0" })).toBe(1);
  expect(seriesValue(samples, "declaration_bot_store_up", { engine: "sqlite" })).toBe(1);

  // Labels only from closed sets.
  const commandNames = new Set([
    ...COMMANDS.map((c) => (c.kind === "chat" ? `/${c.definition.name}` : c.definition.name)),
    "chat",
    "unknown",
  ]);
  for (const s of samples.filter((x) => x.name === "declaration_bot_interactions_total")) {
    expect(OUTCOMES).toContain(s.labels.outcome);
    if (!s.labels.command?.startsWith("component:"))
      expect(commandNames).toContain(s.labels.command);
  }

  // Nothing anyone typed, and no id of a user, server, channel, message or interaction.
  const ids = [
    GUILD,
    alice.id,
    bob.id,
    carol.id,
    h.fake.applicationId,
    chat.id,
    ...asked,
    answered.messageId,
    ...h.fake.channelMessages().map((m) => String(m.path.split("/")[2])),
  ];
  for (const secret of [
    ...ids,
    ANSWERED,
    CLOSEST,
    NOTHING,
    CHAT,
    "drogue",
    "zyxwvut",
    h.fake.token,
  ]) {
    expect(text, secret).not.toContain(secret);
  }
});

it("names the store in the health report", async () => {
  const response = await fetch(`http://127.0.0.1:${health.port}/health`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ store: { engine: "sqlite", ok: true } });
});

const serverUrl = inject("postgresUrl");

describe.skipIf(!serverUrl)("on PostgreSQL", () => {
  let pg: Harness;
  let pgHealth: HealthServer;

  beforeAll(async () => {
    const url = await freshDatabase(serverUrl ?? "", "metrics");
    pg = await startHarness({ guilds: [{ id: GUILD, preferredLocale: "fr" }] }, (config) => ({
      ...config,
      database: { url },
      limits: { chatCooldownSeconds: 0, commandRateLimit: 1, commandRateWindowSeconds: 60 },
    }));
    pgHealth = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      logger: createLogger("silent"),
      report: () => pg.bot.health(),
      store: () => checkStore(pg.bot.store),
    });
  });

  afterAll(async () => {
    await pgHealth?.close();
    await pg?.close();
  });

  it("names the store, and counts through its shared limits, without the database's address", async () => {
    const before = (await scrape(pgHealth.port)).samples;
    const refusals = (samples: readonly Sample[]) =>
      seriesValue(samples, "declaration_bot_limit_refusals_total", { limit: "command" });
    const user = { id: "400000000000000021", username: "dora" };
    for (let i = 0; i < 2; i++) {
      const { id } = await pg.fake.sendInteraction(
        pg.fake.chatInput("ask", { question: ANSWERED }, { user, guildId: GUILD, locale: "fr" }),
      );
      await responseData(pg.fake, id);
    }
    const { samples, text } = await waitFor(async () => {
      const s = await scrape(pgHealth.port);
      return refusals(s.samples) > refusals(before) ? s : undefined;
    }, "the second /ask refused by the shared limit");
    expect(refusals(samples) - refusals(before)).toBe(1);
    expect(seriesValue(samples, "declaration_bot_store_up", { engine: "postgres" })).toBe(1);
    // The pool that served those queries: at least one connection, nobody waiting for one.
    const pool = (state: string) =>
      seriesValue(samples, "declaration_bot_store_pool_connections", { engine: "postgres", state });
    expect(pool("total")).toBeGreaterThanOrEqual(1);
    expect(pool("idle")).toBeLessThanOrEqual(pool("total"));
    expect(seriesValue(samples, "declaration_bot_store_pool_waiting", { engine: "postgres" })).toBe(
      0,
    );
    const url = new URL(serverUrl ?? "");
    expect(text).not.toContain(`${url.hostname}:${url.port}`);

    const response = await fetch(`http://127.0.0.1:${pgHealth.port}/health`);
    expect(await response.json()).toMatchObject({ store: { engine: "postgres", ok: true } });
  });
});
