/**
 * The bench's /ask traffic: the questions asked (the example and team question sets, cycled), each
 * from a new user so that no per-user limit applies, over the gateway (`ask`) or as a signed POST
 * to an interactions endpoint (`askOverHttp`).
 */
import { readQuestions, TEAM_QUESTIONS_FILE } from "../src/core/questions.ts";
import type { FakeDiscord, InteractionSpec, Json } from "../tools/fake-discord/index.ts";
import { REQUEST_TIMEOUT_MS } from "./processes.ts";

const askerId = (n: number) => (400_000_000_000_000_000n + BigInt(n)).toString();

const questions = [...readQuestions(), ...readQuestions(TEAM_QUESTIONS_FILE)].filter(
  (q) => q.expect.length > 0,
);

function question(n: number) {
  const q = questions[n % questions.length];
  if (!q) throw new Error("no questions to ask");
  return q;
}

export interface Asked {
  ms: number;
  answered: boolean;
}

const LOCALE = { fr: "fr", en: "en-US", ru: "ru" } as const;

let askers = 0;

/** One /ask from a new user; resolves when the answer is on the fake's side of the wire. */
export async function ask(
  fake: FakeDiscord,
  n: number,
  where: { guildId: string; channelId: string },
): Promise<Asked> {
  const spec: InteractionSpec = askSpec(fake, n, where);
  const callback = fake.waitForRequest(
    (r) => r.method === "POST" && r.path.startsWith(`/interactions/${spec.id}/`),
    REQUEST_TIMEOUT_MS,
  );
  const t0 = performance.now();
  await fake.sendInteraction(spec);
  let answer = await callback;
  if ((answer.body as Json | undefined)?.type === 5) {
    // Deferred: the user sees the answer when @original is edited.
    answer = await fake.waitForRequest(
      (r) =>
        r.method === "PATCH" &&
        r.path === `/webhooks/${fake.applicationId}/${spec.token}/messages/@original`,
      REQUEST_TIMEOUT_MS,
    );
  }
  const ms = performance.now() - t0;
  const body = answer.body as Json | undefined;
  const data = ((body?.type === 4 ? body.data : body) ?? {}) as Json;
  const embeds = (data.embeds as unknown[] | undefined) ?? [];
  return { ms, answered: answer.status < 400 && (embeds.length > 0 || Boolean(data.content)) };
}

/** `ask`'s spec: question `n` from a new user, in the question's language. */
function askSpec(fake: FakeDiscord, n: number, where: { guildId: string; channelId: string }) {
  const q = question(n);
  const asker = askers++;
  return fake.chatInput(
    "ask",
    { question: q.q },
    { ...where, locale: LOCALE[q.lang], user: { id: askerId(asker), username: `asker-${asker}` } },
  );
}

/**
 * One /ask POSTed to the fake's interactions endpoint, signed; the round trip is from sending the
 * request to having read the answer, which is the initial response itself.
 */
export async function askOverHttp(
  fake: FakeDiscord,
  n: number,
  where: { guildId: string; channelId: string },
): Promise<Asked> {
  const spec = askSpec(fake, n, where);
  const delivery = await fake.postInteraction(spec);
  const body = (delivery.status === 200 ? JSON.parse(delivery.raw.toString("utf8")) : {}) as Json;
  const data = (body.data ?? {}) as Json;
  const embeds = (data.embeds as unknown[] | undefined) ?? [];
  const accepted = fake.interactionResponses(spec.id).length === 1;
  return {
    ms: delivery.ms,
    answered: accepted && body.type === 4 && (embeds.length > 0 || Boolean(data.content)),
  };
}
