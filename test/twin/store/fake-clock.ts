// A tiny manual clock for store tests: time moves only when the test calls advance().
import type { Clock, TimerHandle } from '../../../sim/core/clock.ts';

interface Timer {
  id: number;
  at: number;
  every: number | undefined;
  fn: () => void;
}

export class FakeClock implements Clock {
  private t: number;
  private nextId = 1;
  private timers = new Map<number, Timer>();

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, undefined);
  }
  setInterval(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, ms);
  }
  clearTimeout(h: TimerHandle | undefined): void {
    if (h !== undefined) this.timers.delete(h.id);
  }
  clearInterval(h: TimerHandle | undefined): void {
    this.clearTimeout(h);
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }
  hold(): () => void {
    return () => undefined;
  }
  get pending(): number {
    return this.timers.size;
  }

  /** Moves time forward, firing due timers in time order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let due: Timer | undefined;
      for (const tm of this.timers.values()) if (tm.at <= end && (due === undefined || tm.at < due.at)) due = tm;
      if (due === undefined) break;
      this.t = due.at;
      if (due.every === undefined) this.timers.delete(due.id);
      else due.at += due.every;
      due.fn();
    }
    this.t = end;
  }

  private add(fn: () => void, ms: number, every: number | undefined): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.t + ms, every, fn });
    return { id };
  }
}
