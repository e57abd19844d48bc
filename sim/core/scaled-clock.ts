// Time running `speed`× faster than an underlying clock (`kis twin --speed 10`): a slow-motion or fast-forward wall clock.
import type { Clock, TimerHandle } from './clock.ts';
import { RealClock } from './real-clock.ts';

export interface ScaledClockOptions {
  /** This clock's time at construction, ms since the Unix epoch. Default: the base clock's now(). */
  start?: number;
  /** The clock being scaled. Default: a RealClock (wall time); tests inject a ManualClock. */
  base?: Clock;
}

interface ScaledTimer extends TimerHandle {
  /** Instant in this clock's time when the timer is due. */
  due: number;
  readonly period: number | undefined;
  readonly fn: () => void;
  baseHandle: TimerHandle | undefined;
}

/**
 * now() = start + speed × (base time elapsed); a timer of `ms` fires after ms / speed of base time.
 * Timers are kept as deadlines in scaled time, so setSpeed() re-aims them and intervals do not
 * drift. Like RealClock, an interval that falls behind skips the beats it missed. hold() is a no-op:
 * a scaled clock waits for nobody.
 */
export class ScaledClock implements Clock {
  private speedFactor: number;
  private anchorBase: number;
  private anchorScaled: number;
  private readonly base: Clock;
  private readonly live = new Map<number, ScaledTimer>();
  private nextId = 1;

  constructor(speed: number, options: ScaledClockOptions = {}) {
    this.speedFactor = checkSpeed(speed);
    this.base = options.base ?? new RealClock();
    this.anchorBase = this.base.now();
    this.anchorScaled = options.start ?? this.anchorBase;
  }

  get speed(): number {
    return this.speedFactor;
  }

  /** Changes the rate from this instant on; pending timers are re-aimed so they still fire at their scaled deadline. */
  setSpeed(speed: number): void {
    const checked = checkSpeed(speed);
    this.anchorScaled = this.exactNow();
    this.anchorBase = this.base.now();
    this.speedFactor = checked;
    for (const timer of this.live.values()) this.arm(timer);
  }

  now(): number {
    return Math.floor(this.exactNow());
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, Math.max(0, ms || 0), undefined);
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle === undefined) return;
    const timer = this.live.get(handle.id);
    if (timer === undefined || timer !== handle) return;
    this.live.delete(timer.id);
    this.base.clearTimeout(timer.baseHandle);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    const period = Math.max(1, ms || 0);
    return this.add(fn, period, period);
  }

  clearInterval(handle: TimerHandle | undefined): void {
    this.clearTimeout(handle);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  hold(_reason: string): () => void {
    return noop;
  }

  private exactNow(): number {
    return this.anchorScaled + (this.base.now() - this.anchorBase) * this.speedFactor;
  }

  private add(fn: () => void, delay: number, period: number | undefined): TimerHandle {
    const timer: ScaledTimer = { id: this.nextId++, due: this.exactNow() + delay, period, fn, baseHandle: undefined };
    this.live.set(timer.id, timer);
    this.arm(timer);
    return timer;
  }

  private arm(timer: ScaledTimer): void {
    this.base.clearTimeout(timer.baseHandle);
    // Round the base delay up so the timer never fires before its scaled deadline.
    const wait = Math.max(0, Math.ceil((timer.due - this.exactNow()) / this.speedFactor));
    timer.baseHandle = this.base.setTimeout(() => this.fire(timer), wait);
  }

  private fire(timer: ScaledTimer): void {
    if (this.live.get(timer.id) !== timer) return;
    if (timer.period === undefined) {
      this.live.delete(timer.id);
    } else {
      const now = this.exactNow();
      timer.due += timer.period;
      if (timer.due < now) timer.due += Math.ceil((now - timer.due) / timer.period) * timer.period;
      this.arm(timer);
    }
    timer.fn();
  }
}

function checkSpeed(speed: number): number {
  if (!(speed > 0) || !Number.isFinite(speed)) {
    throw new RangeError(`ScaledClock: speed must be a finite number > 0 (e.g. 10 for --speed 10), got ${speed}`);
  }
  return speed;
}

const noop = (): void => {};
