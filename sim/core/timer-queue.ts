// Clock timer semantics over a TimerHeap for virtual clocks: ids, one-shots, drift-free intervals.
import type { TimerHandle } from './clock.ts';
import { TimerHeap, type TimerEntry } from './timer-heap.ts';

/**
 * Virtual time is whole milliseconds (as Date.now() is): fractional delays round up, negative or
 * NaN delays mean "now". Unlike Node we keep 0 as 0 (fires at the same instant, after the timers
 * already due) because a virtual clock has no event-loop tick to protect.
 */
export const normalizeDelay = (ms: number): number => (ms > 0 ? Math.ceil(ms) : 0);

/**
 * An interval of 0 would fire forever at one instant and freeze virtual time;
 * Node clamps it to 1 ms and so do we (upstream Node: lib/internal/timers.js, after < 1 → 1).
 */
export const normalizePeriod = (ms: number): number => Math.max(1, normalizeDelay(ms));

export class TimerQueue {
  private readonly heap = new TimerHeap();
  private readonly live = new Map<number, TimerEntry>();
  private nextId = 1;
  private nextSeq = 0;

  /** Timers still to fire (intervals count once). */
  get size(): number {
    return this.heap.size;
  }

  /** When the earliest timer is due, or undefined when none is queued. */
  nextDue(): number | undefined {
    return this.heap.peek()?.due;
  }

  schedule(fn: () => void, due: number, period: number | undefined): TimerHandle {
    const entry: TimerEntry = { id: this.nextId++, seq: this.nextSeq++, due, period, fn, index: -1 };
    this.live.set(entry.id, entry);
    this.heap.push(entry);
    // The entry is the handle: clearing checks identity, so a handle from another clock is ignored.
    return entry;
  }

  cancel(handle: TimerHandle | undefined): void {
    if (handle === undefined) return;
    const entry = this.live.get(handle.id);
    if (entry === undefined || entry !== handle) return;
    this.live.delete(entry.id);
    this.heap.remove(entry);
  }

  /**
   * Takes the earliest timer if it is due at or before `t`, and returns its callback.
   * An interval is re-queued first, at due + period (not t + period, so it never drifts), keeping
   * its creation order, so the callback may clear it.
   */
  takeDue(t: number): (() => void) | undefined {
    const top = this.heap.peek();
    if (top === undefined || top.due > t) return undefined;
    this.heap.pop();
    if (top.period === undefined) {
      this.live.delete(top.id);
    } else {
      top.due += top.period;
      this.heap.push(top);
    }
    return top.fn;
  }
}
