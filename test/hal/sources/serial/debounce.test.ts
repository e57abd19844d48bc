import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebounceBank, Debouncer } from '../../../../hal/sources/serial/index.ts';

type Step = readonly [raw: boolean, atMs: number];

function run(steps: readonly Step[], pollAt: number, initial: boolean | null = false, debounceMs = 20) {
  const d = new Debouncer({ debounceMs, initial });
  for (const [raw, at] of steps) d.update(raw, at);
  return d.poll(pollAt).map((e) => [e.previous, e.state, e.atMs] as const);
}

describe('Debouncer', () => {
  it.each<[string, Step[], number, (readonly [boolean | null, boolean, number])[]]>([
    ['nothing happens without a change', [[false, 0], [false, 50]], 100, []],
    ['a change held exactly 20 ms is accepted at +20', [[true, 10]], 30, [[false, true, 30]]],
    ['not yet at +19', [[true, 10]], 29, []],
    ['a bounce of 19 ms is ignored', [[true, 10], [false, 29]], 500, []],
    ['chatter, then a stable state', [[true, 0], [false, 5], [true, 7], [false, 9], [true, 12]], 100, [[false, true, 32]]],
    ['repeating the reading does not restart the wait', [[true, 0], [true, 10], [true, 15]], 20, [[false, true, 20]]],
    ['a change accepted between two readings, then back', [[true, 0], [false, 50]], 100, [[false, true, 20], [true, false, 70]]],
    ['a change accepted when the next reading shows it held 20 ms', [[true, 0], [false, 20]], 20, [[false, true, 20]]],
  ])('%s', (_n, steps, pollAt, edges) => {
    expect(run(steps, pollAt)).toEqual(edges);
  });

  it('reports the first stable reading from an unknown state', () => {
    expect(run([[true, 100]], 200, null)).toEqual([[null, true, 120]]);
    expect(run([[false, 100]], 200, null)).toEqual([[null, false, 120]]);
  });

  it('accepts at once with debounceMs 0', () => {
    expect(run([[true, 5]], 5, false, 0)).toEqual([[false, true, 5]]);
  });

  it('gives nextDeadline for the adapter timer', () => {
    const d = new Debouncer({ initial: false });
    expect(d.nextDeadline()).toBeUndefined();
    d.update(true, 100);
    expect(d.nextDeadline()).toBe(120);
    d.update(false, 110);
    expect(d.nextDeadline()).toBeUndefined();
  });

  it.each([[-1], [Number.NaN], [Infinity]])('rejects debounceMs %s', (ms) => {
    expect(() => new Debouncer({ debounceMs: ms })).toThrow(RangeError);
  });

  it('rejects time going backwards', () => {
    const d = new Debouncer();
    d.update(true, 10);
    expect(() => d.update(false, 9)).toThrow(RangeError);
  });

  const pulses = fc.array(fc.tuple(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 100 })), { maxLength: 30 });

  it('property: bounces shorter than the debounce never produce an edge', () => {
    fc.assert(
      fc.property(pulses, fc.boolean(), (ps, initial) => {
        const d = new Debouncer({ initial });
        let t = 0;
        for (const [width, gap] of ps) {
          t += gap;
          d.update(!initial, t);
          t += width;
          d.update(initial, t);
        }
        expect(d.poll(t + 10_000)).toEqual([]);
        expect(d.state).toBe(initial);
      }),
    );
  });

  it('property: edges do not depend on how often poll() is called', () => {
    const steps = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 })), { maxLength: 40 });
    fc.assert(
      fc.property(steps, fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 40 }), (ss, polls) => {
        const once = new Debouncer({ initial: false });
        const often = new Debouncer({ initial: false });
        const oftenEdges: unknown[] = [];
        let t = 0;
        ss.forEach(([raw, dt], i) => {
          // Poll somewhere between the previous reading and this one, then right after it.
          oftenEdges.push(...often.poll(t + Math.floor((dt * (polls[i] ?? 0)) / 40)));
          t += dt;
          once.update(raw, t);
          often.update(raw, t);
          oftenEdges.push(...often.poll(t));
        });
        oftenEdges.push(...often.poll(t + 1000));
        const onceEdges = once.poll(t + 1000);
        expect(oftenEdges).toEqual(onceEdges);
        // Accepted states alternate, and each held at least debounceMs before its edge.
        for (let i = 1; i < onceEdges.length; i++) expect(onceEdges[i]!.previous).toBe(onceEdges[i - 1]!.state);
        for (const e of onceEdges) expect(e.atMs - e.rawSinceMs).toBe(20);
      }),
    );
  });
});

describe('DebounceBank', () => {
  it('debounces each switch on its own and orders edges by time, then id', () => {
    const b = new DebounceBank({ initial: false });
    b.update('b', true, 0);
    b.update('a', true, 0);
    b.update('c', true, 5);
    b.update('c', false, 10);
    expect(b.nextDeadline()).toBe(20);
    expect(b.poll(100).map((e) => `${e.key}@${e.atMs}`)).toEqual(['a@20', 'b@20']);
    expect(b.state('a')).toBe(true);
    expect(b.state('zzz')).toBeNull();
  });
});
