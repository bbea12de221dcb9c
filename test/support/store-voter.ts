/**
 * A child process for the store's concurrency tests (test/store/processes.test.ts), standing for
 * one shard process or one replica. Argument: JSON {dataDir, databaseUrl, mode, prefix, durationMs}.
 *
 * mode "vote": opens the store, prints {"ready":true}, waits for "go" on stdin, then votes for
 * `durationMs` on answer ids of its own (`prefix`-n, four votes in flight at a time), and prints
 * {"acknowledged":n,"failed":n,"errors":[…]} before closing the store.
 * mode "open": prints {"ready":true}, waits for "go", opens the store (migrating it) and prints
 * {"opened":true,"previous":…} after a 👍 of a fixed user on the answer "probe" (so that the test
 * can see whether every process hashed the user alike), or {"openFailed":…}.
 */
import { createInterface } from "node:readline";
import { createLogger } from "../../src/log.ts";
import type { ShownAnswer } from "../../src/store/feedback.ts";
import { openStore, type Store } from "../../src/store/index.ts";

interface Options {
  dataDir: string;
  databaseUrl: string | null;
  mode: "vote" | "open";
  prefix: string;
  durationMs: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

const input = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => {
  input.on("line", (line) => {
    if (line.trim() === "go") resolve();
  });
});

const open = () =>
  openStore({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    logger: createLogger("silent"),
    replayWindowMs: 300_000,
  });

async function vote(store: Store): Promise<void> {
  let next = 0;
  let acknowledged = 0;
  let failed = 0;
  const errors: string[] = [];
  const deadline = Date.now() + options.durationMs;
  const voter = async () => {
    while (Date.now() < deadline) {
      next += 1;
      const answer: ShownAnswer = {
        id: `${options.prefix}-${next}`,
        clauseId: "M4",
        via: "search",
        confidence: "answer",
        score: 0.5,
      };
      try {
        await store.feedback.vote(answer, { guildId: "1", userId: `${options.prefix}-user` }, "up");
        acknowledged += 1;
      } catch (error) {
        failed += 1;
        if (errors.length < 3) errors.push(String((error as Error).cause ?? error));
      }
    }
  };
  await Promise.all([voter(), voter(), voter(), voter()]);
  say({ acknowledged, failed, errors });
}

if (options.mode === "vote") {
  const store = await open();
  say({ ready: true });
  await go;
  await vote(store);
  await store.close();
} else {
  say({ ready: true });
  await go;
  try {
    const store = await open();
    // The same user in every process: under one salt, one row whatever the order.
    const previous = await store.feedback.vote(
      { id: "probe", clauseId: "M4", via: "search", confidence: "answer", score: 1 },
      { guildId: "1", userId: "412345678901234567" },
      "up",
    );
    say({ opened: true, previous });
    await store.close();
  } catch (error) {
    say({ openFailed: String(error) });
  }
}
input.close();
