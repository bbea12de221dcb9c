/**
 * Memory, end to end: the client keeps only what the bot reads (src/discord/gateway/client.ts). After chat
 * traffic in several servers every channel is still cached, but no message is, and members, users
 * and roles are down to the bot's own; the bot still answers in every server, in each server's
 * language. A return to discord.js's default caches fails here.
 */
import type { Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeGuildSpec, Json, MessageSpec } from "../../tools/fake-discord/index.ts";
import { embedsOf, type Harness, replyTo, startHarness } from "../support/bot-harness.ts";

const GUILDS = 4;
const CHANNELS = 5;
const ROLES = 20;
const CHATTER = 100;
const REGULARS = 10;

const guildId = (g: number) => `7000000000000${g}0000`;
const channelId = (g: number, c: number) => `7100000000000${g}000${c}`;
const userId = (g: number, u: number) => `720000000000${g}0000${u}`;

const guilds: FakeGuildSpec[] = Array.from({ length: GUILDS }, (_, g) => ({
  id: guildId(g),
  channels: Array.from({ length: CHANNELS }, (_, c) => channelId(g, c)),
  roles: ROLES,
  // The last server is English-speaking: chat answers read the locale from the cached guild.
  preferredLocale: g === GUILDS - 1 ? "en-US" : "fr",
}));

let h: Harness;
let client: Client<true>;
/** One chat answer per server, sent after the chatter (so all of it has been read by then). */
const answers: Json[] = [];

beforeAll(async () => {
  h = await startHarness({ guilds });
  client = h.bot.client;
  const sent: string[] = [];
  for (let n = 0; n < CHATTER; n++) {
    const g = n % GUILDS;
    const u = n % REGULARS;
    const spec: MessageSpec = {
      channelId: channelId(g, n % CHANNELS),
      author: { id: userId(g, u), username: `regular-${g}-${u}` },
      content: n % 2 === 0 ? "anyone up for lunch?" : "on se retrouve au café ?",
    };
    // Some replies to earlier chatter and mentions of other people: nothing for the bot to answer.
    const previous = sent[n - GUILDS];
    if (n % 10 === 9 && previous) spec.referencedMessageId = previous;
    if (n % 10 === 5) {
      const other = userId(g, (u + 1) % REGULARS);
      spec.mentions = [other];
      spec.content = `<@${other}> ${spec.content}`;
    }
    sent.push(h.fake.sendMessage(spec).id);
  }
  // Events are handled in order: once these are answered, every message above has been read.
  for (let g = 0; g < GUILDS; g++) {
    const { id } = h.fake.sendMessage({
      channelId: channelId(g, CHANNELS - 1),
      author: { id: userId(g, REGULARS), username: `asker-${g}` },
      content: "comme le dit la mesure 4, il faut des briefings",
    });
    answers.push((await replyTo(h.fake, id)).body as Json);
  }
}, 30_000);

afterAll(async () => {
  await h?.close();
});

describe("with the bot's cache limits, after chat in several servers", () => {
  it("still answers in every server, in each server's language", () => {
    expect(answers).toHaveLength(GUILDS);
    for (const [g, body] of answers.entries()) {
      const [embed] = embedsOf(body);
      const english = g === GUILDS - 1;
      expect(embed?.title).toMatch(english ? /^Measure 4/ : /^Mesure 4/);
      expect(embed?.fields?.some((f) => /Unofficial/.test(f.name)) ?? false).toBe(english);
    }
  });

  it("keeps every server and channel: messages arrive through cached channels", () => {
    expect(client.guilds.cache.size).toBe(GUILDS);
    expect(client.channels.cache.size).toBe(GUILDS * CHANNELS);
    for (const g of guilds)
      expect(client.guilds.cache.get(g.id)?.channels.cache.size).toBe(CHANNELS);
  });

  it("keeps no message at all", () => {
    for (const channel of client.channels.cache.values()) {
      if (channel.isTextBased()) expect(channel.messages.cache.size).toBe(0);
    }
  });

  it("keeps only the bot's own member and user, whoever spoke", () => {
    for (const guild of client.guilds.cache.values()) {
      expect([...guild.members.cache.keys()]).toEqual([client.user.id]);
      expect(guild.members.me?.id).toBe(client.user.id);
    }
    expect([...client.users.cache.keys()]).toEqual([client.user.id]);
  });

  it("keeps @everyone but not the other roles", () => {
    for (const guild of client.guilds.cache.values()) {
      expect([...guild.roles.cache.keys()]).toEqual([guild.id]);
      expect(guild.roles.everyone.id).toBe(guild.id);
    }
  });

  it("shares one always-empty collection among the caches it turns off", () => {
    const [first, second] = [...client.channels.cache.values()];
    if (!first?.isTextBased() || !second?.isTextBased()) throw new Error("expected text channels");
    expect(first.messages.cache).toBe(second.messages.cache);
    const guild = client.guilds.cache.first();
    expect(guild?.emojis.cache.size).toBe(0);
    expect(guild?.voiceStates.cache.size).toBe(0);
  });
});
