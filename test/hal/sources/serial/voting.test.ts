import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlaneVoter, VotingBank, threshold, type VoteEvent, type VotePolicy } from '../../../../hal/sources/serial/index.ts';

type Step = readonly [switchId: string, separated: boolean, atMs: number];

function summary(e: VoteEvent): string {
  return e.kind === 'confirmed' ? `${e.state}@${e.atMs}` : `${e.kind}@${e.atMs}`;
}

function run(n: number, policy: VotePolicy, steps: readonly Step[], pollAt = 10_000): string[] {
  const v = new PlaneVoter({ plane: 'p', switches: ['A', 'B', 'C'].slice(0, n), policy });
  for (const [s, sep, t] of steps) v.update(s, sep, t);
  return v.poll(pollAt).map(summary);
}

describe('threshold', () => {
  it.each<[VotePolicy, number, number]>([
    ['all', 1, 1], ['all', 2, 2], ['all', 3, 3],
    ['majority', 1, 1], ['majority', 2, 2], ['majority', 3, 2], ['majority', 4, 3], ['majority', 5, 3],
    ['any', 1, 1], ['any', 2, 1], ['any', 3, 1],
  ])('%s of %i → %i', (policy, n, k) => {
    expect(threshold(policy, n)).toBe(k);
  });
});

describe('PlaneVoter — the voting matrix (agreement window 50 ms)', () => {
  it.each<[string, number, VotePolicy, Step[], string[]]>([
    ['1 switch confirms alone', 1, 'all', [['A', true, 0]], ['separated@0']],
    ['2-of-2 confirms on the second switch', 2, 'all', [['A', true, 0], ['B', true, 5]], ['separated@5']],
    ['1-of-2 under all: alarm, no separation', 2, 'all', [['A', true, 0]], ['disagreement@50']],
    ['1-of-2 under majority: alarm, no separation', 2, 'majority', [['A', true, 0]], ['disagreement@50']],
    ['1-of-2 under any: separation, then alarm', 2, 'any', [['A', true, 0]], ['separated@0', 'disagreement@50']],
    ['2-of-2 under any: no alarm', 2, 'any', [['A', true, 0], ['B', true, 49]], ['separated@0']],
    ['a late second switch: alarm, then separation and agreement', 2, 'all', [['A', true, 0], ['B', true, 80]], ['disagreement@50', 'separated@80', 'agreement@80']],
    ['one switch flickers back within the window: nothing', 2, 'all', [['A', true, 0], ['A', false, 30]], []],
    ['2-of-3 under majority confirms, the silent third raises the alarm', 3, 'majority', [['A', true, 0], ['C', true, 7]], ['separated@7', 'disagreement@50']],
    ['3-of-3 under majority: no alarm', 3, 'majority', [['A', true, 0], ['B', true, 5], ['C', true, 10]], ['separated@5']],
    ['1-of-3 under majority: alarm only', 3, 'majority', [['B', true, 0]], ['disagreement@50']],
    ['2-of-3 under all: alarm only', 3, 'all', [['A', true, 0], ['B', true, 1]], ['disagreement@50']],
    [
      'separation is sticky: re-attach needs every switch',
      2,
      'all',
      [['A', true, 0], ['B', true, 0], ['A', false, 100], ['B', false, 200]],
      ['separated@0', 'disagreement@150', 'attached@200', 'agreement@200'],
    ],
    ['any: one switch back does not re-attach', 2, 'any', [['A', true, 0], ['B', true, 0], ['A', false, 100]], ['separated@0', 'disagreement@150']],
  ])('%s', (_n, n, policy, steps, events) => {
    expect(run(n, policy, steps)).toEqual(events);
  });

  it('raises the disagreement alarm once per episode and exposes the deadline', () => {
    const v = new PlaneVoter({ plane: 'p', switches: ['A', 'B'], agreementWindowMs: 30 });
    v.update('A', true, 100);
    expect(v.nextDeadline()).toBe(130);
    expect(v.poll(129)).toEqual([]);
    expect(v.poll(130)).toEqual([{ kind: 'disagreement', plane: 'p', atMs: 130, separated: ['A'], attached: ['B'] }]);
    expect(v.disagreeing).toBe(true);
    expect(v.poll(10_000)).toEqual([]);
    expect(v.state).toBe('attached');
  });

  it.each([
    [{ plane: 'p', switches: [] }],
    [{ plane: 'p', switches: ['A', 'A'] }],
    [{ plane: 'p', switches: ['A'], agreementWindowMs: 0 }],
    [{ plane: 'p', switches: 'ABCDEFGHIJ'.split('') }],
  ])('rejects bad config %j', (config) => {
    expect(() => new PlaneVoter(config)).toThrow(RangeError);
  });

  it('rejects a switch that is not on the plane', () => {
    expect(() => new PlaneVoter({ plane: 'p', switches: ['A'] }).update('Z', true, 0)).toThrow(/unknown switch Z/);
  });

  it('property: a separation is confirmed only with enough switches, never by a lone switch under all', () => {
    const step = fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.boolean(), fc.integer({ min: 0, max: 80 }));
    fc.assert(
      fc.property(fc.constantFrom<VotePolicy>('all', 'majority', 'any'), fc.integer({ min: 1, max: 3 }), fc.array(step, { maxLength: 30 }), (policy, n, steps) => {
        const switches = ['A', 'B', 'C'].slice(0, n);
        const v = new PlaneVoter({ plane: 'p', switches, policy });
        const events: VoteEvent[] = [];
        let t = 0;
        for (const [s, sep, dt] of steps) {
          if (!switches.includes(s)) continue;
          t += dt;
          v.update(s, sep, t);
          events.push(...v.poll(t));
        }
        events.push(...v.poll(t + 1000));
        let last = -Infinity;
        for (const e of events) {
          expect(e.atMs).toBeGreaterThanOrEqual(last);
          last = e.atMs;
          if (e.kind === 'confirmed' && e.state === 'separated') expect(e.separated.length).toBeGreaterThanOrEqual(threshold(policy, n));
          if (e.kind === 'confirmed' && e.state === 'attached') expect(e.separated).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('VotingBank', () => {
  it('routes switches to planes and reports unwired switches', () => {
    const bank = new VotingBank([
      { plane: 's1-s2', switches: ['s1a', 's1b'] },
      { plane: 'fairing', switches: ['f1'] },
    ]);
    bank.update('s1a', true, 0);
    bank.update('f1', true, 10);
    bank.update('x9', true, 20);
    bank.update('s1b', true, 30);
    expect(bank.poll(100).map((e) => (e.kind === 'unknown-switch' ? `unknown ${e.switchId}` : `${e.plane} ${summary(e)}`))).toEqual([
      'fairing separated@10',
      'unknown x9',
      's1-s2 separated@30',
    ]);
    expect(bank.plane('s1-s2')?.state).toBe('separated');
  });

  it('rejects a switch wired to two planes', () => {
    expect(() => new VotingBank([{ plane: 'a', switches: ['x'] }, { plane: 'b', switches: ['x'] }])).toThrow(/both plane a and plane b/);
  });
});
