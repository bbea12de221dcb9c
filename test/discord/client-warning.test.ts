import { describe, expect, it } from "vitest";
import { filterRoleCacheWarning } from "../../src/discord/gateway/client.ts";
import { expectWarnings } from "../support/process-warnings.ts";

describe("filterRoleCacheWarning", () => {
  it("drops exactly discord.js's RoleManager cache warning and lets every other through", async () => {
    filterRoleCacheWarning();
    const seen = expectWarnings(
      (w) => w.message.startsWith("(test)") || /RoleManager/.test(w.message),
    );
    process.emitWarning(
      "Overriding the cache handling for RoleManager is unsupported and breaks functionality.",
      "UnsupportedCacheOverwriteWarning",
    );
    // Same type, another manager: let through.
    process.emitWarning(
      "(test) GuildManager, must get through",
      "UnsupportedCacheOverwriteWarning",
    );
    process.emitWarning("(test) must get through", { type: "DeprecationWarning", code: "X1" });
    // Warnings are delivered on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.map((w) => `${w.name}: ${w.message}`)).toEqual([
      "UnsupportedCacheOverwriteWarning: (test) GuildManager, must get through",
      "DeprecationWarning: (test) must get through",
    ]);
  });
});
