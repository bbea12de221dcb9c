/**
 * Answers and the statements they wait for (the replay check) go first; bookkeeping that nobody
 * waits for (a limit's count) goes once they are done, so that the two do not wake the database and
 * share the CPU at the same moment. A busy replica is rarely without a statement under way, so what waits
 * runs after MAX_WAIT_MS at the latest.
 */
const MAX_WAIT_MS = 20;

export class Quiet {
  private pending = 0;
  private waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  /** Marks `work` as awaited by an answer until it settles; returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending += 1;
    const done = () => {
      this.pending -= 1;
      if (this.pending === 0) this.release();
    };
    work.then(done, done);
    return work;
  }

  /** Runs `fn` when no tracked work is under way (at once if none is). */
  whenQuiet(fn: () => void): void {
    if (this.pending === 0) {
      fn();
      return;
    }
    this.waiting.push(fn);
    this.timer ??= setTimeout(() => this.release(), MAX_WAIT_MS);
    this.timer.unref();
  }

  private release(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ready = this.waiting;
    this.waiting = [];
    for (const fn of ready) fn();
  }
}
