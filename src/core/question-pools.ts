/**
 * The trained form of the example corpus: each clause's pool of example-question terms
 * (question-index.ts), written by `npm run train` to data/question-pools.json so that the bot
 * starts without analysing thousands of questions. The file records a hash of the corpus it was
 * built from; a stale file (the corpus changed since) is ignored and the pools are rebuilt from
 * the corpus, so an edit without `npm run train` is slower to start, never wrong.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyzeQuery } from "./analysis.ts";
import { type Entities, getEntities } from "./entities.ts";
import { type Example, type Pools, poolExamples, termsOf } from "./question-index.ts";
import { batchFiles, CORPUS_DIR, readBatches } from "./questions.ts";

export const POOLS_FILE = fileURLToPath(new URL("../../data/question-pools.json", import.meta.url));

interface PoolsFile {
  $comment: string;
  corpus: string;
  pools: Pools;
}

/** A hash of the corpus files, names and contents, in name order. */
export function corpusHash(dir: string = CORPUS_DIR): string {
  const hash = createHash("sha256");
  for (const f of batchFiles(dir)) {
    hash
      .update(f)
      .update("\0")
      .update(readFileSync(`${dir}${f}`))
      .update("\0");
  }
  return hash.digest("hex");
}

/** Pools built from example questions (analysed here). */
export function buildPools(
  examples: readonly Example[],
  entities: Entities = getEntities(),
): Pools {
  return poolExamples(
    examples.map((e) => ({ terms: termsOf(analyzeQuery(e.q), entities), expect: e.expect })),
  );
}

export function trainPools(dir: string = CORPUS_DIR): PoolsFile {
  return {
    $comment:
      "Written by `npm run train` from data/corpus/: each label's example-question terms and their counts. Do not edit.",
    corpus: corpusHash(dir),
    pools: buildPools(readBatches(dir).flatMap((b) => b.questions)),
  };
}

export function writePools(file: string = POOLS_FILE): PoolsFile {
  const trained = trainPools();
  writeFileSync(file, `${JSON.stringify(trained)}\n`);
  return trained;
}

/** The shipped pools when they match the corpus, else pools rebuilt from it. */
export function loadPools(file: string = POOLS_FILE): Pools {
  if (existsSync(file)) {
    const shipped = JSON.parse(readFileSync(file, "utf8")) as PoolsFile;
    if (shipped.corpus === corpusHash()) return shipped.pools;
  }
  return trainPools().pools;
}
