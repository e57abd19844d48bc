// Filter plugins, table-driven, on bare pods and nodes (no API server).
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../sim/core/index.ts';
import { preFilter, runFilters, SchedulingAlgorithm, type PodInfo, type SchedulerCache } from '../../../sim/twin/scheduler/index.ts';
import { toleratesTaint } from '../../../sim/twin/scheduler/plugins/taint-toleration.ts';
import { filterNodeAffinity } from '../../../sim/twin/scheduler/plugins/node-affinity.ts';
import { filterNodeResourcesFit } from '../../../sim/twin/scheduler/plugins/node-resources-fit.ts';
import { cacheWith, rawNode, rawPod } from './fixtures.ts';

const reasonsOf = (r: { reasons: readonly string[] } | undefined) => r?.reasons.join('; ') ?? 'fits';

describe('TaintToleration (upstream ToleratesTaint)', () => {
  it.each([
    [{ key: 'a', operator: 'Equal', value: 'x', effect: 'NoSchedule' }, { key: 'a', value: 'x', effect: 'NoSchedule' }, true],
    [{ key: 'a', operator: 'Equal', value: 'y', effect: 'NoSchedule' }, { key: 'a', value: 'x', effect: 'NoSchedule' }, false],
    [{ key: 'a', operator: 'Exists' }, { key: 'a', value: 'x', effect: 'NoExecute' }, true],
    [{ operator: 'Exists' }, { key: 'anything', effect: 'NoSchedule' }, true],
    [{ key: 'a', operator: 'Exists', effect: 'NoExecute' }, { key: 'a', effect: 'NoSchedule' }, false],
    [{ key: 'a', value: '' }, { key: 'a', effect: 'NoSchedule' }, true],
    [{ key: 'b', operator: 'Exists' }, { key: 'a', effect: 'NoSchedule' }, false],
  ])('%j tolerates %j: %s', (t, taint, want) => {
    expect(toleratesTaint(t, taint)).toBe(want);
  });
});

const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' };
describe('filter chain (first rejecting plugin decides, upstream order)', () => {
  it.each([
    ['plain pod on a plain node', {}, { name: 'n' }, 'fits'],
    ['cordoned node', {}, { name: 'n', unschedulable: true }, 'node(s) were unschedulable'],
    ['cordoned node, tolerated', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }, { name: 'n', unschedulable: true }, 'fits'],
    ['untolerated taint names key and value', {}, { name: 'n', taints: [{ key: 'kis.dev/power', value: 'degraded', effect: 'NoSchedule' }] }, 'node(s) had untolerated taint {kis.dev/power: degraded}'],
    ['unreachable taint, empty value', {}, { name: 'n', taints: [unreachable] }, 'node(s) had untolerated taint {node.kubernetes.io/unreachable: }'],
    ['PreferNoSchedule does not filter', {}, { name: 'n', taints: [{ key: 'a', effect: 'PreferNoSchedule' }] }, 'fits'],
    ['NoExecute filters', {}, { name: 'n', taints: [{ key: 'a', effect: 'NoExecute' }] }, 'node(s) had untolerated taint {a: }'],
    ['nodeSelector mismatch', { nodeSelector: { 'kis.dev/stage': 'upper' } }, { name: 'n', labels: { 'kis.dev/stage': 'booster' } }, "node(s) didn't match Pod's node affinity/selector"],
    ['nodeSelector match', { nodeSelector: { 'kis.dev/stage': 'upper' } }, { name: 'n', labels: { 'kis.dev/stage': 'upper' } }, 'fits'],
    ['too much cpu', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '5' } } }] }, { name: 'n', cpu: '4' }, 'Insufficient cpu'],
    ['too much cpu and memory', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '5', memory: '9Gi' } } }] }, { name: 'n' }, 'Insufficient cpu; Insufficient memory'],
    ['limits stand in for missing requests', { containers: [{ name: 'c', image: 'x', resources: { limits: { memory: '9Gi' } } }] }, { name: 'n' }, 'Insufficient memory'],
    ['init container peak counts', { initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '4500m' } } }] }, { name: 'n' }, 'Insufficient cpu'],
    ['extended resource', { containers: [{ name: 'c', image: 'x', resources: { requests: { 'nvidia.com/gpu': '1' } } }] }, { name: 'n' }, 'Insufficient nvidia.com/gpu'],
    ['no room for another pod', {}, { name: 'n', pods: 0 }, 'Too many pods'],
    ['taint is checked before resources', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '9' } } }] }, { name: 'n', taints: [unreachable] }, 'node(s) had untolerated taint {node.kubernetes.io/unreachable: }'],
  ])('%s', (_what, spec, node, want) => {
    const pod = rawPod('p', spec);
    const cache = cacheWith([node]);
    expect(reasonsOf(runFilters(preFilter(pod, cache), { info: cache.node(node.name)! }))).toBe(want);
  });

  it('counts the requests of pods already bound, not terminal ones', () => {
    const big = (n: string, phase?: string) =>
      rawPod(n, { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '3' } } }] }, {}, phase ? { phase } : {});
    const pod = rawPod('p', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '2' } } }] });
    const busy = cacheWith([{ name: 'n' }], [{ pod: big('a'), node: 'n' }]);
    expect(reasonsOf(runFilters(preFilter(pod, busy), { info: busy.node('n')! }))).toBe('Insufficient cpu');
    const done = cacheWith([{ name: 'n' }], [{ pod: big('a', 'Succeeded'), node: 'n' }]);
    expect(reasonsOf(runFilters(preFilter(pod, done), { info: done.node('n')! }))).toBe('fits');
  });
});

describe("the node walk's quick fit check (fit columns) gives NodeResourcesFit's verdicts", () => {
  const req = (cpu: string, memory: string) => ({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu, memory } } }] });
  /** What the walk decides on a one-node cluster: 'fits', or the filter's reasons. */
  const walk = (cache: SchedulerCache, pod: PodInfo) => {
    const out = new SchedulingAlgorithm(cache, new SeededRandom(1)).schedule(pod);
    return out.kind === 'fit' ? 'fits' : [...out.statuses.values()].map((r) => reasonsOf(r)).join(' | ');
  };

  it('a pod that takes exactly what is left fits; a milli-CPU or a byte more does not', () => {
    const used = rawPod('a', req('3', '6Gi'));
    const cache = cacheWith([{ name: 'n', cpu: '4', memory: '8Gi', pods: 2 }], [{ pod: used, node: 'n' }]);
    expect(walk(cache, rawPod('p', req('1', '2Gi')))).toBe('fits');
    expect(walk(cache, rawPod('p', req('1001m', '2Gi')))).toBe('Insufficient cpu');
    expect(walk(cache, rawPod('p', req('1', `${2 * 1024 ** 3 + 1}`)))).toBe('Insufficient memory');
    const full = cacheWith([{ name: 'n', cpu: '4', memory: '8Gi', pods: 1 }], [{ pod: used, node: 'n' }]);
    expect(walk(full, rawPod('p', req('1', '1Gi')))).toBe('Too many pods');
  });

  it('agrees with the full NodeResourcesFit check over random loads and requests', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 300; i++) {
      const bound = Array.from({ length: rnd(4) }, (_, j) => rawPod(`b${j}`, req(`${rnd(2000)}m`, `${rnd(3000)}Mi`)));
      const cache = cacheWith([{ name: 'n', cpu: `${1 + rnd(4)}`, memory: `${1 + rnd(6)}Gi`, pods: 1 + rnd(5) }], bound.map((pod) => ({ pod, node: 'n' })));
      const pod = rawPod('p', req(`${rnd(3000)}m`, `${rnd(4000)}Mi`));
      expect(walk(cache, pod)).toBe(reasonsOf(filterNodeResourcesFit(pod, { info: cache.node('n')! })));
    }
  });
});

describe('NodeAffinity required terms (In/NotIn/Exists/DoesNotExist/Gt/Lt, terms ORed)', () => {
  const labels = { 'kis.dev/stage': 'upper', cores: '8' };
  const term = (...matchExpressions: unknown[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } } } });
  it.each([
    [term({ key: 'kis.dev/stage', operator: 'In', values: ['upper', 'capsule'] }), true],
    [term({ key: 'kis.dev/stage', operator: 'NotIn', values: ['upper'] }), false],
    [term({ key: 'kis.dev/stage', operator: 'Exists' }), true],
    [term({ key: 'kis.dev/stage', operator: 'DoesNotExist' }), false],
    [term({ key: 'cores', operator: 'Gt', values: ['4'] }), true],
    [term({ key: 'cores', operator: 'Lt', values: ['4'] }), false],
    [term({ key: 'cores', operator: 'Gt', values: ['x'] }), false],
    [term({ key: 'kis.dev/stage', operator: 'In', values: ['upper'] }, { key: 'cores', operator: 'Lt', values: ['4'] }), false],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'x', operator: 'Exists' }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }] } } } }, true],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } } }, false],
  ])('%j → %s', (spec, want) => {
    expect(filterNodeAffinity(rawPod('p', spec), { info: rawNode({ name: 'n', labels }) }) === undefined).toBe(want);
  });
});
