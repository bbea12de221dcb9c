/**
 * Abuse, end to end ("Abuse"): the per-user chat cooldown, the per-user command limit
 * with its private "slow down", both with the defaults `loadConfig` gives, and both switched off
 * with 0.
 */
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, type Json } from "../../tools/fake-discord/index.ts";
import { EPHEMERAL, repliesTo, replyTo } from "../support/bot-harness.ts";
import { callbacks, dataOf, type Rig, startRig, user } from "../support/reliability.ts";

const OTHER_CHANNEL = "555555555555555555";
const GUILDS = [{ id: DEFAULT_GUILD_ID, channels: [DEFAULT_CHANNEL_ID, OTHER_CHANNEL] }];

/** The defaults, as `npm start` would read them from an environment that sets none. */
const DEFAULTS = loadConfig({});

let rig: Rig;
let botId: string;
beforeAll(async () => {
  rig = await startRig({ fake: { guilds: GUILDS }, config: { limits: DEFAULTS.limits } });
  botId = rig.fake.botUserId;
});
afterAll(async () => {
  await rig?.close();
});

function ask(author: ReturnType<typeof user>, text: string, channelId = DEFAULT_CHANNEL_ID) {
  return rig.fake.sendMessage({
    content: `<@${botId}> ${text}`,
    mentions: [botId],
    author,
    channelId,
  });
}

/** Waits until `sentinel` is answered: replies are sent in order, so earlier ones are recorded. */
async function settle(sentinelId: string): Promise<void> {
  await replyTo(rig.fake, sentinelId);
}

describe("chat cooldown (default: one answer per user per channel every 5 s)", () => {
  it("defaults to 5 s", () => {
    expect(DEFAULTS.limits?.chatCooldownSeconds).toBe(5);
  });

  it("twenty rapid questions from one user get a handful of replies at most", async () => {
    const flooder = user(1);
    const questions = [
      "qui a signé ce texte ?",
      "que dit la mesure 4 ?",
      "comme le dit la mesure 2",
      "et la drogue ?",
    ];
    const sent = Array.from({ length: 20 }, (_, i) => ask(flooder, questions[i % 4] ?? ""));
    // Someone else's question right after the flood is answered, and closes the window.
    await settle(ask(user(2), "qui a signé ce texte ?").id);

    const answered = sent.filter((m) => repliesTo(rig.fake, m.id).length > 0);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(answered.length).toBeLessThanOrEqual(3);
    // The first question is the one answered.
    expect(answered[0]?.id).toBe(sent[0]?.id);
  });

  it("covers quoting in ordinary discussion too", async () => {
    const quoter = user(3);
    const sent = Array.from({ length: 8 }, () =>
      rig.fake.sendMessage({ content: "comme le dit la mesure 4, bien sûr", author: quoter }),
    );
    await settle(ask(user(4), "mesure 1").id);
    const answered = sent.filter((m) => repliesTo(rig.fake, m.id).length > 0);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(answered.length).toBeLessThanOrEqual(3);
  });

  it("is per channel: the same user is answered at once in another channel", async () => {
    const busy = user(5);
    await settle(ask(busy, "mesure 2").id);
    const { id } = ask(busy, "mesure 3", OTHER_CHANNEL);
    const reply = await replyTo(rig.fake, id);
    expect(((reply.body as Json).embeds as APIEmbed[])[0]?.title).toMatch(/^Mesure 3/);
  });

  it("messages the bot would not answer anyway do not start a cooldown", async () => {
    const chatty = user(6);
    rig.fake.sendMessage({ content: "salut tout le monde", author: chatty });
    rig.fake.sendMessage({ content: "on se voit ce soir ?", author: chatty });
    const { id } = ask(chatty, "qui a signé ce texte ?");
    await settle(id);
    expect(repliesTo(rig.fake, id)).toHaveLength(1);
  });
});

describe("command limit (default: 5 commands per user every 10 s)", () => {
  async function measure(n: number, who: ReturnType<typeof user>): Promise<Json> {
    const { id } = await rig.fake.sendInteraction(
      rig.fake.chatInput("measure", { number: n }, { user: who }),
    );
    const request = await rig.fake.waitForRequest(
      (r) => r.path.startsWith(`/interactions/${id}/`) && r.status < 400,
    );
    expect(callbacks(rig.fake, id)).toHaveLength(1);
    return dataOf(request);
  }

  it("answers five commands, then privately asks an over-eager user to slow down", async () => {
    const eager = user(10);
    const answers: Json[] = [];
    for (let i = 0; i < 7; i++) answers.push(await measure((i % 6) + 1, eager));

    for (const data of answers.slice(0, 5)) {
      expect(((data.embeds ?? []) as APIEmbed[])[0]?.title).toMatch(/^Mesure \d/);
    }
    for (const data of answers.slice(5)) {
      expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
      expect(String(data.content)).toMatch(/^Doucement.*Réessayez dans \d+ s\./);
      expect(data.embeds ?? []).toEqual([]);
    }
  });

  it("holds back only that user: someone else is answered at once", async () => {
    const data = await measure(2, user(11));
    expect(((data.embeds ?? []) as APIEmbed[])[0]?.title).toMatch(/^Mesure 2/);
  });

  it("does not count autocomplete or buttons", async () => {
    const eager = user(10); // still limited from the test above
    const auto = await rig.fake.sendInteraction(
      rig.fake.chatInput("measure", { number: "" }, { user: eager, type: 4 }),
    );
    const choices = await rig.fake.waitForRequest((r) =>
      r.path.startsWith(`/interactions/${auto.id}/`),
    );
    expect((choices.body as Json).type).toBe(8);
    const button = await rig.fake.sendInteraction(rig.fake.button("next:M2", { user: eager }));
    const page = await rig.fake.waitForRequest((r) =>
      r.path.startsWith(`/interactions/${button.id}/`),
    );
    expect(((dataOf(page).embeds ?? []) as APIEmbed[])[0]?.title).toMatch(/^Mesure 2/);
  });

  it("logs the refusal without the user's text", async () => {
    const refused = rig.logs().filter((l) => l.outcome === "rate-limited");
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused[0]).toMatchObject({ kind: "command", command: "measure" });
  });
});

describe("limits set to 0 are off", () => {
  let open: Rig;
  beforeAll(async () => {
    const config = loadConfig({ CHAT_COOLDOWN_SECONDS: "0", COMMAND_RATE_LIMIT: "0" });
    open = await startRig({ config: { limits: config.limits } });
  });
  afterAll(async () => {
    await open?.close();
  });

  it("CHAT_COOLDOWN_SECONDS=0: every question of a rapid series is answered", async () => {
    const id = open.fake.botUserId;
    const sent = Array.from({ length: 6 }, () =>
      open.fake.sendMessage({ content: `<@${id}> mesure 5`, mentions: [id], author: user(20) }),
    );
    await replyTo(open.fake, sent.at(-1)?.id ?? "");
    for (const m of sent) expect(repliesTo(open.fake, m.id)).toHaveLength(1);
  });

  it("COMMAND_RATE_LIMIT=0: ten commands in a row are all answered", async () => {
    for (let i = 0; i < 10; i++) {
      const { id } = await open.fake.sendInteraction(
        open.fake.chatInput("help", undefined, { user: user(21) }),
      );
      const request = await open.fake.waitForRequest(
        (r) => r.path.startsWith(`/interactions/${id}/`) && r.status < 400,
      );
      expect(dataOf(request).embeds).toHaveLength(1);
    }
  });
});
