// DaemonSet node eligibility and tolerations, table-style.
import { describe, expect, it } from 'vitest';
import { daemonPodTolerations, nodeNameAffinity, nodeShouldRunDaemonPod, targetNodeName, toleratesTaint, type DaemonPodSpec, type Taint, type Toleration } from '../../../../sim/twin/controllers/daemonset-node-fit.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';

const node = (name: string, labels: Record<string, string> = {}, taints: Taint[] = []): KubeObject => ({ metadata: { name, labels }, spec: { taints } });
const withTolerations = (spec: DaemonPodSpec): DaemonPodSpec => ({ ...spec, tolerations: daemonPodTolerations(spec) });

describe('toleratesTaint (upstream Toleration.ToleratesTaint)', () => {
  it.each<[Toleration, Taint, boolean]>([
    [{ key: 'a', operator: 'Equal', value: 'x', effect: 'NoSchedule' }, { key: 'a', value: 'x', effect: 'NoSchedule' }, true],
    [{ key: 'a', value: 'x' }, { key: 'a', value: 'x', effect: 'NoExecute' }, true],
    [{ key: 'a', value: 'y' }, { key: 'a', value: 'x', effect: 'NoSchedule' }, false],
    [{ key: 'a', operator: 'Exists' }, { key: 'a', value: 'x', effect: 'NoSchedule' }, true],
    [{ operator: 'Exists' }, { key: 'b', effect: 'NoExecute' }, true],
    [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }, { key: 'a', effect: 'NoExecute' }, false],
  ])('%j tolerates %j: %s', (t, taint, want) => expect(toleratesTaint(t, taint)).toBe(want));
});

describe('nodeShouldRunDaemonPod', () => {
  const base: DaemonPodSpec = { containers: [] };
  it.each<[string, DaemonPodSpec, KubeObject, boolean, boolean]>([
    ['plain node', base, node('n'), true, true],
    ['nodeSelector matches', { ...base, nodeSelector: { disk: 'ssd' } }, node('n', { disk: 'ssd' }), true, true],
    ['nodeSelector misses', { ...base, nodeSelector: { disk: 'ssd' } }, node('n'), false, false],
    ['required affinity In', { ...base, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kis.dev/stage', operator: 'In', values: ['s1', 's2'] }] }] } } } }, node('n', { 'kis.dev/stage': 's2' }), true, true],
    ['required affinity NotIn', { ...base, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kis.dev/stage', operator: 'NotIn', values: ['s1'] }] }] } } } }, node('n', { 'kis.dev/stage': 's1' }), false, false],
    ['affinity terms are ORed', { ...base, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }] } } } }, node('n'), true, true],
    ['Gt on a numeric label', { ...base, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }] } } } }, node('n', { cores: '8' }), true, true],
    ['untolerated NoSchedule: no new pod, existing one stays', base, node('n', {}, [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]), false, true],
    ['untolerated NoExecute: evicted', base, node('n', {}, [{ key: 'kis.dev/separated', effect: 'NoExecute' }]), false, false],
    ['PreferNoSchedule is ignored', base, node('n', {}, [{ key: 'x', effect: 'PreferNoSchedule' }]), true, true],
    ['cordoned (unschedulable taint) is tolerated', base, node('n', {}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), true, true],
    ['not-ready and unreachable NoExecute are tolerated', base, node('n', {}, [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]), true, true],
    ['unreachable NoSchedule is not: no new pod, the running one stays', base, node('n', {}, [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]), false, true],
    ['memory pressure is tolerated', base, node('n', {}, [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }]), true, true],
    ['network-unavailable only for host-network pods', base, node('n', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), false, true],
    ['network-unavailable tolerated with hostNetwork', { ...base, hostNetwork: true }, node('n', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), true, true],
    ['out-of-service evicts daemon pods too', base, node('n', {}, [{ key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }]), false, false],
  ])('%s', (_what, spec, n, shouldRun, shouldContinueRunning) => {
    expect(nodeShouldRunDaemonPod(withTolerations(spec), n)).toEqual({ shouldRun, shouldContinueRunning });
  });
});

describe('daemon pod tolerations and affinity', () => {
  it('adds upstream tolerations without tolerationSeconds, replacing an equal one', () => {
    const t = daemonPodTolerations({ tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { key: 'mine', operator: 'Exists' }] });
    expect(t).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'mine', operator: 'Exists' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });

  it('replaces the required node affinity with matchFields metadata.name, keeping preferred terms', () => {
    const preferred = [{ weight: 1, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } }];
    const a = nodeNameAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'x', operator: 'Exists' }] }] }, preferredDuringSchedulingIgnoredDuringExecution: preferred } }, 'node-7');
    expect(a).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-7'] }] }] }, preferredDuringSchedulingIgnoredDuringExecution: preferred } });
    expect(targetNodeName({ metadata: {}, spec: { affinity: a } })).toBe('node-7');
    expect(targetNodeName({ metadata: {}, spec: { nodeName: 'n1', affinity: a } })).toBe('n1');
  });
});
