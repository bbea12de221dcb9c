/**
 * The one interaction object both transports hand the handlers (interaction/interaction.ts): read
 * from Discord's raw payload, whatever shape it arrives in, and answering through a transport in
 * the order Discord requires (interaction/respond.ts). The transport here records what would be sent
 * (test/support/recording-transport.ts).
 */
import { DiscordSnowflake } from "@sapphire/snowflake";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Interaction,
  isInteractionPayload,
  type Transport,
} from "../../src/discord/interaction/interaction.ts";
import { deferIfLate, respond, respondUpdate } from "../../src/discord/interaction/respond.ts";
import { Recorder } from "../support/recording-transport.ts";

type Json = Record<string, unknown>;

const NOW = Date.UTC(2026, 11, 1, 12);
const idAt = (ms: number) => DiscordSnowflake.generate({ timestamp: ms }).toString();

/** Each test's own recorder: what would be sent, in order. */
const recorder = () => new Recorder();

function payload(fields: Json): Json {
  return { id: idAt(NOW), token: "tok", application_id: "100000000000000001", ...fields };
}

const chat = (data: Json, extra: Json = {}) =>
  payload({ type: 2, data: { type: 1, name: "settings", ...data }, ...extra });

describe("reading the payload", () => {
  it("lifts a subcommand group and subcommand out of the options", () => {
    const { transport } = recorder();
    const i = new Interaction(
      chat({
        options: [
          {
            type: 2,
            name: "qa-channels",
            options: [
              { type: 1, name: "add", options: [{ type: 7, name: "channel", value: "42" }] },
            ],
          },
        ],
        resolved: { channels: { "42": { id: "42", type: 11 } } },
      }) as never,
      transport,
    );
    expect(i.kind).toBe("chat");
    expect(i.options.group).toBe("qa-channels");
    expect(i.options.subcommand).toBe("add");
    expect(i.options.value("channel")).toBe("42");
    expect(i.options.channelType("channel")).toBe(11);
    expect(i.options.value("missing")).toBeUndefined();
  });

  it("gives autocomplete the option being typed", () => {
    const { transport } = recorder();
    const i = new Interaction(
      payload({
        type: 4,
        data: {
          type: 1,
          name: "ask",
          options: [{ type: 3, name: "question", value: "dro", focused: true }],
        },
      }) as never,
      transport,
    );
    expect(i.kind).toBe("autocomplete");
    expect(i.options.focused).toBe("dro");
    expect(i.isRepliable()).toBe(false);
  });

  it("finds a message command's target text, and reads none when Discord sent none", () => {
    const { transport } = recorder();
    const data = { type: 3, name: "Find in declaration", target_id: "7" };
    const withText = new Interaction(
      payload({
        type: 2,
        data: { ...data, resolved: { messages: { "7": { content: "mesure 3" } } } },
      }) as never,
      transport,
    );
    expect(withText.kind).toBe("message");
    expect(withText.targetContent).toBe("mesure 3");
    const without = new Interaction(payload({ type: 2, data }) as never, transport);
    expect(without.targetContent).toBe("");
  });

  it("reads what a message command's target replies to: sent, deleted, left out, or nothing", () => {
    const { transport } = recorder();
    const on = (target: unknown) =>
      new Interaction(
        payload({
          type: 2,
          data: {
            type: 3,
            name: "Find in declaration",
            target_id: "7",
            resolved: { messages: { "7": target } },
          },
        }) as never,
        transport,
      ).targetReply;
    const reference = { type: 0, message_id: "5", channel_id: "9" };
    const original = { id: "5", content: "mesure 3" };
    expect(
      on({ content: "next", message_reference: reference, referenced_message: original }),
    ).toEqual({ channelId: "9", messageId: "5", sent: original });
    expect(on({ content: "next", message_reference: reference, referenced_message: null })).toEqual(
      { channelId: "9", messageId: "5", sent: null },
    );
    expect(on({ content: "next", message_reference: reference })).toEqual({
      channelId: "9",
      messageId: "5",
      sent: undefined,
    });
    // No reply: none at all, a forward, or a reference Discord could not have sent.
    expect(on({ content: "next" })).toBeNull();
    expect(on({ content: "", message_reference: { ...reference, type: 1 } })).toBeNull();
    for (const junk of [
      null,
      "x",
      { message_reference: "5" },
      { message_reference: { message_id: 5 } },
    ]) {
      expect(on(junk)).toBeNull();
    }
  });

  it("tells buttons from menus, and reads the message they sit on", () => {
    const { transport } = recorder();
    const rows = [{ type: 1, components: [{ type: 2, style: 2, custom_id: "next:M4" }] }];
    const button = new Interaction(
      payload({
        type: 3,
        data: { component_type: 2, custom_id: "next:M4" },
        message: { flags: 64, components: rows },
      }) as never,
      transport,
    );
    expect(button.kind).toBe("button");
    expect(button.customId).toBe("next:M4");
    expect(button.onEphemeralMessage).toBe(true);
    expect(button.messageRows).toEqual(rows);
    const menu = new Interaction(
      payload({
        type: 3,
        data: { component_type: 3, custom_id: "open", values: ["M2", 5] },
        message: { flags: 0 },
      }) as never,
      transport,
    );
    expect(menu.kind).toBe("select");
    expect(menu.values).toEqual(["M2"]);
    expect(menu.onEphemeralMessage).toBe(false);
  });

  it("knows the user in a server (member) and in a DM (user)", () => {
    const { transport } = recorder();
    const inGuild = new Interaction(
      chat({}, { guild_id: "9", member: { user: { id: "11" }, permissions: "0" } }) as never,
      transport,
    );
    expect([inGuild.userId, inGuild.guildId]).toEqual(["11", "9"]);
    const inDm = new Interaction(chat({}, { user: { id: "12" } }) as never, transport);
    expect([inDm.userId, inDm.guildId]).toEqual(["12", null]);
  });

  it("lets Manage Server or Administrator manage, and nobody else", () => {
    const { transport } = recorder();
    const as = (permissions: unknown) =>
      new Interaction(
        chat({}, { guild_id: "9", member: { user: { id: "1" }, permissions } }) as never,
        transport,
      );
    expect(as(String(1n << 5n)).canManageGuild()).toBe(true);
    expect(as(String(1n << 3n)).canManageGuild()).toBe(true);
    expect(as(String((1n << 11n) | (1n << 10n))).canManageGuild()).toBe(false);
    expect(as(undefined).canManageGuild()).toBe(false);
    expect(as("-32").canManageGuild()).toBe(false);
    expect(as(32).canManageGuild()).toBe(false);
  });

  it("reads fields of the wrong type as absent instead of failing", () => {
    const { transport } = recorder();
    const odd = payload({
      type: 2,
      locale: 5,
      guild_id: {},
      data: { type: 1, name: 3, options: "nope", resolved: null },
      member: null,
      user: null,
    });
    const i = new Interaction(odd as never, transport);
    expect([i.commandName, i.locale, i.guildId, i.userId]).toEqual(["", null, null, ""]);
    expect(i.options.value("question")).toBeUndefined();
    const nested = new Interaction(
      chat({ options: [{ type: 1, name: "show", options: [null, { name: 7 }] }] }) as never,
      transport,
    );
    expect(nested.options.subcommand).toBe("show");
  });

  it("knows when Discord created it", () => {
    const { transport } = recorder();
    expect(new Interaction(chat({}) as never, transport).createdTimestamp).toBe(NOW);
  });

  it("accepts only payloads with an id, a token, an application and a type", () => {
    expect(isInteractionPayload(chat({}))).toBe(true);
    expect(isInteractionPayload({ ...chat({}), token: 1 })).toBe(false);
    expect(isInteractionPayload(null)).toBe(false);
  });
});

describe("answering in Discord's order", () => {
  const card = { embeds: [{ title: "Mesure 3" }], allowed_mentions: { parse: [] } };

  it("replies once, then follows up", async () => {
    const { transport, sent } = recorder();
    const i = new Interaction(chat({}) as never, transport);
    await respond(i, card);
    await respond(i, { content: "more", flags: 64 });
    expect(sent.map((s) => s.kind)).toEqual(["callback", "followUp"]);
    expect(sent[0]?.body).toEqual({ type: 4, data: card });
    expect([i.replied, i.ephemeral]).toEqual([true, false]);
  });

  it("defers a late command with the visibility of its answer, then fills the deferral in", async () => {
    const { transport, sent } = recorder();
    const late = new Interaction(chat({}) as never, transport);
    expect(await deferIfLate(late, "public", NOW + 1000)).toBe(false);
    expect(await deferIfLate(late, "public", NOW + 2000)).toBe(true);
    await respond(late, { ...card, flags: 0 as never });
    expect(sent).toEqual([
      { kind: "callback", body: { type: 5, data: { flags: 0 } } },
      { kind: "edit", body: card },
    ]);
  });

  it("replaces a public placeholder when the answer turns out private", async () => {
    const { transport, sent } = recorder();
    const i = new Interaction(chat({}) as never, transport);
    await i.deferReply(false);
    await respond(i, { content: "only for you", flags: 64 });
    expect(sent.map((s) => s.kind)).toEqual(["callback", "delete", "followUp"]);
  });

  it("updates the message a component sits on, directly or after a deferred update", async () => {
    const { transport, sent } = recorder();
    const button = () =>
      new Interaction(
        payload({
          type: 3,
          data: { component_type: 2, custom_id: "next:M4" },
          message: { flags: 64 },
        }) as never,
        transport,
      );
    await respondUpdate(button(), { content: "", ...card });
    const late = button();
    expect(await deferIfLate(late, "update", NOW + 5000)).toBe(true);
    await respondUpdate(late, { content: "", ...card, flags: 64 });
    expect(sent).toEqual([
      { kind: "callback", body: { type: 7, data: { content: "", ...card } } },
      { kind: "callback", body: { type: 6 } },
      { kind: "edit", body: { content: "", ...card } },
    ]);
  });

  it("sends autocomplete choices as their own response type", async () => {
    const { transport, sent } = recorder();
    const i = new Interaction(
      payload({ type: 4, data: { type: 1, name: "ask" } }) as never,
      transport,
    );
    await i.respond([{ name: "Mesure 3", value: "M3" }]);
    expect(sent).toEqual([
      {
        kind: "callback",
        body: { type: 8, data: { choices: [{ name: "Mesure 3", value: "M3" }] } },
      },
    ]);
    expect(i.responded).toBe(true);
  });

  it("keeps its state when the first response fails", async () => {
    const transport = {
      api: {},
      callback: async () => {
        throw new Error("Unknown interaction");
      },
    } as unknown as Transport;
    const i = new Interaction(chat({}) as never, transport);
    await expect(i.reply(card)).rejects.toThrow("Unknown interaction");
    expect([i.replied, i.deferred, i.ephemeral]).toEqual([false, false, null]);
  });
});

describe("what every answer carries", () => {
  it("mentions nobody unless a payload says otherwise", async () => {
    const { transport, sent } = recorder();
    const i = new Interaction(chat({}) as never, transport);
    await i.deferReply(true);
    await i.editReply({ content: "@everyone" });
    await i.followUp({ content: "@here" });
    const bodies = sent.map((s) => s.body as Json | undefined);
    expect(bodies[1]).toEqual({
      content: "@everyone",
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(bodies[2]).toEqual({
      content: "@here",
      allowed_mentions: { parse: [], replied_user: false },
    });
  });

  it("counts a follow-up as the answer, so a later error reply follows up instead of deleting again", async () => {
    const { transport, sent } = recorder();
    const i = new Interaction(chat({}) as never, transport);
    await i.deferReply(false);
    await respond(i, { content: "only for you", flags: 64 });
    await respond(i, { content: "sorry", flags: 64 });
    expect(sent.map((s) => s.kind)).toEqual(["callback", "delete", "followUp", "followUp"]);
  });

  it("refuses a second first response without sending it", async () => {
    const { transport, sent } = recorder();
    const i = new Interaction(chat({}) as never, transport);
    await i.reply({ content: "one" });
    await expect(i.reply({ content: "two" })).rejects.toThrow(/already been acknowledged/);
    await expect(i.deferReply(true)).rejects.toThrow(/already been acknowledged/);
    expect(sent).toHaveLength(1);
  });

  it("does not take a payload whose id is not a snowflake", () => {
    expect(isInteractionPayload({ ...chat({}), id: "abc" })).toBe(false);
    expect(isInteractionPayload({ ...chat({}), token: "" })).toBe(false);
  });
});

describe("a malformed payload, for any JSON (fast-check)", () => {
  // JSON built from the field names the model reads (and a few that trip a careless String() or
  // `in`), with values of any JSON type at any of them: a payload Discord's schema would refuse
  // is still one the bot may receive.
  const FIELDS = [
    "type",
    "data",
    "name",
    "options",
    "value",
    "focused",
    "target_id",
    "custom_id",
    "component_type",
    "values",
    "resolved",
    "channels",
    "messages",
    "member",
    "user",
    "id",
    "permissions",
    "message",
    "content",
    "flags",
    "components",
    "channel_id",
    "message_reference",
    "message_id",
    "referenced_message",
    "locale",
    "guild_id",
    "1",
    "42",
    "toString",
    "valueOf",
    "__proto__",
  ];
  const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELDS) }, fc.string());
  const { json } = fc.letrec((tie) => ({
    json: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -1, max: 12 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom("", "1", "42", "8", "32", "0x20", "-1", "99999999999999999999999999"),
      fc.string(),
      fc.array(tie("json"), { maxLength: 4 }),
      fc.dictionary(key, tie("json"), { maxKeys: 6 }),
      // An object String() cannot convert, nor a template literal.
      fc.dictionary(fc.constantFrom("toString", "valueOf"), tie("json"), { minKeys: 1 }),
    ),
  }));
  const object = fc.dictionary(key, json, { maxKeys: 8 });
  // Through JSON text, as both transports receive it.
  const asReceived = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

  /** Every reading a handler may make of an interaction. */
  function readAll(i: Interaction): void {
    expect(typeof i.userId).toBe("string");
    expect(typeof i.commandName).toBe("string");
    expect(typeof i.customId).toBe("string");
    expect(i.values.every((v) => typeof v === "string")).toBe(true);
    expect(["chat", "message", "autocomplete", "button", "select", "other"]).toContain(i.kind);
    void [i.locale, i.guildId, i.options.group, i.options.subcommand];
    expect(typeof i.options.focused).toBe("string");
    for (const name of ["channel", "question", "value", "toString", "__proto__"]) {
      i.options.value(name);
      i.options.channelType(name);
    }
    expect(Number.isFinite(i.createdTimestamp)).toBe(true);
    void [i.isRepliable(), i.isCommand(), i.isComponent()];
    expect(typeof i.targetContent).toBe("string");
    void i.targetReply;
    expect(typeof i.onEphemeralMessage).toBe("boolean");
    expect(Array.isArray(i.messageRows)).toBe(true);
    expect(typeof i.canManageGuild()).toBe("boolean");
  }

  it("reads a focused option whose value String() cannot convert as nothing typed", () => {
    const { transport } = recorder();
    const raw = payload({
      type: 4,
      data: {
        type: 1,
        name: "clause",
        options: [{ name: "q", focused: true, value: { toString: null } }],
      },
    });
    const i = new Interaction(asReceived(raw) as never, transport);
    expect(i.kind).toBe("autocomplete");
    expect(i.options.focused).toBe("");
  });

  it("is refused or read without throwing, whatever its shape", () => {
    const { transport } = recorder();
    fc.assert(
      fc.property(fc.oneof(json, object), (value) => {
        const raw = asReceived(value);
        if (isInteractionPayload(raw)) readAll(new Interaction(raw, transport));
      }),
    );
  });

  it("is read without throwing when only its header is well formed", () => {
    const { transport } = recorder();
    const header = fc.record({
      id: fc.oneof(fc.constant(idAt(NOW)), fc.stringMatching(/^\d{1,20}$/)),
      token: fc.string({ minLength: 1 }),
      application_id: fc.string(),
      type: fc.oneof(fc.constantFrom(2, 3, 4), fc.integer({ min: 0, max: 6 })),
    });
    // Options shaped like Discord's (a name, a type, maybe focused, maybe nested) holding any value.
    const { option } = fc.letrec((tie) => ({
      option: fc.record(
        {
          name: fc.oneof(fc.constantFrom("channel", "question", "value"), json),
          type: fc.integer({ min: 0, max: 11 }),
          value: json,
          focused: fc.oneof(fc.constant(true), json),
          options: fc.oneof(fc.array(tie("option"), { maxLength: 3 }), json),
        },
        { requiredKeys: [] },
      ),
    }));
    const data = fc
      .record(
        {
          type: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 4 })),
          component_type: fc.oneof(fc.constantFrom(2, 3), fc.integer({ min: 0, max: 4 })),
          options: fc.oneof(fc.array(option, { maxLength: 4 }), json),
        },
        { requiredKeys: [] },
      )
      .chain((d) => object.map((rest) => ({ ...rest, ...d })));
    const kinds = fc.record(
      {
        data: fc.oneof(json, data),
        member: json,
        user: json,
        message: json,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(object, kinds, header, (rest, fields, h) => {
        const raw = asReceived({ ...rest, ...fields, ...h });
        expect(isInteractionPayload(raw)).toBe(true);
        readAll(new Interaction(raw as never, transport));
      }),
      { numRuns: 1000 },
    );
  });
});
