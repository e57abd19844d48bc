import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeartbeatMonitor, type HeartbeatEvent } from '../../../../hal/sources/serial/index.ts';

const show = (e: HeartbeatEvent): string => {
  switch (e.kind) {
    case 'box-fault':
      return `fault@${e.atMs} last=${e.lastSeenMs}`;
    case 'box-recovered':
      return `recovered@${e.atMs} silent=${e.silentMs}`;
    case 'box-restarted':
      return `restarted@${e.atMs} ${e.previousSeq}->${e.seq}`;
    case 'seq-gap':
      return `gap@${e.atMs} missed=${e.missed}`;
  }
};

function run(beats: readonly (readonly [seq: number, atMs: number])[], pollAt: number): string[] {
  const m = new HeartbeatMonitor({ box: 'box0', timeoutMs: 500, startMs: 0 });
  const out: HeartbeatEvent[] = [];
  for (const [seq, at] of beats) {
    out.push(...m.poll(at));
    m.beat(seq, at);
  }
  out.push(...m.poll(pollAt));
  return out.map(show);
}

describe('HeartbeatMonitor', () => {
  it.each<[string, [number, number][], number, string[]]>([
    ['regular beats: nothing', [[1, 100], [2, 200], [3, 300], [4, 400]], 899, []],
    ['silence after the last beat: a fault at last + timeout', [[1, 100], [2, 200]], 1000, ['fault@700 last=200']],
    ['never beats: a fault at start + timeout', [], 500, ['fault@500 last=null']],
    ['not yet at timeout - 1', [[1, 100]], 599, []],
    ['recovery clears it', [[1, 100], [2, 1000]], 1000, ['fault@600 last=100', 'recovered@1000 silent=900']],
    ['a fault is raised once per silence', [[1, 100]], 100_000, ['fault@600 last=100']],
    ['a gap in seq', [[1, 100], [4, 200]], 300, ['gap@200 missed=2']],
    ['seq wraps at 2^32 without a gap', [[4294967295, 100], [0, 200]], 300, []],
    ['seq backwards: the box restarted', [[900, 100], [0, 200]], 300, ['restarted@200 900->0']],
    ['a duplicate seq is just liveness', [[5, 100], [5, 400], [6, 800]], 900, []],
  ])('%s', (_n, beats, pollAt, events) => {
    expect(run(beats, pollAt)).toEqual(events);
  });

  it('exposes the deadline and the fault flag', () => {
    const m = new HeartbeatMonitor({ box: 'b', timeoutMs: 100, startMs: 1000 });
    expect(m.nextDeadline()).toBe(1100);
    m.beat(0, 1050);
    expect(m.nextDeadline()).toBe(1150);
    m.poll(1150);
    expect(m.faulted).toBe(true);
    expect(m.nextDeadline()).toBeUndefined();
  });

  it.each([[0], [-5], [Number.NaN]])('rejects timeoutMs %s', (timeoutMs) => {
    expect(() => new HeartbeatMonitor({ box: 'b', timeoutMs, startMs: 0 })).toThrow(RangeError);
  });

  it('property: faults and recoveries alternate, a fault only after real silence', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2 ** 32 - 1), fc.integer({ min: 0, max: 2000 }))), (beats) => {
        const m = new HeartbeatMonitor({ box: 'b', timeoutMs: 500, startMs: 0 });
        const events: HeartbeatEvent[] = [];
        let t = 0;
        let lastBeat = 0;
        for (const [seq, dt] of beats) {
          t += dt;
          const before = m.poll(t);
          // A fault is dated exactly timeoutMs after the last sign of life.
          for (const e of before) if (e.kind === 'box-fault') expect(e.atMs).toBe(lastBeat + 500);
          events.push(...before);
          m.beat(seq, t);
          lastBeat = t;
          events.push(...m.poll(t));
        }
        const supervision = events.filter((e) => e.kind === 'box-fault' || e.kind === 'box-recovered').map((e) => e.kind);
        supervision.forEach((k, i) => expect(k).toBe(i % 2 === 0 ? 'box-fault' : 'box-recovered'));
        expect(m.faulted).toBe(supervision.at(-1) === 'box-fault');
      }),
    );
  });
});
