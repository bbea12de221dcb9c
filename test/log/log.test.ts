import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  createLogger,
  maskUserMentions,
  redactSecrets,
  registerSecret,
  registerUrlPassword,
  serializeError,
} from "../../src/log.ts";

const SECRET = "MTIzNDU2Nzg5.unit-test-secret-token.abcdef";
registerSecret(SECRET);

function capture() {
  const lines: string[] = [];
  const logger = createLogger("debug", {
    destination: { write: (l: string) => void lines.push(l) },
  });
  return { logger, lines };
}

describe("redaction", () => {
  it("removes a registered secret from every field, message and stack of a log line", () => {
    const { logger, lines } = capture();
    const error = new Error(`login failed with ${SECRET}`);
    logger.error({ err: error, note: `token=${SECRET}`, nested: { deep: [SECRET] } }, SECRET);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(SECRET);
    expect(lines[0]).toContain("[redacted]");
    expect(() => JSON.parse(lines[0] ?? "")).not.toThrow();
  });

  it("removes interaction tokens from Discord URLs but keeps the route readable", () => {
    expect(
      redactSecrets("POST https://discord.com/api/v10/interactions/123/aW50.tok/callback?x=1"),
    ).toBe("POST https://discord.com/api/v10/interactions/123/[redacted]/callback?x=1");
    expect(redactSecrets("/webhooks/900/aW50.tok/messages/@original")).toBe(
      "/webhooks/900/[redacted]/messages/@original",
    );
    expect(redactSecrets("/interactions/:id/:token/callback")).toBe(
      "/interactions/:id/:token/callback",
    );
  });
});

describe("user mentions", () => {
  it("are masked in every line, raw, as echo defuses them, or JSON-escaped; role mentions stay", () => {
    expect(maskUserMentions("<@410000000000000002> et <@!410000000000000003> ?")).toBe(
      "<@user> et <@user> ?",
    );
    expect(maskUserMentions("« <\u200b@410000000000000002> »")).toBe("« <@user> »");
    expect(maskUserMentions("<\\u200b@410000000000000002>")).toBe("<@user>");
    expect(maskUserMentions("<@&410000000000000004> <#410000000000000005>")).toBe(
      "<@&410000000000000004> <#410000000000000005>",
    );
    const { logger, lines } = capture();
    logger.info({ question: "<@410000000000000002> mesure 4", detail: "<\u200b@42>" }, "asked");
    expect(lines[0]).not.toMatch(/410000000000000002|@42/);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      question: "<@user> mesure 4",
      detail: "<@user>",
    });
  });
});

describe("credentials in URLs", () => {
  it.each([
    ["http://bot:pw@proxy:8080/api", "http://[redacted]@proxy:8080/api"],
    [
      "connect to postgres://bot:p@ss@db:5432/bot failed",
      "connect to postgres://[redacted]@db:5432/bot failed",
    ],
    ["https://token-only@proxy/api/v10/users/@me", "https://[redacted]@proxy/api/v10/users/@me"],
    // No parser reads these, so nothing before the last "@" is trusted.
    ['got "http://bot:pa/ss@proxy:99999/api"', 'got "http://[redacted]@proxy:99999/api"'],
    ["ftp://bot:p#w@proxy/api", "ftp://[redacted]@proxy/api"],
    [
      "https://proxy/api?user=bot&password=pw&sslpassword=x&access_token=t&api-key=k&key=k&page=2",
      "https://proxy/api?user=bot&password=[redacted]&sslpassword=[redacted]&access_token=[redacted]&api-key=[redacted]&key=[redacted]&page=2",
    ],
    [
      '{"url":"http://u:pw@h/api/v10/channels/1/messages"}',
      '{"url":"http://[redacted]@h/api/v10/channels/1/messages"}',
    ],
  ])("redacts %j", (text, redacted) => {
    expect(redactSecrets(text)).toBe(redacted);
  });

  it.each([
    "https://discord.com/api/v10/users/@me",
    "at file:///work/node_modules/pino/pino.js:12:3",
    "mail bot@example.org, see https://example.org/a?author=me&monkey=1",
    "cannot reach PostgreSQL at db:5432/bot (DATABASE_URL)",
  ])("leaves %j as it is", (text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it("censors a registered URL's password wherever it appears, decoded too", () => {
    registerUrlPassword("postgres://bot:long%2Fpassword-1@db/bot");
    expect(redactSecrets("auth failed for long/password-1 and long%2Fpassword-1")).toBe(
      "auth failed for [redacted] and [redacted]",
    );
  });

  it("redacts a log line's URL credentials, in fields and in error URLs", () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error("refused"), {
      url: "http://bot:pw@proxy/api/v10/channels/1/messages",
    });
    logger.warn(
      { err: error, apiUrl: "http://bot:pw@proxy/api" },
      "refused by http://bot:pw@proxy",
    );
    expect(lines[0]).not.toContain("pw@");
    expect(lines[0]).toContain("http://[redacted]@proxy/api");
  });

  it("takes linear time on a long run of letters (no token-shape backtracking)", () => {
    const text = `${"a".repeat(200_000)}.b`;
    const started = performance.now();
    redactSecrets(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("serializeError", () => {
  it("keeps a Discord error's code, status and route, not the request body", () => {
    const error = new DiscordAPIError(
      { code: 50013, message: "Missing Permissions" },
      50013,
      403,
      "POST",
      "https://discord.com/api/v10/webhooks/900/secret-interaction-token/messages",
      { body: { content: "what the user typed" }, files: undefined },
    );
    const out = serializeError(error);
    expect(out).toMatchObject({ code: 50013, status: 403, method: "POST" });
    expect(String(out.url)).toContain("/webhooks/900/[redacted]/messages");
    expect(JSON.stringify(out)).not.toContain("what the user typed");
    expect(JSON.stringify(out)).not.toContain("secret-interaction-token");
  });

  it("copes with things that are not errors", () => {
    expect(serializeError("plain")).toEqual({ message: "plain" });
  });
});
