/**
 * Without the Message Content intent, end to end. The loopback Discord refuses the privileged
 * intent (close 4014) as Discord does for an application whose Developer Portal switch is off;
 * with DISCORD_MESSAGE_CONTENT=auto the bot warns once, reconnects without it, and carries on:
 * slash commands, mentions, replies that ping it, DMs and message commands work; auto-quoting,
 * Q&A channels and chat quote checks stop, and /settings show and /help say so. Also: =off never
 * asks for the intent, and =on stops with one line naming the switch.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/discord/gateway/bot.ts";
import { createLogger } from "../../src/log.ts";
import { StartFailure } from "../../src/runtime/start-failure.ts";
import { DEFAULT_CHANNEL_ID, type Json, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import {
  ADMIN,
  botConfig,
  EPHEMERAL,
  embedsOf,
  repliesTo,
  replyTo,
  responseData,
  startHarness,
} from "../support/bot-harness.ts";
import { logLine, type Rig, startRig, WARN_LEVEL } from "../support/reliability.ts";

const CONTENT = GatewayIntentBits.MessageContent;
/** Manage Server on top of an ordinary member's permissions. */
const QA = "222222222222222229";

let rig: Rig;
let botId: string;
beforeAll(async () => {
  rig = await startRig({
    fake: {
      privilegedIntents: 0,
      guilds: [{ id: "111111111111111111", channels: [DEFAULT_CHANNEL_ID, QA] }],
    },
  });
  botId = rig.fake.botUserId;
});
afterAll(async () => {
  await rig?.close();
});

/** A mention the bot always answers: sent after a message, its reply proves the first was seen. */
async function flush(): Promise<void> {
  const sentinel = rig.fake.sendMessage({ content: `<@${botId}> mesure 1`, mentions: [botId] });
  await replyTo(rig.fake, sentinel.id);
}

describe("DISCORD_MESSAGE_CONTENT=auto when Discord refuses the intent", () => {
  it("asks for the intent, is closed with 4014, and identifies again without it", () => {
    const [first, second, ...rest] = rig.fake.identifies;
    expect(first && first.intents & CONTENT).toBe(CONTENT);
    expect(second && second.intents & CONTENT).toBe(0);
    expect(rest).toHaveLength(0);
  });

  it("logs one warning naming the Developer Portal switch", () => {
    const warnings = rig.logs().filter((l) => l.level === WARN_LEVEL);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/Message Content Intent/);
    expect(warnings[0]?.msg).toMatch(
      /Developer Portal → your application → Bot → Privileged Gateway Intents/,
    );
  });

  it("answers slash commands", async () => {
    const { id } = await rig.fake.sendInteraction(rig.fake.chatInput("measure", { number: 3 }));
    expect(embedsOf(await responseData(rig.fake, id))[0]?.title).toMatch(/^Mesure 3/);
  });

  it("answers a mention (Discord sends its content)", async () => {
    const { id } = rig.fake.sendMessage({
      content: `<@${botId}> qui a signé ce texte ?`,
      mentions: [botId],
    });
    const body = (await replyTo(rig.fake, id)).body as Json;
    expect(embedsOf(body)[0]?.title).toMatch(/^Signataires/);
  });

  it("answers a reply that pings it, but cannot read one that does not", async () => {
    const first = rig.fake.sendMessage({ content: `<@${botId}> mesure 2`, mentions: [botId] });
    const botMessage = String(((await replyTo(rig.fake, first.id)).response as Json).id);
    const silent = rig.fake.sendMessage({
      content: "et qui a signé ce texte ?",
      referencedMessageId: botMessage,
    });
    const pinging = rig.fake.sendMessage({
      content: "et qui a signé ce texte ?",
      referencedMessageId: botMessage,
      replyPing: true,
    });
    expect(embedsOf((await replyTo(rig.fake, pinging.id)).body as Json)[0]?.title).toMatch(
      /^Signataires/,
    );
    expect(repliesTo(rig.fake, silent.id)).toHaveLength(0);
  });

  it("answers a direct message", async () => {
    const { id } = rig.fake.sendMessage({
      channelId: "999999999999999001",
      content: "who signed the declaration?",
    });
    const body = (await replyTo(rig.fake, id)).body as Json;
    expect(embedsOf(body)[0]?.title).toMatch(/^Signatories/);
  });

  it("checks a quotation addressed to it, verbatim ones too", async () => {
    const { id } = rig.fake.sendMessage({
      content: `<@${botId}> la mesure 4 dit « Faciliter les contacts entre l’OTSC et l’OTAN » ?`,
      mentions: [botId],
    });
    const [embed] = embedsOf((await replyTo(rig.fake, id)).body as Json);
    expect(embed?.title).toBe("Citation mal attribuée");
    expect(embed?.description).toContain("Mesure 3");
  });

  it("stops auto-quoting, quote checks and Q&A channels: it cannot read that chat", async () => {
    const settings = (options: Json[]) =>
      rig.fake
        .sendInteraction(rig.fake.chatInput("settings", options, { memberPermissions: ADMIN }))
        .then(({ id }) => responseData(rig.fake, id));
    await settings([
      {
        name: "qa-channels",
        type: 2,
        options: [{ name: "add", type: 1, options: [{ name: "channel", type: 7, value: QA }] }],
      },
    ]);
    const cited = rig.fake.sendMessage({ content: "Comme le dit la mesure 4, oui." });
    const quoted = rig.fake.sendMessage({
      content:
        "la mesure 3 dit « Faciliter les contacts entre l’OTSC et l’OTAN pour ne pas prévenir »",
    });
    const question = rig.fake.sendMessage({ channelId: QA, content: "qui a signé ce texte ?" });
    await flush();
    expect(repliesTo(rig.fake, cited.id)).toHaveLength(0);
    expect(repliesTo(rig.fake, quoted.id)).toHaveLength(0);
    expect(repliesTo(rig.fake, question.id)).toHaveLength(0);
  });

  it("message commands read the message: Find, Check quote, Quote cited clauses", async () => {
    const target = rig.fake.sendMessage({
      content:
        "Comme le dit la mesure 4 : « Organiser régulièrement des briefings sur les exercices les plus secrets »",
    });
    const find = await rig.fake.sendInteraction(
      rig.fake.messageContextMenu("Find in declaration", { id: target.id }),
    );
    expect(embedsOf(await responseData(rig.fake, find.id))[0]?.title).toMatch(/^Mesure 4/);

    const check = await rig.fake.sendInteraction(
      rig.fake.messageContextMenu("Check quote", { id: target.id }),
    );
    const checked = await responseData(rig.fake, check.id);
    expect(Number(checked.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const [verdict] = embedsOf(checked);
    expect(verdict?.title).toMatch(/^Citation inexacte/);
    expect(verdict?.description).toContain("~~importantes~~ → **secrets**");

    const cite = await rig.fake.sendInteraction(
      rig.fake.messageContextMenu("Quote cited clauses", { id: target.id }),
    );
    const cards = await responseData(rig.fake, cite.id);
    expect(Number(cards.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(embedsOf(cards)[0]?.title).toMatch(/^Mesure 4/);
  });

  it("/settings show and /help say which features are off, and why", async () => {
    const show = await rig.fake.sendInteraction(
      rig.fake.chatInput("settings", [{ name: "show", type: 1 }], { memberPermissions: ADMIN }),
    );
    const fields = embedsOf(await responseData(rig.fake, show.id))[0]?.fields ?? [];
    const status = fields.find((f) => f.name.startsWith("Lecture de la discussion"));
    expect(status?.value).toMatch(/refusée par Discord/);
    expect(status?.value).toMatch(/citation automatique, les salons de questions-réponses/);
    expect(fields.find((f) => f.name.startsWith("Salons"))?.value).toMatch(/sans effet/);

    const help = await rig.fake.sendInteraction(
      rig.fake.chatInput("help", {}, { locale: "en-US" }),
    );
    const helpFields = embedsOf(await responseData(rig.fake, help.id))[0]?.fields ?? [];
    const off = helpFields.find((f) => f.name.startsWith("Reading chat"));
    expect(off?.value).toMatch(/refused by Discord/);
    expect(off?.value).toMatch(/Off: auto-quoting, Q&A channels and quote checks/);
  });
});

describe("the switch turned off while the bot runs (auto)", () => {
  it("a later IDENTIFY refused with 4014: one warning, the bot carries on without the intent", async () => {
    const running = await startRig({});
    try {
      const { fake } = running;
      expect(fake.identifies.map((i) => i.intents & CONTENT)).toEqual([CONTENT]);
      // The owner turns the switch off; the next session (here after an invalid session) is refused.
      fake.setPrivilegedIntents(0);
      fake.invalidateSession(false);
      const warning = await logLine(running, "the refusal warning", (l) =>
        /Message Content Intent/.test(String(l.msg)),
      );
      expect(warning.level).toBe(WARN_LEVEL);
      await logLine(
        running,
        "the reconnection",
        (l) => l.msg === "connected to Discord without Message Content",
      );
      expect(fake.identifies.map((i) => i.intents & CONTENT)).toEqual([CONTENT, CONTENT, 0]);
      // Still answering: a slash command and a mention.
      const { id } = await fake.sendInteraction(fake.chatInput("measure", { number: 2 }));
      expect(embedsOf(await responseData(fake, id))[0]?.title).toMatch(/^Mesure 2/);
      const mention = fake.sendMessage({
        content: `<@${fake.botUserId}> mesure 4`,
        mentions: [fake.botUserId],
      });
      expect(embedsOf((await replyTo(fake, mention.id)).body as Json)[0]?.title).toMatch(
        /^Mesure 4/,
      );
    } finally {
      await running.close();
    }
  }, 20_000);
});

describe("DISCORD_MESSAGE_CONTENT=off and =on", () => {
  it("off: identifies without the intent; a message without a mention arrives empty and is left alone", async () => {
    const h = await startHarness({}, (c) => ({
      ...c,
      discord: c.discord && { ...c.discord, messageContent: "off" },
    }));
    try {
      expect(h.fake.identifies.map((i) => i.intents & CONTENT)).toEqual([0]);
      const cited = h.fake.sendMessage({ content: "Comme le dit la mesure 4, oui." });
      const sentinel = h.fake.sendMessage({
        content: `<@${h.fake.botUserId}> mesure 1`,
        mentions: [h.fake.botUserId],
      });
      await replyTo(h.fake, sentinel.id);
      expect(repliesTo(h.fake, cited.id)).toHaveLength(0);
      const show = await h.fake.sendInteraction(
        h.fake.chatInput("settings", [{ name: "show", type: 1 }], { memberPermissions: ADMIN }),
      );
      const fields = embedsOf(await responseData(h.fake, show.id))[0]?.fields ?? [];
      expect(fields.at(-1)?.value).toMatch(/DISCORD_MESSAGE_CONTENT=off/);
    } finally {
      await h.close();
    }
  });

  it("on: a refused intent stops the start with one line naming the switch", async () => {
    const fake = await startFakeDiscord({ privilegedIntents: 0 });
    const dataDir = mkdtempSync(path.join(tmpdir(), "declaration-bot-on-"));
    try {
      const base = botConfig(fake, dataDir);
      const config = {
        ...base,
        discord: base.discord && { ...base.discord, messageContent: "on" as const },
      };
      const start = startBot(config, { logger: createLogger("silent") });
      await expect(start).rejects.toBeInstanceOf(StartFailure);
      await expect(start).rejects.toThrow(/Privileged Gateway Intents → Message Content Intent/);
    } finally {
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
