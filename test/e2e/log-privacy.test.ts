/**
 * What the logs hold about people: after an /ask, a 👍, a 👎 with a correction and a chat mention,
 * at the most talkative level (trace), no line carries a user's raw id, and no line carries a vote's
 * custom id (the answer and the clause voted on). A user appears as the start of the keyed hash the
 * store files their votes under, the same for every line of theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../../tools/fake-discord/index.ts";
import { callbackOf, componentIds, replyTo, responseData } from "../support/bot-harness.ts";
import { logLine, type Rig, startRig } from "../support/reliability.ts";

const ALICE = { id: "410000000000000001", username: "alice" };
const BOB = { id: "410000000000000002", username: "bob" };

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ logLevel: "trace" });
  await rig.bot.commandsSynced;
});
afterAll(async () => {
  await rig?.close();
});

describe("the logs", () => {
  it("name no user and no vote", async () => {
    const { fake } = rig;
    const asked = await fake.sendInteraction(
      fake.chatInput("ask", { question: "que disent-ils du trafic de drogue ?" }, { user: ALICE }),
    );
    const answer = await responseData(fake, asked.id);
    const messageId = String(fake.interaction(asked.id)?.originalId);
    const ids = componentIds(answer);
    const up = ids.find((id) => id.startsWith("fb:up:")) as string;
    const down = ids.find((id) => id.startsWith("fb:down:")) as string;
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
    const mention = fake.sendMessage({
      content: `<@${fake.applicationId}> qui a signé ?`,
      author: ALICE,
    });
    await replyTo(fake, mention.id);
    await logLine(rig, "the chat answer's line", (l) => l.msg === "chat answered");

    const all = rig.raw.join("\n");
    for (const user of [ALICE, BOB]) expect(all).not.toContain(user.id);
    for (const customId of [up, down, menu]) expect(all).not.toContain(customId);
    // Alice is one key wherever she appears, Bob another.
    const keys = (pred: (l: Record<string, unknown>) => boolean) =>
      new Set(
        rig
          .logs()
          .filter(pred)
          .map((l) => l.user),
      );
    const aliceKeys = keys((l) => l.command === "ask" || l.component === "correct");
    expect(aliceKeys.size).toBe(1);
    const [aliceKey] = aliceKeys;
    expect(aliceKey).toMatch(/^[0-9a-f]{16}$/);
    expect(keys((l) => l.msg === "chat answered")).toEqual(new Set([aliceKey]));
    const [bobKey] = keys((l) => l.component === "vote" && l.outcome === "feedback/up");
    expect(bobKey).toMatch(/^[0-9a-f]{16}$/);
    expect(bobKey).not.toBe(aliceKey);
  });
});
