// A bounded least-recently-used map: the event correlator's caches, so memory stays flat however many events flow.
// upstream: github.com/golang/groupcache/lru (what client-go's events_cache.go uses, 4096 entries).

export class LruCache<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used entry first.
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`LruCache: capacity must be >= 1, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, marked most recently used. */
  get(key: K): V | undefined {
    const v = this.entries.get(key);
    if (v === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }

  /** Stores `value` as most recently used, evicting the least recently used entry past capacity. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }
}
