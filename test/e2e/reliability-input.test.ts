/**
 * Bad input, end to end ("Bad input"): whatever text /ask or a chat message carries, and
 * whatever malformed value an option arrives with, the bot answers politely, within Discord's
 * limits (the fake rejects any payload that breaks them) and within the 3-second window, and logs
 * no error.
 */

import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAUSE_COUNTS } from "../../src/core/declaration.ts";
import { embedProblems, LIMITS } from "../../src/discord/render/limits.ts";
import type { Json } from "../../tools/fake-discord/index.ts";
import { EPHEMERAL, replyTo } from "../support/bot-harness.ts";
import { callbacks, ERROR_LEVEL, type Rig, startRig, user } from "../support/reliability.ts";

/** The out-of-range answer names how many measures there are. */
const COUNT_SAID = new RegExp(`${CLAUSE_COUNTS.measure} mesures`);

let rig: Rig;
let nextUser = 0;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

const GENERIC_ERROR = /erreur s’est produite/;

const ASK_INPUTS: Record<string, string> = {
  empty: "",
  blank: "   \n\t  ",
  "6,000 characters": "que propose la déclaration sur les incidents militaires ? "
    .repeat(110)
    .slice(0, 6000),
  "6,000 characters without a space": "a".repeat(6000),
  "only emoji": "😀🎉🔥🇫🇷👨‍👩‍👧‍👦".repeat(40),
  markdown:
    "**gras** __souligné__ ~~barré~~ ||spoiler|| # titre\n> citation\n- puce [lien](https://x.y)",
  "zero-width characters only": "\u200b\u200c\u200d\u2060\ufeff".repeat(200),
  "zero-width inside words": "me\u200bsure\u200d 4",
  "control characters": "\u0000\u0001\u0007\u001b[31mmesure 2\u001b[0m\u007f\u0085",
  "code block": "```js\nconsole.log('qui a signé ?')\n```",
  "@everyone and @here": "@everyone @here qui a signé ?",
  "role mention": "<@&123456789012345678> que dit la mesure 3 ?",
  "user mention": "<@123456789012345678> <@!123456789012345678> drogue",
  "right-to-left scripts": "ما هو موقف الإعلان من المخدرات؟ מה אומרת ההצהרה \u202eעל סמים\u202c",
  "everything at once": "\u202e```**@everyone**```\u0000<@&1> 😀\u200b".repeat(150),
};

/** Sends an interaction from a fresh user and returns the accepted initial response's data. */
async function send(spec: ReturnType<typeof rig.fake.chatInput>): Promise<Json> {
  const { id } = await rig.fake.sendInteraction(spec);
  const request = await rig.fake.waitForRequest(
    (r) => r.path.startsWith(`/interactions/${id}/`) && r.path.endsWith("/callback"),
  );
  expect(request.status, JSON.stringify(request.response)).toBeLessThan(400);
  expect(callbacks(rig.fake, id)).toHaveLength(1);
  const state = rig.fake.interaction(id);
  // Within Discord's window, counted from the moment the bot received the event.
  expect(request.at - (state?.deliveredAt ?? 0)).toBeLessThanOrEqual(3000);
  return ((request.body as Json).data ?? {}) as Json;
}

function expectWithinLimits(data: Json): void {
  expect(String(data.content ?? "").length).toBeLessThanOrEqual(LIMITS.content);
  const embeds = (data.embeds ?? []) as APIEmbed[];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  for (const embed of embeds) expect(embedProblems(embed)).toEqual([]);
  expect(data.allowed_mentions).toMatchObject({ parse: [] });
}

function expectPolite(data: Json): void {
  const embeds = (data.embeds ?? []) as APIEmbed[];
  const content = String(data.content ?? "");
  expect(embeds.length > 0 || content.trim().length > 0).toBe(true);
  expect(content).not.toMatch(GENERIC_ERROR);
}

describe("/ask with any text", () => {
  for (const [name, question] of Object.entries(ASK_INPUTS)) {
    it(`${name}: a polite answer within Discord's limits and 3 s`, async () => {
      const data = await send(rig.fake.chatInput("ask", { question }, { user: user(nextUser++) }));
      expectWithinLimits(data);
      expectPolite(data);
    });
  }

  it("an empty or invisible question gets the private invitation to ask", async () => {
    for (const question of ["", "\u200b\u200b", "\u0000\u0007"]) {
      const data = await send(rig.fake.chatInput("ask", { question }, { user: user(nextUser++) }));
      expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
      expect(String(data.content)).toMatch(/Posez une question/);
    }
  });

  it("zero-width characters do not hide a reference: “me\\u200bsure 4” is measure 4", async () => {
    const data = await send(
      rig.fake.chatInput(
        "ask",
        { question: ASK_INPUTS["zero-width inside words"] ?? "" },
        {
          user: user(nextUser++),
        },
      ),
    );
    expect(((data.embeds ?? []) as APIEmbed[])[0]?.title).toMatch(/^Mesure 4/);
  });

  it("a question that is not a string (an integer) is still answered", async () => {
    const data = await send(
      rig.fake.chatInput("ask", [{ name: "question", type: 4, value: 4 }], {
        user: user(nextUser++),
      }),
    );
    expectPolite(data);
  });
});

describe("malformed option values get an explanation", () => {
  const measure = (value: unknown, type = 4) =>
    rig.fake.chatInput("measure", value === undefined ? [] : [{ name: "number", type, value }], {
      user: user(nextUser++),
    });
  const cases: Array<{ name: string; value: unknown; type?: number; pattern: RegExp }> = [
    // A number word ("trois") is measure 3, as in the console: the one parser reads it
    // (test/e2e/bot-commands.test.ts).
    {
      name: "a string where an integer is expected",
      value: "abc",
      pattern: /« abc » n’est pas un numéro/,
    },
    { name: "a negative number", value: -1, pattern: /« -1 » n’est pas un numéro/ },
    { name: "1e9 as a string", value: "1e9", pattern: /n’est pas un numéro/ },
    { name: "1e9 as a number", value: 1e9, pattern: COUNT_SAID },
    { name: "3.5 as a number", value: 3.5, type: 10, pattern: /n’est pas un numéro/ },
    { name: "3.5 as a string", value: "3.5", pattern: /n’est pas un numéro/ },
    { name: "-0 as a number (JSON sends 0)", value: -0, pattern: COUNT_SAID },
    { name: "-0 as a string", value: "-0", pattern: COUNT_SAID },
    { name: "NaN (JSON sends null)", value: Number.NaN, pattern: /Indiquez un numéro/ },
    { name: "an empty string", value: "", pattern: /Indiquez un numéro/ },
    { name: "markdown and a mention", value: "**@everyone**", pattern: /n’est pas un numéro/ },
    { name: "no value at all", value: undefined, pattern: /Indiquez un numéro/ },
  ];

  for (const { name, value, type, pattern } of cases) {
    it(`/measure with ${name}`, async () => {
      const data = await send(measure(value, type));
      expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
      expect(String(data.content)).toMatch(pattern);
      expect(String(data.content)).toMatch(COUNT_SAID);
      expectWithinLimits(data);
    });
  }

  it("an echoed value cannot restyle the reply or render a mention", async () => {
    const data = await send(measure("**@everyone** ```x```"));
    const content = String(data.content);
    expect(content).not.toContain("**@everyone**");
    expect(content).not.toMatch(/@everyone/);
    expect(content).not.toContain("```");
  });

  it("/quote with an unknown, empty or control-character clause", async () => {
    for (const clause of ["xyzzy bis", "", "\u0000\u202e<@&1>"]) {
      const data = await send(rig.fake.chatInput("quote", { clause }, { user: user(nextUser++) }));
      expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
      expect(String(data.content)).toMatch(/Aucune clause ne correspond/);
      expect(String(data.content)).not.toContain("\u0000");
      expect(String(data.content)).not.toContain("\u202e");
    }
  });

  it("/settings with a value outside its choices", async () => {
    const data = await send(
      rig.fake.chatInput(
        "settings",
        [{ name: "language", type: 1, options: [{ name: "value", type: 3, value: "klingon" }] }],
        { user: user(nextUser++), memberPermissions: "32" },
      ),
    );
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(data.content)).toMatch(/n’est pas valable/);
  });
});

describe("chat with any text", () => {
  it("a question put to the bot in any of the shapes above gets one polite reply", async () => {
    const botId = rig.fake.botUserId;
    for (const [name, text] of Object.entries(ASK_INPUTS)) {
      const { id } = rig.fake.sendMessage({
        content: `<@${botId}> ${text}`,
        mentions: [botId],
        author: user(nextUser++),
      });
      const reply = await replyTo(rig.fake, id);
      expect(reply.status, name).toBeLessThan(400);
      const body = reply.body as Json;
      expectWithinLimits(body);
      expect(body.allowed_mentions, name).toEqual({ parse: [], replied_user: false });
    }
  });

  it("a message citing every clause forty times gets one reply quoting at most three", async () => {
    const every =
      "mesure 1, mesure 2, mesure 3, mesure 4, mesure 5, mesure 6, considérant 1, considérant 2, considérant 3, considérant 4. ";
    const { id } = rig.fake.sendMessage({ content: every.repeat(40), author: user(nextUser++) });
    const reply = await replyTo(rig.fake, id);
    const body = reply.body as Json;
    const embeds = (body.embeds ?? []) as APIEmbed[];
    expect(embeds.length).toBeGreaterThan(0);
    expect(embeds.length).toBeLessThanOrEqual(3);
    expectWithinLimits(body);
    // A later message's reply proves the first got no second one.
    const sentinel = rig.fake.sendMessage({
      content: "comme le dit la mesure 1",
      author: user(nextUser++),
    });
    await replyTo(rig.fake, sentinel.id);
    const replies = rig.fake
      .channelMessages()
      .filter((r) => ((r.body as Json).message_reference as Json | undefined)?.message_id === id);
    expect(replies).toHaveLength(1);
  });
});

it("logged no error through all of it", () => {
  const errors = rig.logs().filter((l) => l.level >= ERROR_LEVEL);
  expect(errors).toEqual([]);
  // And it did log the answers (the rig captures at debug level).
  expect(rig.logs().filter((l) => l.msg === "interaction answered").length).toBeGreaterThan(10);
});
