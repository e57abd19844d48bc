// A Map for remembered answers that must not grow without bound: when full it starts over. The memos it backs
// (formatted seconds, parsed timestamps, shared status parts, image texts) see a handful of distinct keys at a
// time, so starting over costs a few recomputations and keeps memory flat however long a run lasts.

export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`BoundedMap: limit must be >= 1, got ${limit}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Stores `value` (forgetting everything first when full) and returns it. */
  set(key: K, value: V): V {
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
