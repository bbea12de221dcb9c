/**
 * One measurement for `npm run bench`, in a fresh process: the resident set after building one
 * engine, with the example corpus (`full`) or without it (`bare`), and answering the development
 * and held-out questions three times (caches filled, hot code compiled), after a full collection.
 * Prints RSS in bytes. The bench compares the two kinds of process; comparing processes rather
 * than two engines in one process keeps the compiler's and allocator's own growth out of it.
 * Run with --expose-gc.
 */
import { Engine } from "../core/engine.ts";
import { benchmarkQuestions } from "../core/questions.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const kind = process.argv[2];
if (kind !== "bare" && kind !== "full") throw new Error("usage: corpus-rss.ts bare|full");

const questions = benchmarkQuestions();

const engine = kind === "full" ? new Engine() : new Engine({ examples: [] });
let answered = 0;
for (let round = 0; round < 3; round++) {
  for (const q of questions) answered += engine.answer(q).kind.length;
}
// Twice: objects freed by the first collection's finalizers are only reclaimed by a second.
gc();
gc();
process.stdout.write(`${process.memoryUsage().rss} ${answered}\n`);
