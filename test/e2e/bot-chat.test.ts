/**
 * Chat, end to end: answers to mentions and replies, quoting of cited clauses, what the bot ignores,
 * and that no reply can ping anyone.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAUSE_COUNTS } from "../../src/core/declaration.ts";
import { DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, type Json } from "../../tools/fake-discord/index.ts";
import {
  embedsOf,
  type Harness,
  repliesTo,
  replyTo,
  responseData,
  startHarness,
} from "../support/bot-harness.ts";

const EN_GUILD = "444444444444444444";
const EN_CHANNEL = "555555555555555555";

let h: Harness;
let botId: string;
beforeAll(async () => {
  h = await startHarness({
    guilds: [
      { id: DEFAULT_GUILD_ID, channels: [DEFAULT_CHANNEL_ID], preferredLocale: "fr" },
      { id: EN_GUILD, channels: [EN_CHANNEL], preferredLocale: "en-US" },
    ],
  });
  botId = h.fake.botUserId;
});
afterAll(async () => {
  await h?.close();
});

async function replyData(messageId: string): Promise<Json> {
  return (await replyTo(h.fake, messageId)).body as Json;
}

/**
 * Asserts that `messageId` got no reply. A sentinel message that does get a reply is sent after it:
 * events are handled in order and replies share one REST queue, so once the sentinel's reply is
 * recorded, a reply to the earlier message would have been too.
 */
async function flush(): Promise<void> {
  const sentinel = h.fake.sendMessage({ content: "comme le dit la mesure 1" });
  await replyTo(h.fake, sentinel.id);
}

async function expectNoReply(messageId: string): Promise<void> {
  await flush();
  expect(repliesTo(h.fake, messageId)).toHaveLength(0);
}

describe("questions addressed to the bot", () => {
  it("answers a mention “qui a signé ce texte ?” with the signatories, as a reply", async () => {
    const { id } = h.fake.sendMessage({
      content: `<@${botId}> qui a signé ce texte ?`,
      mentions: [botId],
    });
    const body = await replyData(id);
    const [embed] = embedsOf(body);
    expect(embed?.title).toMatch(/^Signataires/);
    expect(embed?.description).toContain("Kazakhstan");
    expect(body.message_reference).toMatchObject({ message_id: id });
    // A reply, but one that does not ping the author.
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("answers a reply to one of its messages without a mention", async () => {
    const first = h.fake.sendMessage({ content: `<@${botId}> mesure 2`, mentions: [botId] });
    const botReply = await replyTo(h.fake, first.id);
    const botMessageId = String((botReply.response as Json).id);
    const { id } = h.fake.sendMessage({
      content: "et qui a signé ce texte ?",
      referencedMessageId: botMessageId,
    });
    expect(embedsOf(await replyData(id))[0]?.title).toMatch(/^Signataires/);
  });

  it("says so, with hints, when nothing answers a question put to it", async () => {
    const { id } = h.fake.sendMessage({
      content: `<@${botId}> quelle heure est-il ?`,
      mentions: [botId],
    });
    expect(String((await replyData(id)).content)).toContain("Rien dans la déclaration");
  });

  it("hedges when only a closest passage fits a question put to it", async () => {
    const { id } = h.fake.sendMessage({
      content: `<@${botId}> et la coopération avec zyxwvut ?`,
      mentions: [botId],
    });
    const body = await replyData(id);
    expect(String(body.content)).toMatch(/ne dit pas cela en ces termes/);
    expect(embedsOf(body)[0]?.title).toMatch(/^Considérant 4/);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("invites a question when mentioned with nothing else", async () => {
    const { id } = h.fake.sendMessage({ content: `<@${botId}>`, mentions: [botId] });
    expect(String((await replyData(id)).content)).toMatch(/Posez une question/);
  });

  it("answers in the server's language: English translation in an en-US server", async () => {
    const { id } = h.fake.sendMessage({
      channelId: EN_CHANNEL,
      content: `<@${botId}> who signed the declaration?`,
      mentions: [botId],
    });
    const [embed] = embedsOf(await replyData(id));
    expect(embed?.title).toMatch(/^Signatories/);
    expect(embed?.fields?.[0]?.name).toMatch(/Unofficial/);
  });
});

describe("quoting clauses cited in discussion", () => {
  it("“Comme le dit la mesure 4, …” → measure 4", async () => {
    const { id } = h.fake.sendMessage({
      content: "Comme le dit la mesure 4, les briefings devraient être réguliers.",
    });
    const body = await replyData(id);
    expect(embedsOf(body)).toHaveLength(1);
    expect(embedsOf(body)[0]?.title).toMatch(/^Mesure 4/);
    expect(embedsOf(body)[0]?.description).toContain("Organiser régulièrement des briefings");
  });

  it("“As measure 2 says, consultations matter.” → measure 2", async () => {
    const { id } = h.fake.sendMessage({ content: "As measure 2 says, consultations matter." });
    expect(embedsOf(await replyData(id))[0]?.title).toMatch(/^Mesure 2/);
  });

  it("“cf. §3” and “пункт 5” are references too", async () => {
    const cf = h.fake.sendMessage({ content: "voir cf. §3 pour le détail" });
    expect(embedsOf(await replyData(cf.id))[0]?.title).toMatch(/^Mesure 3/);
    const ru = h.fake.sendMessage({ content: "пункт 5 важен" });
    expect(embedsOf(await replyData(ru.id))[0]?.title).toMatch(/^Mesure 5/);
  });

  it("sends one bounded reply for a message citing many clauses", async () => {
    const { id } = h.fake.sendMessage({
      content: "les mesures 1, 2, 3, 4, 5 et 6 ".repeat(20),
    });
    const body = await replyData(id);
    // The first three clauses cited, in order; the rest is left out.
    expect(embedsOf(body).map((e) => e.title?.match(/^Mesure \d/)?.[0])).toEqual([
      "Mesure 1",
      "Mesure 2",
      "Mesure 3",
    ]);
    await flush();
    expect(repliesTo(h.fake, id)).toHaveLength(1);
  });

  it("explains a citation of a measure that does not exist", async () => {
    const { id } = h.fake.sendMessage({ content: "la mesure 9 dit le contraire" });
    expect(String((await replyData(id)).content)).toContain(`${CLAUSE_COUNTS.measure} mesures`);
  });
});

describe("what the bot ignores", () => {
  it("messages from other bots, even citing a clause", async () => {
    const { id } = h.fake.sendMessage({
      content: "Comme le dit la mesure 4, tout va bien.",
      author: { id: "666666666666666666", username: "otherbot", bot: true },
    });
    await expectNoReply(id);
  });

  it("messages from webhooks", async () => {
    const { id } = h.fake.sendMessage({
      content: "Comme le dit la mesure 4, tout va bien.",
      webhookId: "777777777777777777",
      author: { id: "777777777777777777", username: "hook", bot: true },
    });
    await expectNoReply(id);
  });

  it("its own messages, even when they cite a clause", async () => {
    const { id: interactionId } = await h.fake.sendInteraction(
      h.fake.chatInput("quote", { clause: "M4" }),
    );
    await responseData(h.fake, interactionId);
    const own = h.fake.interaction(interactionId)?.originalId;
    expect(own).toBeTruthy();
    await expectNoReply(String(own));
  });

  it("ordinary chatter with neither a mention nor a reference", async () => {
    const { id } = h.fake.sendMessage({ content: "salut tout le monde, qui vient ce soir ?" });
    await expectNoReply(id);
  });
});

describe("allowed mentions", () => {
  it("a reply echoing @everyone cannot ping", async () => {
    const { id } = h.fake.sendMessage({
      content: "@everyone <@&123456789012345678> comme le dit la mesure 4",
    });
    const body = await replyData(id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("every message the bot posted in channels sets allowed mentions to nothing", () => {
    const posted = h.fake.channelMessages();
    expect(posted.length).toBeGreaterThan(10);
    for (const request of posted) {
      expect((request.body as Json).allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });
});
