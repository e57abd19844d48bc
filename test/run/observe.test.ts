// The observer's summaries: records only on change, lost pods flagged by their node's state.
import { describe, expect, it } from 'vitest';
import { ClusterRecorder } from '../../sim/run/observe.ts';

const node = (name: string, ready: string, annotations: Record<string, string> = {}) => ({
  metadata: { name, labels: { 'kis.dev/role': 'worker' }, annotations },
  status: { conditions: [{ type: 'Ready', status: ready }] },
});
const pod = (name: string, phase: string, ready: boolean, nodeName = 'n1') => ({
  metadata: { name, namespace: 'run', labels: { 'kis.dev/workload': 'gnc' } },
  spec: { nodeName, priorityClassName: 'r1-flight-critical' },
  status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

describe('ClusterRecorder', () => {
  it('emits a record only when the summary changes, mapping run priority classes back', () => {
    const rec = new ClusterRecorder((pc) => pc.replace(/^r1-/, ''));
    expect(rec.node(0, 'added', node('n1', 'True'))?.data).toMatchObject({ ready: 'True', power: 'on', attached: true });
    expect(rec.pod(1, 'added', pod('a', 'Pending', false))).toMatchObject({ op: 'added', data: { workload: 'gnc', phase: 'Pending', ready: false, priorityClass: 'flight-critical' } });
    expect(rec.pod(2, 'modified', pod('a', 'Pending', false))).toBeUndefined();
    expect(rec.pod(3, 'modified', pod('a', 'Running', true))).toMatchObject({ op: 'modified', data: { phase: 'Running', ready: true } });
  });

  it.each([
    ['a healthy node (planned eviction)', node('n1', 'True'), undefined],
    ['a powered-off node', node('n1', 'True', { 'sim.kis.dev/power': 'off' }), true],
    ['a detached node', node('n1', 'Unknown', { 'sim.kis.dev/attached': 'false' }), true],
    ['a NotReady node', node('n1', 'Unknown'), true],
  ])('a running pod deleted from %s → lost=%s', (_what, n, lost) => {
    const rec = new ClusterRecorder();
    rec.node(0, 'added', node('n1', 'True'));
    rec.pod(1, 'added', pod('a', 'Running', true));
    rec.node(2, 'modified', n);
    expect(rec.pod(3, 'deleted', pod('a', 'Running', true))?.data?.lost).toBe(lost);
  });
});
