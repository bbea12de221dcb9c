/**
 * Quote checks through `handleInteraction` and the recording transport: /verify and the message
 * command "Check quote" answer privately with one embed per quotation, the verdict and the clause
 * in the log line, each change shown against the declaration's own words.
 */
import { describe, expect, it } from "vitest";
import { clauseOf, expectRefusal, fileHarness } from "../../support/handler-harness.ts";
import { embedsOf } from "../../support/payloads.ts";
import { messageCommand, slash } from "../../support/recording-transport.ts";

const h = await fileHarness();

const verify = (quote: string, locale = "fr") => h.run(slash("verify", { quote }, { locale }));

describe("/verify", () => {
  it("a quotation word for word: verbatim, privately", async () => {
    const m2 = clauseOf(h.engine, "M2").text.fr.replace(/^\d+\.\s*/, "");
    const a = await verify(`« ${m2} »`);
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    expect(embedsOf(a.message)).toHaveLength(1);
    expect(a.outcome).toMatchObject({ outcome: "quote-check/verbatim", clause: "M2" });
  });

  it("a changed word is shown against the text's own word", async () => {
    const a = await verify(
      "« Établir des contacts directs entre les secrétaires généraux des trois organisations »",
    );
    expect(a.ephemeral).toBe(true);
    expect(a.outcome).toMatchObject({ clause: "M1" });
    expect(a.outcome?.outcome).not.toBe("quote-check/verbatim");
    expect(embedsOf(a.message)[0]?.description).toContain("~~deux~~ → **trois**");
  });

  it("a quotation credited to the wrong measure names the right one, in the reader's language", async () => {
    const misquote =
      'measure 5 says "Create a mechanism for regular consultations between the CSTO Secretariat and the NATO International Secretariat"';
    const m2 = clauseOf(h.engine, "M2");
    const en = await verify(misquote, "en-US");
    expect(en.outcome).toMatchObject({ outcome: "quote-check/misattributed", clause: "M2" });
    const fr = await verify(misquote, "fr");
    const [enEmbed, frEmbed] = [en, fr].map((a) => embedsOf(a.message)[0]);
    expect(enEmbed?.description).toContain(m2.label.en);
    expect(frEmbed?.description).toContain(m2.label.fr);
    expect(enEmbed?.title).not.toBe(frEmbed?.title);
  });

  it("escapes what the user typed: no markdown, no mention", async () => {
    const a = await verify(
      "« **Faciliter** les contacts entre @everyone et <@&123456789012345678> »",
    );
    const description = String(embedsOf(a.message)[0]?.description);
    expect(description).not.toContain("**Faciliter**");
    expect(description).not.toMatch(/@everyone|<@&/);
    expect(a.message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("an empty quotation is refused politely", async () => {
    expectRefusal(await verify(" ", "ru"), h.engine, "ru", "empty-message");
  });
});

describe("Check quote", () => {
  it("checks the quotation in someone's message, privately", async () => {
    const content =
      "Comme dit la déclaration : « Faciliter les contacts entre l’OTSC et l’OTAN afin de ne pas prevenir les incidents »";
    const a = await h.run(messageCommand("Check quote", { content }));
    expect([a.type, a.ephemeral]).toEqual([4, true]);
    expect(a.outcome).toMatchObject({ clause: "M3" });
    expect(embedsOf(a.message)[0]?.description).toContain("**ne pas**");
  });

  it("a message without text is refused politely", async () => {
    const a = await h.run(messageCommand("Check quote", { content: "" }, { locale: "en-US" }));
    expectRefusal(a, h.engine, "en", "empty-message");
  });
});
