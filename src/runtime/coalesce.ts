/**
 * One collection for every caller that asks while it runs. The health endpoint's report and
 * metrics ask every shard process over IPC: without this, a thousand probes at once would send a
 * thousand questions to each process and wait on a thousand answers, for the same few numbers.
 */
export function coalesce<T>(collect: () => T | Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= Promise.resolve()
      .then(collect)
      .finally(() => {
        running = null;
      });
    return running;
  };
}
