/**
 * A signed request captured on the way (a log, a proxy) stays valid for the whole timestamp
 * window. Discord never delivers one interaction twice, so an id seen again within the window is
 * a replay: refused, instead of running its command a second time.
 */
import { REPLAY_WINDOW_S } from "./verify.ts";

export class SeenInteractions {
  /** Interaction id → when it may be forgotten; insertion order is expiry order. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs = REPLAY_WINDOW_S * 1000) {}

  /** True the first time `id` is seen within the window; remembers it. */
  firstTime(id: string, now = Date.now()): boolean {
    // Forget what has expired: the oldest first, so each id is dropped once (linear overall).
    for (const [old, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(old);
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, now + this.windowMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
