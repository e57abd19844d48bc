// The judge: each expectation type against synthetic journals with known answers.
import { describe, expect, it } from 'vitest';
import type { ClusterRecord, JournalRecord } from '../../hal/signals/index.ts';
import { loadProfile, type Expectation, type Profile } from '../../sim/profile/index.ts';
import { buildHistory, evaluateOne } from '../../sim/run/expectations/index.ts';

const base = loadProfile('profiles/falcon9-leo.yaml');
const profile: Profile = { ...base, startMs: 0, durationMs: 600_000 };

const pod = (t: number, name: string, data: Record<string, unknown>, op: ClusterRecord['op'] = 'modified'): ClusterRecord => ({
  t, kind: 'cluster', op, resource: 'pods', namespace: 'run', name, data: { workload: 'gnc', priorityClass: 'flight-critical', ...data } as never,
});
const node = (t: number, name: string, data: Record<string, unknown>, op: ClusterRecord['op'] = 'modified'): ClusterRecord => ({
  t, kind: 'cluster', op, resource: 'nodes', name, data: { role: 'control-plane', power: 'on', attached: true, ...data } as never,
});

/** Three gnc pods ready by t=0; one goes away at 150 s; a replacement is Pending at 150 s and Ready at `readyAt`. */
function separationJournal(readyAt: number): JournalRecord[] {
  return [
    pod(-5_000, 'a', { phase: 'Running', ready: true }, 'added'),
    pod(-5_000, 'b', { phase: 'Running', ready: true }, 'added'),
    pod(-5_000, 'c', { phase: 'Running', ready: true }, 'added'),
    pod(150_000, 'c', { phase: 'Running', ready: false }, 'deleted'),
    pod(150_000, 'd', { phase: 'Pending', ready: false }, 'added'),
    pod(readyAt - 2_000, 'd', { phase: 'Running', ready: false }),
    pod(readyAt, 'd', { phase: 'Running', ready: true }),
  ];
}

const judge = (e: Partial<Expectation> & { type: Expectation['type'] }, records: JournalRecord[]) =>
  evaluateOne({ name: 'x', during: 'always', ...e } as Expectation, profile, buildHistory(records, profile.durationMs));

describe('expectations', () => {
  it.each([
    [3, 'fail'],
    [2, 'pass'],
  ] as const)('minReady count %i over a dip to 2 ready → %s', (count, want) => {
    const r = judge({ type: 'minReady', workload: 'gnc', count } as never, separationJournal(180_000));
    expect(r.status).toBe(want);
    if (r.status === 'fail') {
      expect(r.at).toBe(150_000);
      expect(r.worst).toBe('2 ready (needs 3)');
    }
  });

  it('minReady only counts inside its window', () => {
    const r = judge({ type: 'minReady', workload: 'gnc', count: 3, during: { fromMs: 200_000, toMs: 600_000 } } as never, separationJournal(180_000));
    expect(r.status).toBe('pass');
  });

  it.each([
    [170_000, 'pass'],
    [215_000, 'fail'],
  ] as const)('recoverWithin 60 s of separation, replacement ready at %i → %s', (readyAt, want) => {
    const r = judge({ type: 'recoverWithin', workload: 'gnc', count: 3, withinMs: 60_000, after: { atMs: 150_000 } } as never, separationJournal(readyAt));
    expect(r.status).toBe(want);
    if (want === 'pass') expect(r.at).toBe(readyAt);
    else expect(r.message).toContain('had 2 ready at T+3m30s');
  });

  it.each([
    [60_000, 'fail', 'pending 63.0 s (run/d)'],
    [90_000, 'pass', 'pending 63.0 s (run/d)'],
  ] as const)('maxPendingDuration %i', (durationMs, want, worst) => {
    const r = judge({ type: 'maxPendingDuration', durationMs, workload: 'gnc' } as never, separationJournal(215_000));
    expect(r.status).toBe(want);
    expect(r.worst).toBe(worst);
  });

  it('counts a pod still pending at the end of the mission up to the end', () => {
    const r = judge({ type: 'maxPendingDuration', durationMs: 100_000 } as never, [pod(400_000, 'stuck', { phase: 'Pending' }, 'added')]);
    expect(r.status).toBe('fail');
    expect(r.worst).toBe('pending 200.0 s (run/stuck)');
  });

  it('serviceAvailable fails the moment no endpoint is ready', () => {
    const journal: JournalRecord[] = [pod(0, 'a', { phase: 'Running', ready: true }, 'added'), pod(30_000, 'a', { ready: false }), pod(45_000, 'a', { ready: true })];
    const r = judge({ type: 'serviceAvailable', workload: 'gnc' } as never, journal);
    expect(r).toMatchObject({ status: 'fail', at: 30_000 });
  });

  it('quorumHeld follows a majority of control-plane nodes powered and attached', () => {
    const cp = [node(0, 'cp1', {}, 'added'), node(0, 'cp2', {}, 'added'), node(0, 'cp3', {}, 'added')];
    expect(judge({ type: 'quorumHeld' } as never, [...cp, node(100_000, 'cp1', { power: 'off' })]).status).toBe('pass');
    const lost = judge({ type: 'quorumHeld' } as never, [...cp, node(100_000, 'cp1', { power: 'off' }), node(120_000, 'cp2', { attached: false })]);
    expect(lost).toMatchObject({ status: 'fail', at: 120_000 });
  });

  it('noPodLost fails on a lost pod of that priority class only', () => {
    const journal: JournalRecord[] = [pod(0, 'a', { phase: 'Running', ready: true }, 'added'), pod(200_000, 'a', { lost: true }, 'deleted')];
    expect(judge({ type: 'noPodLost', priorityClass: 'flight-critical' } as never, journal)).toMatchObject({ status: 'fail', at: 200_000 });
    expect(judge({ type: 'noPodLost', priorityClass: 'best-effort' } as never, journal).status).toBe('pass');
  });
});
