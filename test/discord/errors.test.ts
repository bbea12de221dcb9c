/**
 * Discord's REST failures are told apart by class name (rest/discord-errors.ts): discord.js, a CommonJS
 * package, and the bot's ES modules each load their own copy of @discordjs/rest, so a chat reply's
 * error and an interaction answer's error are instances of two different classes.
 */
import { createRequire } from "node:module";
import * as esm from "@discordjs/rest";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/user-error.ts";
import {
  cannotSpeakHere,
  discordCode,
  interactionIsGone,
  isDiscordFailure,
} from "../../src/discord/rest/discord-errors.ts";

const cjs = createRequire(import.meta.url)("@discordjs/rest") as typeof esm;

const apiError = (copy: typeof esm, code: number, status = 404) =>
  new copy.DiscordAPIError({ message: "refused", code }, code, status, "POST", "/x", { body: {} });

describe("REST errors from either copy of @discordjs/rest", () => {
  it("are two classes (which is why instanceof is not used)", () => {
    expect(cjs.DiscordAPIError).not.toBe(esm.DiscordAPIError);
  });

  for (const [name, copy] of [
    ["ES module", esm],
    ["CommonJS", cjs],
  ] as const) {
    it(`reads the Discord code of the ${name} copy's errors`, () => {
      expect(discordCode(apiError(copy, 10062))).toBe(10062);
      expect(interactionIsGone(apiError(copy, 40060))).toBe(true);
      expect(cannotSpeakHere(apiError(copy, 50013, 403))).toBe(true);
      expect(isDiscordFailure(apiError(copy, 50013, 403))).toBe(true);
      const http = new copy.HTTPError(502, "Bad Gateway", "POST", "/x", { body: {} });
      expect(isDiscordFailure(http)).toBe(true);
      expect(discordCode(http)).toBeNull();
    });
  }

  it("leaves everything else alone", () => {
    for (const other of [
      new Error("boom"),
      new UserError({ id: "emptyQuestion" }),
      { code: 10062 },
      null,
      "x",
    ]) {
      expect(discordCode(other)).toBeNull();
      expect(isDiscordFailure(other)).toBe(false);
    }
  });
});
