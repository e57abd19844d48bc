// The bounded event log behind watch-from-RV and consistent list pages: a ring of the last N writes.
import type { KubeObject, WatchEvent } from './types.ts';

/** One write. Every write takes exactly one resourceVersion, so `rv` values in the ring are consecutive. */
export interface HistoryEntry {
  readonly rv: number;
  readonly resource: string;
  readonly namespace: string;
  readonly name: string;
  /** What watchers receive, shared by all of them (for DELETED: the last state, stamped with the deletion RV). */
  readonly event: WatchEvent;
  /** The object before this write; undefined for ADDED. Lets a list page rebuild an older snapshot. */
  readonly prev: KubeObject | undefined;
}

export class History {
  private readonly ring: (HistoryEntry | undefined)[];
  private readonly capacity: number;
  private length = 0;
  /** RV of the newest entry, or the base RV while empty. */
  private newest: number;

  constructor(capacity: number, baseRv: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`historyLimit must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.ring = new Array<HistoryEntry | undefined>(capacity);
    this.newest = baseRv;
  }

  get size(): number {
    return this.length;
  }

  /** Appends the entry for RV newest+1, evicting the oldest when full. */
  push(entry: HistoryEntry): void {
    if (entry.rv !== this.newest + 1) {
      throw new Error(`history: expected rv ${this.newest + 1}, got ${entry.rv}`);
    }
    this.ring[entry.rv % this.capacity] = entry;
    this.newest = entry.rv;
    if (this.length < this.capacity) this.length++;
  }

  /** Events after `rv` are all retained exactly when rv >= this value. */
  oldestUsableRv(): number {
    return this.newest - this.length;
  }

  /** Calls fn for each retained entry with afterRv < rv <= upToRv, oldest first. Caller checks oldestUsableRv first. */
  forEachAfter(afterRv: number, fn: (e: HistoryEntry) => void, upToRv: number = this.newest): void {
    const from = Math.max(afterRv, this.oldestUsableRv()) + 1;
    const to = Math.min(upToRv, this.newest);
    for (let rv = from; rv <= to; rv++) {
      fn(this.ring[rv % this.capacity] as HistoryEntry);
    }
  }
}
