/**
 * What is not a question about a clause, end to end through the loopback Discord: chit-chat gets
 * one short line (privately on /ask, in reply to a mention, nothing in a Q&A channel), and a term
 * the text names without explaining gets a note labelled as not from the declaration (privately
 * with the post button on /ask, hedged in chat), never a clause card.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textsFor } from "../../src/text/index.ts";
import type { Json } from "../../tools/fake-discord/index.ts";
import {
  ADMIN,
  componentIds,
  EPHEMERAL,
  embedsOf,
  type Harness,
  repliesTo,
  replyTo,
  responseData,
  startHarness,
} from "../support/bot-harness.ts";

const GUILD = "111111111111111111";
const GENERAL = "222222222222222222";
const QA = "222222222222222223";

let h: Harness;
let botId: string;
beforeAll(async () => {
  h = await startHarness({
    guilds: [{ id: GUILD, channels: [GENERAL, QA], preferredLocale: "fr" }],
  });
  botId = h.fake.botUserId;
  await h.bot.commandsSynced;
  const { id } = await h.fake.sendInteraction(
    h.fake.chatInput(
      "settings",
      [
        {
          name: "qa-channels",
          type: 2,
          options: [{ name: "add", type: 1, options: [{ name: "channel", type: 7, value: QA }] }],
        },
      ],
      { memberPermissions: ADMIN, locale: "fr" },
    ),
  );
  await responseData(h.fake, id);
});
afterAll(async () => {
  await h?.close();
});

async function ask(question: string, locale: string) {
  const { id } = await h.fake.sendInteraction(h.fake.chatInput("ask", { question }, { locale }));
  return responseData(h.fake, id);
}

function mention(content: string, channelId = GENERAL) {
  return h.fake.sendMessage({ channelId, content: `<@${botId}> ${content}`, mentions: [botId] });
}

async function flush(): Promise<void> {
  const sentinel = h.fake.sendMessage({ channelId: GENERAL, content: "comme le dit la mesure 1" });
  await replyTo(h.fake, sentinel.id);
}

describe("chit-chat", () => {
  it.each([
    ["tell me a joke", "en-US", /one text/],
    ["merci beaucoup !", "fr", /Avec plaisir/],
    ["привет", "ru", /Привет/],
  ])(
    "/ask %j gets a short private line saying what the bot does, no card",
    async (q, locale, re) => {
      const data = await ask(q, locale);
      expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
      expect(String(data.content)).toMatch(re);
      expect(String(data.content).split("\n")).toHaveLength(1);
      expect(embedsOf(data)).toEqual([]);
    },
  );

  it("answers a mention with one short public line, and never a clause", async () => {
    const { id } = mention("lol");
    const body = (await replyTo(h.fake, id)).body as Json;
    expect(embedsOf(body)).toEqual([]);
    expect(String(body.content).split("\n")).toHaveLength(1);
    expect(String(body.content)).toMatch(/déclaration/);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("says nothing to chit-chat in a Q&A channel, yet answers questions there", async () => {
    const thanks = h.fake.sendMessage({ channelId: QA, content: "thanks!!" });
    const emoji = h.fake.sendMessage({ channelId: QA, content: "😂😂" });
    const question = h.fake.sendMessage({ channelId: QA, content: "qui a signé ce texte ?" });
    expect(embedsOf((await replyTo(h.fake, question.id)).body as Json)[0]?.title).toMatch(
      /^Signataires/,
    );
    await flush();
    expect(repliesTo(h.fake, thanks.id)).toHaveLength(0);
    expect(repliesTo(h.fake, emoji.id)).toHaveLength(0);
  });

  it("keeps a question that shares the text's words but is not about it out of public view", async () => {
    const shared = h.fake.sendMessage({
      channelId: QA,
      content: "comment prévenir les accidents domestiques avec un bébé",
    });
    await flush();
    expect(repliesTo(h.fake, shared.id)).toHaveLength(0);
  });
});

describe("questions that only resemble those about the whole text", () => {
  const question = "jpige rien à ce charabia diplo, ça raconte quoi ?";

  it("in reply to a mention, get the overview under a line saying the bot is not sure", async () => {
    const { id } = mention(question);
    const body = (await replyTo(h.fake, id)).body as Json;
    expect(body.content).toBe(textsFor("fr").answers.closestOverview);
    expect(JSON.stringify(embedsOf(body)[0]?.fields)).toContain("Signé");
    expect(componentIds(body)).not.toContain("postview");
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("get nothing in a Q&A channel, where the bot speaks only when it is sure", async () => {
    const asked = h.fake.sendMessage({ channelId: QA, content: question });
    await flush();
    expect(repliesTo(h.fake, asked.id)).toHaveLength(0);
  });
});

describe("term notes", () => {
  it("/ask “what is the OSCE?” gets a private note, not from the declaration, with the post button", async () => {
    const data = await ask("what is the OSCE?", "en-US");
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const [embed] = embedsOf(data);
    expect(embed?.title).toMatch(/^Note — not from the declaration: OSCE/);
    expect(embed?.description).toMatch(/Organization for Security and Co-operation in Europe/);
    expect(JSON.stringify(embed?.fields)).toMatch(/Recital 4/);
    expect(JSON.stringify(embed?.footer)).toMatch(/https:\/\/www\.osce\.org/);
    expect(componentIds(data).some((c) => c.startsWith("post"))).toBe(true);
  });

  it.each([
    ["c'est quoi l'OTAN ?", /ne vient pas de la déclaration: OTAN/],
    ["что такое ОДКБ?", /ne vient pas de la déclaration: OTSC/],
  ])("in chat, %j gets the note hedged, in the server's language", async (q, title) => {
    const { id } = mention(q);
    const body = (await replyTo(h.fake, id)).body as Json;
    const [embed] = embedsOf(body);
    expect(embed?.title).toMatch(title);
    // A note never carries the buttons of a clause card.
    expect(componentIds(body)).toEqual([]);
  });
});

describe("other documents and the whole text", () => {
  it("“NATO's Article 5” is not measure 5", async () => {
    const data = await ask("what does NATO's Article 5 say?", "en-US");
    expect(embedsOf(data)).toEqual([]);
    expect(String(data.content)).toMatch(/another document/);
  });

  it("“combien de mesures ?” gets the parts and their counts, from the parsed text", async () => {
    const { id } = mention("combien de mesures ?");
    const body = (await replyTo(h.fake, id)).body as Json;
    expect(String(body.content)).toMatch(/6 mesures numérotées/);
    expect(String(body.content)).toMatch(/4 considérants/);
  });
});
