// Pure decisions of the lifecycle controllers, table-style: toleration matching, zone states, PDB arithmetic,
// the quorum and its write-gate exemption.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evictionDecision, toleratesTaint, type Taint, type Toleration } from '../../../../sim/twin/controllers/taint-eviction-tolerations.ts';
import { computeZoneState, zoneQps, TokenBucket } from '../../../../sim/twin/controllers/node-lifecycle-zones.ts';
import { countHealthy, disruptedPodMap, disruptionsAllowed, expectedAndDesired, scaledValue } from '../../../../sim/twin/controllers/disruption-math.ts';
import { isQuorumExempt } from '../../../../sim/twin/controllers/quorum-gate.ts';
import { quorumState } from '../../../../sim/twin/controllers/quorum.ts';
import { noScheduleTaintDiff, swapTaints } from '../../../../sim/twin/controllers/node-lifecycle-taints.ts';
import { resourceByKey } from '../../../../sim/twin/api/index.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const oos: Taint = { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' };

describe('toleratesTaint (upstream toleration_test.go cases)', () => {
  it.each<[string, Toleration, Taint, boolean]>([
    ['empty toleration: Equal on "" matches a taint without value (as upstream code does)', {}, { key: 'a', effect: 'NoExecute' }, true],
    ['empty toleration does not match a taint with a value', {}, { key: 'a', value: 'v', effect: 'NoExecute' }, false],
    ['Exists with no key tolerates everything', { operator: 'Exists' }, oos, true],
    ['Equal needs the value', { key: 'node.kubernetes.io/out-of-service', operator: 'Equal', value: 'nodeshutdown' }, oos, true],
    ['Equal with another value', { key: 'node.kubernetes.io/out-of-service', operator: 'Equal', value: 'x' }, oos, false],
    ['"" operator is Equal', { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown' }, oos, true],
    ['effect must match when set', { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, unreachable, false],
    ['empty effect matches any', { key: 'node.kubernetes.io/unreachable', operator: 'Exists' }, unreachable, true],
    ['unknown operator tolerates nothing', { key: 'node.kubernetes.io/unreachable', operator: 'Lt' }, unreachable, false],
  ])('%s', (_n, t, taint, want) => expect(toleratesTaint(t, taint)).toBe(want));
});

describe('evictionDecision (upstream processPodOnNode)', () => {
  const t300: Toleration = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
  it.each<[string, Taint[], Toleration[], ReturnType<typeof evictionDecision>]>([
    ['no taints: keep', [], [], { kind: 'keep' }],
    ['untolerated: now', [unreachable], [], { kind: 'evict-now' }],
    ['tolerationSeconds: later', [unreachable], [t300], { kind: 'evict-after', ms: 300_000 }],
    ['forever', [unreachable], [{ operator: 'Exists' }], { kind: 'keep' }],
    ['tolerationSeconds 0: now', [unreachable], [{ ...t300, tolerationSeconds: 0 }], { kind: 'evict-now' }],
    ['negative: now', [unreachable], [{ ...t300, tolerationSeconds: -5 }], { kind: 'evict-now' }],
    ['one of two taints untolerated: now', [unreachable, oos], [t300], { kind: 'evict-now' }],
    ['minimum of the used tolerations', [unreachable, oos], [t300, { key: oos.key, operator: 'Exists', tolerationSeconds: 20 }], { kind: 'evict-after', ms: 20_000 }],
    ['first matching toleration decides', [unreachable], [{ operator: 'Exists' }, t300], { kind: 'keep' }],
  ])('%s', (_n, taints, tolerations, want) => expect(evictionDecision(taints, tolerations)).toEqual(want));
});

describe('zone disruption (upstream ComputeZoneState, ReducedQPSFunc)', () => {
  it.each<[string, (string | undefined)[], string]>([
    ['all ready', ['True', 'True'], 'Normal'],
    ['none ready', ['Unknown', 'False'], 'FullDisruption'],
    ['single node down', ['Unknown'], 'FullDisruption'],
    ['2 of 3 down: needs more than 2', ['Unknown', 'Unknown', 'True'], 'Normal'],
    ['3 of 5 down (60% >= 55%)', ['Unknown', 'Unknown', 'False', 'True', 'True'], 'PartialDisruption'],
    ['3 of 6 down (50%)', ['Unknown', 'Unknown', 'False', 'True', 'True', 'True'], 'Normal'],
    ['missing condition counts as not ready', [undefined, 'True'], 'Normal'],
  ])('%s', (_n, statuses, want) => expect(computeZoneState(statuses).state).toBe(want));
  it('partial disruption stops tainting in small zones, slows it in large ones', () => {
    expect(zoneQps('PartialDisruption', 50)).toBe(0);
    expect(zoneQps('PartialDisruption', 51)).toBe(0.01);
    expect(zoneQps('Normal', 3)).toBe(0.1);
  });
  it('token bucket: burst 1 at 0.1/s', () => {
    const b = new TokenBucket(0.1, 0);
    expect(b.tryAccept(0)).toBe(true);
    expect(b.tryAccept(5_000)).toBe(false);
    expect(b.nextAt(5_000)).toBe(10_000);
    expect(b.tryAccept(10_000)).toBe(true);
  });
});

describe('condition taints (upstream doNoScheduleTaintingPass)', () => {
  const node = (conditions: { type: string; status: string }[], taints: Taint[] = [], unschedulable = false): KubeObject =>
    ({ metadata: { name: 'n' }, spec: { taints, ...(unschedulable ? { unschedulable } : {}) }, status: { conditions } });
  it.each<[string, KubeObject, string[], string[]]>([
    ['ready: nothing', node([{ type: 'Ready', status: 'True' }]), [], []],
    ['unknown: unreachable', node([{ type: 'Ready', status: 'Unknown' }]), ['node.kubernetes.io/unreachable'], []],
    ['false: not-ready, drops unreachable', node([{ type: 'Ready', status: 'False' }], [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]), ['node.kubernetes.io/not-ready'], ['node.kubernetes.io/unreachable']],
    ['memory pressure', node([{ type: 'Ready', status: 'True' }, { type: 'MemoryPressure', status: 'True' }]), ['node.kubernetes.io/memory-pressure'], []],
    ['cordoned', node([{ type: 'Ready', status: 'True' }], [], true), ['node.kubernetes.io/unschedulable'], []],
    ['foreign taints are left alone', node([{ type: 'Ready', status: 'True' }], [{ key: 'kis.dev/power', value: 'degraded', effect: 'NoSchedule' }]), [], []],
  ])('%s', (_n, n, add, remove) => {
    const d = noScheduleTaintDiff(n);
    expect(d.add.map((t) => t.key)).toEqual(add);
    expect(d.remove.map((t) => t.key)).toEqual(remove);
  });
  it('swapTaints stamps timeAdded and reports no change as undefined', () => {
    expect(swapTaints([], [unreachable], [], 'T')).toEqual([{ ...unreachable, timeAdded: 'T' }]);
    expect(swapTaints([unreachable], [unreachable], [], 'T')).toBeUndefined();
  });
});

describe('PDB arithmetic (upstream disruption_test.go)', () => {
  it.each<[string, Parameters<typeof expectedAndDesired>, { expectedPods: number; desiredHealthy: number }]>([
    ['minAvailable int counts selected pods', [{ minAvailable: 3 }, 4, 0], { expectedPods: 4, desiredHealthy: 3 }],
    ['minAvailable 28% of 7 rounds up to 2', [{ minAvailable: '28%' }, 7, 7], { expectedPods: 7, desiredHealthy: 2 }],
    ['minAvailable 100% of controller scale', [{ minAvailable: '100%' }, 2, 3], { expectedPods: 3, desiredHealthy: 3 }],
    ['maxUnavailable 1 of 3', [{ maxUnavailable: 1 }, 3, 3], { expectedPods: 3, desiredHealthy: 2 }],
    ['maxUnavailable 30% of 3 rounds up to 1', [{ maxUnavailable: '30%' }, 3, 3], { expectedPods: 3, desiredHealthy: 2 }],
    ['maxUnavailable above scale clamps at 0', [{ maxUnavailable: 5 }, 3, 3], { expectedPods: 3, desiredHealthy: 0 }],
    ['neither set', [{}, 3, 0], { expectedPods: 0, desiredHealthy: 0 }],
  ])('%s', (_n, args, want) => expect(expectedAndDesired(...args)).toEqual(want));
  it.each<[number, number, number, number]>([
    [3, 2, 3, 1], [2, 2, 3, 0], [1, 2, 3, 0], [5, 0, 0, 0],
  ])('disruptionsAllowed(%i healthy, %i desired, %i expected) = %i', (c, d, e, want) => expect(disruptionsAllowed(c, d, e)).toBe(want));
  it('recent disruptions do not count as healthy; expired ones are dropped', () => {
    const pods = [{ name: 'a', ready: true, terminating: false }, { name: 'b', ready: true, terminating: false }, { name: 'c', ready: true, terminating: true }];
    const at = '2026-01-01T00:00:00Z';
    const t0 = Date.parse(at);
    expect(countHealthy(pods, { a: at }, t0 + 60_000)).toBe(1);
    expect(countHealthy(pods, { a: at }, t0 + 121_000)).toBe(2);
    expect(disruptedPodMap(pods, { a: at, c: at, gone: at }, t0 + 60_000)).toEqual({ kept: { a: at }, expired: [], recheckAt: t0 + 120_000 });
    expect(disruptedPodMap(pods, { a: at }, t0 + 121_000)).toEqual({ kept: {}, expired: ['a'] });
  });
  it('percentages round as upstream', () => {
    expect(scaledValue('50%', 3, true)).toBe(2);
    expect(scaledValue('50%', 3, false)).toBe(1);
    expect(() => scaledValue('x%', 3, true)).toThrow();
  });
});

describe('quorum', () => {
  const cp = (name: string, annotations: Record<string, string> = {}): KubeObject =>
    ({ metadata: { name, labels: { 'kis.dev/role': 'control-plane' }, annotations } });
  const worker: KubeObject = { metadata: { name: 'w', labels: { 'kis.dev/role': 'worker' } } };
  it.each<[string, KubeObject[], string[], boolean, number]>([
    ['no control plane: nothing to lose', [worker], [], true, 0],
    ['3 healthy', [cp('a'), cp('b'), cp('c')], [], true, 3],
    ['2 of 3', [cp('a'), cp('b'), cp('c', { 'sim.kis.dev/power': 'off' })], [], true, 2],
    ['1 of 3', [cp('a'), cp('b', { 'sim.kis.dev/attached': 'false' }), cp('c', { 'sim.kis.dev/power': 'off' })], [], false, 1],
    ['2 of 4 is not a majority', [cp('a'), cp('b'), cp('c', { 'sim.kis.dev/power': 'off' }), cp('d', { 'sim.kis.dev/power': 'off' })], [], false, 2],
    ['a deleted member still counts', [cp('a')], ['a', 'b'], false, 1],
    ['faults do not count as down (power and attachment only)', [cp('a', { 'sim.kis.dev/fault': 'crash' })], [], true, 1],
  ])('%s', (_n, nodes, remembered, has, healthy) => {
    const s = quorumState(nodes, remembered);
    expect(s.hasQuorum).toBe(has);
    expect(s.healthy).toHaveLength(healthy);
  });

  const nodes = resourceByKey('nodes')!;
  const pods = resourceByKey('pods')!;
  const base: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', resourceVersion: '5', annotations: { 'sim.kis.dev/power': 'on', other: 'x' }, labels: { a: 'b' } }, spec: {} };
  const withAnn = (ann: Record<string, string>, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({ ...base, metadata: { ...base.metadata, ...extra, annotations: ann } });
  it.each<[string, Parameters<typeof isQuorumExempt>[0], boolean]>([
    ['power off', { resource: nodes, before: base, after: withAnn({ 'sim.kis.dev/power': 'off', other: 'x' }) }, true],
    ['add attached=false', { resource: nodes, before: base, after: withAnn({ 'sim.kis.dev/power': 'on', 'sim.kis.dev/attached': 'false', other: 'x' }) }, true],
    ['remove a fault', { resource: nodes, before: withAnn({ 'sim.kis.dev/fault': 'crash', other: 'x' }), after: withAnn({ other: 'x' }) }, true],
    ['without resourceVersion', { resource: nodes, before: base, after: withAnn({ 'sim.kis.dev/power': 'off', other: 'x' }, { resourceVersion: undefined }) }, true],
    ['another annotation too', { resource: nodes, before: base, after: withAnn({ 'sim.kis.dev/power': 'off', other: 'y' }) }, false],
    ['a label', { resource: nodes, before: base, after: { ...base, metadata: { ...base.metadata, labels: {} } } }, false],
    ['a taint', { resource: nodes, before: base, after: { ...base, spec: { taints: [oos] } } }, false],
    ['status', { resource: nodes, before: base, after: { ...base, status: { conditions: [] } } }, false],
    ['node create', { resource: nodes, after: base }, false],
    ['node delete', { resource: nodes, before: base }, false],
    ['a pod with the same annotation', { resource: pods, before: base, after: withAnn({ 'sim.kis.dev/power': 'off', other: 'x' }) }, false],
  ])('write gate exemption: %s', (_n, w, want) => expect(isQuorumExempt(w)).toBe(want));

  it('property: any change outside sim.kis.dev/ annotations is never exempt', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.string(), (k, v) => {
      fc.pre(!k.startsWith('sim.kis.dev/') && base.metadata.annotations?.[k] !== v);
      return !isQuorumExempt({ resource: nodes, before: base, after: withAnn({ ...base.metadata.annotations, [k]: v }) });
    }));
  });
});
