/**
 * The interactions endpoint's gate ("Behaviour"): every request is verified before it is
 * parsed, with a key pair generated for this test; bad requests get 401/405/413/400/408 and never
 * crash the bot or log an error. The loopback Discord signs (or mis-signs) and POSTs them.
 */
import { generateKeyPairSync } from "node:crypto";
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPLAY_WINDOW_S } from "../../src/discord/http/verify.ts";
import { signedHeaders } from "../../tools/fake-discord/endpoint.ts";
import type { InteractionSpec, SignOptions } from "../../tools/fake-discord/index.ts";
import { responseData } from "../support/bot-harness.ts";
import { type HttpHarness, startHttpHarness } from "../support/http-harness.ts";
import { ERROR_LEVEL } from "../support/reliability.ts";

const REQUEST_TIMEOUT_MS = 1000;

let h: HttpHarness;
beforeAll(async () => {
  h = await startHttpHarness({}, { requestTimeoutMs: REQUEST_TIMEOUT_MS });
  await h.bot.commandsSynced;
});
afterAll(async () => {
  await h?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const json = (raw: Buffer) => JSON.parse(raw.toString("utf8")) as Record<string, unknown>;

/** POSTs a /measure 3 mis-signed as `sign` says; it must be refused and never answered. */
async function refused(
  sign: SignOptions,
  spec: InteractionSpec = h.fake.chatInput("measure", { number: 3 }),
) {
  const delivery = await h.fake.postInteraction(spec, sign);
  expect(h.fake.interaction(spec.id)?.callbackType).toBeNull();
  expect(h.fake.interactionResponses(spec.id)).toHaveLength(0);
  return delivery;
}

/** A raw request: `head` is written at once, the body (if any) only as the test says. */
function rawRequest(options: { method?: string; path?: string; headers?: Record<string, string> }) {
  const req = request({
    host: "127.0.0.1",
    port: h.bot.endpoint.port,
    method: options.method ?? "POST",
    path: options.path ?? "/interactions",
    headers: options.headers ?? {},
  });
  const response = new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      });
      // Writes after the server hung up fail with EPIPE/ECONNRESET: expected once it has answered.
      req.on("error", () => {});
    },
  );
  return { req, response };
}

describe("signature verification", () => {
  it("answers a correctly signed PING with {type: 1}", async () => {
    const delivery = await h.fake.postSigned(
      JSON.stringify({ type: 1, id: "1", token: "t", application_id: h.fake.applicationId }),
    );
    expect(delivery.status).toBe(200);
    expect(delivery.headers["content-type"]).toMatch(/^application\/json/);
    expect(json(delivery.raw)).toEqual({ type: 1 });
  });

  it("refuses a request without a signature (401)", async () => {
    expect((await refused({ signature: null })).status).toBe(401);
  });

  it("refuses a request without a timestamp (401)", async () => {
    expect((await refused({ sentTimestamp: null })).status).toBe(401);
  });

  it.each([
    ["not hex", "zz".repeat(64)],
    ["too short", "ab".repeat(32)],
    ["too long", "ab".repeat(65)],
    ["empty", ""],
  ])("refuses a malformed signature (%s): 401", async (_, signature) => {
    expect((await refused({ signature })).status).toBe(401);
  });

  it("refuses a signature made with another key (401)", async () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    expect((await refused({ key: privateKey })).status).toBe(401);
  });

  it("refuses a body changed after signing (401)", async () => {
    const signed = h.fake.chatInput("measure", { number: 3 });
    const altered = { ...signed, data: { ...(signed.data as object), name: "quote" } };
    expect((await refused({ sentBody: JSON.stringify(altered) }, signed)).status).toBe(401);
  });

  it("refuses a signature whose timestamp header was changed (401)", async () => {
    const signedAt = String(now() - 1);
    expect((await refused({ timestamp: signedAt, sentTimestamp: String(now()) })).status).toBe(401);
  });

  it.each([
    ["older", -(REPLAY_WINDOW_S + 60)],
    ["newer", REPLAY_WINDOW_S + 60],
  ])(
    "refuses a timestamp more than 5 minutes %s than now, validly signed (401)",
    async (_, offset) => {
      expect((await refused({ timestamp: String(now() + offset) })).status).toBe(401);
    },
  );

  it("refuses a signed request replayed within the window (401), running its command once", async () => {
    const spec = h.fake.chatInput("measure", { number: 5 });
    const body = JSON.stringify(spec);
    const first = await h.fake.postSigned(body);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.raw.toString()).data.embeds[0].title).toMatch(/^Mesure 5/);
    const again = await h.fake.postSigned(body);
    expect(again.status).toBe(401);
    expect(JSON.parse(again.raw.toString())).toEqual({ error: "replayed" });
  });

  it("accepts a validly signed timestamp within the window", async () => {
    const spec = h.fake.chatInput("measure", { number: 2 });
    const delivery = await h.fake.postInteraction(spec, {
      timestamp: String(now() - REPLAY_WINDOW_S + 30),
    });
    expect(delivery.status).toBe(200);
    expect(h.fake.interaction(spec.id)?.callbackType).toBe(4);
  });
});

describe("bad requests", () => {
  it.each(["GET", "PUT", "DELETE"])("answers %s with 405 and Allow: POST", async (method) => {
    const { req, response } = rawRequest({ method });
    req.end();
    const res = await response;
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
  });

  it("answers another path with 404", async () => {
    const { req, response } = rawRequest({ path: "/other" });
    req.end("{}");
    expect((await response).status).toBe(404);
  });

  it("answers 413 to a declared body over 64 KB without waiting for it", async () => {
    const body = JSON.stringify({ type: 2, pad: "x".repeat(100 * 1024) });
    const { req, response } = rawRequest({
      headers: {
        ...signedHeaders(body, keysOfNobody()),
        "content-length": String(Buffer.byteLength(body)),
      },
    });
    // Only the first 1 KB is ever sent: the answer cannot depend on the rest.
    req.write(body.slice(0, 1024));
    const res = await response;
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe("close");
    req.destroy();
  });

  it("answers 413 to a chunked body as soon as it passes 64 KB", async () => {
    const { req, response } = rawRequest({
      headers: { ...signedHeaders("{}", keysOfNobody()), "transfer-encoding": "chunked" },
    });
    // 80 KB in chunks, and the request never ends.
    for (let i = 0; i < 10; i++) req.write("x".repeat(8 * 1024));
    const res = await response;
    expect(res.status).toBe(413);
    req.destroy();
  });

  it.each([
    ["malformed JSON", "{not json"],
    ["an array", "[1,2]"],
    ["no interaction id", JSON.stringify({ type: 2, token: "t" })],
    ["no type", JSON.stringify({ id: "1", token: "t", application_id: "1" })],
  ])("answers a signed body that is %s with 400", async (_, body) => {
    const delivery = await h.fake.postSigned(body);
    expect(delivery.status).toBe(400);
  });

  it("cuts off a client that sends its request too slowly (408)", async () => {
    const socket = connect(h.bot.endpoint.port, "127.0.0.1");
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      received += chunk;
    });
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.on("error", () => {});
    // Headers begun, never finished.
    socket.write(
      "POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n",
    );
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe("after all that", () => {
  it("still answers, and logged none of it as an error", async () => {
    const { id } = await h.fake.sendInteraction(h.fake.chatInput("measure", { number: 1 }));
    const data = await responseData(h.fake, id);
    expect(JSON.stringify(data.embeds)).toContain("Mesure 1");
    const errors = h.logs().filter((l) => l.level >= ERROR_LEVEL);
    expect(errors).toEqual([]);
    const refusals = h.logs().filter((l) => l.msg === "interactions request refused");
    expect(new Set(refusals.map((l) => l.status))).toEqual(new Set([401, 404, 405, 413, 400]));
  });
});

/** Headers signed by a key the bot does not know; the requests using them never get that far. */
function keysOfNobody() {
  return { privateKey: generateKeyPairSync("ed25519").privateKey, publicKeyHex: "" };
}
