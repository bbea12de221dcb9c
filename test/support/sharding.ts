/** What the sharding end-to-end tests share: servers on every shard, identify gaps, answers. */

import { expect } from "vitest";
import {
  type FakeDiscord,
  guildIdOnShard,
  type IdentifyRecord,
} from "../../tools/fake-discord/index.ts";
import { embedsOf, responseData } from "./bot-harness.ts";

/** Two servers on each of 4 shards. */
export const GUILDS_ON_EVERY_SHARD: readonly string[] = [0, 1, 2, 3].flatMap((shard) => [
  guildIdOnShard(shard, 4),
  guildIdOnShard(shard, 4, 222_222_222_222_222_222n),
]);

/**
 * The time between consecutive IDENTIFYs of the same bucket (`shard_id % maxConcurrency`), in
 * ms, over every bucket: Discord allows one per bucket per 5 s.
 */
export function identifyGaps(
  identifies: readonly IdentifyRecord[],
  maxConcurrency: number,
): number[] {
  const byBucket = new Map<number, number[]>();
  for (const identify of identifies) {
    const bucket = (identify.shard?.[0] ?? 0) % maxConcurrency;
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), identify.at]);
  }
  return [...byBucket.values()].flatMap((times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return sorted.slice(1).map((t, i) => t - (sorted[i] as number));
  });
}

export const commandRequests = (fake: FakeDiscord, method: string) =>
  fake.requests.filter(
    (r) => r.method === method && r.path === `/applications/${fake.applicationId}/commands`,
  );

let asked = 0;

/**
 * Sends /measure 3 in the server; true when exactly one gateway session received it and the
 * answer is the measure's card.
 */
export async function answeredOnce(fake: FakeDiscord, guildId: string): Promise<boolean> {
  // A user of its own for each question: the per-user command limit is not what is tested.
  asked += 1;
  const user = {
    id: (900_000_000_000_000_000n + BigInt(asked)).toString(),
    username: `asker-${asked}`,
  };
  const { id, delivered } = await fake.sendInteraction(
    fake.chatInput("measure", { number: 3 }, { guildId, user }),
  );
  const [embed] = embedsOf(await responseData(fake, id));
  return delivered === 1 && /prevenir les incidents militaires/.test(embed?.description ?? "");
}

/** Each of 4 shards (max_concurrency 1) identified once, and no two within Discord's 5 s. */
export function expectFourShardsPaced(identifies: readonly IdentifyRecord[]): void {
  expect(identifies.map((i) => i.shard).sort()).toEqual([
    [0, 4],
    [1, 4],
    [2, 4],
    [3, 4],
  ]);
  const gaps = identifyGaps(identifies, 1);
  expect(gaps).toHaveLength(3);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(5000);
}
