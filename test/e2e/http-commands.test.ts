/**
 * One command implementation for both transports ("Answers"): the bot runs with the gateway
 * and an interactions endpoint, and each command, autocomplete, button and menu is sent once over
 * the gateway and once as a signed POST. The initial responses must be identical, allowed_mentions
 * included; what follows a deferral (follow-ups, edits of @original) goes over REST. Chat still
 * comes over the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFER_AFTER_MS } from "../../src/discord/interaction/respond.ts";
import type { InteractionSpec, Json, RecordedRequest } from "../../tools/fake-discord/index.ts";
import {
  callbackOf,
  EPHEMERAL,
  type Harness,
  replyTo,
  startHarness,
} from "../support/bot-harness.ts";
import { aged, user } from "../support/reliability.ts";

let h: Harness;
let endpoint: string;
beforeAll(async () => {
  h = await startHarness({}, (config, fake) => ({
    ...config,
    interactions: { host: "127.0.0.1", port: 0, publicKey: fake.publicKey },
  }));
  await h.bot.commandsSynced;
  endpoint = `http://127.0.0.1:${h.bot.endpoint?.port}/interactions`;
}, 30_000);
afterAll(async () => {
  await h?.close();
});

/** The initial response to `make()`'s interaction over `transport`. */
async function initial(
  transport: "gateway" | "http",
  make: () => InteractionSpec,
): Promise<{ spec: InteractionSpec; callback: RecordedRequest }> {
  h.fake.useInteractionsEndpoint(transport === "http" ? endpoint : null);
  const spec = make();
  await h.fake.sendInteraction(spec);
  await callbackOf(h.fake, spec.id);
  const [callback] = h.fake.interactionResponses(spec.id);
  if (!callback) throw new Error(`no accepted response to ${spec.id}`);
  expect(callback.via).toBe(transport === "http" ? "http" : undefined);
  return { spec, callback };
}

const MANAGER = { memberPermissions: "32" };

/** A callback body with each feedback button's answer id (one per answer given) left out. */
function sameAnswer(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body).replace(/"(fb:(?:up|down)|fbfix):[^:"]+:/g, '"$1:…:'));
}
/** NO_MENTIONS (src/discord/render/payloads.ts) as discord.js sends it. */
const NO_MENTIONS_JSON = { parse: [], replied_user: false };

const CASES: Array<[string, () => InteractionSpec]> = [
  ["/measure 3", () => h.fake.chatInput("measure", { number: 3 })],
  ["/measure 9 (refused)", () => h.fake.chatInput("measure", { number: 9 })],
  [
    "/ask in English",
    () =>
      h.fake.chatInput(
        "ask",
        { question: "what do they propose about drug trafficking?" },
        { locale: "en-US" },
      ),
  ],
  ["/ask with no answer", () => h.fake.chatInput("ask", { question: "quelle heure est-il ?" })],
  ["/quote M4 in Russian", () => h.fake.chatInput("quote", { clause: "M4" }, { locale: "ru" })],
  ["/declaration", () => h.fake.chatInput("declaration")],
  ["/help", () => h.fake.chatInput("help")],
  ["/privacy", () => h.fake.chatInput("privacy")],
  [
    "/settings show",
    () => h.fake.chatInput("settings", [{ name: "show", type: 1, options: [] }], MANAGER),
  ],
  [
    "Find in declaration (message command)",
    () =>
      h.fake.messageContextMenu("Find in declaration", {
        content: "le trafic de drogue, ils en parlent ?",
      }),
  ],
  ["autocomplete of /ask", () => h.fake.chatInput("ask", { question: "drogue" }, { type: 4 })],
  ["a see-also button on a public card", () => h.fake.button("see:M2")],
  ["the clause menu", () => h.fake.selectMenu("open", ["M5"])],
];

describe("the same answer over the gateway and over HTTP", () => {
  for (const [name, make] of CASES) {
    it(name, async () => {
      const gateway = await initial("gateway", make);
      const http = await initial("http", make);
      expect(sameAnswer(http.callback.body)).toEqual(sameAnswer(gateway.callback.body));
      const body = http.callback.body as Json;
      if (body.type === 4 || body.type === 7) {
        expect((body.data as Json).allowed_mentions).toEqual(NO_MENTIONS_JSON);
      }
    });
  }

  it("a button on a private card updates it in place (type 7)", async () => {
    const results = [];
    for (const transport of ["gateway", "http"] as const) {
      const { spec: declaration } = await initial(transport, () => h.fake.chatInput("declaration"));
      const messageId = String(h.fake.interaction(declaration.id)?.originalId);
      const { callback } = await initial(transport, () => h.fake.button("page:1", { messageId }));
      expect((callback.body as Json).type).toBe(7);
      results.push(callback.body);
    }
    expect(results[1]).toEqual(results[0]);
  });

  it("a 👍 on an answer is taken the same way (feedback store shared)", async () => {
    const { spec: asked } = await initial("http", () =>
      h.fake.chatInput(
        "ask",
        { question: "what do they propose about drug trafficking?" },
        {
          locale: "en-US",
          user: user(20),
        },
      ),
    );
    const data = ((h.fake.interactionResponses(asked.id)[0]?.body ?? {}) as Json).data as Json;
    const up = ((data.components ?? []) as Json[])
      .flatMap((row) => (row.components ?? []) as Json[])
      .map((c) => String(c.custom_id))
      .find((id) => id.startsWith("fb:up:"));
    if (!up) throw new Error("no 👍 button under the answer");
    const messageId = String(h.fake.interaction(asked.id)?.originalId);
    const gateway = await initial("gateway", () =>
      h.fake.button(up, { messageId, user: user(21) }),
    );
    const http = await initial("http", () => h.fake.button(up, { messageId, user: user(22) }));
    expect(http.callback.body).toEqual(gateway.callback.body);
  });

  it("/settings writes the same store whichever way it came", async () => {
    const quoting = (enabled: boolean) => () =>
      h.fake.chatInput(
        "settings",
        [{ name: "quoting", type: 1, options: [{ name: "enabled", type: 5, value: enabled }] }],
        MANAGER,
      );
    const guildId = String(h.fake.chatInput("help").guild_id);
    await initial("http", quoting(false));
    expect((await h.bot.store.settings.get(guildId)).quoting).toBe(false);
    await initial("gateway", quoting(true));
    expect((await h.bot.store.settings.get(guildId)).quoting).toBe(true);
  });
});

describe("over HTTP, what follows the initial response goes over REST", () => {
  it("a late /measure is deferred in the HTTP answer (type 5), then @original is edited", async () => {
    h.fake.useInteractionsEndpoint(endpoint);
    const spec = aged(
      h.fake.chatInput("measure", { number: 2 }, { user: user(1) }),
      DEFER_AFTER_MS + 500,
    );
    await h.fake.sendInteraction(spec);
    const edit = await h.fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith(`/${spec.token}/messages/@original`),
    );
    const [defer] = h.fake.interactionResponses(spec.id);
    expect(defer?.via).toBe("http");
    expect(defer?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit.via).toBeUndefined();
    expect(edit.status).toBe(200);
    expect(((edit.body as Json).embeds as Json[])[0]?.title).toMatch(/^Mesure 2/);
    const original = h.fake.message(String(h.fake.interaction(spec.id)?.originalId));
    expect((original?.embeds as Json[] | undefined)?.[0]?.title).toMatch(/^Mesure 2/);
  });

  it("the post button: acknowledged in the HTTP answer (type 6), card followed up, @original edited", async () => {
    h.fake.useInteractionsEndpoint(endpoint);
    const spec = h.fake.button("post:M4", { user: user(2) });
    await h.fake.sendInteraction(spec);
    const edit = await h.fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith(`/${spec.token}/messages/@original`),
    );
    const [defer, followUp] = h.fake.interactionResponses(spec.id);
    expect(defer?.via).toBe("http");
    expect((defer?.body as Json | undefined)?.type).toBe(6);
    expect(followUp?.method).toBe("POST");
    expect(followUp?.path).toBe(`/webhooks/${h.fake.applicationId}/${spec.token}`);
    const card = followUp?.body as Json;
    expect(((card.embeds as Json[])[0] as Json).title).toMatch(/^Mesure 4/);
    expect(card.allowed_mentions).toEqual(NO_MENTIONS_JSON);
    expect(Number(card.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(edit.status).toBe(200);
  });
});

describe("with an endpoint set, the gateway serves chat", () => {
  it("answers a clause cited in discussion", async () => {
    h.fake.useInteractionsEndpoint(endpoint);
    const { id } = h.fake.sendMessage({
      content: "comme le dit la mesure 4, il faut des briefings",
    });
    const reply = await replyTo(h.fake, id);
    expect(JSON.stringify(reply.body)).toContain("Mesure 4");
  });
});
