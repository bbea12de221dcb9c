import { describe, expect, it } from "vitest";
import { DEFAULT_FEEDBACK_RETENTION_DAYS } from "../../src/config.ts";
import { getEngine } from "../../src/core/engine.ts";
import { chatReply, stripBotMention } from "../../src/discord/handlers/chat.ts";
import type { BotContext } from "../../src/discord/interaction/context.ts";
import type { CardPayload } from "../../src/discord/render/card.ts";
import { createLogger } from "../../src/log.ts";
import { openStore } from "../../src/store/index.ts";
import { DEFAULT_SETTINGS, type GuildSettings } from "../../src/store/settings.ts";
import { growth } from "../support/timing.ts";

const ctx: BotContext = {
  engine: getEngine(),
  store: await openStore({
    dataDir: ":memory:",
    logger: createLogger("silent"),
    replayWindowMs: 300_000,
  }),
  logger: createLogger("silent"),
  feedbackRetentionDays: DEFAULT_FEEDBACK_RETENTION_DAYS,
};

/** What chatReply sees of each test server: its settings, as the store would give them. */
const servers = new Map<string, Partial<GuildSettings>>();

function decide(content: string, extra: Partial<Parameters<typeof chatReply>[0]> = {}) {
  const guild = extra.guildId === undefined ? "1" : extra.guildId;
  return chatReply(
    {
      content,
      channelId: "10",
      guildId: "1",
      addressed: false,
      parentChannelId: null,
      preferredLocale: "fr",
      ...extra,
    },
    ctx,
    { ...DEFAULT_SETTINGS, ...(guild === null ? {} : servers.get(guild)) },
  );
}

function titles(result: ReturnType<typeof decide>): string[] {
  return (result?.reply.embeds ?? []).map((e) => String(e.title));
}

describe("reference detection in chat", () => {
  it("quotes the clause a message cites", () => {
    expect(
      titles(decide("Comme le dit la mesure 4, les briefings devraient être réguliers.")),
    ).toEqual([expect.stringMatching(/^Mesure 4/)]);
    expect(titles(decide("As measure 2 says, consultations matter."))).toEqual([
      expect.stringMatching(/^Mesure 2/),
    ]);
  });

  it("quotes at most three clauses however many are cited", () => {
    expect(titles(decide("mesures 1, 2, 3, 4, 5 et 6 ".repeat(40)))).toHaveLength(3);
  });

  it("says nothing on chatter", () => {
    expect(decide("salut, on se voit demain ?")).toBeNull();
    expect(decide("")).toBeNull();
  });

  it("respects the per-server quoting switch", () => {
    servers.set("2", { quoting: false });
    expect(decide("comme le dit la mesure 4", { guildId: "2" })).toBeNull();
    // A question put to the bot is still answered.
    expect(titles(decide("mesure 4", { guildId: "2", addressed: true }))).toHaveLength(1);
  });

  it("answers questions addressed to it, with hints when nothing fits", () => {
    expect(titles(decide("qui a signé ce texte ?", { addressed: true }))).toEqual([
      expect.stringMatching(/^Signataires/),
    ]);
    const none = decide("quelle heure est-il ?", { addressed: true });
    expect(none && "content" in none.reply && none.reply.content).toMatch(
      /Rien dans la déclaration/,
    );
  });

  it("treats messages in Q&A channels (and their threads) as questions", () => {
    servers.set("3", { qaChannels: ["30"] });
    expect(
      titles(decide("qui a signé ce texte ?", { guildId: "3", channelId: "30" })),
    ).toHaveLength(1);
    expect(
      titles(decide("qui a signé ?", { guildId: "3", channelId: "31", parentChannelId: "30" })),
    ).toHaveLength(1);
    expect(decide("bonjour", { guildId: "3", channelId: "30" })).toBeNull();
  });

  it("stays silent in a Q&A channel unless sure, and hedges when asked directly", () => {
    servers.set("5", { qaChannels: ["50"] });
    // A word the bot has never seen: the closest passage, not a confident answer.
    const unsure = "anything on cooperation with zyxwvut?";
    expect(decide(unsure, { guildId: "5", channelId: "50" })).toBeNull();
    const hedged = decide(unsure, { guildId: "5", channelId: "51", addressed: true });
    expect(titles(hedged)).toEqual([expect.stringMatching(/^Considérant 4/)]);
    expect(hedged?.reply.content).toMatch(/ne dit pas cela en ces termes/);
    // Posted publicly already: no "post to the channel" button under it.
    const card = hedged?.reply as CardPayload;
    const buttons = card.components.flatMap((r) => r.components);
    expect(buttons.map((b) => ("custom_id" in b ? b.custom_id : ""))).not.toContain("post:P4");
    // A confident answer in the same channel carries no hedge.
    const sure = decide("anything on cooperation?", { guildId: "5", channelId: "50" });
    expect(titles(sure)).toEqual([expect.stringMatching(/^Considérant 4/)]);
    expect(sure?.reply.content).toBeUndefined();
  });

  it("uses the server's language setting, else its locale", () => {
    const en = decide("comme le dit la mesure 4", { preferredLocale: "en-US" });
    expect(titles(en)[0]).toMatch(/^Measure 4/);
    servers.set("4", { language: "ru" });
    expect(titles(decide("mesure 4", { guildId: "4", addressed: true }))[0]).toMatch(/^Пункт 4/);
  });
});

describe("stripBotMention", () => {
  it("removes both mention forms of the bot only", () => {
    expect(stripBotMention("<@42> qui a signé <@!42> ? <@7>", "42")).toBe("qui a signé ? <@7>");
    // The pattern is built once per bot id and reused: a second call, and another id, still work.
    expect(stripBotMention("<@42> mesure 4", "42")).toBe("mesure 4");
    expect(stripBotMention("<@42> mesure 4 <@7>", "7")).toBe("<@42> mesure 4");
  });
});

describe("the chat scan", () => {
  it("takes time in proportion to the message (4n takes well under 16 times n)", () => {
    // Quotations, references and a cue in every chunk: the quote scan, its framing and the
    // reference scan all read the whole message, up to the 4,000 characters chat reads.
    const chunk = "« ok » « à demain » mesure 3 dit « hm » ";
    const n = Math.floor(1000 / chunk.length);
    const scan = (k: number) => decide(chunk.repeat(k), { channelId: "60" });
    expect(growth(scan, n)).toBeLessThan(6);
  });
});
