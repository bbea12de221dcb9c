/**
 * What the logs hold about people. After an /ask, a 👍, a 👎 with its correction ("which passage
 * answers it?") and a chat mention, the bot's whole log output names no person the loopback Discord
 * showed it: no raw user id in any field of any line, and no vote's custom id (the answer and the
 * clause voted on). A user appears as the start of the keyed hash the store files their votes under,
 * the same for every line of theirs.
 *
 * The bot runs in its most talkative configuration: debug level, and LOG_QUESTIONS on, which logs
 * what people typed. That text carries mentions, which are user ids: the questions here mention
 * people, and a stale vote button (an id the bot cannot read any more) is clicked too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord, Json } from "../../tools/fake-discord/index.ts";
import {
  callbackOf,
  componentIds,
  replyTo,
  responseData,
  voteIds,
} from "../support/bot-harness.ts";
import { type HttpHarness, startHttpHarness } from "../support/http-harness.ts";
import { type LogLine, logLine, type Rig, startRig, until } from "../support/reliability.ts";

const ALICE = { id: "410000000000000001", username: "alice" };
const BOB = { id: "410000000000000002", username: "bob" };
const CAROL = { id: "410000000000000003", username: "carol" };

/** The custom ids a user's votes travelled in, which no log line may carry. */
interface Voted {
  customIds: string[];
  /** The stale button's interaction, whose refusal is the last line the votes write. */
  staleId: string;
}

/**
 * Alice types her question (autocomplete, logged at debug level) and asks it (mentioning Bob), Bob votes 👍, Alice votes 👎 and picks the passage she says answers
 * it, Carol clicks a vote button from an older answer layout.
 */
async function askAndVote(fake: FakeDiscord): Promise<Voted> {
  const question = `<@${BOB.id}> que disent-ils du trafic de drogue ?`;
  const typing = await fake.sendInteraction(
    fake.chatInput("ask", { question }, { user: ALICE, type: 4 }),
  );
  await callbackOf(fake, typing.id);
  const asked = await fake.sendInteraction(fake.chatInput("ask", { question }, { user: ALICE }));
  const answer = await responseData(fake, asked.id);
  const messageId = String(fake.interaction(asked.id)?.originalId);
  const { up, down } = voteIds(answer);
  const voted = await fake.sendInteraction(fake.button(up, { messageId, user: BOB }));
  await callbackOf(fake, voted.id);
  const downed = await fake.sendInteraction(fake.button(down, { messageId, user: ALICE }));
  const menuData = (await callbackOf(fake, downed.id)).data as Json;
  const menu = componentIds(menuData).find((id) => id.startsWith("fbfix:")) as string;
  const corrected = await fake.sendInteraction(
    fake.selectMenu(menu, ["M5"], {
      messageId: String(fake.interaction(downed.id)?.originalId),
      user: ALICE,
    }),
  );
  await callbackOf(fake, corrected.id);
  const stale = `${up}:0`;
  const outdated = await fake.sendInteraction(fake.button(stale, { messageId, user: CAROL }));
  await callbackOf(fake, outdated.id);
  return { customIds: [up, down, menu, stale], staleId: outdated.id };
}

/** Nobody the fake showed the bot, and none of the votes' custom ids, in `raw`. */
function expectNobodyNamed(fake: FakeDiscord, raw: string[], voted: Voted): void {
  const debug = raw.map((line) => JSON.parse(line) as LogLine).filter((l) => l.level === 20);
  expect(debug.map((l) => l.msg)).toContain("autocomplete answered");
  const people = fake.personIds();
  expect(people).toEqual(expect.arrayContaining([ALICE.id, BOB.id, CAROL.id]));
  const all = raw.join("\n");
  for (const id of people) expect(all).not.toContain(id);
  for (const customId of voted.customIds) expect(all).not.toContain(customId);
  // The question was logged (LOG_QUESTIONS), its mention masked.
  expect(all).toContain("<@user> que disent-ils du trafic de drogue ?");
}

/** The one key each user's lines carry. */
function keysOf(logs: LogLine[], pred: (l: LogLine) => boolean): Set<unknown> {
  return new Set(logs.filter(pred).map((l) => l.user));
}

describe("the logs over the gateway", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ logLevel: "debug", config: { logQuestions: true } });
    await rig.bot.commandsSynced;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it("name no user and no vote after an /ask, votes, a correction and a chat mention", async () => {
    const { fake } = rig;
    const voted = await askAndVote(fake);
    const mention = fake.sendMessage({
      content: `<@${fake.applicationId}> <@${CAROL.id}> qui a signé ?`,
      mentions: [fake.applicationId, CAROL.id],
      author: ALICE,
    });
    await replyTo(fake, mention.id);
    await logLine(rig, "the chat answer's line", (l) => l.msg === "chat answered");
    await logLine(rig, "the stale button's refusal", (l) => l.interactionId === voted.staleId);

    expectNobodyNamed(fake, rig.raw, voted);
    const logs = rig.logs();
    const aliceKeys = keysOf(logs, (l) => l.command === "ask" || l.component === "correct");
    expect(keysOf(logs, (l) => l.msg === "autocomplete answered")).toEqual(aliceKeys);
    expect(aliceKeys.size).toBe(1);
    const [aliceKey] = aliceKeys;
    expect(aliceKey).toMatch(/^[0-9a-f]{16}$/);
    expect(keysOf(logs, (l) => l.msg === "chat answered")).toEqual(new Set([aliceKey]));
    const [bobKey] = keysOf(logs, (l) => l.component === "vote" && l.outcome === "feedback/up");
    expect(bobKey).toMatch(/^[0-9a-f]{16}$/);
    expect(bobKey).not.toBe(aliceKey);
  });
});

describe("the logs over the HTTP interactions endpoint", () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness({}, {}, { logQuestions: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("name no user and no vote after an /ask, votes and a correction", async () => {
    const voted = await askAndVote(h.fake);
    await until("the stale button's refusal", () =>
      h.logs().find((l) => l.interactionId === voted.staleId),
    );
    expectNobodyNamed(h.fake, h.raw, voted);
    const aliceKeys = keysOf(h.logs(), (l) => l.command === "ask" || l.component === "correct");
    expect(aliceKeys.size).toBe(1);
    expect([...aliceKeys][0]).toMatch(/^[0-9a-f]{16}$/);
  });
});
