/**
 * The trained form of the example corpus: each clause's pool of example-question terms
 * (question-index.ts), written by `npm run train` to data/question-pools.json so that the bot
 * starts without analysing thousands of questions. The file records a hash of the corpus and
 * entity table it was built from; a stale file is ignored and the pools are rebuilt.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyzeQuery } from "./analysis.ts";
import { ENTITIES_FILE, type Entities, getEntities } from "./entities.ts";
import { type Example, type Pools, poolExamples, termsOf } from "./question-index.ts";
import { batchFiles, CORPUS_DIR, readBatches } from "./questions.ts";
import { trainWholeTextModel, type WholeTextModel } from "./whole-text-model.ts";

export const POOLS_FILE = fileURLToPath(new URL("../../data/question-pools.json", import.meta.url));

interface PoolsFile extends Trained {
  $comment: string;
  corpus: string;
}

/** What the example questions teach: the clauses' pools and the reading of whole-text questions. */
export interface Trained {
  pools: Pools;
  wholeText: WholeTextModel;
}

/**
 * A hash of what the pools are built from: the corpus files (names and contents, in name order)
 * and the entity table. A change to the analysis code itself is caught by the test that compares
 * the shipped pools with freshly built ones.
 */
export function corpusHash(dir: string = CORPUS_DIR): string {
  const hash = createHash("sha256");
  // One buffer for every file: the bot starts by hashing the whole corpus, and a buffer per file
  // would leave the process's resident memory a few megabytes higher for nothing.
  const chunk = Buffer.allocUnsafe(HASH_CHUNK);
  const feed = (file: string) => {
    const fd = openSync(file, "r");
    try {
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
        hash.update(chunk.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
  };
  feed(ENTITIES_FILE);
  hash.update("\0");
  for (const f of batchFiles(dir)) {
    hash.update(f).update("\0");
    feed(`${dir}${f}`);
    hash.update("\0");
  }
  return hash.digest("hex");
}

const HASH_CHUNK = 64 * 1024;

/** Pools built from example questions (analysed here). */
export function buildPools(
  examples: readonly Example[],
  entities: Entities = getEntities(),
): Pools {
  return poolExamples(
    examples.map((e) => ({ terms: termsOf(analyzeQuery(e.q), entities), expect: e.expect })),
  );
}

export function trainPools(dir: string = CORPUS_DIR, corpus = corpusHash(dir)): PoolsFile {
  const examples = readBatches(dir).flatMap((b) => b.questions);
  return {
    $comment:
      "Written by `npm run train` from data/corpus/: each label's example-question terms and their counts, and which words and word pairs the questions about the whole text held. Do not edit.",
    corpus,
    pools: buildPools(examples),
    wholeText: trainWholeTextModel(examples),
  };
}

export function writePools(file: string = POOLS_FILE): PoolsFile {
  const trained = trainPools();
  writeFileSync(file, `${JSON.stringify(trained)}\n`);
  return trained;
}

/**
 * The shipped pools when they match the corpus and entity table, else pools rebuilt from them:
 * an edit without `npm run train` makes the start slower, not the answers different.
 */
export function loadPools(file: string = POOLS_FILE): Trained {
  const corpus = corpusHash();
  if (existsSync(file)) {
    const shipped = JSON.parse(readFileSync(file, "utf8")) as Partial<PoolsFile>;
    const model = shipped.wholeText;
    // A file from before the whole-text model, or damaged, is trained again like a stale one.
    const wellFormed =
      model !== undefined && typeof model.prior === "number" && typeof model.weights === "object";
    if (shipped.corpus === corpus && shipped.pools && wellFormed && model.weights !== null) {
      return { pools: shipped.pools, wholeText: model };
    }
  }
  const { pools, wholeText } = trainPools(CORPUS_DIR, corpus);
  return { pools, wholeText };
}
