// One contract every Clock implementation passes (hono-style): each suite supplies a way to make time pass.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../sim/core/index.ts';

export interface ClockHarness {
  clock: Clock;
  /** Lets `ms` of the clock's own time pass, firing whatever falls due. */
  advance(ms: number): Promise<void>;
}

export function runClockContract(name: string, make: () => ClockHarness): void {
  describe(`Clock contract: ${name}`, () => {
    it('fires timeouts in due order, not creation order', async () => {
      const { clock, advance } = make();
      const seen: string[] = [];
      clock.setTimeout(() => seen.push('c'), 300);
      clock.setTimeout(() => seen.push('a'), 100);
      clock.setTimeout(() => seen.push('b'), 200);
      await advance(350);
      expect(seen).toEqual(['a', 'b', 'c']);
    });

    it('does not fire a timeout before it is due', async () => {
      const { clock, advance } = make();
      let fired = false;
      clock.setTimeout(() => (fired = true), 1000);
      await advance(500);
      expect(fired).toBe(false);
      await advance(600);
      expect(fired).toBe(true);
    });

    it('clearTimeout cancels, and tolerates undefined and already-fired handles', async () => {
      const { clock, advance } = make();
      let fired = 0;
      const h = clock.setTimeout(() => fired++, 100);
      const done = clock.setTimeout(() => fired++, 10);
      clock.clearTimeout(h);
      clock.clearTimeout(undefined);
      await advance(200);
      clock.clearTimeout(done);
      expect(fired).toBe(1);
    });

    it('setInterval repeats until cleared, and may clear itself', async () => {
      const { clock, advance } = make();
      let n = 0;
      const h = clock.setInterval(() => {
        n++;
        if (n === 3) clock.clearInterval(h);
      }, 100);
      await advance(1000);
      expect(n).toBe(3);
    });

    it('sleep resolves once its time has passed', async () => {
      const { clock, advance } = make();
      let woke = false;
      void clock.sleep(250).then(() => (woke = true));
      await advance(300);
      expect(woke).toBe(true);
    });

    it('now() moves forward by about the time advanced', async () => {
      const { clock, advance } = make();
      const t0 = clock.now();
      await advance(5000);
      expect(clock.now() - t0).toBeGreaterThanOrEqual(5000);
    });

    it('hold() returns a release that may be called more than once safely', () => {
      const { clock } = make();
      const release = clock.hold('contract');
      release();
      expect(() => release()).not.toThrow();
    });
  });
}
