/**
 * Load, end to end ("Faults"): 300 interactions arriving at once are all acknowledged
 * within Discord's 3-second deadline (the fake answers 10062 to anything later), each exactly once;
 * and an interaction that reaches the bot already late is deferred at once, then answered by
 * filling in the deferred response with the visibility it would have had.
 */
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFER_AFTER_MS } from "../../src/discord/interaction/respond.ts";
import {
  type FakeDiscord,
  type InteractionSpec,
  type Json,
  type RecordedRequest,
  startFakeDiscord,
} from "../../tools/fake-discord/index.ts";
import { EPHEMERAL } from "../support/bot-harness.ts";
import { botReady, type ChildBot, spawnBot } from "../support/child-bot.ts";
import {
  aged,
  callbacks,
  ERROR_LEVEL,
  logLine,
  type Rig,
  startRig,
  until,
  user,
} from "../support/reliability.ts";

const QUESTIONS = [
  "qui a signé ce texte ?",
  "que propose la déclaration contre la drogue ?",
  "quelle heure est-il ?",
  "prévenir les incidents militaires dangereux ".repeat(20),
  "who signed the declaration?",
];

function burstSpec(fake: FakeDiscord, i: number): InteractionSpec {
  const extra = { user: user(1000 + i), locale: i % 3 === 0 ? "en-US" : "fr" };
  switch (i % 6) {
    case 0:
    case 1:
      return fake.chatInput("ask", { question: QUESTIONS[i % QUESTIONS.length] ?? "" }, extra);
    case 2:
      return fake.chatInput("measure", { number: (i % 6) + 1 }, extra);
    case 3:
      return fake.chatInput("quote", { clause: `M${(i % 6) + 1}` }, extra);
    case 4:
      return fake.chatInput("declaration", undefined, extra);
    default:
      return fake.button(`next:M${(i % 6) + 1}`, extra);
  }
}

describe("a burst of 300 interactions at once", () => {
  // The bot runs as `npm start` does, in its own process with the default limits: the fake
  // (Discord) and the bot do not share one event loop, as they never do in production.
  let fake: FakeDiscord;
  let bot: ChildBot;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = spawnBot(fake);
    await botReady(fake);
  }, 30_000);
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
  });

  it("acknowledges every one within 3 s, exactly once", async () => {
    // 300 different people: the per-user command limit refuses none of them.
    const specs = Array.from({ length: 300 }, (_, i) => burstSpec(fake, i));
    await Promise.all(specs.map((spec) => fake.sendInteraction(spec)));
    await until(
      "every interaction to be acknowledged",
      () => specs.every((s) => fake.interaction(s.id)?.callbackType != null),
      15_000,
    );

    const late: string[] = [];
    for (const spec of specs) {
      const accepted = callbacks(fake, spec.id);
      expect(accepted).toHaveLength(1);
      const deliveredAt = fake.interaction(spec.id)?.deliveredAt ?? 0;
      const at = (accepted[0] as RecordedRequest).at;
      if (at - deliveredAt > 3000) late.push(`${spec.id}: ${at - deliveredAt} ms`);
    }
    expect(late).toEqual([]);
    const unknown = fake.requests.filter((r) => (r.response as Json | undefined)?.code === 10062);
    expect(unknown).toEqual([]);
    // One "answered" line per interaction, no error.
    await until("the 300 log lines", () => {
      const lines = bot
        .output()
        .split("\n")
        .filter((l) => l.includes('"interaction answered"'));
      return lines.length >= 300;
    });
    expect(bot.output()).not.toMatch(/"level":(50|60)/);
  }, 30_000);
});

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
  await rig.bot.commandsSynced;
});
afterAll(async () => {
  await rig?.close();
});

describe("an interaction that reaches the bot late", () => {
  const LATE = DEFER_AFTER_MS + 500;

  function requestsFor(spec: InteractionSpec): RecordedRequest[] {
    const token = spec.token;
    return rig.fake.requests.filter(
      (r) => r.status < 400 && (r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`)),
    );
  }

  function bodyOf(request: RecordedRequest | undefined): Json {
    if (!request) throw new Error("missing request");
    return (request.body ?? {}) as Json;
  }

  async function settled(spec: InteractionSpec, count: number): Promise<RecordedRequest[]> {
    return until(`${count} requests for ${spec.id}`, () => {
      const found = requestsFor(spec);
      return found.length >= count ? found : undefined;
    });
  }

  it("is not deferred when fresh", async () => {
    const spec = rig.fake.chatInput("measure", { number: 1 }, { user: user(1) });
    await rig.fake.sendInteraction(spec);
    const [callback] = await settled(spec, 1);
    expect(bodyOf(callback).type).toBe(4);
  });

  it("/measure: deferred publicly at once, then the card fills in the deferred reply", async () => {
    const spec = aged(rig.fake.chatInput("measure", { number: 2 }, { user: user(2) }), LATE);
    await rig.fake.sendInteraction(spec);
    const [defer, edit] = await settled(spec, 2);
    expect(defer?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit?.method).toBe("PATCH");
    expect(edit?.path).toMatch(/\/messages\/@original$/);
    expect((bodyOf(edit).embeds as APIEmbed[])[0]?.title).toMatch(/^Mesure 2/);
    const original = rig.fake.message(String(rig.fake.interaction(spec.id)?.originalId));
    expect(Number(original?.flags ?? 0) & EPHEMERAL).toBe(0);
    await logLine(
      rig,
      "the deferred answer",
      (l) => l.interactionId === spec.id && l.deferred === true,
    );
  });

  it("/ask with no answer: the public placeholder is removed and the hints come privately", async () => {
    const spec = aged(
      rig.fake.chatInput("ask", { question: "quelle heure est-il ?" }, { user: user(3) }),
      LATE,
    );
    await rig.fake.sendInteraction(spec);
    const [defer, remove, followUp] = await settled(spec, 3);
    expect(bodyOf(defer).type).toBe(5);
    expect(remove?.method).toBe("DELETE");
    expect(followUp?.method).toBe("POST");
    const data = bodyOf(followUp);
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(data.content)).toContain("Rien dans la déclaration");
  });

  it("/help: deferred privately, then filled in", async () => {
    const spec = aged(rig.fake.chatInput("help", undefined, { user: user(4) }), LATE);
    await rig.fake.sendInteraction(spec);
    const [defer, edit] = await settled(spec, 2);
    expect(defer?.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(bodyOf(edit).embeds).toHaveLength(1);
  });

  it("a button on a private card: acknowledged silently, then the card is updated in place", async () => {
    const declaration = rig.fake.chatInput("declaration", undefined, { user: user(5) });
    await rig.fake.sendInteraction(declaration);
    await settled(declaration, 1);
    const messageId = String(rig.fake.interaction(declaration.id)?.originalId);
    const spec = aged(rig.fake.button("page:1", { messageId, user: user(5) }), LATE);
    await rig.fake.sendInteraction(spec);
    const [defer, edit] = await settled(spec, 2);
    expect(bodyOf(defer).type).toBe(6);
    expect(edit?.method).toBe("PATCH");
    expect((bodyOf(edit).embeds as APIEmbed[])[0]?.title).toMatch(/Page 2\//);
    // The private card itself now shows page 2: it was edited in place, not answered anew.
    const card = rig.fake.message(messageId)?.embeds as APIEmbed[];
    expect(card[0]?.title).toMatch(/Page 2\//);
  });

  it("an error after the deferral is still answered privately", async () => {
    const spec = aged(
      rig.fake.chatInput("quote", { clause: "xyzzy bis" }, { user: user(6) }),
      LATE,
    );
    await rig.fake.sendInteraction(spec);
    const found = await settled(spec, 3);
    const followUp = found.find((r) => r.method === "POST" && !r.path.endsWith("/callback"));
    expect(Number(bodyOf(followUp).flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(bodyOf(followUp).content)).toMatch(/Aucune clause/);
    expect(found.some((r) => r.method === "DELETE")).toBe(true);
  });

  it("each got one initial response only", () => {
    const initial = rig.fake.requests.filter(
      (r) => r.path.endsWith("/callback") && (r.response as Json | undefined)?.code === 40060,
    );
    expect(initial).toEqual([]);
    expect(rig.logs().filter((l) => l.level >= ERROR_LEVEL)).toEqual([]);
  });
});
