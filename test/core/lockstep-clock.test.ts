// LockstepClock: deterministic ordering, holds, async chains, drift-free intervals, run outcomes, watchdog.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LockstepClock, LockstepStalledError, ManualClock, SeededRandom } from '../../sim/core/index.ts';

const START = Date.UTC(2026, 0, 1);
const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
};

describe('LockstepClock ordering', () => {
  it.each([
    ['all at one instant', [0, 0, 0, 0]],
    ['mixed instants', [5, 0, 5, 3, 0, 5]],
    ['created latest-first', [30, 20, 10, 10, 20, 30]],
  ])('fires by (due, creation order): %s', async (_name, delays) => {
    const clock = new LockstepClock({ start: START });
    const seen: number[] = [];
    delays.forEach((d, i) => clock.setTimeout(() => seen.push(i), d));
    await clock.run();
    const expected = delays.map((d, i) => ({ d, i })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.i);
    expect(seen).toEqual(expected);
  });

  it('keeps an interval in its creation slot at every beat', async () => {
    const clock = new LockstepClock({ start: START });
    const seen: string[] = [];
    clock.setInterval(() => seen.push('interval'), 10);
    clock.setTimeout(() => seen.push('timeout'), 20);
    await clock.runFor(20);
    expect(seen).toEqual(['interval', 'interval', 'timeout']);
  });

  it('fires a 0 ms timeout set by a callback at the same instant, after the ones already due', async () => {
    const clock = new LockstepClock({ start: START });
    const seen: string[] = [];
    clock.setTimeout(() => {
      seen.push(`a@${clock.now() - START}`);
      clock.setTimeout(() => seen.push(`c@${clock.now() - START}`), 0);
    }, 7);
    clock.setTimeout(() => seen.push(`b@${clock.now() - START}`), 7);
    await clock.run();
    expect(seen).toEqual(['a@7', 'b@7', 'c@7']);
  });

  it('clamps a 0 ms interval to 1 ms so time still moves', async () => {
    const clock = new LockstepClock({ start: START });
    let n = 0;
    clock.setInterval(() => n++, 0);
    await clock.runFor(5);
    expect(n).toBe(5);
  });

  it('gives the same trace for the same seed, and a different one for another seed', async () => {
    const trace = async (seed: number): Promise<string> => {
      const clock = new LockstepClock({ start: START });
      const random = new SeededRandom(seed);
      const log: string[] = [];
      for (let node = 0; node < 20; node++) {
        const r = random.fork(`node-${node}`);
        const beat = (): void => {
          log.push(`${clock.now() - START}:${node}`);
          clock.setTimeout(beat, Math.round(r.jitter(1000, 0.5)));
        };
        clock.setTimeout(beat, r.int(0, 1000));
      }
      await clock.runFor(60_000);
      return log.join(',');
    };
    const first = await trace(42);
    expect(await trace(42)).toBe(first);
    expect(await trace(43)).not.toBe(first);
  });
});

describe('LockstepClock holds', () => {
  it('does not move time while a hold is outstanding', async () => {
    const clock = new LockstepClock({ start: START });
    let fired = false;
    clock.setTimeout(() => (fired = true), 100);
    const release = clock.hold('request GET /api/v1/pods');
    const run = clock.runFor(1000);
    await turns(20);
    expect(clock.now()).toBe(START);
    expect(fired).toBe(false);
    expect(clock.holds().map((h) => h.reason)).toEqual(['request GET /api/v1/pods']);
    release();
    await expect(run).resolves.toMatchObject({ outcome: 'reached', now: START + 1000 });
    expect(fired).toBe(true);
  });

  it('finishes a timer → hold → awaits → release → new timer chain before moving on', async () => {
    const clock = new LockstepClock({ start: START });
    const log: string[] = [];
    const at = (what: string): number => log.push(`${clock.now() - START} ${what}`);
    clock.setTimeout(() => {
      const done = clock.hold('reconcile'); // the rule: take the hold before the first await
      void (async () => {
        try {
          at('start');
          for (let i = 0; i < 5; i++) await Promise.resolve(i);
          await readFile(new URL(import.meta.url)); // real I/O: only a hold makes the clock wait for it
          at('io done');
          clock.setTimeout(() => at('follow-up'), 0);
        } finally {
          done();
        }
      })();
    }, 100);
    clock.setTimeout(() => at('unrelated'), 101);
    await clock.run();
    expect(log).toEqual(['100 start', '100 io done', '100 follow-up', '101 unrelated']);
    expect(clock.isIdle()).toBe(true);
  });

  it('waits for plain promise continuations even without a hold', async () => {
    const clock = new LockstepClock({ start: START });
    const log: number[] = [];
    clock.setTimeout(() => {
      void (async () => {
        for (let i = 0; i < 50; i++) await null;
        clock.setTimeout(() => log.push(clock.now() - START), 1);
      })();
    }, 10);
    clock.setTimeout(() => log.push(clock.now() - START), 20);
    await clock.run();
    expect(log).toEqual([11, 20]);
  });

  it('waits for holds taken and released in a chain across several turns', async () => {
    const clock = new LockstepClock({ start: START });
    let stage = 0;
    clock.setTimeout(() => {
      let release = clock.hold('stage 0');
      const step = (): void => {
        stage++;
        const next = stage < 5 ? clock.hold(`stage ${stage}`) : undefined;
        release();
        if (next !== undefined) {
          release = next;
          setImmediate(step);
        }
      };
      setImmediate(step);
    }, 10);
    let stageSeenLater = -1;
    clock.setTimeout(() => (stageSeenLater = stage), 11);
    await clock.run();
    expect(stageSeenLater).toBe(5);
  });
});

describe('LockstepClock intervals', () => {
  it('does not drift: one hour of 10 s beats lands exactly on the grid', async () => {
    const clock = new LockstepClock({ start: START });
    const offsets: number[] = [];
    clock.setTimeout(() => {
      clock.setInterval(() => {
        offsets.push(clock.now() - START);
        const done = clock.hold('heartbeat'); // slow work must not push the next beat later
        setImmediate(done);
      }, 10_000);
    }, 3);
    await clock.runFor(3_600_000);
    expect(offsets).toHaveLength(359);
    expect(offsets.every((t, k) => t === 3 + (k + 1) * 10_000)).toBe(true);
  });
});

describe('LockstepClock run control', () => {
  it.each([
    ['runFor reaches its target even with no timers', (c: LockstepClock) => c.runFor(500), 'reached', 500],
    ['advanceTo is absolute', (c: LockstepClock) => c.advanceTo(START + 250), 'reached', 250],
    ['run() with no timers is idle at once', (c: LockstepClock) => c.run(), 'idle', 0],
    ['settle() does not move time', (c: LockstepClock) => c.settle(), 'reached', 0],
  ])('%s', async (_name, drive, outcome, offset) => {
    const clock = new LockstepClock({ start: START });
    const result = await drive(clock);
    expect(result.outcome).toBe(outcome);
    expect(clock.now() - START).toBe(offset);
  });

  it('run() stops at the last timer when nothing else is queued', async () => {
    const clock = new LockstepClock({ start: START });
    clock.setTimeout(() => {}, 40);
    clock.setTimeout(() => {}, 90);
    await expect(clock.idle()).resolves.toEqual({ outcome: 'idle', now: START + 90, fired: 2 });
  });

  it('stop() from a timer ends the run after that batch', async () => {
    const clock = new LockstepClock({ start: START });
    clock.setInterval(() => {
      if (clock.now() - START === 30) clock.stop();
    }, 10);
    await expect(clock.run()).resolves.toMatchObject({ outcome: 'stopped', now: START + 30, fired: 3 });
    expect(clock.running).toBe(false);
  });

  it('stop() ends a run that is waiting on a hold', async () => {
    const clock = new LockstepClock({ start: START });
    clock.hold('never released');
    const run = clock.runFor(1000);
    await turns(3);
    clock.stop();
    await expect(run).resolves.toMatchObject({ outcome: 'stopped', now: START });
  });

  it('rejects a second driver and a target in the past', async () => {
    const clock = new LockstepClock({ start: START });
    const release = clock.hold('busy');
    const run = clock.runFor(10);
    await expect(clock.runFor(10)).rejects.toThrow(/already running/);
    release();
    await run;
    await expect(clock.advanceTo(START)).rejects.toThrow(RangeError);
  });

  it('rejects with what a timer threw, and can run again afterwards', async () => {
    const clock = new LockstepClock({ start: START });
    clock.setTimeout(() => {
      throw new Error('controller bug');
    }, 5);
    let later = false;
    clock.setTimeout(() => (later = true), 6);
    await expect(clock.run()).rejects.toThrow('controller bug');
    await clock.run();
    expect(later).toBe(true);
  });

  it('reports when the next timer is due and how many are queued', () => {
    const clock = new LockstepClock({ start: START });
    expect(clock.nextTimerAt()).toBeUndefined();
    const h = clock.setTimeout(() => {}, 70);
    clock.setInterval(() => {}, 100);
    expect(clock.nextTimerAt()).toBe(START + 70);
    expect(clock.pendingTimers).toBe(2);
    clock.clearTimeout(h);
    expect(clock.nextTimerAt()).toBe(START + 100);
  });

  it.each([
    [{ start: Number.NaN }],
    [{ start: START, settleTurns: 0 }],
    [{ start: START, stallTimeoutMs: -1 }],
  ])('rejects bad options %o', (options) => {
    expect(() => new LockstepClock(options)).toThrow(RangeError);
  });
});

describe('LockstepClock watchdog', () => {
  it('fails a run stuck on a hold, naming the hold', async () => {
    const wall = new ManualClock(0);
    const clock = new LockstepClock({ start: START, stallTimeoutMs: 5000, wallClock: wall });
    clock.hold('watch pods (never closed)');
    const run = clock.runFor(1000);
    await turns(3);
    wall.tick(5001);
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LockstepStalledError);
    const stalled = error as LockstepStalledError;
    expect(stalled.holds.map((h) => h.reason)).toEqual(['watch pods (never closed)']);
    expect(stalled.at).toBe(START);
    expect(stalled.message).toMatch(/watch pods \(never closed\)/);
  });

  it('fails a run whose holds are taken and released forever (busy loop)', async () => {
    const wall = new ManualClock(0);
    const clock = new LockstepClock({ start: START, stallTimeoutMs: 1000, wallClock: wall });
    let spinning = true;
    const spin = (): void => {
      if (!spinning) return;
      clock.hold('retry')();
      wall.tick(10);
      setImmediate(spin);
    };
    clock.setTimeout(spin, 1);
    await expect(clock.run()).rejects.toBeInstanceOf(LockstepStalledError);
    spinning = false;
  });

  it('does not fire when holds are released in time', async () => {
    const wall = new ManualClock(0);
    const clock = new LockstepClock({ start: START, stallTimeoutMs: 5000, wallClock: wall });
    const release = clock.hold('quick');
    const run = clock.runFor(10);
    await turns(2);
    wall.tick(4000);
    release();
    wall.tick(4000);
    await expect(run).resolves.toMatchObject({ outcome: 'reached' });
    expect(wall.pendingTimers).toBe(0);
  });
});
