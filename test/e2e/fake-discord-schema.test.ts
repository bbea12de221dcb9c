/**
 * The loopback checks every request body against Discord's published OpenAPI description
 * (discord-api-spec), so a payload Discord would refuse fails the test that sent it.
 */

import { DiscordAPIError, REST, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_CHANNEL_ID,
  type FakeDiscord,
  loopbackRoutes,
  startFakeDiscord,
} from "../../tools/fake-discord/index.ts";
import { describeRefusals, takeRefusals } from "../../tools/fake-discord/refusals.ts";
import {
  checkAgainstSpec,
  coercePermissionStrings,
  specOperations,
} from "../../tools/fake-discord/spec.ts";

const MESSAGES = "/channels/{channel_id}/messages";
const CALLBACK = "/interactions/{interaction_id}/{interaction_token}/callback";
const COMMANDS = "/applications/{application_id}/commands";

/** A path the route must serve: ids as digits, tokens and emoji as text. */
function instantiate(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name.endsWith("_id") ? "123" : "tok",
  );
}

describe("the loopback's routes and Discord's spec", () => {
  it("maps every route to an operation the spec describes, and serves every mapped operation", async () => {
    // The package's TypeScript entry is source our compiler settings reject; only its list is needed.
    const pkg = "discord-api-spec";
    const { pathsList } = (await import(pkg)) as { pathsList: Record<string, string[]> };
    const routes = loopbackRoutes();
    for (const route of routes) {
      expect(pathsList[route.method.toLowerCase()], `${route.method} ${route.spec}`).toContain(
        route.spec,
      );
      expect(instantiate(route.spec)).toMatch(route.pattern);
    }
    const served = routes.map((r) => `${r.method} ${r.spec}`);
    expect([...specOperations()].sort()).toEqual([...new Set(served)].sort());
  });
});

describe("checkAgainstSpec", () => {
  it("passes a message with an embed and a button", () => {
    const body = {
      content: "Mesure 3",
      embeds: [{ title: "Mesure 3", description: "…", color: 0x2b6cb0, fields: [] }],
      components: [
        { type: 1, components: [{ type: 2, style: 1, custom_id: "more:3", label: "Suite" }] },
      ],
      allowed_mentions: { parse: [] },
    };
    expect(checkAgainstSpec("POST", MESSAGES, body)).toEqual([]);
    expect(checkAgainstSpec("POST", CALLBACK, { type: 4, data: body })).toEqual([]);
  });

  it("refuses an embed with a wrong-typed field, naming its path", () => {
    expect(
      checkAgainstSpec("POST", CALLBACK, { type: 4, data: { embeds: [{ title: 3 }] } }),
    ).toEqual(["data.embeds.0.title: Invalid input: expected string, received number"]);
  });

  it("refuses an unknown component type, naming its path and the types there are", () => {
    const body = { components: [{ type: 1, components: [{ type: 99, custom_id: "x" }] }] };
    const [problem, ...rest] = checkAgainstSpec("POST", MESSAGES, body);
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^components\.0\.components\.0\.type: Invalid input: expected one of 2, /,
    );
  });

  it("reads a permission bitfield sent as a decimal string as the number it spells", () => {
    const command = { name: "reglages", description: "x", default_member_permissions: "32" };
    expect(checkAgainstSpec("PUT", COMMANDS, [command])).toEqual([]);
    expect(
      checkAgainstSpec("PUT", COMMANDS, [{ ...command, default_member_permissions: "manage" }]),
    ).toEqual(["0.default_member_permissions: Invalid input: expected number, received string"]);
    // Only permission fields are read as numbers, and the request as recorded keeps its string.
    expect(coercePermissionStrings([{ ...command, name: "32" }])).toEqual([
      { ...command, name: "32", default_member_permissions: 32 },
    ]);
    expect(command.default_member_permissions).toBe("32");
  });

  it("refuses a body on an operation that takes none", () => {
    expect(checkAgainstSpec("POST", "/channels/{channel_id}/typing", { x: 1 })).toEqual([
      "body: this operation takes no request body",
    ]);
    expect(checkAgainstSpec("POST", "/channels/{channel_id}/typing", undefined)).toEqual([]);
  });
});

describe("a request the spec refuses, over HTTP", () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  async function rest(): Promise<{ fake: FakeDiscord; rest: REST }> {
    fake = await startFakeDiscord();
    return { fake, rest: new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token) };
  }

  async function refusal(request: Promise<unknown>): Promise<DiscordAPIError> {
    const err = await request.then(
      () => expect.unreachable("the request was accepted"),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DiscordAPIError);
    return err as DiscordAPIError;
  }

  it("gets Discord's 50035 answer naming the path, in JSON and in multipart's payload_json", async () => {
    const { fake, rest: client } = await rest();
    const route = Routes.channelMessages(DEFAULT_CHANNEL_ID);

    const json = await refusal(client.post(route, { body: { embeds: [{ title: 3 }] } }));
    expect(json).toMatchObject({ status: 400, code: 50035 });
    expect(json.message).toContain(
      "embeds.0.title[SCHEMA_INVALID]: Invalid input: expected string",
    );

    const files = [{ name: "a.txt", data: Buffer.from("a") }];
    const multipart = await refusal(
      client.post(route, { body: { content: "x", flags: "4" }, files }),
    );
    expect(multipart.message).toContain("flags[SCHEMA_INVALID]");

    const refused = fake.takeSchemaRefusals();
    expect(refused.map((r) => [r.status, r.files.length])).toEqual([
      [400, 0],
      [400, 1],
    ]);
    expect(fake.channelMessages()).toEqual([]);
  });

  it("is left for the test runner to fail the test unless the test takes it", async () => {
    const { rest: client } = await rest();
    await refusal(client.post(Routes.channelMessages(DEFAULT_CHANNEL_ID), { body: { tts: "no" } }));
    // What test/support/schema-refusals.ts reports after each test; taking it here keeps this one green.
    expect(describeRefusals(takeRefusals())).toBe(
      `POST /channels/${DEFAULT_CHANNEL_ID}/messages → tts: Invalid input: expected boolean, received string`,
    );
    expect(takeRefusals()).toEqual([]);
  });

  it("accepts a command whose permissions are a decimal string, as discord.js sends them", async () => {
    const { fake, rest: client } = await rest();
    await client.put(Routes.applicationCommands(fake.applicationId), {
      body: [{ name: "reglages", description: "x", default_member_permissions: "32" }],
    });
    expect(fake.commands()).toMatchObject([{ default_member_permissions: "32" }]);
  });
});
