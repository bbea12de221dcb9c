import { afterEach, describe, expect, it } from "vitest";
import { filterRoleCacheWarning } from "../../src/discord/gateway/client.ts";

describe("filterRoleCacheWarning", () => {
  const seen: string[] = [];
  const listener = (w: Error) => seen.push(`${w.name}: ${w.message}`);
  afterEach(() => {
    process.off("warning", listener);
    seen.length = 0;
  });

  it("drops exactly discord.js's RoleManager cache warning and lets every other through", async () => {
    filterRoleCacheWarning();
    process.on("warning", listener);
    process.emitWarning(
      "Overriding the cache handling for RoleManager is unsupported and breaks functionality.",
      "UnsupportedCacheOverwriteWarning",
    );
    // Same type, another manager: printed (this test's expected output).
    process.emitWarning(
      "(test) GuildManager, must get through",
      "UnsupportedCacheOverwriteWarning",
    );
    process.emitWarning("(test) must get through", { type: "DeprecationWarning", code: "X1" });
    // Warnings are delivered on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([
      "UnsupportedCacheOverwriteWarning: (test) GuildManager, must get through",
      "DeprecationWarning: (test) must get through",
    ]);
  });
});
