// Wall time: the one place in kis allowed to call Date.now() and the global timers.
import type { Clock, TimerHandle } from './clock.ts';

/** Node overflows delays above 2^31-1 ms and fires them at once (with a warning); we chain instead. */
const MAX_NATIVE_DELAY = 2 ** 31 - 1;

interface RealTimer extends TimerHandle {
  native: ReturnType<typeof setTimeout> | undefined;
}

export class RealClock implements Clock {
  private nextId = 1;
  private readonly live = new Map<number, RealTimer>();

  now(): number {
    return Date.now();
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer: RealTimer = { id: this.nextId++, native: undefined };
    this.live.set(timer.id, timer);
    this.arm(timer, Date.now() + Math.max(0, ms || 0), () => {
      this.live.delete(timer.id);
      fn();
    });
    return timer;
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle === undefined) return;
    const timer = this.live.get(handle.id);
    if (timer === undefined || timer !== handle) return;
    this.live.delete(timer.id);
    if (timer.native !== undefined) globalThis.clearTimeout(timer.native);
  }

  /**
   * Fixed-rate, unlike Node's setInterval (which re-arms from when the callback ran and so drifts
   * late): the k-th call is aimed at start + k·period. After a stall (a busy loop, a suspended
   * laptop) the missed beats are skipped rather than fired in a burst.
   */
  setInterval(fn: () => void, ms: number): TimerHandle {
    const period = Math.max(1, ms || 0);
    const timer: RealTimer = { id: this.nextId++, native: undefined };
    this.live.set(timer.id, timer);
    let next = Date.now() + period;
    const beat = (): void => {
      const now = Date.now();
      next += period;
      if (next < now) next += Math.ceil((now - next) / period) * period;
      this.arm(timer, next, beat);
      fn();
    };
    this.arm(timer, next, beat);
    return timer;
  }

  clearInterval(handle: TimerHandle | undefined): void {
    this.clearTimeout(handle);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  /** Real time waits for nobody. */
  hold(_reason: string): () => void {
    return noop;
  }

  /** Arms (or re-arms) `timer` to call `fn` at wall instant `at`, chaining across Node's max delay. */
  private arm(timer: RealTimer, at: number, fn: () => void): void {
    const wait = Math.max(0, at - Date.now());
    if (wait > MAX_NATIVE_DELAY) {
      timer.native = globalThis.setTimeout(() => this.arm(timer, at, fn), MAX_NATIVE_DELAY);
    } else {
      timer.native = globalThis.setTimeout(fn, wait);
    }
  }
}

const noop = (): void => {};
