/**
 * /settings end to end: permission, Q&A channels, quoting switch, language, and that everything
 * survives a restart of the bot (same DATA_DIR). Also: registration is skipped when unchanged.
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

const GUILD = "111111111111111111";
const GENERAL = "222222222222222222";
const QA = "222222222222222223";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    guilds: [{ id: GUILD, channels: [GENERAL, QA], preferredLocale: "fr" }],
  });
  await h.bot.commandsSynced;
});
afterAll(async () => {
  await h?.close();
});

async function settings(options: Json[], memberPermissions = ADMIN, locale = "fr") {
  const { id } = await h.fake.sendInteraction(
    h.fake.chatInput("settings", options, { memberPermissions, locale }),
  );
  return responseData(h.fake, id);
}

const sub = (name: string, options: Json[] = []): Json => ({ name, type: 1, options });
const group = (name: string, subcommand: Json): Json => ({ name, type: 2, options: [subcommand] });
const channel = (id: string): Json => ({ name: "channel", type: 7, value: id });

async function flush(): Promise<void> {
  const sentinel = h.fake.sendMessage({ channelId: GENERAL, content: "comme le dit la mesure 1" });
  await replyTo(h.fake, sentinel.id);
}

describe("/settings", () => {
  it("refuses members without Manage Server", async () => {
    const data = await settings(
      [sub("quoting", [{ name: "enabled", type: 5, value: false }])],
      "0",
    );
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(data.content)).toMatch(/Gérer le serveur/);
    expect((await h.bot.store.settings.get(GUILD)).quoting).toBe(true);
  });

  it("shows the defaults", async () => {
    const data = await settings([sub("show")]);
    const fields = embedsOf(data)[0]?.fields ?? [];
    expect(fields.map((f) => f.value)).toEqual([
      "aucun",
      "activée",
      "activée",
      "automatique (langue du serveur)",
      expect.stringMatching(/Texte des questions : non gardé\. Tout est effacé après 90 jours/),
      "accordée : citation automatique, salons de questions-réponses et vérification des citations fonctionnent.",
    ]);
  });

  it("answers every question in a Q&A channel, and stays quiet on chatter there", async () => {
    const added = await settings([group("qa-channels", sub("add", [channel(QA)]))]);
    expect(String(added.content)).toContain(`<#${QA}>`);
    const question = h.fake.sendMessage({ channelId: QA, content: "qui a signé ce texte ?" });
    expect(embedsOf((await replyTo(h.fake, question.id)).body as Json)[0]?.title).toMatch(
      /^Signataires/,
    );
    const chatter = h.fake.sendMessage({ channelId: QA, content: "bonjour à tous" });
    const elsewhere = h.fake.sendMessage({ channelId: GENERAL, content: "qui a signé ce texte ?" });
    // Only a closest passage (a word the bot has never seen): no public guess in a Q&A channel.
    const unsure = h.fake.sendMessage({
      channelId: QA,
      content: "et la coopération avec zyxwvut ?",
    });
    await flush();
    expect(repliesTo(h.fake, chatter.id)).toHaveLength(0);
    expect(repliesTo(h.fake, elsewhere.id)).toHaveLength(0);
    expect(repliesTo(h.fake, unsure.id)).toHaveLength(0);
    const list = await settings([group("qa-channels", sub("list"))]);
    expect(embedsOf(list)[0]?.fields?.[0]?.value).toBe(`<#${QA}>`);
  });

  it("switches quoting off", async () => {
    await settings([sub("quoting", [{ name: "enabled", type: 5, value: false }])]);
    const { id } = h.fake.sendMessage({
      channelId: GENERAL,
      content: "Comme le dit la mesure 4, oui.",
    });
    // Quoting is off, so the usual sentinel cannot be used: ask the bot directly instead.
    const sentinel = h.fake.sendMessage({
      channelId: GENERAL,
      content: `<@${h.fake.botUserId}> mesure 1`,
      mentions: [h.fake.botUserId],
    });
    await replyTo(h.fake, sentinel.id);
    expect(repliesTo(h.fake, id)).toHaveLength(0);
  });

  it("sets the chat language", async () => {
    const data = await settings([sub("language", [{ name: "value", type: 3, value: "en" }])]);
    expect(String(data.content)).toContain("anglais");
  });

  it("keeps every setting after a restart, and does not re-register unchanged commands", async () => {
    const putsBefore = h.fake.requests.filter((r) => r.method === "PUT").length;
    await h.restart();
    expect(await h.bot.commandsSynced).toBe("unchanged");
    expect(h.fake.requests.filter((r) => r.method === "PUT").length).toBe(putsBefore);

    expect(await h.bot.store.settings.get(GUILD)).toEqual({
      qaChannels: [QA],
      quoting: false,
      quoteCheck: true,
      language: "en",
      feedbackText: false,
    });
    // Q&A channel still answered, in English now.
    const question = h.fake.sendMessage({ channelId: QA, content: "qui a signé ce texte ?" });
    const [embed] = embedsOf((await replyTo(h.fake, question.id)).body as Json);
    expect(embed?.title).toMatch(/^Signatories/);
    // Quoting still off.
    const cited = h.fake.sendMessage({
      channelId: GENERAL,
      content: "Comme le dit la mesure 4, oui.",
    });
    const sentinel = h.fake.sendMessage({ channelId: QA, content: "qui a signé ?" });
    await replyTo(h.fake, sentinel.id);
    expect(repliesTo(h.fake, cited.id)).toHaveLength(0);
  });

  it("removes a Q&A channel and goes back to automatic language", async () => {
    const removed = await settings([group("qa-channels", sub("remove", [channel(QA)]))]);
    expect(String(removed.content)).toMatch(/n’est plus/);
    await settings([sub("language", [{ name: "value", type: 3, value: "auto" }])]);
    await settings([sub("quoting", [{ name: "enabled", type: 5, value: true }])]);
    expect(await h.bot.store.settings.get(GUILD)).toEqual({
      qaChannels: [],
      quoting: true,
      quoteCheck: true,
      language: null,
      feedbackText: false,
    });
  });
});
