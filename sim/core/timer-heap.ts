// An indexed binary min-heap of timers ordered by (due, seq): O(log n) insert, pop and remove.
// Lockstep runs fire hundreds of thousands of timers, so a sorted array or linear scan will not do.

/** One scheduled callback. `seq` is its creation order, the tie-break that makes same-instant firing deterministic. */
export interface TimerEntry {
  readonly id: number;
  readonly seq: number;
  due: number;
  /** Undefined for a one-shot timer; the period in ms for an interval. */
  readonly period: number | undefined;
  readonly fn: () => void;
  /** Position in the heap array, -1 when not queued. Maintained by TimerHeap only. */
  index: number;
}

const before = (a: TimerEntry, b: TimerEntry): boolean => a.due < b.due || (a.due === b.due && a.seq < b.seq);

export class TimerHeap {
  private readonly items: TimerEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): TimerEntry | undefined {
    return this.items[0];
  }

  push(entry: TimerEntry): void {
    entry.index = this.items.length;
    this.items.push(entry);
    this.up(entry.index);
  }

  pop(): TimerEntry | undefined {
    const top = this.items[0];
    if (top !== undefined) this.removeAt(0);
    return top;
  }

  /** Removes an entry wherever it sits; a no-op when it is not queued. */
  remove(entry: TimerEntry): void {
    const i = entry.index;
    if (i < 0 || this.items[i] !== entry) return;
    this.removeAt(i);
  }

  private removeAt(i: number): void {
    const items = this.items;
    const removed = items[i]!;
    const last = items.pop()!;
    removed.index = -1;
    if (i === items.length) return;
    items[i] = last;
    last.index = i;
    // The moved entry may belong either above or below its new slot.
    if (i > 0 && before(last, items[(i - 1) >> 1]!)) this.up(i);
    else this.down(i);
  }

  private up(i: number): void {
    const items = this.items;
    const entry = items[i]!;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = items[parentIndex]!;
      if (!before(entry, parent)) break;
      items[i] = parent;
      parent.index = i;
      i = parentIndex;
    }
    items[i] = entry;
    entry.index = i;
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    const entry = items[i]!;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(items[right]!, items[left]!) ? right : left;
      const childEntry = items[child]!;
      if (!before(childEntry, entry)) break;
      items[i] = childEntry;
      childEntry.index = i;
      i = child;
    }
    items[i] = entry;
    entry.index = i;
  }
}
