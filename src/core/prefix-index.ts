/**
 * Values keyed by word beginnings. A word's matching keys are found by one map lookup per key
 * length (its own beginnings of those lengths), not by testing every key against it: the tables
 * hold hundreds of stems, and every word of every question is looked up.
 */
export class PrefixIndex<V> {
  private readonly byPrefix = new Map<string, V[]>();
  /** The keys' lengths, shortest first. */
  private lengths: number[] = [];

  add(prefix: string, value: V): void {
    const values = this.byPrefix.get(prefix);
    if (values) values.push(value);
    else this.byPrefix.set(prefix, [value]);
    if (!this.lengths.includes(prefix.length)) {
      this.lengths = [...this.lengths, prefix.length].sort((a, b) => a - b);
    }
  }

  /** Calls `found` with the values of every key that begins `word`, shortest key first. */
  forEachBeginning(word: string, found: (value: V) => void): void {
    for (const n of this.lengths) {
      if (n > word.length) return;
      for (const v of this.byPrefix.get(word.slice(0, n)) ?? []) found(v);
    }
  }

  /** Whether some key begins `word`. */
  beginsAny(word: string): boolean {
    for (const n of this.lengths) {
      if (n > word.length) return false;
      if (this.byPrefix.has(word.slice(0, n))) return true;
    }
    return false;
  }
}
