// The "0/N nodes are available" message and the score plugins, table-driven.
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../sim/core/index.ts';
import { fitErrorMessage, numFeasibleNodesToFind, scoreNodes, selectHost, truncateMessage } from '../../../sim/twin/scheduler/index.ts';
import { balancedAllocationScore, leastAllocatedScore, leastRequestedScore } from '../../../sim/twin/scheduler/plugins/node-resources-fit.ts';
import { defaultNormalizeScore } from '../../../sim/twin/scheduler/plugins/taint-toleration.ts';
import { cacheWith, rawNode, rawPod } from './fixtures.ts';

const s = (...reasons: string[]) => ({ reasons });

describe('fitErrorMessage (upstream FitError.Error)', () => {
  it.each([
    [
      'the issue example: counts first, sorted as strings, preemption appended',
      5,
      [s('node(s) had untolerated taint {node.kubernetes.io/unreachable: }'), s('node(s) had untolerated taint {node.kubernetes.io/unreachable: }'), s('Insufficient cpu'), s('Insufficient cpu'), s('Insufficient cpu')],
      'preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.',
      '0/5 nodes are available: 2 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 3 Insufficient cpu. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.',
    ],
    ['one node, several reasons each counted', 1, [s('Insufficient cpu', 'Insufficient memory')], '', '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.'],
    ['sorting is by the whole string, count included', 12, [...Array(10).fill(s('b')), s('a'), s('a')], '', '0/12 nodes are available: 10 b, 2 a.'],
    ['preemption not eligible', 1, [s('Insufficient cpu')], 'preemption: not eligible due to preemptionPolicy=Never.', '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.'],
  ])('%s', (_what, n, statuses, post, want) => {
    expect(fitErrorMessage(n, statuses, post)).toBe(want);
  });

  it('truncates at 1024 characters with " ..."', () => {
    const m = truncateMessage('x'.repeat(2000));
    expect(m).toHaveLength(1024);
    expect(m.endsWith(' ...')).toBe(true);
    expect(truncateMessage('short')).toBe('short');
  });
});

describe('numFeasibleNodesToFind (adaptive percentageOfNodesToScore)', () => {
  it.each([
    [5, 5],
    [99, 99],
    [100, 100],
    [1000, 420],
    [5000, 500],
    [6000, 300],
  ])('%i nodes → %i', (n, want) => expect(numFeasibleNodesToFind(n)).toBe(want));
});

describe('scores', () => {
  it.each([
    [0, 4000, 100],
    [1000, 4000, 75],
    [4000, 4000, 0],
    [5000, 4000, 0],
    [1, 0, 0],
  ])('leastRequestedScore(%i of %i) = %i', (req, cap, want) => expect(leastRequestedScore(req, cap)).toBe(want));

  it.each([
    [[0, 0, 0], true, [100, 100, 100]],
    [[0, 1, 2], true, [100, 50, 0]],
    [[3, 0, 1], false, [100, 0, 33]],
  ])('defaultNormalizeScore(%j, reverse=%s) = %j', (scores, reverse, want) => expect(defaultNormalizeScore(scores, reverse)).toEqual(want));

  it('LeastAllocated counts a pod without requests as 100m / 200Mi; BalancedAllocation uses real requests', () => {
    const pod = rawPod('p', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '2' } } }] });
    const info = rawNode({ name: 'n', cpu: '4', memory: '8Gi' });
    // cpu (4000−2000)/4000 = 50; memory (8Gi−200Mi)/8Gi = 97 → (50+97)/2 = 73
    expect(leastAllocatedScore(pod, { info })).toBe(73);
    // fractions 0.5 and 0 → std 0.25 → 75
    expect(balancedAllocationScore(pod, { info })).toBe(75);
  });

  it('prefers the emptier node, avoids PreferNoSchedule taints, and follows preferred node affinity', () => {
    const hog = rawPod('hog', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '3', memory: '6Gi' } } }] });
    const cache = cacheWith([{ name: 'busy' }, { name: 'idle' }, { name: 'tainted', taints: [{ key: 'k', effect: 'PreferNoSchedule' }] }], [{ pod: hog, node: 'busy' }]);
    const nodes = ['busy', 'idle', 'tainted'].map((n) => cache.node(n)!);
    const totals = scoreNodes(rawPod('p'), cache, nodes);
    expect(totals[1]).toBeGreaterThan(totals[0]!);
    expect(totals[1]).toBeGreaterThan(totals[2]!);
    const wantsTainted = rawPod('q', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['tainted'] }] } }] } } });
    const t2 = scoreNodes(wantsTainted, cache, nodes);
    expect(t2[2]! - t2[1]!).toBe(2 * 100 - 3 * 100);
  });

  it('selectHost takes the best, and breaks ties from the seeded stream', () => {
    expect(selectHost([1, 5, 3], new SeededRandom(1))).toBe(1);
    const picks = (seed: number) => Array.from({ length: 20 }, ((r) => () => selectHost([7, 7, 7, 7], r))(new SeededRandom(seed)));
    expect(picks(3)).toEqual(picks(3));
    expect(new Set(picks(3)).size).toBeGreaterThan(1);
  });
});
