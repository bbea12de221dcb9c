import { describe, expect, it } from "vitest";
import {
  InvalidRequestCount,
  invalidRequestThreshold,
  isInvalidRequest,
} from "../../src/discord/rest/invalid-requests.ts";
import { RefusedChannels } from "../../src/discord/rest/refused-channels.ts";
import { SendGuard, SendHeld } from "../../src/discord/rest/send-guard.ts";
import { createLogger } from "../../src/log.ts";

const MINUTE = 60_000;

function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe("RefusedChannels", () => {
  it("forgets a refusal after its time, and a refusal again starts that time afresh", () => {
    const time = clock();
    const refused = new RefusedChannels({ ttlMs: 10 * MINUTE, now: time.now });
    refused.refuse("c1", "g1");
    time.advance(9 * MINUTE);
    expect(refused.isRefused("c1")).toBe(true);
    refused.refuse("c1", "g1");
    time.advance(9 * MINUTE);
    expect(refused.isRefused("c1")).toBe(true);
    time.advance(MINUTE);
    expect(refused.isRefused("c1")).toBe(false);
    expect(refused.size).toBe(0);
  });

  it("keeps at most maxChannels, dropping the oldest first", () => {
    const refused = new RefusedChannels({ maxChannels: 3 });
    for (const id of ["c1", "c2", "c3", "c4"]) refused.refuse(id, "g1");
    expect(refused.size).toBe(3);
    expect(refused.isRefused("c1")).toBe(false);
    expect(refused.isRefused("c4")).toBe(true);
  });

  it("forgets a server's channels, and those of no known server, on its permission events", () => {
    const refused = new RefusedChannels();
    refused.refuse("c1", "g1");
    refused.refuse("c2", "g1");
    refused.refuse("c3", "g2");
    refused.refuse("c4", null);
    refused.forgetGuild("g1");
    expect(["c1", "c2", "c3", "c4"].map((id) => refused.isRefused(id))).toEqual([
      false,
      false,
      true,
      false,
    ]);
    refused.forgetGuild("g3");
    expect(refused.size).toBe(1);
  });
});

describe("invalid requests", () => {
  it("are what Discord counts: 401, 403, and 429 unless its scope is shared", () => {
    expect(isInvalidRequest(401, null)).toBe(true);
    expect(isInvalidRequest(403, null)).toBe(true);
    expect(isInvalidRequest(429, "user")).toBe(true);
    expect(isInvalidRequest(429, null)).toBe(true);
    expect(isInvalidRequest(429, "shared")).toBe(false);
    expect(isInvalidRequest(404, null)).toBe(false);
    expect(isInvalidRequest(200, null)).toBe(false);
  });

  it("hold back at half of Discord's 10,000, shared by the processes of one host", () => {
    expect(invalidRequestThreshold()).toBe(5000);
    expect(invalidRequestThreshold(2)).toBe(2500);
    expect(invalidRequestThreshold(0)).toBe(5000);
  });

  it("are counted over a sliding 10 minutes", () => {
    const time = clock();
    const count = new InvalidRequestCount(3, { now: time.now });
    count.note();
    time.advance(5 * MINUTE);
    count.note();
    count.note();
    expect(count.reached).toBe(true);
    // The first one leaves the window; the two others are still in it.
    time.advance(5 * MINUTE);
    expect(count.reached).toBe(false);
    count.note();
    expect(count.reached).toBe(true);
  });
});

describe("SendGuard", () => {
  const logged = () => {
    const lines: { level: number; msg: string }[] = [];
    const logger = createLogger("info", {
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    return { logger, lines };
  };
  const headers = (scope: string | null = null) => ({
    get: (name: string) => (name === "x-ratelimit-scope" ? scope : null),
  });
  const refuse = (guard: SendGuard, channelId: string) =>
    guard.noteResponse(
      { method: "POST", path: `/channels/${channelId}/messages` },
      { status: 403, headers: headers() },
      () => "g1",
    );

  it("stops a message to a refused channel before it leaves, and lets everything else through", async () => {
    const { logger } = logged();
    const guard = new SendGuard(logger);
    const sent: string[] = [];
    const send = guard.guardRequests(async (url, init) => {
      sent.push(`${init.method} ${url}`);
      return new Response(null, { status: 200 });
    });
    refuse(guard, "42");
    const api = "http://proxy/api/v10";
    await expect(send(`${api}/channels/42/messages`, { method: "POST" })).rejects.toBeInstanceOf(
      SendHeld,
    );
    await send(`${api}/channels/42/messages`, { method: "GET" });
    await send(`${api}/channels/43/messages`, { method: "POST" });
    await send(`${api}/interactions/1/tok/callback`, { method: "POST" });
    expect(sent).toEqual([
      `GET ${api}/channels/42/messages`,
      `POST ${api}/channels/43/messages`,
      `POST ${api}/interactions/1/tok/callback`,
    ]);
    guard.forgetGuild("g1");
    expect(guard.chatHold("42")).toBeNull();
    guard.close();
  });

  it("says once that it holds chat back, and once that it stopped", () => {
    const time = clock();
    const { logger, lines } = logged();
    const guard = new SendGuard(logger, { processesOnHost: 2500, now: time.now });
    const limited = { status: 429, headers: headers("user") };
    const notShared = { method: "GET", path: "/gateway/bot" };
    guard.noteResponse(notShared, { status: 429, headers: headers("shared") }, () => null);
    guard.noteResponse(notShared, limited, () => null);
    expect(guard.chatHold("1")).toBeNull();
    guard.noteResponse(notShared, limited, () => null);
    for (let i = 0; i < 3; i++) expect(guard.chatHold("1")).toBe("invalid-requests");
    time.advance(10 * MINUTE);
    expect(guard.chatHold("1")).toBeNull();
    expect(lines.map((l) => l.msg)).toEqual([
      expect.stringMatching(/^many requests refused by Discord/),
      "invalid requests back under the threshold: chat answers resume",
    ]);
    guard.close();
  });
});
