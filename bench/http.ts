/**
 * The HTTP mode of `npm run bench:e2e`: the HTTP-only bot (bench/http-bot.ts, `startHttpBot` as
 * `npm start` runs it with DISCORD_GATEWAY=off) beside a do-nothing endpoint that only verifies the
 * signature and answers a fixed embed (bench/http-floor.ts), each in its own process behind its
 * own loopback Discord, which signs and POSTs the interactions. Measured the same way for both:
 * the /ask round trip from sending the signed POST to having read the answer (sequential,
 * interleaved, each from a new user), and RSS after a full GC, idle and after the asks.
 */
import type { FakeGuildSpec } from "../tools/fake-discord/index.ts";
import { startFakeDiscord } from "../tools/fake-discord/index.ts";
import { askOverHttp } from "./asks.ts";
import type { MemoryReport } from "./child.ts";
import { BotProcess, type Launch } from "./processes.ts";

export const HTTP_KINDS = ["http-bot", "http-floor"] as const;
export type HttpKind = (typeof HTTP_KINDS)[number];
export const HTTP_SOURCES: Record<HttpKind, string> = {
  "http-bot": "bench/http-bot.ts",
  "http-floor": "bench/http-floor.ts",
};

export interface HttpRun {
  idle: Record<HttpKind, MemoryReport>;
  asked: Record<HttpKind, MemoryReport>;
}

export interface HttpWorld {
  guilds: FakeGuildSpec[];
  where: { guildId: string; channelId: string };
  warmup: number;
  measured: number;
}

async function memories(
  procs: Record<HttpKind, BotProcess>,
): Promise<Record<HttpKind, MemoryReport>> {
  const [bot, floor] = await Promise.all(HTTP_KINDS.map((k) => procs[k].memory()));
  if (!bot || !floor) throw new Error("missing memory report");
  return { "http-bot": bot, "http-floor": floor };
}

/** One run: both endpoints started fresh; latency samples appended to `samples`. */
export async function httpWorld(
  world: HttpWorld,
  launch: Record<HttpKind, Launch>,
  samples: Record<HttpKind, number[]>,
): Promise<HttpRun> {
  const fakes = {
    "http-bot": await startFakeDiscord({ guilds: world.guilds }),
    "http-floor": await startFakeDiscord({ guilds: world.guilds }),
  };
  const procs: Partial<Record<HttpKind, BotProcess>> = {};
  try {
    // One after the other, so the two start-ups do not compete for the CPUs.
    for (const kind of HTTP_KINDS) {
      const proc = await BotProcess.start(kind, launch[kind], fakes[kind]);
      procs[kind] = proc;
      if (proc.port === null) throw new Error(`${kind}: no endpoint port reported`);
      fakes[kind].useInteractionsEndpoint(`http://127.0.0.1:${proc.port}/interactions`);
    }
    const started = procs as Record<HttpKind, BotProcess>;
    const idle = await memories(started);
    for (let n = 0; n < world.warmup + world.measured; n++) {
      const order: HttpKind[] =
        n % 2 === 0 ? ["http-bot", "http-floor"] : ["http-floor", "http-bot"];
      for (const kind of order) {
        const { ms, answered } = await askOverHttp(fakes[kind], n, world.where);
        if (!answered) throw new Error(`${kind} did not answer /ask #${n}`);
        if (n >= world.warmup) samples[kind].push(ms);
      }
    }
    return { idle, asked: await memories(started) };
  } finally {
    await Promise.all(Object.values(procs).map((p) => p.stop()));
    await Promise.all(Object.values(fakes).map((f) => f.close()));
  }
}
