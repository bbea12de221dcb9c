/**
 * A memo that forgets everything when it is full: people reuse the same few hundred words, so a
 * plain map serves almost every lookup, and the cap keeps a flood of odd words from growing it
 * without bound.
 */
export class BoundedCache<K, V extends NonNullable<unknown>> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** `compute` never returns undefined: a stored value is found by one lookup. */
  get(key: K, compute: (key: K) => V): V {
    const stored = this.map.get(key);
    if (stored !== undefined) return stored;
    const value = compute(key);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
