// DefaultPreemption: victim selection (minimal set, PDB-violating pods reprieved first), node choice criteria.
import { describe, expect, it } from 'vitest';
import { labelSelectorFromSpec } from '../../../sim/twin/selectors/index.ts';
import { filterPodsWithPDBViolation, pickOneNodeForPreemption, preFilter, selectVictimsOnNode, type Candidate, type Pdb, type PodInfo } from '../../../sim/twin/scheduler/index.ts';
import { cacheWith, rawNode, rawPod } from './fixtures.ts';

const pod = (name: string, priority: number, cpu: string, labels: Record<string, string> = {}, startTime?: string): PodInfo =>
  rawPod(name, { priority, containers: [{ name: 'c', image: 'x', resources: { requests: { cpu } } }] }, { labels }, startTime ? { startTime } : {});

const pdb = (labels: Record<string, string>, disruptionsAllowed: number): Pdb => ({
  namespace: 'default',
  selector: labelSelectorFromSpec({ matchLabels: labels }),
  empty: false,
  disruptionsAllowed,
  disruptedPods: new Set(),
});

describe('selectVictimsOnNode', () => {
  it('removes only as many lower-priority pods as needed, reprieving the most important first', () => {
    const low = [pod('l1', 1, '1'), pod('l2', 2, '1'), pod('l3', 3, '1'), pod('hi', 100, '1')];
    const cache = cacheWith([{ name: 'n', cpu: '4' }], low.map((p) => ({ pod: p, node: 'n' })));
    const r = selectVictimsOnNode(preFilter(pod('x', 50, '2'), cache), cache.node('n')!, []);
    expect('victims' in r && r.victims.map((v) => v.name)).toEqual(['l2', 'l1']);
  });

  it('reprieves PDB-protected pods before others, so the victims avoid violating the budget', () => {
    const a = pod('a', 1, '2', { app: 'guarded' });
    const b = pod('b', 1, '2', { app: 'free' });
    const cache = cacheWith([{ name: 'n', cpu: '4' }], [{ pod: a, node: 'n' }, { pod: b, node: 'n' }]);
    const r = selectVictimsOnNode(preFilter(pod('x', 50, '2'), cache), cache.node('n')!, [pdb({ app: 'guarded' }, 0)]);
    expect(r).toMatchObject({ numPDBViolations: 0 });
    expect('victims' in r && r.victims.map((v) => v.name)).toEqual(['b']);
  });

  it('says why a node cannot help', () => {
    const cache = cacheWith([{ name: 'n', cpu: '4' }], [{ pod: pod('same', 50, '4'), node: 'n' }]);
    expect(selectVictimsOnNode(preFilter(pod('x', 50, '1'), cache), cache.node('n')!, [])).toMatchObject({ reasons: ['No preemption victims found for incoming pod'] });
    const small = cacheWith([{ name: 'n', cpu: '1' }], [{ pod: pod('l', 1, '1'), node: 'n' }]);
    expect(selectVictimsOnNode(preFilter(pod('x', 50, '2'), small), small.node('n')!, [])).toMatchObject({ reasons: ['Insufficient cpu'] });
  });
});

describe('filterPodsWithPDBViolation', () => {
  it('spends each budget in order; unlabeled pods never match', () => {
    const pods = [pod('a', 1, '1', { app: 'x' }), pod('b', 1, '1', { app: 'x' }), pod('c', 1, '1')];
    const r = filterPodsWithPDBViolation(pods, [pdb({ app: 'x' }, 1)]);
    expect(r.violating.map((p) => p.name)).toEqual(['b']);
    expect(r.nonViolating.map((p) => p.name)).toEqual(['a', 'c']);
  });
});

describe('pickOneNodeForPreemption (upstream criteria, in order)', () => {
  const cand = (node: string, numPDBViolations: number, ...victims: PodInfo[]): Candidate => ({ node: rawNode({ name: node }), numPDBViolations, victims });
  it.each([
    ['fewest PDB violations', [cand('a', 1, pod('v', 1, '1')), cand('b', 0, pod('v', 9, '1'))], 'b'],
    ['lowest highest-priority victim', [cand('a', 0, pod('v', 5, '1')), cand('b', 0, pod('v', 3, '1'), pod('w', 3, '1'))], 'b'],
    ['smallest priority sum', [cand('a', 0, pod('v', 3, '1'), pod('w', 3, '1')), cand('b', 0, pod('v', 3, '1'), pod('w', 1, '1'))], 'b'],
    ['fewest victims', [cand('a', 0, pod('v', -5, '1'), pod('w', -5, '1')), cand('b', 0, pod('v', -5, '1'))], 'b'],
    ['latest start of the highest-priority victims', [cand('a', 0, pod('v', 3, '1', {}, '2026-01-01T00:00:00Z')), cand('b', 0, pod('v', 3, '1', {}, '2026-01-01T01:00:00Z'))], 'b'],
    ['first on a full tie', [cand('a', 0, pod('v', 3, '1')), cand('b', 0, pod('v', 3, '1'))], 'a'],
  ])('%s', (_what, candidates, want) => {
    expect(pickOneNodeForPreemption(candidates)?.node.name).toBe(want);
  });
});
