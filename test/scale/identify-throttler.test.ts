/**
 * Identify pacing shared through a real PostgreSQL server (test/support/postgres-setup.ts): two
 * throttlers stand for two hosts. The spacing is shortened from Discord's 5.5 s so the file runs in
 * a few seconds; the arithmetic is the same.
 */
import { afterEach, describe, expect, inject, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import {
  botKey,
  type IdentifyThrottler,
  LocalIdentifyThrottler,
  PostgresIdentifyThrottler,
} from "../../src/scale/identify-throttler.ts";
import { freshDatabase, startPostgres } from "../support/postgres.ts";

const SPACING_MS = 400;
const postgresUrl = inject("postgresUrl");

function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger("debug", {
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

const opened: IdentifyThrottler[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close()));
});

function host(url: string, maxConcurrency: number, logger = capturedLogger().logger) {
  const throttler = new PostgresIdentifyThrottler({
    url,
    maxConcurrency,
    bot: botKey("a.bot.token"),
    logger,
    spacingMs: SPACING_MS,
    queryTimeoutMs: 1_000,
  });
  opened.push(throttler);
  return throttler;
}

/** Lets every shard identify once through its host; returns when each was let go, by bucket. */
async function identifyAll(
  shards: Array<{ host: IdentifyThrottler; shard: number }>,
  maxConcurrency: number,
): Promise<Map<number, number[]>> {
  const byBucket = new Map<number, number[]>();
  await Promise.all(
    shards.map(async ({ host: throttler, shard }) => {
      await throttler.waitForIdentify(shard, new AbortController().signal);
      const bucket = shard % maxConcurrency;
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), performance.now()]);
    }),
  );
  return byBucket;
}

function gaps(times: number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((t, i) => t - (sorted[i] as number));
}

describe.skipIf(postgresUrl === null)("PostgresIdentifyThrottler", () => {
  it("never lets two hosts identify two shards of one bucket within the spacing", async () => {
    const url = await freshDatabase(postgresUrl as string);
    const a = host(url, 1);
    const b = host(url, 1);
    // Two hosts starting at the same instant, two shards each, all in bucket 0.
    const byBucket = await identifyAll(
      [
        { host: a, shard: 0 },
        { host: a, shard: 1 },
        { host: b, shard: 2 },
        { host: b, shard: 3 },
      ],
      1,
    );
    const times = byBucket.get(0) ?? [];
    expect(times).toHaveLength(4);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(SPACING_MS - 5);
  }, 20_000);

  it("lets different buckets go together", async () => {
    const url = await freshDatabase(postgresUrl as string);
    const a = host(url, 2);
    const b = host(url, 2);
    const started = performance.now();
    const byBucket = await identifyAll(
      [
        { host: a, shard: 0 },
        { host: b, shard: 1 },
      ],
      2,
    );
    expect([...byBucket.keys()].sort()).toEqual([0, 1]);
    for (const [time] of byBucket.values()) {
      expect((time as number) - started).toBeLessThan(SPACING_MS);
    }
  });

  it("gives up a wait when its signal aborts, and the next shard goes on", async () => {
    const url = await freshDatabase(postgresUrl as string);
    const a = host(url, 1);
    const b = host(url, 1);
    await a.waitForIdentify(0, new AbortController().signal);
    const controller = new AbortController();
    const waiting = b.waitForIdentify(1, controller.signal);
    const next = b.waitForIdentify(2, new AbortController().signal);
    const reason = new Error("shard closed");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await next;
  });

  it("falls back to local pacing with one warning when the database is unreachable", async () => {
    const { logger, lines } = capturedLogger();
    // A port nothing listens on: the server is asked, refuses, and the host paces itself.
    const unreachable = host("postgres://postgres@127.0.0.1:9/none", 1, logger);
    const byBucket = await identifyAll(
      [
        { host: unreachable, shard: 0 },
        { host: unreachable, shard: 1 },
        { host: unreachable, shard: 2 },
      ],
      1,
    );
    for (const gap of gaps(byBucket.get(0) ?? [])) {
      expect(gap).toBeGreaterThanOrEqual(SPACING_MS - 5);
    }
    const warnings = lines.filter((l) => /PostgreSQL is unreachable/.test(String(l.msg)));
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain("a.bot.token");
  });

  it("goes local while its server is down, and back to the database once it answers", async () => {
    // A server of its own: the shared one must stay up for the other files.
    const server = await startPostgres();
    try {
      const { logger, lines } = capturedLogger();
      const throttler = host(server.url, 1, logger);
      await throttler.waitForIdentify(0, new AbortController().signal);
      await server.stop();
      await throttler.waitForIdentify(1, new AbortController().signal);
      expect(lines.filter((l) => /PostgreSQL is unreachable/.test(String(l.msg)))).toHaveLength(1);
      await server.start();
      await throttler.waitForIdentify(2, new AbortController().signal);
      expect(lines.map((l) => l.msg)).toContain("identify pacing shared through PostgreSQL again");
    } finally {
      await server.destroy();
    }
  }, 60_000);

  it("keeps its lease table to itself: created once, one row per bot and bucket", async () => {
    const url = await freshDatabase(postgresUrl as string);
    await Promise.all([
      host(url, 2).waitForIdentify(0, new AbortController().signal),
      host(url, 2).waitForIdentify(1, new AbortController().signal),
    ]);
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT bot, bucket FROM discord_identify_leases ORDER BY bucket",
      );
      expect(rows).toEqual([
        { bot: botKey("a.bot.token"), bucket: 0 },
        { bot: botKey("a.bot.token"), bucket: 1 },
      ]);
    } finally {
      await client.end();
    }
  });
});

describe("LocalIdentifyThrottler", () => {
  it("spaces one bucket and leaves the others free", async () => {
    const local = new LocalIdentifyThrottler(2, SPACING_MS);
    const byBucket = await identifyAll(
      [0, 1, 2, 3].map((shard) => ({ host: local, shard })),
      2,
    );
    for (const times of byBucket.values()) {
      expect(times).toHaveLength(2);
      for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(SPACING_MS - 5);
    }
  });
});
