// The timer half shared by clocks whose time is a number they move themselves (manual and lockstep):
// timers live in one TimerQueue, due in (due, creation) order.
import type { Clock, TimerHandle } from './clock.ts';
import { TimerQueue, normalizeDelay, normalizePeriod } from './timer-queue.ts';

export abstract class VirtualClock implements Clock {
  protected t: number;
  protected readonly timers = new TimerQueue();

  constructor(start: number) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.timers.schedule(fn, this.t + normalizeDelay(ms), undefined);
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    this.timers.cancel(handle);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    const period = normalizePeriod(ms);
    return this.timers.schedule(fn, this.t + period, period);
  }

  clearInterval(handle: TimerHandle | undefined): void {
    this.timers.cancel(handle);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  abstract hold(reason: string): () => void;
}
