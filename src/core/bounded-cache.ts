/**
 * A memo that forgets everything when it is full: people reuse the same few hundred words, so a
 * plain map serves almost every lookup, and the cap keeps a flood of odd words from growing it
 * without bound.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, compute: (key: K) => V): V {
    if (this.map.has(key)) return this.map.get(key) as V;
    const value = compute(key);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
