/**
 * npm run train — rebuilds data/question-pools.json from the example questions in data/corpus/.
 * Run it after adding or editing a corpus batch (a test fails while the file is stale).
 */
import { relative } from "node:path";
import { POOLS_FILE, writePools } from "../core/question-pools.ts";

const t0 = performance.now();
const trained = writePools();
const labels = Object.entries(trained.pools);
const terms = labels.reduce((n, [, pool]) => n + Object.keys(pool).length, 0);
console.log(
  `${relative(process.cwd(), POOLS_FILE)}: ${labels.length} pools, ${terms} distinct terms per pool summed, corpus ${trained.corpus.slice(0, 12)}… (${Math.round(performance.now() - t0)} ms)`,
);
