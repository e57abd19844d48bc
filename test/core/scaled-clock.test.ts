// ScaledClock over an injected ManualClock: time scaling, timer deadlines, speed changes, intervals.
import { describe, expect, it } from 'vitest';
import { ManualClock, RealClock, ScaledClock, type Clock, type TimerHandle } from '../../sim/core/index.ts';

/** A base clock that is late on purpose: jumpTo(t) fires everything due by t with now() already at t. */
class LateBase implements Clock {
  private t = 0;
  private nextId = 1;
  private pending = new Map<number, { at: number; fn: () => void }>();
  now = (): number => this.t;
  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.pending.set(id, { at: this.t + ms, fn });
    return { id };
  }
  clearTimeout(h: TimerHandle | undefined): void {
    if (h) this.pending.delete(h.id);
  }
  setInterval(): TimerHandle {
    throw new Error('not used by ScaledClock');
  }
  clearInterval(): void {}
  sleep(): Promise<void> {
    throw new Error('not used by ScaledClock');
  }
  hold(): () => void {
    return () => {};
  }
  jumpTo(t: number): void {
    this.t = t;
    for (;;) {
      const due = [...this.pending].filter(([, p]) => p.at <= t).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (due === undefined) return;
      this.pending.delete(due[0]);
      due[1].fn();
    }
  }
}

const START = Date.UTC(2026, 0, 1);

describe('ScaledClock', () => {
  it.each([
    [10, 1000, 10_000],
    [0.5, 1000, 500],
    [60, 250, 15_000],
  ])('at speed %d, %d ms of base time is %d ms of scaled time', (speed, baseMs, scaledMs) => {
    const base = new ManualClock(0);
    const clock = new ScaledClock(speed, { base, start: START });
    base.tick(baseMs);
    expect(clock.now()).toBe(START + scaledMs);
  });

  it('starts from the base clock time when no start is given', () => {
    const base = new ManualClock(START);
    expect(new ScaledClock(3, { base }).now()).toBe(START);
  });

  it('fires a timer after ms / speed of base time, not earlier', () => {
    const base = new ManualClock(0);
    const clock = new ScaledClock(10, { base, start: START });
    let firedAt: number | undefined;
    clock.setTimeout(() => (firedAt = clock.now()), 10_000);
    base.tick(999);
    expect(firedAt).toBeUndefined();
    base.tick(1);
    expect(firedAt).toBe(START + 10_000);
  });

  it('setSpeed re-aims pending timers at their scaled deadline', () => {
    const base = new ManualClock(0);
    const clock = new ScaledClock(1, { base, start: START });
    let firedAt: number | undefined;
    clock.setTimeout(() => (firedAt = clock.now()), 10_000);
    base.tick(4000); // 4 s of the 10 s done at ×1
    clock.setSpeed(6); // the remaining 6 s take 1 s of base time
    expect(clock.speed).toBe(6);
    base.tick(999);
    expect(firedAt).toBeUndefined();
    base.tick(1);
    expect(firedAt).toBe(START + 10_000);
  });

  it('keeps intervals on their grid (no drift) and skips beats it fell behind on', () => {
    const base = new LateBase();
    const clock = new ScaledClock(10, { base, start: START });
    const beats: number[] = [];
    clock.setInterval(() => beats.push(clock.now() - START), 1000);
    for (let t = 13; t <= 303; t += 10) base.jumpTo(t); // each beat fires 30 ms scaled late…
    expect(beats).toEqual([1030, 2030, 3030]); // …yet the next is still aimed at the grid
    base.jumpTo(750); // a stall: beats 4000..7000 missed, one late beat at 7500, then back on the grid
    base.jumpTo(800);
    expect(beats).toEqual([1030, 2030, 3030, 7500, 8000]);
  });

  it.each([0, -1, Number.NaN, Infinity])('rejects speed %d', (speed) => {
    expect(() => new ScaledClock(speed, { base: new ManualClock(0) })).toThrow(RangeError);
  });
});

describe('RealClock', () => {
  it('fires short real timers in due order and cancels on request (no timing asserted)', async () => {
    const clock = new RealClock();
    const seen: string[] = [];
    clock.setTimeout(() => seen.push('late'), 15);
    clock.setTimeout(() => seen.push('early'), 1);
    const cancelled = clock.setTimeout(() => seen.push('cancelled'), 5);
    clock.clearTimeout(cancelled);
    let n = 0;
    await new Promise<void>((resolve) => {
      const interval = clock.setInterval(() => {
        if (++n < 2) return;
        clock.clearInterval(interval);
        resolve();
      }, 2);
    });
    await clock.sleep(30); // ordering only: 'late' (15 ms) was armed before this 30 ms sleep
    expect(seen).toEqual(['early', 'late']);
    expect(n).toBe(2);
  });

  it('a ScaledClock over real time moves faster than it', async () => {
    const real = new RealClock();
    const fast = new ScaledClock(100, { base: real });
    const t0 = fast.now();
    const r0 = real.now();
    await fast.sleep(1000); // ~10 ms of wall time
    expect(fast.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(fast.now() - t0).toBeGreaterThanOrEqual(real.now() - r0);
  });
});
