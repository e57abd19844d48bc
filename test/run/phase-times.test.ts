// PhaseTimer: wall time charged to the phase current at each mark.
import { describe, expect, it } from 'vitest';
import { PhaseTimer, type RunPhase } from '../../sim/run/phase-times.ts';

describe('PhaseTimer', () => {
  it.each([
    ['one phase', [[10, 'startup']], 25, { startup: 15 }],
    ['phases in turn', [[0, 'startup'], [5, 'prelaunch'], [12, 'flight']], 40, { startup: 5, prelaunch: 7, flight: 28 }],
    ['a phase entered twice adds up', [[0, 'flight'], [3, 'shutdown'], [4, 'flight']], 10, { flight: 9, shutdown: 1 }],
    ['time before the first phase is nobody\'s', [[7, 'startup']], 8, { startup: 1 }],
  ] as const)('%s', (_name, marks, end, want) => {
    let now = 0;
    const timer = new PhaseTimer(() => now);
    for (const [t, phase] of marks) {
      now = t;
      timer.enter(phase as RunPhase);
    }
    now = end;
    expect(timer.stop()).toEqual(want);
    // Stopped: later time is charged to nothing.
    now = end + 100;
    expect(timer.stop()).toEqual(want);
  });
});
