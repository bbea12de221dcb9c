/**
 * The handlers currently running, so that a shutdown can let them finish (their replies reach
 * Discord) before the client disconnects and the settings database closes.
 */
/** How long a shutdown waits for running handlers: under the 5 s hard exit (runtime/process.ts). */
export const SHUTDOWN_DRAIN_MS = 3000;

export class InFlight {
  private readonly running = new Set<Promise<void>>();
  private accepting = true;

  get size(): number {
    return this.running.size;
  }

  /** False once `drain` has begun: new events are then left alone. */
  get open(): boolean {
    return this.accepting;
  }

  /** Runs `task`, remembering it until it settles; its rejection is `onError`'s to report. */
  run(task: () => Promise<void>, onError: (error: unknown) => void): void {
    const promise = task().catch(onError);
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }

  /** Stops accepting work and waits for what is running, at most `timeoutMs`; true if all finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.accepting = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      // Loop: a handler may still be starting others (a deferred reply's follow-up, say).
      while (this.running.size > 0) {
        const done = await Promise.race([
          Promise.allSettled([...this.running]).then(() => true),
          timeout,
        ]);
        if (!done) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
