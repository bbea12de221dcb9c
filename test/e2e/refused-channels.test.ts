/**
 * Channels where the bot may read but not send, end to end: Discord answers its first reply there
 * with 403 50013, and from then on mentions in that channel, from however many people, cost no
 * request at all, until a permission event (a role or the channel changed) says it may work now.
 * Slash commands there are answered as ever, through their own token. Every 401/403/429 is counted,
 * and near (the process's share of) Discord's limit of invalid requests, chat answers are held
 * back everywhere while commands keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { type HealthServer, startHealthServer } from "../../src/runtime/health.ts";
import type { FakeDiscord, RecordedRequest } from "../../tools/fake-discord/index.ts";
import { embedsOf, replyTo, responseData } from "../support/bot-harness.ts";
import { type Sample, scrape, seriesValue } from "../support/metrics.ts";
import { type Rig, startRig, until, user, WARN_LEVEL } from "../support/reliability.ts";

const GUILD = "111111111111111111";
const OPEN = "222222222222222222";
const READ_ONLY = "222222222222222223";
const ALSO_READ_ONLY = "222222222222222224";

let nextUser = 700;

/** A mention of the bot in `channelId` by a user no one has seen yet. */
function mention(fake: FakeDiscord, channelId: string): { id: string } {
  return fake.sendMessage({
    content: `<@${fake.applicationId}> qui a signé ?`,
    mentions: [fake.applicationId],
    channelId,
    guildId: GUILD,
    author: user(nextUser++),
  });
}

/** Every message the bot tried to post in the channel, accepted or refused. */
function postsIn(fake: FakeDiscord, channelId: string): RecordedRequest[] {
  return fake.requests.filter(
    (r) => r.method === "POST" && r.path === `/channels/${channelId}/messages`,
  );
}

/** The health endpoint beside the bot, as `npm start` serves /metrics. */
async function metricsBeside(rig: Rig): Promise<HealthServer> {
  return startHealthServer({
    host: "127.0.0.1",
    port: 0,
    logger: createLogger("silent"),
    report: () => rig.bot.health(),
  });
}

/** The registry is the worker's: tests read differences from a scrape taken before. */
function counter(samples: readonly Sample[], name: string, labels: Record<string, string>) {
  return seriesValue(samples, `declaration_bot_${name}`, labels);
}

// Generous deadlines: each test waits on dozens of gateway events, on a busy machine too.
describe("a channel where the bot may read but not send", { timeout: 20_000 }, () => {
  let rig: Rig;
  let health: HealthServer;
  const heldLines = () => rig.logs().filter((l) => l.msg === "chat answer held back").length;

  beforeAll(async () => {
    rig = await startRig({
      fake: { guilds: [{ id: GUILD, channels: [OPEN, READ_ONLY, ALSO_READ_ONLY] }] },
    });
    health = await metricsBeside(rig);
  });
  afterAll(async () => {
    await health?.close();
    await rig?.close();
  });

  it("costs one 403, then no request however many people mention the bot there", async () => {
    const before = (await scrape(health.port)).samples;
    rig.fake.refuseSends(READ_ONLY);
    mention(rig.fake, READ_ONLY);
    const refused = await rig.fake.waitForRequest(
      (r) => r.path === `/channels/${READ_ONLY}/messages` && r.status === 403,
    );
    expect(refused.response).toMatchObject({ code: 50013 });

    const heldBefore = heldLines();
    for (let i = 0; i < 30; i++) mention(rig.fake, READ_ONLY);
    await until("30 answers held back", () => heldLines() >= heldBefore + 30);
    // The bot still answers elsewhere.
    const elsewhere = mention(rig.fake, OPEN);
    await replyTo(rig.fake, elsewhere.id);
    expect(postsIn(rig.fake, READ_ONLY)).toHaveLength(1);

    const after = (await scrape(health.port)).samples;
    const grew = (name: string, labels: Record<string, string>) =>
      counter(after, name, labels) - counter(before, name, labels);
    expect(grew("discord_invalid_requests_total", { status: "403" })).toBe(1);
    expect(grew("chat_held_total", { reason: "refused-channel" })).toBe(30);
    expect(counter(after, "refused_channels", {})).toBeGreaterThanOrEqual(1);
    expect(counter(after, "discord_backoff", {})).toBe(0);
  });

  it("costs one 403 for a burst of mentions sent before Discord's first answer", async () => {
    rig.fake.refuseSends(ALSO_READ_ONLY, 50001);
    const heldBefore = heldLines();
    for (let i = 0; i < 20; i++) mention(rig.fake, ALSO_READ_ONLY);
    // One refused by Discord, the other 19 stopped by the bot, queued or not yet.
    await until("19 answers held back", () => heldLines() >= heldBefore + 19);
    const posts = postsIn(rig.fake, ALSO_READ_ONLY);
    expect(posts.map((r) => r.status)).toEqual([403]);
    expect(posts[0]?.response).toMatchObject({ code: 50001 });
  });

  it("answers slash commands there, through their own token", async () => {
    const { id } = await rig.fake.sendInteraction(
      rig.fake.chatInput(
        "measure",
        { number: 3 },
        { channelId: READ_ONLY, user: user(nextUser++) },
      ),
    );
    const [embed] = embedsOf(await responseData(rig.fake, id));
    expect(embed?.title).toMatch(/^Mesure 3/);
    expect(postsIn(rig.fake, READ_ONLY)).toHaveLength(1);
  });

  it("tries again after a role of the server changed, and answers once allowed", async () => {
    rig.fake.allowSends(READ_ONLY);
    // Allowed now, but no event said so: the bot still holds back.
    const heldBefore = heldLines();
    mention(rig.fake, READ_ONLY);
    await until("the answer held back", () => heldLines() > heldBefore);
    expect(postsIn(rig.fake, READ_ONLY)).toHaveLength(1);

    await rig.fake.updateRole(GUILD);
    // Events reach the bot in order: the role update before this message.
    const asked = mention(rig.fake, READ_ONLY);
    const reply = await replyTo(rig.fake, asked.id);
    expect(reply.status).toBe(200);
  });

  it("tries again after the channel changed, and remembers a refusal again", async () => {
    rig.fake.refuseSends(OPEN);
    mention(rig.fake, OPEN);
    await rig.fake.waitForRequest(
      (r) => r.path === `/channels/${OPEN}/messages` && r.status === 403,
    );
    const heldBefore = heldLines();
    mention(rig.fake, OPEN);
    await until("the answer held back", () => heldLines() > heldBefore);

    rig.fake.allowSends(OPEN);
    await rig.fake.updateChannel(OPEN);
    const asked = mention(rig.fake, OPEN);
    expect((await replyTo(rig.fake, asked.id)).status).toBe(200);
    const refusals = postsIn(rig.fake, OPEN).filter((r) => r.status === 403);
    expect(refusals).toHaveLength(1);
  });
});

describe("near Discord's limit of invalid requests", { timeout: 20_000 }, () => {
  let rig: Rig;
  let health: HealthServer;
  const channels = ["222222222222222230", "222222222222222231", "222222222222222232"];
  const open = "222222222222222239";

  beforeAll(async () => {
    rig = await startRig({
      fake: { guilds: [{ id: GUILD, channels: [open, ...channels] }] },
      // Half of Discord's 10,000, shared by as many processes: a threshold of 5.
      processesOnHost: 1000,
    });
    health = await metricsBeside(rig);
  });
  afterAll(async () => {
    await health?.close();
    await rig?.close();
  });

  it("holds back chat answers everywhere, warns once, and keeps answering commands", {
    timeout: 20_000,
  }, async () => {
    const before = (await scrape(health.port)).samples;
    // Two 429s that REST waits out and retries, and three refused channels: five invalid requests.
    rig.fake.failNext({ method: "POST", path: /^\/channels\/\d+\/messages$/ }, { status: 429 }, 2);
    mention(rig.fake, open);
    await rig.fake.waitForRequest(
      (r) => r.path === `/channels/${open}/messages` && r.status === 200,
    );
    for (const channelId of channels) {
      rig.fake.refuseSends(channelId);
      mention(rig.fake, channelId);
      // Once the bot has the answer, not merely once the fake has sent it.
      await until("the refusal noted", () =>
        rig
          .logs()
          .some((l) => l.msg === "cannot answer in this channel" && l.channelId === channelId),
      );
    }

    const posted = postsIn(rig.fake, open).length;
    const asked = mention(rig.fake, open);
    await until("the answer held back", () =>
      rig.logs().some((l) => l.msg === "chat answer held back" && l.messageId === asked.id),
    );
    mention(rig.fake, open);
    const { id } = await rig.fake.sendInteraction(
      rig.fake.chatInput("measure", { number: 2 }, { channelId: open, user: user(nextUser++) }),
    );
    expect(embedsOf(await responseData(rig.fake, id))[0]?.title).toMatch(/^Mesure 2/);
    await until(
      "both answers held back",
      () => rig.logs().filter((l) => l.msg === "chat answer held back").length >= 2,
    );
    expect(postsIn(rig.fake, open)).toHaveLength(posted);

    const warnings = rig
      .logs()
      .filter((l) => l.msg?.startsWith("many requests refused by Discord"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: WARN_LEVEL, threshold: 5 });

    const after = (await scrape(health.port)).samples;
    const grew = (status: string) =>
      counter(after, "discord_invalid_requests_total", { status }) -
      counter(before, "discord_invalid_requests_total", { status });
    expect(grew("429")).toBe(2);
    expect(grew("403")).toBe(3);
    expect(counter(after, "discord_backoff", {})).toBe(1);
    expect(
      counter(after, "chat_held_total", { reason: "invalid-requests" }) -
        counter(before, "chat_held_total", { reason: "invalid-requests" }),
    ).toBe(2);
  });
});
