/**
 * The last few results of a function of one text. Each reader of a question (chit-chat, terms,
 * the whole-text reading, references…) normalises it again; remembering the last few inputs
 * serves those repeats within one answer without threading a prepared question through them all.
 */
export class RecentMemo<V> {
  private readonly keys: (string | undefined)[];
  private readonly values: V[];
  private next = 0;

  constructor(size: number) {
    this.keys = new Array(size).fill(undefined);
    this.values = new Array(size);
  }

  get(key: string, compute: (key: string) => V): V {
    const at = this.keys.indexOf(key);
    if (at >= 0) return this.values[at] as V;
    const value = compute(key);
    this.keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.keys.length;
    return value;
  }
}
