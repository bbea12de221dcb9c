/**
 * Follow-ups, end to end: replies to the bot's cards (and to messages citing a clause) read in that
 * clause's context, in French, English and Russian servers; the edges of the text; the replied-to
 * message when Discord sent it, left it out (fetched) or it was deleted; "Find in declaration" on
 * a reply; and the same without the Message Content intent.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEngine } from "../../src/core/engine.ts";
import { CONTEXT_RATIO } from "../../src/core/follow-up.ts";
import type { Clause, ClauseId, Lang } from "../../src/core/types.ts";
import { clauseTitle } from "../../src/discord/render/card.ts";
import { pagePayload } from "../../src/discord/render/overview.ts";
import { textsFor } from "../../src/text/index.ts";
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_GUILD_ID,
  type FakeDiscord,
  type Json,
  type MessageSpec,
} from "../../tools/fake-discord/index.ts";
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

/** What the bot says around follow-up answers, as the catalogue words it. */
const gistText = (c: Clause, lang: Lang) => textsFor(lang).followUps.gist({ title: c.title[lang] });
const edgeText = (c: Clause, ask: "next" | "previous", lang: Lang) =>
  textsFor(lang).followUps[ask === "next" ? "end" : "start"]({ label: c.label[lang] });
const noContextText = (lang: Lang) => textsFor(lang).followUps.noContext;
const goneText = (lang: Lang) => textsFor(lang).followUps.gone;

const FR = DEFAULT_CHANNEL_ID;
const QA = "222222222222222223";
const EN_GUILD = "444444444444444444";
const EN = "555555555555555555";
const RU_GUILD = "666666666666666666";
const RU = "777777777777777777";
/** Manage Server on top of an ordinary member's permissions. */
const ALICE = { id: "333333333333333331", username: "alice" };
const BOB = { id: "333333333333333332", username: "bob" };

const engine = getEngine();
const first = engine.clauses[0];
const last = engine.clauses.at(-1);
const clause = (id: ClauseId) => {
  const c = engine.clause(id);
  if (!c) throw new Error(`no clause ${id}`);
  return c;
};
/** The title a card of `id` has for `lang` readers. */
const title = (id: ClauseId, lang: Lang) => clauseTitle(clause(id), lang);

let h: Harness;
let botId: string;
beforeAll(async () => {
  h = await startHarness({
    guilds: [
      { id: DEFAULT_GUILD_ID, channels: [FR, QA], preferredLocale: "fr" },
      { id: EN_GUILD, channels: [EN], preferredLocale: "en-US" },
      { id: RU_GUILD, channels: [RU], preferredLocale: "ru" },
    ],
  });
  botId = h.fake.botUserId;
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
      { memberPermissions: ADMIN },
    ),
  );
  await responseData(h.fake, id);
});
afterAll(async () => {
  await h?.close();
});

/** The id of the card the bot posts when asked `question` (a mention) in `channelId`. */
async function cardFor(fake: FakeDiscord, question: string, channelId = FR): Promise<string> {
  const { id } = fake.sendMessage({
    channelId,
    content: `<@${fake.botUserId}> ${question}`,
    mentions: [fake.botUserId],
  });
  return String(((await replyTo(fake, id)).response as Json).id);
}

/** The bot's answer to a reply to `messageId`. */
async function answerTo(
  messageId: string,
  content: string,
  spec: Partial<MessageSpec> = {},
): Promise<Json> {
  const { id } = h.fake.sendMessage({
    channelId: FR,
    content,
    referencedMessageId: messageId,
    ...spec,
  });
  return (await replyTo(h.fake, id)).body as Json;
}

/** GET requests for one message: what reading a reply's original over REST costs. */
const fetchesOf = (fake: FakeDiscord, messageId: string) =>
  fake.requests.filter((r) => r.method === "GET" && r.path.endsWith(`/messages/${messageId}`));

/** Asserts that `messageId` got no reply: a sentinel sent after it is answered first. */
async function expectNoReply(messageId: string): Promise<void> {
  const sentinel = h.fake.sendMessage({ content: `<@${botId}> mesure 1`, mentions: [botId] });
  await replyTo(h.fake, sentinel.id);
  expect(repliesTo(h.fake, messageId)).toHaveLength(0);
}

describe("a reply to one of the bot's cards", () => {
  it("fr: “et la suivante ?” to measure 3 shows measure 4, without fetching the card", async () => {
    const card = await cardFor(h.fake, "mesure 3");
    const body = await answerTo(card, "et la suivante ?");
    expect(embedsOf(body).map((e) => e.title)).toEqual([title("M4", "fr")]);
    // Discord sent the card with the reply: nothing to read over REST.
    expect(fetchesOf(h.fake, card)).toHaveLength(0);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("en: “the one before” to measure 3 in an English server shows measure 2 in English", async () => {
    const card = await cardFor(h.fake, "measure 3", EN);
    const body = await answerTo(card, "the one before", { channelId: EN });
    const [embed] = embedsOf(body);
    expect(embed?.title).toBe(title("M2", "en"));
    expect(embed?.fields?.[0]?.value).toContain(clause("M2").text.en.slice(0, 40));
  });

  it("ru: “а следующий?” to measure 3 in a Russian server shows measure 4 in Russian", async () => {
    const card = await cardFor(h.fake, "пункт 3", RU);
    const body = await answerTo(card, "а следующий?", { channelId: RU });
    const [embed] = embedsOf(body);
    expect(embed?.title).toBe(title("M4", "ru"));
    expect(embed?.fields?.[0]?.value).toContain(clause("M4").text.ru.slice(0, 40));
  });

  it("“in English?” in a French server: the same clause with the English translation", async () => {
    const card = await cardFor(h.fake, "mesure 5");
    const [embed] = embedsOf(await answerTo(card, "in English?"));
    expect(embed?.title).toBe(title("M5", "en"));
    expect(embed?.description).toContain(clause("M5").text.fr.slice(0, 40));
    expect(embed?.fields?.[0]?.value).toContain(clause("M5").text.en.slice(0, 40));
  });

  it("“в оригинале?” in a Russian server: the French original alone; “по-русски?” the translation", async () => {
    const card = await cardFor(h.fake, "пункт 2", RU);
    const [original] = embedsOf(await answerTo(card, "в оригинале?", { channelId: RU }));
    expect(original?.title).toBe(title("M2", "fr"));
    expect(original?.fields).toBeUndefined();
    const french = await cardFor(h.fake, "mesure 2");
    const [russian] = embedsOf(await answerTo(french, "по-русски?"));
    expect(russian?.title).toBe(title("M2", "ru"));
    expect(russian?.fields?.[0]?.value).toContain(clause("M2").text.ru.slice(0, 40));
  });

  it("“ça veut dire quoi ?” shows the card under its gist, in the reader's language", async () => {
    const card = await cardFor(h.fake, "mesure 6");
    const body = await answerTo(card, "ça veut dire quoi ?");
    expect(body.content).toBe(gistText(clause("M6"), "fr"));
    expect(embedsOf(body)[0]?.title).toBe(title("M6", "fr"));
    const english = await cardFor(h.fake, "measure 6", EN);
    const explained = await answerTo(english, "what does it mean?", { channelId: EN });
    expect(explained.content).toBe(gistText(clause("M6"), "en"));
  });

  it("“who signed it?” shows the signatories; “le texte complet” the first page of the whole text", async () => {
    const card = await cardFor(h.fake, "mesure 1");
    const signed = await answerTo(card, "who signed it?");
    const signatories = engine.clauses.find((c) => c.kind === "signatories");
    expect(embedsOf(signed)[0]?.title).toBe(signatories && clauseTitle(signatories, "fr"));
    const whole = await answerTo(card, "le texte complet");
    expect(embedsOf(whole)[0]?.title).toBe(pagePayload(engine.clauses, 0, "fr").embeds[0]?.title);
    expect(componentIds(whole)).toContain("page:1");
  });

  it("follows on from a follow-up: “next” twice walks the text", async () => {
    const card = await cardFor(h.fake, "mesure 4");
    const { id } = h.fake.sendMessage({ content: "next", referencedMessageId: card });
    const second = String(((await replyTo(h.fake, id)).response as Json).id);
    expect(embedsOf(await answerTo(second, "next"))[0]?.title).toBe(title("M6", "fr"));
  });

  it("after the last clause, says nothing comes after it; before the first, nothing before", async () => {
    if (!first || !last) throw new Error("no clauses");
    const end = await cardFor(h.fake, "qui a signé ?");
    const after = await answerTo(end, "and the next one?");
    expect(after.content).toBe(edgeText(last, "next", "fr"));
    expect(after.embeds ?? []).toEqual([]);
    const start = await cardFor(h.fake, "the opening", EN);
    const before = await answerTo(start, "the one before", { channelId: EN });
    expect(before.content).toBe(edgeText(first, "previous", "en"));
  });

  it("an ordinary question in reply is answered as a question", async () => {
    const card = await cardFor(h.fake, "measure 3", EN);
    const [embed] = embedsOf(
      await answerTo(card, "what about drug trafficking?", { channelId: EN }),
    );
    expect(embed?.title).toBe(title("M6", "en"));
  });

  it("a question the ranking hesitates over gets the clause replied to, the other as see also", async () => {
    const question = "what does it say about exercises?";
    const [top, runnerUp] = engine.rank(question).ranked;
    if (!top || !runnerUp || runnerUp.score < CONTEXT_RATIO * top.score) {
      throw new Error(`the ranking no longer hesitates over “${question}”`);
    }
    const onRunnerUp = await cardFor(h.fake, clause(runnerUp.id).label.en, EN);
    const body = await answerTo(onRunnerUp, question, { channelId: EN });
    expect(embedsOf(body)[0]?.title).toBe(title(runnerUp.id, "en"));
    expect(componentIds(body)).toContain(`see:${top.id}`);
    // Replied to a clause the question is not about, the ranking's own answer stands.
    const far = engine.clauses.find(
      (c) => c.kind === "measure" && c.id !== top.id && c.id !== runnerUp.id,
    );
    if (!far) throw new Error("no other measure");
    const elsewhere = await cardFor(h.fake, far.label.en, EN);
    const plain = await answerTo(elsewhere, question, { channelId: EN });
    expect(embedsOf(plain)[0]?.title).toBe(title(top.id, "en"));
  });
});

describe("a reply to someone's message that cites a clause", () => {
  it("mentioning the bot: “@bot in English?” to “measure 3 is weird” shows measure 3 in English", async () => {
    const cited = h.fake.sendMessage({ content: "measure 3 is weird", author: ALICE });
    await replyTo(h.fake, cited.id); // the auto-quote of the citation
    const body = await answerTo(cited.id, `<@${botId}> in English?`, {
      author: BOB,
      mentions: [botId],
    });
    expect(embedsOf(body).map((e) => e.title)).toEqual([title("M3", "en")]);
  });

  it("in a Q&A channel, without a mention: “and the next one?” to “comme le dit la mesure 4”", async () => {
    const cited = h.fake.sendMessage({
      channelId: QA,
      content: "comme le dit la mesure 4",
      author: ALICE,
    });
    await replyTo(h.fake, cited.id);
    const body = await answerTo(cited.id, "and the next one?", { channelId: QA, author: BOB });
    expect(embedsOf(body)[0]?.title).toBe(title("M5", "fr"));
  });

  it("elsewhere, without a mention, is ordinary chat and left alone", async () => {
    const cited = h.fake.sendMessage({ content: "measure 3 is weird", author: ALICE });
    await replyTo(h.fake, cited.id);
    const { id } = h.fake.sendMessage({
      content: "and the next one?",
      referencedMessageId: cited.id,
      author: BOB,
    });
    await expectNoReply(id);
  });

  it("asks which clause is meant when the message replied to cites none", async () => {
    const chatter = h.fake.sendMessage({ content: "on se retrouve au café ?", author: ALICE });
    const body = await answerTo(chatter.id, `<@${botId}> in English?`, {
      author: BOB,
      mentions: [botId],
    });
    expect(body.content).toBe(noContextText("fr"));
  });
});

describe("the message replied to, when Discord does not send it", () => {
  it("left out of the reply: read over REST once, then answered", async () => {
    const card = await cardFor(h.fake, "mesure 2");
    const body = await answerTo(card, "et la suivante ?", {
      omitReferencedMessage: true,
      replyPing: true,
    });
    expect(embedsOf(body)[0]?.title).toBe(title("M3", "fr"));
    expect(fetchesOf(h.fake, card)).toHaveLength(1);
  });

  it("left out, for a follow-up that needs no clause or a clear question: not read at all", async () => {
    const card = await cardFor(h.fake, "mesure 2");
    const signed = await answerTo(card, "qui l'a signée ?", {
      omitReferencedMessage: true,
      replyPing: true,
    });
    expect(embedsOf(signed)[0]?.title).toMatch(/^Signataires/);
    const clear = await answerTo(card, "et le trafic de drogue ?", {
      omitReferencedMessage: true,
      replyPing: true,
    });
    expect(embedsOf(clear)[0]?.title).toBe(title("M6", "fr"));
    expect(fetchesOf(h.fake, card)).toHaveLength(0);
  });

  it("deleted (Discord sends it as null): says it cannot find it, and reads nothing", async () => {
    const card = await cardFor(h.fake, "mesure 5");
    h.fake.deleteMessage(card);
    const body = await answerTo(card, `<@${botId}> in English?`, { mentions: [botId] });
    expect(body.content).toBe(goneText("fr"));
    expect(fetchesOf(h.fake, card)).toHaveLength(0);
  });

  it("deleted and left out: the read finds nothing (Unknown Message), and it says so", async () => {
    const card = await cardFor(h.fake, "mesure 5");
    h.fake.deleteMessage(card);
    const body = await answerTo(card, `<@${botId}> et la suivante ?`, {
      mentions: [botId],
      omitReferencedMessage: true,
    });
    expect(body.content).toBe(goneText("fr"));
    const [read] = fetchesOf(h.fake, card);
    expect(read?.status).toBe(404);
  });
});

describe("“Find in declaration” on a reply", () => {
  it("reads it in the context of the card it replies to: privately, with the post button", async () => {
    const card = await cardFor(h.fake, "mesure 3");
    const { id } = await h.fake.sendInteraction(
      h.fake.messageContextMenu(
        "Find in declaration",
        { content: "and the next one?", referencedMessageId: card, author: ALICE },
        { locale: "en-US" },
      ),
    );
    const data = await responseData(h.fake, id);
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedsOf(data)[0]?.title).toBe(title("M4", "en"));
    expect(componentIds(data)).toContain("post:M4");
    expect(fetchesOf(h.fake, card)).toHaveLength(0);
  });

  it("reads the replied-to message over REST when the interaction leaves it out", async () => {
    const cited = h.fake.sendMessage({ content: "comme le dit la mesure 4", author: ALICE });
    await replyTo(h.fake, cited.id);
    const { id } = await h.fake.sendInteraction(
      h.fake.messageContextMenu("Find in declaration", {
        content: "ça veut dire quoi ?",
        referencedMessageId: cited.id,
        omitReferencedMessage: true,
        author: BOB,
      }),
    );
    const data = await responseData(h.fake, id);
    expect(data.content).toBe(gistText(clause("M4"), "fr"));
    expect(embedsOf(data)[0]?.title).toBe(title("M4", "fr"));
    expect(fetchesOf(h.fake, cited.id)).toHaveLength(1);
  });

  it("on a reply that is an ordinary question, searches as it always did", async () => {
    const card = await cardFor(h.fake, "mesure 3");
    const { id } = await h.fake.sendInteraction(
      h.fake.messageContextMenu("Find in declaration", {
        content: "que proposent-ils contre le trafic de drogue ?",
        referencedMessageId: card,
      }),
    );
    expect(embedsOf(await responseData(h.fake, id))[0]?.title).toBe(title("M6", "fr"));
  });
});

describe("without the Message Content intent", () => {
  let off: Harness;
  beforeAll(async () => {
    off = await startHarness({}, (c) => ({
      ...c,
      discord: c.discord && { ...c.discord, messageContent: "off" },
    }));
  });
  afterAll(async () => {
    await off?.close();
  });

  it("a reply that pings the bot is read in its card's context", async () => {
    const card = await cardFor(off.fake, "mesure 3");
    const { id } = off.fake.sendMessage({
      content: "in English?",
      referencedMessageId: card,
      replyPing: true,
    });
    expect(embedsOf((await replyTo(off.fake, id)).body as Json)[0]?.title).toBe(title("M3", "en"));
  });

  it("cannot read someone's message it replies to, so asks which clause is meant", async () => {
    // Discord withholds the text of `cited` from the bot, in the reply's copy of it too.
    const cited = off.fake.sendMessage({ content: "comme le dit la mesure 4", author: ALICE });
    const { id } = off.fake.sendMessage({
      content: `<@${off.fake.botUserId}> in English?`,
      mentions: [off.fake.botUserId],
      referencedMessageId: cited.id,
      author: BOB,
    });
    expect(((await replyTo(off.fake, id)).body as Json).content).toBe(noContextText("fr"));
  });

  it("“Find in declaration” on a reply to a card does the same", async () => {
    const card = await cardFor(off.fake, "mesure 3");
    const { id } = await off.fake.sendInteraction(
      off.fake.messageContextMenu("Find in declaration", {
        content: "et la suivante ?",
        referencedMessageId: card,
      }),
    );
    expect(embedsOf(await responseData(off.fake, id))[0]?.title).toBe(title("M4", "fr"));
  });
});
