/**
 * Buttons and menus through `handleInteraction` and the recording transport: previous/next (an
 * update of a private message, a private reply under a public one), the clause menu and the pages
 * of /declaration, posting a closest passage to the channel, and outdated custom ids.
 */
import { describe, expect, it } from "vitest";
import {
  type Answered,
  clauseOf,
  expectRefusal,
  fileHarness,
} from "../../support/handler-harness.ts";
import { componentIds, embedsOf } from "../../support/payloads.ts";
import { botMessage, button, Recorder, select, slash } from "../../support/recording-transport.ts";

const h = await fileHarness();

/** The message Discord made of an answer, which a component is then clicked on. */
const on = (a: Answered) => botMessage(a.message);

/** A private card of P4 (the closest passage to a question the text does not answer). */
const closestCard = () =>
  h.run(slash("ask", { question: "anything on cooperation with zyxwvut?" }, { locale: "en-US" }));

describe("previous and next", () => {
  it("on a private card, update it in place, dropping the hedge above it", async () => {
    const asked = await closestCard();
    expect(asked.ephemeral).toBe(true);
    expect(componentIds(asked.message)).toContain("next:appeal");
    const a = await h.run(button("next:appeal", { messageId: on(asked), locale: "en-US" }));
    expect(a.sent.map((s) => s.kind)).toEqual(["callback"]);
    expect(a.type).toBe(7);
    expect(a.message.content).toBe("");
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("appeal", "en"));
    const { previous, next } = h.engine.neighbours("appeal");
    expect(componentIds(a.message)).toEqual([`prev:${previous?.id}`, `next:${next?.id}`]);
    expect(a.outcome).toMatchObject({ outcome: "component/clause", clause: "appeal" });
  });

  it("under a public card, answer privately and leave the card the channel reads alone", async () => {
    const measure = await h.run(slash("measure", { number: 3 }, { locale: "ru" }));
    expect(componentIds(measure.message)).toEqual(["prev:M2", "next:M4"]);
    const a = await h.run(button("next:M4", { messageId: on(measure), locale: "ru" }));
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("M4", "ru"));
    const back = await h.run(button("prev:M2", { messageId: on(measure), locale: "ru" }));
    expect(embedsOf(back.message)[0]?.title).toBe(h.cardTitle("M2", "ru"));
  });

  it("need no memory of the card: a button alone is enough (as after a restart)", async () => {
    const a = await h.run(button("prev:M1"));
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("M1", "fr"));
    expect(componentIds(a.message)).toEqual(["prev:appeal", "next:M2"]);
  });
});

describe("/declaration's menu and pages", () => {
  it("the clause menu opens the clause chosen, in the reader's language", async () => {
    const overview = await h.run(slash("declaration", undefined, { locale: "en-US" }));
    expect(componentIds(overview.message)).toEqual(["open", "page:0"]);
    const a = await h.run(select("open", ["P3"], { messageId: on(overview), locale: "en-US" }));
    expect(a.type).toBe(7);
    expect(embedsOf(a.message)[0]?.title).toBe(h.cardTitle("P3", "en"));
    expect(a.outcome).toMatchObject({ outcome: "component/open", clause: "P3" });
  });

  it("pages of the whole text update the private message, and lead back to the overview", async () => {
    const overview = await h.run(slash("declaration"));
    const first = await h.run(button("page:0", { messageId: on(overview) }));
    expect(first.type).toBe(7);
    expect(componentIds(first.message)).toEqual(expect.arrayContaining(["page:1", "overview"]));
    expect(embedsOf(first.message)[0]?.description).toContain(
      clauseOf(h.engine, "opening").text.fr.slice(0, 40),
    );
    const back = await h.run(button("overview", { messageId: on(first) }));
    expect(embedsOf(back.message)).toEqual(embedsOf(overview.message));
  });

  it("a clause the menu no longer offers is an outdated menu, said privately", async () => {
    const a = await h.run(select("open", ["M99"], { locale: "ru" }));
    expectRefusal(a, h.engine, "ru", "outdated-component");
  });
});

describe("posting a closest passage", () => {
  it("posts the card for everyone, then clears the private one", async () => {
    const asked = await closestCard();
    const a = await h.run(button("post:P4", { messageId: on(asked), locale: "en-US" }));
    expect(a.sent.map((s) => s.kind)).toEqual(["callback", "followUp", "edit"]);
    expect(a.type).toBe(6);
    const [, posted, edit] = a.sent.map((s) => s.body as Record<string, unknown>);
    // Public, without the hedge and the post button, but with the same answer's votes.
    expect(Number(posted?.flags ?? 0) & 64).toBe(0);
    expect(posted?.content ?? "").toBe("");
    expect(embedsOf(posted ?? {})[0]?.title).toBe(h.cardTitle("P4", "en"));
    const ids = componentIds(posted ?? {});
    expect(ids).not.toContain("post:P4");
    expect(ids.filter((id) => id.startsWith("fb:"))).toEqual(
      componentIds(asked.message).filter((id) => id.startsWith("fb:")),
    );
    expect(edit).toMatchObject({ embeds: [], components: [] });
    expect(a.outcome).toMatchObject({ outcome: "component/post", clause: "P4" });
  });

  it("when Discord refuses the public post, says so privately and keeps the private card", async () => {
    const asked = await closestCard();
    const recorder = new Recorder();
    recorder.refuseNext("followUp", 50013);
    const click = button("post:P4", { messageId: on(asked), locale: "fr" });
    const a = await h.run(click, recorder);
    expect(a.sent.map((s) => s.kind)).toEqual(["callback", "followUp"]);
    const notice = recorder.bodies("followUp")[0] ?? {};
    expect(Number(notice.flags) & 64).toBe(64);
    expect(h.engine.detectLanguage(String(notice.content), null)).toBe("fr");
    expect(a.outcome).toMatchObject({ outcome: "component/post-refused", clause: "P4" });
  });
});

describe("outdated components", () => {
  it.each([
    ["legacy:whatever", "fr", "fr"],
    ["next:M99", "en-US", "en"],
    ["post:nowhere", "ru", "ru"],
  ] as const)("%j is answered privately as outdated (%s)", async (customId, locale, lang) => {
    expectRefusal(await h.run(button(customId, { locale })), h.engine, lang, "outdated-component");
  });
});
