/** The line a person reads when Discord closes a shard for good: the code, and what to do. */
import { describe, expect, it } from "vitest";
import { describeFatalClose, FATAL_CLOSE_CODES } from "../../src/discord/gateway/close-codes.ts";

const base = { shardId: 2, shardCount: 4, sharded: true, messageContent: "auto" as const };

describe("describeFatalClose", () => {
  it("has a line naming the code for every code discord.js gives up after", () => {
    for (const code of FATAL_CLOSE_CODES) {
      const line = describeFatalClose({ ...base, code });
      expect(line).toContain(`shard 2 with ${code}`);
      expect(line).toMatch(/\.$/);
      expect(line).not.toMatch(/undefined|null/);
    }
  });

  it("4011 under sharding: the count Discord asks for, on every host", () => {
    expect(describeFatalClose({ ...base, code: 4011, recommended: 6 })).toBe(
      "Discord closed the gateway of shard 2 with 4011 (sharding required): the bot is in too many servers for 4 shard(s); Discord asks for 6 shard(s). Set DISCORD_SHARDS=6 (or auto) on every host and spread DISCORD_SHARD_IDS over them, then restart.",
    );
  });

  it("4011 when the recommendation could not be read still says what to do", () => {
    const line = describeFatalClose({ ...base, code: 4011, recommended: null });
    expect(line).toContain("Discord asks for more (GET /gateway/bot could not be read)");
    expect(line).toContain("a larger DISCORD_SHARDS");
  });

  it("4010 points at DISCORD_SHARDS and DISCORD_SHARD_IDS", () => {
    expect(describeFatalClose({ ...base, code: 4010 })).toMatch(
      /shard 2 does not exist in a bot of 4 shard\(s\).*DISCORD_SHARDS.*DISCORD_SHARD_IDS/,
    );
  });
});
