/**
 * The worlds and the traffic of bench:e2e: servers with their channels and roles, deterministic
 * everyday chatter, and /ask from new users timed from the gateway event to the answer.
 */
import { readQuestions, TEAM_QUESTIONS_FILE } from "../../src/core/questions.ts";
import type {
  FakeDiscord,
  FakeGuildSpec,
  InteractionSpec,
  Json,
  MessageSpec,
} from "../../tools/fake-discord/index.ts";
import { REQUEST_TIMEOUT_MS } from "./processes.ts";

export const CHANNELS_PER_GUILD = 30;
const ROLES_PER_GUILD = 20;
const REGULARS_PER_GUILD = 20;

/** Ids are spaced so the fake's derived role ids (guild id + position) never collide. */
export const guildId = (g: number) => (100_000_000_000_000_000n + BigInt(g) * 1000n).toString();
export const channelId = (g: number, c: number) =>
  (200_000_000_000_000_000n + BigInt(g) * 1000n + BigInt(c)).toString();
const userId = (g: number, u: number) =>
  (300_000_000_000_000_000n + BigInt(g) * 1000n + BigInt(u)).toString();
const askerId = (n: number) => (400_000_000_000_000_000n + BigInt(n)).toString();
const messageId = (n: number) => (500_000_000_000_000_000n + BigInt(n)).toString();

export function guildSpecs(count: number): FakeGuildSpec[] {
  return Array.from({ length: count }, (_, g) => ({
    id: guildId(g),
    channels: Array.from({ length: CHANNELS_PER_GUILD }, (_, c) => channelId(g, c)),
    roles: ROLES_PER_GUILD,
  }));
}

/** Deterministic traffic, so every run (and both bots) read the same messages. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Everyday chatter in the servers' languages; no clause is cited, nothing asks the bot. */
const OPENERS = [
  "hey everyone",
  "salut à tous",
  "всем привет",
  "ok so",
  "bon alors",
  "honestly",
  "lol",
  "merci",
  "by the way",
  "du coup",
];
const BODIES = [
  "anyone up for lunch today?",
  "the build is green again",
  "who has the slides from the meeting",
  "on se retrouve au café après le cours ?",
  "j'ai oublié mon parapluie au bureau",
  "кто-нибудь видел мои ключи?",
  "погода сегодня отличная",
  "I'll be late, train is stuck",
  "nice photo, where was that taken",
  "le wifi de la bibliothèque ne marche plus",
  "can someone review my pull request",
  "see you tomorrow",
  "quelqu'un a le numéro du plombier ?",
  "спасибо, до завтра",
  "that movie was way too long",
];

function chatter(random: () => number): string {
  const pick = (xs: readonly string[]) => xs[Math.floor(random() * xs.length)] ?? "";
  return random() < 0.5 ? pick(BODIES) : `${pick(OPENERS)}, ${pick(BODIES)}`;
}

/** Round-robin over the servers; every 40th message replies to earlier chatter, every 50th pings a user. */
export function chatMessages(count: number, guilds: number): MessageSpec[] {
  const random = mulberry32(5);
  const lastInChannel = new Map<string, string>();
  return Array.from({ length: count }, (_, n) => {
    const g = n % guilds;
    const channel = channelId(g, Math.floor(random() * CHANNELS_PER_GUILD));
    const regular = Math.floor(random() * REGULARS_PER_GUILD);
    const author = { id: userId(g, regular), username: `regular-${g}-${regular}` };
    const spec: MessageSpec = { id: messageId(n), channelId: channel, author, content: "" };
    const previous = lastInChannel.get(channel);
    if (n % 40 === 39 && previous) {
      spec.referencedMessageId = previous;
      spec.content = chatter(random);
    } else if (n % 50 === 25) {
      const other = userId(g, (regular + 1) % REGULARS_PER_GUILD);
      spec.mentions = [other];
      spec.content = `<@${other}> ${chatter(random)}`;
    } else {
      spec.content = chatter(random);
    }
    lastInChannel.set(channel, messageId(n));
    return spec;
  });
}

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

/** Question `n` as an /ask from a new user, in the question's language. */
function askSpec(
  fake: FakeDiscord,
  n: number,
  where: { guildId: string; channelId: string },
): InteractionSpec {
  const q = question(n);
  const asker = askers++;
  return fake.chatInput(
    "ask",
    { question: q.q },
    { ...where, locale: LOCALE[q.lang], user: { id: askerId(asker), username: `asker-${asker}` } },
  );
}

/** One /ask from a new user; resolves when the answer is on the fake's side of the wire. */
export async function ask(
  fake: FakeDiscord,
  n: number,
  where: { guildId: string; channelId: string },
): Promise<Asked> {
  const spec = askSpec(fake, n, where);
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

/**
 * One /ask POSTed, signed, to the fake's interactions endpoint; the round trip is from sending the
 * request to having read its answer, which is the initial response itself.
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
  // Accepted as a valid initial response by the fake, as Discord would.
  const accepted = fake.interactionResponses(spec.id).length === 1;
  return {
    ms: delivery.ms,
    answered: accepted && body.type === 4 && (embeds.length > 0 || Boolean(data.content)),
  };
}
