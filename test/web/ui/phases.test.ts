import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../hal/signals/index.ts';
import { PhaseMarkers, markerOf } from '../../../web/ui/phases.ts';

const phase = (t: number, name: string): JournalRecord => ({
  t,
  kind: 'signal',
  signal: { t, type: 'custom', name: 'flight-phase', data: { phase: name }, source: 'profile' },
});

describe('phase markers', () => {
  it.each([
    [phase(0, 'liftoff'), { t: 0, name: 'liftoff', kind: 'phase' }],
    [{ t: 150_000, kind: 'signal', signal: { t: 150_000, type: 'separation', plane: 'p1', stage: 'stage1', state: 'separated', source: 'profile' } }, { t: 150_000, name: 'sep stage1', kind: 'separation' }],
    [{ t: 1, kind: 'signal', signal: { t: 1, type: 'separation', plane: 'p1', state: 'attached', source: 'serial' } }, undefined],
    [{ t: 1, kind: 'signal', signal: { t: 1, type: 'custom', name: 'prepare-separation', data: { stage: 's' }, source: 'profile' } }, undefined],
    [{ t: 1, kind: 'signal', signal: { t: 1, type: 'custom', name: 'flight-phase', data: 'x', source: 'profile' } }, undefined],
    [{ t: 1, kind: 'log', level: 'info', message: 'liftoff' }, undefined],
  ] as [JournalRecord, unknown][])('markerOf(%j)', (rec, want) => {
    expect(markerOf(rec)).toEqual(want);
  });

  it('real phases replace planned ones, once, sorted by time', () => {
    const m = new PhaseMarkers({ phases: [{ t: 80_000, name: 'max-q' }, { t: 0, name: 'Liftoff' }, { t: 500_000, name: 'orbit' }] });
    m.add(phase(78_000, 'max-q'));
    m.add(phase(0, 'liftoff'));
    m.add(phase(90_000, 'max-q'));
    expect(m.list()).toEqual([
      { t: 0, name: 'liftoff', kind: 'phase' },
      { t: 78_000, name: 'max-q', kind: 'phase' },
      { t: 500_000, name: 'orbit', kind: 'planned' },
    ]);
  });
});
