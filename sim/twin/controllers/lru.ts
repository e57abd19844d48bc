// A bounded, approximately least-recently-used map: the event correlator's cache, so memory stays flat however
// many events flow. upstream: github.com/golang/groupcache/lru (what client-go's events_cache.go uses, 4096
// entries), an exact LRU.
//
// Two generations instead of exact recency: entries go into the young Map; when it holds half the capacity it
// becomes the old one and the previous old one is dropped whole; a use of an old entry moves it back to the
// young. So at most `capacity` entries are held, and an entry is kept for at least capacity/2 − 1 insertions
// after its last use (an old entry used again counts as an insertion). An exact LRU on a JS Map re-inserts the
// entry on every use: each use left a deleted slot behind, and evicting the oldest first skipped over all of
// them (~0.3 µs per use against ~0.1 µs here, for a cache used on every Event). The difference shows only when more than capacity/2 objects are talked about between
// two events of one object: its record may then be forgotten earlier than an exact LRU would.

export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generation: number;

  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new Error(`LruCache: capacity must be >= 1, got ${capacity}`);
    this.generation = Math.max(1, Math.floor(capacity / 2));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  /** The value, marked recently used. */
  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const aged = this.old.get(key);
    if (aged === undefined) return undefined;
    this.old.delete(key);
    this.insert(key, aged);
    return aged;
  }

  /** Stores `value` as recently used, dropping the oldest generation when the young one is full. */
  set(key: K, value: V): void {
    if (this.young.has(key)) {
      this.young.set(key, value);
      return;
    }
    this.old.delete(key);
    this.insert(key, value);
  }

  private insert(key: K, value: V): void {
    this.young.set(key, value);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}
