/**
 * `npm start` with DISCORD_GATEWAY=off, in its own process against the loopback Discord,
 * which signs with a key pair generated here: the port picked and logged, commands registered over
 * REST without a gateway connection, health ready once the endpoint listens, a burst of 200 signed
 * /ask all answered within 3 s, and SIGTERM: no new requests, those in flight finished, exit 0
 * within 5 s.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_DEFINITIONS } from "../../src/discord/commands/index.ts";
import { signedHeaders } from "../../tools/fake-discord/endpoint.ts";
import { type FakeDiscord, type Json, startFakeDiscord } from "../../tools/fake-discord/index.ts";
import { type ChildBot, spawnBot } from "../support/child-bot.ts";
import { getHealth } from "../support/main-process.ts";
import { ERROR_LEVEL, user } from "../support/reliability.ts";

const BURST = 200;
const DEADLINE_MS = 3000;
const QUESTIONS = [
  "qui a signé la déclaration ?",
  "what do they propose about drug trafficking?",
  "что в пункте 5?",
  "mesure 3",
  "les exercices militaires",
];

let fake: FakeDiscord;
let bot: ChildBot;
let port: number;
let healthPort: number;

beforeAll(async () => {
  fake = await startFakeDiscord();
  bot = spawnBot(fake, {
    DISCORD_GATEWAY: "off",
    DISCORD_PUBLIC_KEY: fake.publicKey,
    INTERACTIONS_PORT: "0",
    HEALTH_PORT: "0",
  });
  const listening = await bot.waitForLog((l) => l.msg === "interactions endpoint listening");
  port = Number(listening.port);
  healthPort = Number((await bot.waitForLog((l) => l.msg === "health endpoint listening")).port);
  fake.useInteractionsEndpoint(`http://127.0.0.1:${port}/interactions`);
  await bot.waitForLog((l) => l.msg === "commands registered");
}, 30_000);

afterAll(async () => {
  await bot?.close();
  await fake?.close();
});

describe("starting without the gateway", () => {
  it("listens on the port it picked and logged", () => {
    expect(port).toBeGreaterThan(0);
  });

  it("registered every command over REST and never connected to the gateway", () => {
    expect(fake.commands()).toHaveLength(COMMAND_DEFINITIONS.length);
    expect(fake.identifies).toHaveLength(0);
    expect(fake.connections()).toBe(0);
    expect(fake.requests.some((r) => r.path.startsWith("/gateway"))).toBe(false);
  });

  it("reports ready on the health endpoint, in http mode", async () => {
    const health = await getHealth(healthPort);
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      ready: true,
      mode: "http",
      shardCount: 0,
      shards: [],
      store: { engine: "sqlite", ok: true },
    });
  });
});

describe("what the HTTP-only bot says about chat", () => {
  it("/help says chat is not read, because there is no gateway connection", async () => {
    const spec = fake.chatInput("help", undefined, { locale: "en-US", user: user(900) });
    const delivery = await fake.postInteraction(spec);
    expect(delivery.status).toBe(200);
    const text = JSON.stringify(JSON.parse(delivery.raw.toString("utf8")));
    expect(text).toContain("DISCORD_GATEWAY=off");
  });
});

describe(`${BURST} signed /ask at once`, () => {
  it("are all answered within 3 s", async () => {
    const specs = Array.from({ length: BURST }, (_, n) =>
      fake.chatInput("ask", { question: QUESTIONS[n % QUESTIONS.length] ?? "" }, { user: user(n) }),
    );
    const deliveries = await Promise.all(specs.map((spec) => fake.postInteraction(spec)));
    expect(deliveries.map((d) => d.status)).toEqual(specs.map(() => 200));
    const slowest = Math.max(...deliveries.map((d) => d.ms));
    expect(slowest, `slowest answer ${Math.round(slowest)} ms`).toBeLessThan(DEADLINE_MS);
    for (const spec of specs) {
      const [callback] = fake.interactionResponses(spec.id);
      expect(callback?.via).toBe("http");
      const body = callback?.body as Json;
      // Answered (4), or deferred (5) and then filled in over REST.
      expect([4, 5]).toContain(body.type);
    }
    expect(bot.logs().filter((l) => Number(l.level) >= ERROR_LEVEL)).toEqual([]);
  }, 20_000);
});

describe("SIGTERM", () => {
  it("stops accepting, finishes the requests and handlers in flight, exits 0 within 5 s", async () => {
    // A handler in flight: the post button's follow-up waits out a 429 after the HTTP answer.
    fake.failNext(
      { method: "POST", path: /^\/webhooks\/\d+\/[^/]+$/ },
      { status: 429, headers: { "retry-after": "1" } },
    );
    const post = fake.button("post:M4", { user: user(1000) });
    await fake.sendInteraction(post);
    await fake.waitForRequest((r) => r.injected && r.status === 429);

    // A request in flight: headers and half the body sent.
    const spec = fake.chatInput("measure", { number: 5 }, { user: user(1001) });
    const body = JSON.stringify(spec);
    const half = Math.floor(body.length / 2);
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/interactions",
      headers: {
        ...signedHeaders(body, fake.signingKeys),
        "content-length": String(Buffer.byteLength(body)),
      },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
    });
    await new Promise<void>((resolve, reject) =>
      req.write(body.slice(0, half), (error) => (error ? reject(error) : resolve())),
    );
    // Sent once the half body is on the wire, so answered after the server read the headers.
    expect((await fake.postSigned(JSON.stringify({ type: 1 }))).status).toBe(200);

    const signalledAt = Date.now();
    bot.child.kill("SIGTERM");
    await bot.waitForLog((l) => l.msg === "shutting down");

    // No new requests: the connection is refused, or answered 503.
    const late = await fake.postSigned(JSON.stringify({ type: 1 })).then(
      (d) => d.status,
      () => "refused",
    );
    expect([503, "refused"]).toContain(late);

    req.end(body.slice(half));
    const finished = await answer;
    expect(finished.status).toBe(200);
    expect(JSON.stringify(JSON.parse(finished.text))).toContain("Mesure 5");

    const code = await bot.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    // The follow-up waited out its 429 and went through before the process ended.
    const followUps = fake
      .interactionResponses(post.id)
      .filter((r) => r.method === "POST" && r.path.startsWith("/webhooks/"));
    expect(followUps).toHaveLength(1);
    expect(bot.logs().find((l) => l.msg === "waited for running handlers")).toMatchObject({
      drained: true,
    });
    expect(bot.logs().filter((l) => Number(l.level) >= ERROR_LEVEL)).toEqual([]);
  }, 20_000);
});
