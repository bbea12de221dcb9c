/**
 * The message commands "Find in declaration" and "Quote cited clauses" through `handleInteraction`
 * and the recording transport: a lookup answered privately (in the context of the card a reply
 * replies to, read over REST when Discord left it out), and the clauses a message cites posted for
 * everyone.
 */
import { describe, expect, it } from "vitest";
import { clauseOf, expectRefusal, fileHarness } from "../../support/handler-harness.ts";
import { componentIds, embedsOf } from "../../support/payloads.ts";
import {
  botMessage,
  messageCommand,
  slash,
  userMessage,
} from "../../support/recording-transport.ts";

const h = await fileHarness();

const find = (target: Parameters<typeof messageCommand>[1], locale = "fr") =>
  h.run(messageCommand("Find in declaration", target, { locale }));

describe("Find in declaration", () => {
  it("searches with the message's text and answers privately, with the button that shares it", async () => {
    const a = await find({ content: "Il faudrait des briefings sur les exercices militaires" });
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("M4", "fr"));
    expect(componentIds(a.message)).toContain("post:M4");
    expect(
      componentIds(a.message).some((id) => id.startsWith(`fb:up:${a.interaction.id}:M4:`)),
    ).toBe(true);
    expect(a.outcome).toMatchObject({ clause: "M4" });
  });

  it("hedges a closest passage, in the reader's language", async () => {
    const a = await find({ content: "et la coopération avec zyxwvut ?" }, "ru");
    expect(a.ephemeral).toBe(true);
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("P4", "ru"));
    expect(String(a.message.content)).toContain(clauseOf(h.engine, "P4").label.ru);
  });

  it("a message without text is refused politely", async () => {
    expectRefusal(await find({ content: "" }, "en-US"), h.engine, "en", "empty-message");
  });

  it("on a reply to a card, reads it in the card's context, without reading the card again", async () => {
    const card = await h.run(slash("measure", { number: 3 }));
    const replied = botMessage(card.message);
    const a = await find({ content: "and the next one?", referencedMessageId: replied }, "en-US");
    expect(a.ephemeral).toBe(true);
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("M4", "en"));
    expect(componentIds(a.message)).toContain("post:M4");
    expect(a.sent.map((s) => s.kind)).toEqual(["callback"]);
  });

  it("reads the message replied to over REST when the interaction leaves it out", async () => {
    const cited = userMessage({ content: "comme le dit la mesure 4" });
    const a = await find({
      content: "ça veut dire quoi ?",
      referencedMessageId: cited,
      omitReferencedMessage: true,
    });
    expect(a.sent.map((s) => s.kind)).toEqual(["fetch", "callback"]);
    expect(a.sent[0]?.body).toBe(cited);
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("M4", "fr"));
  });
});

describe("Quote cited clauses", () => {
  const quoteCited = (content: string, locale = "fr") =>
    h.run(messageCommand("Quote cited clauses", { content }, { locale }));

  it("posts the clause a message cites for everyone, with its neighbours' buttons", async () => {
    const a = await quoteCited(
      "Comme le dit la mesure 4, les briefings devraient être réguliers.",
      "en-US",
    );
    expect([a.type, a.ephemeral]).toEqual([4, false]);
    expect(embedsOf(a.message).map((e) => e.title)).toEqual([h.cardTitle("M4", "en")]);
    expect(componentIds(a.message)).toEqual(["prev:M3", "next:M5"]);
    expect(a.outcome).toMatchObject({ clause: "M4" });
  });

  it("several clauses: one card each, without navigation", async () => {
    const a = await quoteCited("les mesures 2 et 5 vont ensemble");
    expect(embedsOf(a.message).map((e) => e.title)).toEqual([
      h.cardTitle("M2", "fr"),
      h.cardTitle("M5", "fr"),
    ]);
    expect(componentIds(a.message)).toEqual([]);
  });

  it("a measure beyond the text is explained privately", async () => {
    const a = await quoteCited("comme le dit la mesure 9");
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    expect(embedsOf(a.message)).toEqual([]);
    expect(a.outcome).toMatchObject({ outcome: "out-of-range" });
  });

  it("a message citing nothing is refused politely", async () => {
    expectRefusal(await quoteCited("salut tout le monde", "ru"), h.engine, "ru", "cites-nothing");
  });
});
