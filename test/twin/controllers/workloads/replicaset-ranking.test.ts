// Scale-down victim choice, table-style, against upstream's ActivePodsWithRanks order.
import { describe, expect, it } from 'vitest';
import { podsToDelete } from '../../../../sim/twin/controllers/replicaset-ranking.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';

const NOW = Date.UTC(2026, 0, 1, 12);
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface P { name: string; node?: string; phase?: string; ready?: boolean; readyAgo?: number; createdAgo?: number; restarts?: number; cost?: string }

function pod(p: P): KubeObject {
  return {
    metadata: {
      name: p.name, uid: `uid-${p.name}`, creationTimestamp: iso(p.createdAgo ?? 3_600_000),
      ...(p.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': p.cost } } : {}),
    },
    spec: { nodeName: p.node ?? '' },
    status: {
      phase: p.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: p.ready === false ? 'False' : 'True', lastTransitionTime: iso(p.readyAgo ?? 3_000_000) }],
      containerStatuses: [{ restartCount: p.restarts ?? 0 }],
    },
  };
}

describe('podsToDelete (upstream ActivePodsWithRanks)', () => {
  it.each<[string, P[], string]>([
    ['unassigned before assigned', [{ name: 'a', node: 'n1' }, { name: 'b', node: '', phase: 'Pending', ready: false }], 'b'],
    ['Pending before Running', [{ name: 'a', node: 'n1' }, { name: 'b', node: 'n2', phase: 'Pending', ready: false }], 'b'],
    ['Unknown before Running', [{ name: 'a', node: 'n1' }, { name: 'b', node: 'n2', phase: 'Unknown' }], 'b'],
    ['Pending before Unknown', [{ name: 'a', node: 'n1', phase: 'Unknown' }, { name: 'b', node: 'n2', phase: 'Pending' }], 'b'],
    ['not ready before ready', [{ name: 'a', node: 'n1' }, { name: 'b', node: 'n2', ready: false }], 'b'],
    ['lower deletion cost first', [{ name: 'a', node: 'n1', cost: '10' }, { name: 'b', node: 'n2', cost: '-5' }], 'b'],
    ['doubled up before alone (even when alone is newer)', [{ name: 'a', node: 'n1', createdAgo: 60_000 }, { name: 'b', node: 'n2', createdAgo: 1_000_000 }, { name: 'c', node: 'n2', createdAgo: 3_600_000 }], 'b'],
    ['ready for less time first', [{ name: 'a', node: 'n1', readyAgo: 3_000_000 }, { name: 'b', node: 'n2', readyAgo: 10_000 }], 'b'],
    ['more restarts first', [{ name: 'a', node: 'n1' }, { name: 'b', node: 'n2', restarts: 3 }], 'b'],
    ['newer first', [{ name: 'a', node: 'n1', createdAgo: 3_600_000 }, { name: 'b', node: 'n2', createdAgo: 60_000 }], 'b'],
  ])('%s', (_what, specs, victim) => {
    const pods = specs.map(pod);
    expect(podsToDelete(pods, 1, pods, NOW).map((p) => p.metadata.name)).toEqual([victim]);
    // the order must not depend on the input order
    const reversed = [...pods].reverse();
    expect(podsToDelete(reversed, 1, reversed, NOW).map((p) => p.metadata.name)).toEqual([victim]);
  });

  it('ties within one logarithmic age bucket are broken by uid, not by exact age', () => {
    const pods = [pod({ name: 'b', node: 'n1', createdAgo: 3_600_000 }), pod({ name: 'a', node: 'n2', createdAgo: 3_500_000 })];
    expect(podsToDelete(pods, 1, pods, NOW).map((p) => p.metadata.name)).toEqual(['a']);
  });

  it('returns everything when asked for as many as there are, nothing for 0', () => {
    const pods = [pod({ name: 'a' }), pod({ name: 'b' })];
    expect(podsToDelete(pods, 2, pods, NOW)).toHaveLength(2);
    expect(podsToDelete(pods, 0, pods, NOW)).toEqual([]);
  });
});
