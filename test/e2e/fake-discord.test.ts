/**
 * Proves the fake Discord is faithful enough for the real discord.js client: connection, commands,
 * interactions, messages, reconnection and sharding all go through discord.js's own code paths.
 */

import { once } from "node:events";
import {
  Client,
  type ClientOptions,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  Partials,
} from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_GUILD_ID,
  type FakeDiscord,
  guildIdOnShard,
  type Json,
  startFakeDiscord,
} from "../../tools/fake-discord/index.ts";

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
];

let fake: FakeDiscord | undefined;
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
  await fake?.close();
  fake = undefined;
});

async function startFake(opts?: Parameters<typeof startFakeDiscord>[0]): Promise<FakeDiscord> {
  fake = await startFakeDiscord(opts);
  return fake;
}

async function connect(f: FakeDiscord, extra: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const client = new Client({ intents: INTENTS, ...f.clientOptions(), ...extra });
  clients.push(client);
  const ready = once(client, Events.ClientReady);
  await client.login(f.token);
  await ready;
  return client as Client<true>;
}

/** Error codes the "tardif" command got back from Discord. */
const late: Array<number | undefined> = [];

/** A minimal bot: enough behaviour to exercise every kind of response the fake must accept. */
function serve(client: Client): void {
  client.on(Events.InteractionCreate, async (i: Interaction) => {
    if (i.isAutocomplete()) {
      await i.respond([{ name: `${i.options.getFocused()}…`, value: "m1" }]);
    } else if (i.isChatInputCommand() && i.commandName === "mesure") {
      const n = i.options.getInteger("numero", true);
      await i.reply({
        embeds: [new EmbedBuilder().setTitle(`Mesure ${n}`).setFooter({ text: i.locale })],
      });
    } else if (i.isChatInputCommand() && i.commandName === "lent") {
      await i.deferReply();
      await i.editReply({ content: "réponse différée" });
    } else if (i.isChatInputCommand() && i.commandName === "suivi") {
      const res = await i.reply({ content: "première", withResponse: true });
      await i.followUp({ content: `suite de ${res.resource?.message?.id}` });
    } else if (i.isChatInputCommand() && i.commandName === "tardif") {
      await new Promise((r) => setTimeout(r, 100));
      await i
        .reply({ content: "trop tard" })
        .catch((err: { code?: number }) => late.push(err.code));
    } else if (i.isButton()) {
      await i.update({ content: `bouton ${i.customId}`, components: [] });
    } else if (i.isMessageContextMenuCommand()) {
      await i.reply({ content: `cité: ${i.targetMessage.content}`, flags: 64 });
    }
  });
  client.on(Events.MessageCreate, async (m: Message) => {
    if (m.author.bot) return;
    await m.reply({
      content: `écho: ${m.content}`,
      allowedMentions: { parse: [], repliedUser: false },
    });
  });
}

async function callbackOf(f: FakeDiscord, interactionId: string): Promise<Json> {
  const r = await f.waitForRequest(
    (q) => q.path.startsWith(`/interactions/${interactionId}/`) && q.status < 400,
  );
  return r.body as Json;
}

describe("fake Discord against the real discord.js client", () => {
  it("connects, delivers its guild and stores registered commands", async () => {
    const f = await startFake();
    const client = await connect(f);

    const guild = client.guilds.cache.get(DEFAULT_GUILD_ID);
    expect(guild?.preferredLocale).toBe("fr");
    expect(guild?.channels.cache.get(DEFAULT_CHANNEL_ID)?.isTextBased()).toBe(true);
    expect(client.user.id).toBe(f.botUserId);
    expect(f.identifies).toEqual([
      { shard: [0, 1], intents: expect.any(Number), at: expect.any(Number) },
    ]);
    expect(f.connections()).toBe(1);
    expect(f.requests.filter((r) => r.status === 404)).toEqual([]);

    const set = await client.application.commands.set([
      {
        name: "mesure",
        description: "Cite une mesure",
        options: [{ name: "numero", description: "1 à 6", type: 4, required: true }],
      },
    ]);
    expect(f.commands().map((c) => c.name)).toEqual(["mesure"]);
    expect(set.first()?.id).toBe(f.commands()[0]?.id);
  });

  it("rejects commands Discord would reject", async () => {
    const f = await startFake();
    const client = await connect(f);
    // Discord's schema allows capitals; its name rules, which the hand-written checks follow, do not.
    await expect(
      client.application.commands.set([{ name: "Mesure", description: "x" }]),
    ).rejects.toMatchObject({ code: 50035, status: 400 });
    await expect(
      client.application.commands.set([{ name: "mesure", description: "x".repeat(101) }]),
    ).rejects.toMatchObject({ code: 50035, status: 400 });
    expect(f.takeSchemaRefusals().map((r) => r.schemaProblems)).toEqual([
      ["0.description: Too big: expected string to have <=100 characters"],
    ]);
  });

  it("answers a slash command with an embed", async () => {
    const f = await startFake();
    serve(await connect(f));

    const { id } = await f.sendInteraction(f.chatInput("mesure", { numero: 3 }, { locale: "ru" }));

    const body = await callbackOf(f, id);
    expect(body.type).toBe(4);
    expect(body.data).toMatchObject({ embeds: [{ title: "Mesure 3", footer: { text: "ru" } }] });
    expect(f.interactionResponses(id)).toHaveLength(1);
  });

  it("supports deferReply then editReply", async () => {
    const f = await startFake();
    serve(await connect(f));

    const { id } = await f.sendInteraction(f.chatInput("lent"));
    const edit = await f.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith("/@original"),
    );

    expect(f.interactionResponses(id).map((r) => r.method)).toEqual(["POST", "PATCH"]);
    expect((await callbackOf(f, id)).type).toBe(5);
    const original = f.message((edit.response as Json).id as string);
    expect(original).toMatchObject({ content: "réponse différée", flags: 0 });
  });

  it("returns the callback response when asked, then accepts follow-ups", async () => {
    const f = await startFake();
    serve(await connect(f));

    const { id } = await f.sendInteraction(f.chatInput("suivi"));
    const followUp = await f.waitForRequest(
      (r) => r.method === "POST" && r.path.startsWith("/webhooks/"),
    );

    const [callback] = f.interactionResponses(id);
    expect(callback?.query.with_response).toBe("true");
    const response = callback?.response as { resource: { message: Json } } | undefined;
    const original = response?.resource.message;
    expect(followUp.body).toMatchObject({ content: `suite de ${original?.id}` });
  });

  it("answers 10062 Unknown interaction after the response window", async () => {
    const f = await startFake({ interactionDeadlineMs: 50 });
    serve(await connect(f));
    late.length = 0;

    await f.sendInteraction(f.chatInput("tardif"));
    await f.waitForRequest((r) => r.path.endsWith("/callback"));

    await expect.poll(() => late).toEqual([10062]);
  });

  it("updates the message a button sits on, answers autocomplete and context menus", async () => {
    const f = await startFake();
    serve(await connect(f));

    const click = f.button("suivant");
    await f.sendInteraction(click);
    await f.waitForRequest((r) => r.path.startsWith(`/interactions/${click.id}/`));
    expect(f.message(String((click.message as Json).id))).toMatchObject({
      content: "bouton suivant",
    });

    const auto = await f.sendInteraction(f.chatInput("mesure", { numero: "tro" }, { type: 4 }));
    await f.waitForRequest((r) => r.path.startsWith(`/interactions/${auto.id}/`));
    expect(f.interaction(auto.id)?.autocompleteChoices).toEqual([{ name: "tro…", value: "m1" }]);

    const menu = await f.sendInteraction(f.messageContextMenu("Citer", { content: "Mesure 2" }));
    expect((await callbackOf(f, menu.id)).data).toMatchObject({
      content: "cité: Mesure 2",
      flags: 64,
    });
  });

  it("replies to a message without pinging anyone", async () => {
    const f = await startFake();
    serve(await connect(f));

    const { id } = f.sendMessage({ content: "mesure 4" });
    const reply = await f.waitForRequest(
      (r) => r.path === `/channels/${DEFAULT_CHANNEL_ID}/messages`,
    );

    expect(reply.body).toMatchObject({
      content: "écho: mesure 4",
      allowed_mentions: { parse: [], replied_user: false },
      message_reference: { message_id: id },
    });
    expect(reply.response).toMatchObject({ type: 19, referenced_message: { id } });
    // The bot's own reply is echoed back over the gateway and must not be answered again.
    await new Promise((r) => setTimeout(r, 50));
    expect(f.channelMessages()).toHaveLength(1);
  });

  it("withholds message content without the MessageContent intent", async () => {
    const f = await startFake();
    const client = await connect(f, {
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    });
    const received = once(client, Events.MessageCreate) as Promise<[Message]>;
    f.sendMessage({ content: "secret" });
    const [message] = await received;
    expect(message.content).toBe("");
  });

  it("sends the content of messages that mention the bot, and of DMs, without the intent", async () => {
    const f = await startFake();
    const client = await connect(f, {
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.DirectMessages,
      ],
      partials: [Partials.Channel],
    });
    const mention = once(client, Events.MessageCreate) as Promise<[Message]>;
    f.sendMessage({ content: `<@${f.botUserId}> bonjour`, mentions: [f.botUserId] });
    expect((await mention)[0].content).toBe(`<@${f.botUserId}> bonjour`);
    const dm = once(client, Events.MessageCreate) as Promise<[Message]>;
    f.sendMessage({ channelId: "999999999999999002", content: "en privé" });
    expect((await dm)[0].content).toBe("en privé");
  });

  it("closes with 4014 an IDENTIFY asking for a privileged intent the application may not use", async () => {
    const f = await startFake({ privilegedIntents: 0 });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent],
      ...f.clientOptions(),
    });
    const closed = once(client, Events.ShardDisconnect) as Promise<[{ code: number }]>;
    await expect(client.login(f.token)).rejects.toThrow(/disallowed intents/i);
    expect((await closed)[0].code).toBe(4014);
    await client.destroy();
  });

  it("resumes after a resumable close (4000) and keeps serving", async () => {
    const f = await startFake();
    const client = await connect(f);
    serve(client);

    const resumed = once(client, Events.ShardResume);
    f.closeConnections(4000);
    await resumed;

    expect(f.resumes).toEqual([expect.objectContaining({ accepted: true })]);
    expect(f.identifies).toHaveLength(1);
    const { id } = await f.sendInteraction(f.chatInput("mesure", { numero: 1 }));
    expect((await callbackOf(f, id)).type).toBe(4);
  });

  it.each([
    ["a 4009 close", (f: FakeDiscord) => f.closeConnections(4009)],
    ["a non-resumable invalid session", (f: FakeDiscord) => f.invalidateSession(false)],
  ])("identifies again after %s and keeps serving", async (_, disrupt) => {
    const f = await startFake();
    const client = await connect(f);
    serve(client);

    const reidentified = once(client, Events.ShardReady);
    disrupt(f);
    await reidentified;

    expect(f.identifies).toHaveLength(2);
    expect(f.resumes.every((r) => !r.accepted)).toBe(true);
    const { id } = await f.sendInteraction(f.chatInput("mesure", { numero: 2 }));
    expect((await callbackOf(f, id)).type).toBe(4);
  });

  it("lets discord.js retry a 429 after retry-after", async () => {
    const f = await startFake();
    serve(await connect(f));
    f.failNext(
      { method: "POST", path: /\/callback$/ },
      { status: 429, headers: { "retry-after": "0.2" } },
    );

    const { id } = await f.sendInteraction(f.chatInput("mesure", { numero: 5 }));
    const ok = await f.waitForRequest(
      (r) => r.path.startsWith(`/interactions/${id}/`) && r.status === 204,
    );

    const [limited] = f.requests.filter((r) => r.injected);
    expect(limited?.status).toBe(429);
    expect(ok.at - (limited?.at ?? 0)).toBeGreaterThanOrEqual(190);
  });

  it("routes each guild to the client holding its shard", async () => {
    const [a, b] = [guildIdOnShard(0, 2), guildIdOnShard(1, 2)];
    const f = await startFake({ shards: 2, guilds: [{ id: a }, { id: b }] });
    const shard0 = await connect(f, { shards: [0], shardCount: 2 });
    const shard1 = await connect(f, { shards: [1], shardCount: 2 });
    serve(shard0);
    serve(shard1);

    expect(f.identifies.map((i) => i.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...shard0.guilds.cache.keys()]).toEqual([a]);
    expect([...shard1.guilds.cache.keys()]).toEqual([b]);

    const seen: string[] = [];
    shard0.on(Events.InteractionCreate, () => seen.push("shard0"));
    shard1.on(Events.InteractionCreate, () => seen.push("shard1"));
    const { id } = await f.sendInteraction(f.chatInput("mesure", { numero: 6 }, { guildId: b }));
    await callbackOf(f, id);
    expect(seen).toEqual(["shard1"]);
  });
});
