// Deployment arithmetic and rollout steps, table-style against upstream's rules.
import { describe, expect, it } from 'vitest';
import { historyToDelete, planRecreate, planRolling, planScale } from '../../../../sim/twin/controllers/deployment-plan.ts';
import { resolveFenceposts, type DeploymentView, type RsView } from '../../../../sim/twin/controllers/deployment-util.ts';

describe('resolveFenceposts (surge rounds up, unavailable rounds down)', () => {
  it.each<[number | string, number | string, number, number, number]>([
    ['25%', '25%', 10, 3, 2],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 1, 1, 0],
    [0, 0, 5, 0, 1], // both zero → unavailable 1
    ['0%', '0%', 3, 0, 1],
    [2, '50%', 5, 2, 2],
    ['100%', 0, 3, 3, 0],
    ['10%', '10%', 3, 1, 0],
  ])('surge %s unavailable %s of %i → %i, %i', (s, u, n, surge, unavailable) => {
    expect(resolveFenceposts(s, u, n)).toEqual({ surge, unavailable });
  });
});

const rs = (name: string, replicas: number, available: number, created: number): RsView => ({ name, uid: name, replicas, pods: replicas, available, created, revision: created, desired: undefined, maxReplicas: undefined });
const d = (replicas: number, maxSurge: number, maxUnavailable: number): DeploymentView => ({ replicas, strategy: 'RollingUpdate', maxSurge, maxUnavailable });

describe('planRolling (one step of upstream rolloutRolling)', () => {
  it.each<[string, DeploymentView, RsView, RsView[], Record<string, number>]>([
    ['scales the new RS up to the surge', d(4, 1, 1), rs('new', 0, 0, 2), [rs('old', 4, 4, 1)], { new: 1 }],
    ['then scales old down by what availability allows', d(4, 1, 1), rs('new', 1, 0, 2), [rs('old', 4, 4, 1)], { old: 3 }],
    ['does nothing while the new pods are unavailable and no budget is left', d(4, 1, 0), rs('new', 1, 0, 2), [rs('old', 4, 4, 1)], {}],
    ['removes unavailable old replicas first, within maxScaledDown', d(4, 0, 1), rs('new', 0, 0, 2), [rs('old', 4, 2, 1)], { old: 3 }],
    ['scales the oldest old RS first', d(2, 0, 1), rs('new', 0, 0, 3), [rs('b', 1, 1, 2), rs('a', 1, 1, 1)], { a: 0 }],
    ['trims a new RS above the desired size', d(2, 1, 0), rs('new', 3, 3, 2), [], { new: 2 }],
    ['never plans below replicas − maxUnavailable', d(10, 3, 2), rs('new', 3, 3, 2), [rs('old', 10, 10, 1)], { old: 5 }],
  ])('%s', (_what, dep, newRs, old, want) => {
    expect(Object.fromEntries(planRolling(dep, newRs, old))).toEqual(want);
  });
});

describe('planRecreate', () => {
  const dr: DeploymentView = { replicas: 3, strategy: 'Recreate', maxSurge: 0, maxUnavailable: 0 };
  it('scales old to zero first, waits for old pods, then creates the new RS at full size', () => {
    expect(Object.fromEntries(planRecreate(dr, undefined, [rs('old', 3, 3, 1)], true).plan)).toEqual({ old: 0 });
    expect(planRecreate(dr, undefined, [rs('old', 0, 0, 1)], true)).toEqual({ plan: new Map(), createNew: false });
    expect(planRecreate(dr, undefined, [rs('old', 0, 0, 1)], false)).toEqual({ plan: new Map(), createNew: true });
    expect(Object.fromEntries(planRecreate(dr, rs('new', 0, 0, 2), [rs('old', 0, 0, 1)], false).plan)).toEqual({ new: 3 });
  });
});

describe('planScale (proportional scaling mid-rollout)', () => {
  it('gives a single active RS the whole size', () => {
    expect(Object.fromEntries(planScale(d(5, 1, 1), rs('new', 3, 3, 2), [rs('old', 0, 0, 1)], false, 3))).toEqual({ new: 5 });
  });
  it('shares a scale-up between old and new in proportion, leftovers to the largest', () => {
    const old = { ...rs('old', 6, 6, 1), maxReplicas: 11 };
    const n = { ...rs('new', 5, 0, 2), maxReplicas: 11 };
    // 10 → 20 replicas with maxSurge 1 (annotated max 11 → 21): +10 shared ≈ 6:5
    const plan = Object.fromEntries(planScale(d(20, 1, 0), n, [old], false, 11));
    expect(plan.old! + plan.new!).toBe(21);
    expect(plan).toEqual({ old: 11, new: 10 });
  });
});

describe('historyToDelete (revisionHistoryLimit)', () => {
  it('deletes the oldest empty revisions beyond the limit, never a non-empty one', () => {
    const old = [
      { name: 'r1', revision: 1, created: 1, empty: true },
      { name: 'r2', revision: 2, created: 2, empty: false },
      { name: 'r3', revision: 3, created: 3, empty: true },
    ];
    expect(historyToDelete(old, 1)).toEqual(['r1']);
    expect(historyToDelete(old, 0)).toEqual(['r1', 'r3']);
    expect(historyToDelete(old, 5)).toEqual([]);
    expect(historyToDelete(old, undefined)).toEqual([]);
  });
});
