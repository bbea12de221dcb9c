/**
 * Quote checking end to end, with the Message Content intent: /verify, the "Check quote" message
 * command, and chat, where a presented quotation gets a reply only when it is not verbatim, once
 * per message, and /settings quote-check turns that off.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../../tools/fake-discord/index.ts";
import {
  ADMIN,
  EPHEMERAL,
  embedsOf,
  type Harness,
  repliesTo,
  replyTo,
  responseData,
  startHarness,
} from "../support/bot-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Events are handled in order: once the sentinel's reply is recorded, an earlier one would be too. */
async function flush(): Promise<void> {
  const sentinel = h.fake.sendMessage({
    content: `<@${h.fake.botUserId}> mesure 1`,
    mentions: [h.fake.botUserId],
  });
  await replyTo(h.fake, sentinel.id);
}

async function verify(quote: string, locale = "fr") {
  const { id } = await h.fake.sendInteraction(h.fake.chatInput("verify", { quote }, { locale }));
  return responseData(h.fake, id);
}

describe("/verify", () => {
  it("shows each change as ~~text~~ → **quote**, privately, and flags the number", async () => {
    const data = await verify(
      "« Établir des contacts directs entre les secrétaires généraux des trois organisations »",
    );
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const [embed] = embedsOf(data);
    expect(embed?.title).toBe("Citation inexacte : des mots ont changé");
    expect(embed?.description).toContain("~~deux~~ → **trois**");
    expect(embed?.description).toContain("Un nombre a été ajouté, retiré ou changé");
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("says a misattributed quote's real clause, in the reader's language", async () => {
    const [embed] = embedsOf(
      await verify(
        'measure 5 says "Create a mechanism for regular consultations between the CSTO Secretariat and the NATO International Secretariat"',
        "en-US",
      ),
    );
    expect(embed?.title).toBe("Misattributed quote");
    expect(embed?.description).toContain("These words are in Measure 2, not in Measure 5.");
    expect(embed?.description).toContain("unofficial working translation");
  });

  it("accepts the original's typos fixed, as verbatim with a note", async () => {
    const [embed] = embedsOf(
      await verify(
        "Organiser régulièrement des briefings sur les exercices les plus importants de l’OTSC",
      ),
    );
    expect(embed?.title).toBe("Citation exacte");
    expect(embed?.description).toContain("coquille du texte original (« les plus importantes »)");
  });

  it("escapes what the user typed: no markdown, no mention", async () => {
    const [embed] = embedsOf(
      await verify("« **Faciliter** les contacts entre @everyone et <@&123456789012345678> »"),
    );
    expect(embed?.description).not.toContain("**Faciliter**");
    expect(embed?.description).not.toMatch(/@everyone|<@&/);
  });
});

describe("the Check quote message command", () => {
  it("checks the quotation in someone's message", async () => {
    const target = h.fake.sendMessage({
      content:
        "Comme dit la déclaration : « Faciliter les contacts entre l’OTSC et l’OTAN afin de ne pas prevenir les incidents »",
    });
    await flush();
    const { id } = await h.fake.sendInteraction(
      h.fake.messageContextMenu("Check quote", { id: target.id }),
    );
    const [embed] = embedsOf(await responseData(h.fake, id));
    expect(embed?.description).toContain("**ne pas**");
    expect(embed?.description).toMatch(/négation/);
  });
});

describe("quotations in chat", () => {
  it("replies once to a misquote presented with a reference", async () => {
    const { id } = h.fake.sendMessage({
      content:
        "la mesure 1 dit « Établir des contacts directs entre les secrétaires généraux des trois organisations »",
    });
    const body = (await replyTo(h.fake, id)).body as Json;
    const embeds = embedsOf(body);
    expect(embeds).toHaveLength(1);
    expect(embeds[0]?.description).toContain("~~deux~~ → **trois**");
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    await flush();
    expect(repliesTo(h.fake, id)).toHaveLength(1);
  });

  it("replies to a composite presented with a cue", async () => {
    const { id } = h.fake.sendMessage({
      content:
        'The text says "Establish direct contacts between the Secretaries General in order to strengthen confidence"',
    });
    const [embed] = embedsOf((await replyTo(h.fake, id)).body as Json);
    expect(embed?.title).toBe("Citation composite : des morceaux assemblés");
  });

  it("gives a verbatim quotation no check, only the auto-quote its reference gets", async () => {
    const { id } = h.fake.sendMessage({
      content: "comme le dit la mesure 3 : « Faciliter les contacts entre l’OTSC et l’OTAN »",
    });
    const plain = h.fake.sendMessage({ content: "« à demain » comme on dit" });
    const cards = embedsOf((await replyTo(h.fake, id)).body as Json);
    expect(cards.map((e) => e.title)).toEqual([expect.stringMatching(/^Mesure 3/)]);
    await flush();
    expect(repliesTo(h.fake, id)).toHaveLength(1);
    expect(repliesTo(h.fake, plain.id)).toHaveLength(0);
  });

  it.each([
    ['la mesure 4 parle des "exercices", non ?'],
    ["Il m’a dit « à demain » en partant, mesure 4 ou pas."],
    ["Comme le dit la mesure 4, « les briefings » c'est important"],
  ])("auto-quotes the measure cited next to a few quoted words: %s", async (content) => {
    const { id } = h.fake.sendMessage({ content });
    const embeds = embedsOf((await replyTo(h.fake, id)).body as Json);
    expect(embeds.map((e) => e.title)).toEqual([expect.stringMatching(/^Mesure 4/)]);
  });

  it("checks each quotation against the measure named next to it", async () => {
    const { id } = h.fake.sendMessage({
      content:
        "la mesure 3 dit « Établir des contacts directs entre les secrétaires généraux » et la mesure 1 dit « Faciliter les contacts entre l’OTSC et l’OTAN »",
    });
    const embeds = embedsOf((await replyTo(h.fake, id)).body as Json);
    expect(embeds.map((e) => e.title)).toEqual([
      "Citation mal attribuée",
      "Citation mal attribuée",
    ]);
    expect(embeds[0]?.description).toContain("pas dans Mesure 3");
    expect(embeds[1]?.description).toContain("pas dans Mesure 1");
  });

  it("checks the first three quotations long enough to judge, each against its own measure", async () => {
    // Four misattributed quotations, each led in by its own measure, after a few quoted words too
    // short to judge: the reply checks the first three misquotes, the fourth (measure 5) waits.
    const { id } = h.fake.sendMessage({
      content: [
        "la mesure 4 parle des « exercices », mais la mesure 1 dit « Faciliter les contacts entre l’OTSC et l’OTAN »",
        "et la mesure 2 dit « Établir des contacts directs entre les secrétaires généraux »",
        "et la mesure 3 dit « Organiser régulièrement des briefings sur les exercices »",
        "et la mesure 5 dit « Créer un mécanisme de consultations régulières »",
      ].join(" "),
    });
    const embeds = embedsOf((await replyTo(h.fake, id)).body as Json);
    expect(embeds.map((e) => e.title)).toEqual(Array(3).fill("Citation mal attribuée"));
    const said = embeds.map((e) => String(e.description));
    expect(said[0]).toContain("Mesure 3, pas dans Mesure 1");
    expect(said[1]).toContain("Mesure 1, pas dans Mesure 2");
    expect(said[2]).toContain("Mesure 4, pas dans Mesure 3");
    expect(said.join("\n")).not.toContain("Mesure 5");
  });

  it("/settings quote-check off: a misquote goes unchecked (auto-quoting takes the reference)", async () => {
    const { id: settingsId } = await h.fake.sendInteraction(
      h.fake.chatInput(
        "settings",
        [{ name: "quote-check", type: 1, options: [{ name: "enabled", type: 5, value: false }] }],
        { memberPermissions: ADMIN },
      ),
    );
    expect(String((await responseData(h.fake, settingsId)).content)).toMatch(/ne vérifierai plus/);
    expect((await h.bot.store.settings.get("111111111111111111")).quoteCheck).toBe(false);
    const cue = h.fake.sendMessage({
      content:
        "la déclaration dit « Établir des contacts directs entre les secrétaires généraux des trois organisations »",
    });
    const reference = h.fake.sendMessage({
      content:
        "la mesure 1 dit « Établir des contacts directs entre les secrétaires généraux des trois organisations »",
    });
    const card = embedsOf((await replyTo(h.fake, reference.id)).body as Json)[0];
    expect(card?.title).toMatch(/^Mesure 1/);
    await flush();
    expect(repliesTo(h.fake, cue.id)).toHaveLength(0);
  });
});
