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

  it('node data carries stage, bus, labels and the conditions other than Ready', () => {
    const rec = new ClusterRecorder();
    const n = {
      metadata: { name: 'n1', labels: { 'kis.dev/role': 'control-plane', 'kis.dev/stage': 's2', 'kis.dev/power-bus': 'main' } },
      spec: { taints: [{ key: 'kis.dev/power', effect: 'NoSchedule' }] },
      status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'MemoryPressure', status: 'False' }, { type: 'DiskPressure', status: 'True' }] },
    };
    expect(rec.node(0, 'added', n)?.data).toEqual({
      ready: 'True', role: 'control-plane', power: 'on', attached: true, unschedulable: false, taints: ['kis.dev/power:NoSchedule'],
      stage: 's2', bus: 'main', labels: n.metadata.labels, conditions: { DiskPressure: 'True', MemoryPressure: 'False' },
    });
  });

  it.each([
    [[], undefined],
    [[{ restartCount: 0 }], undefined],
    [[{ restartCount: 2 }, { restartCount: 1 }], 3],
  ])('pod restarts sum the containers: %j → %s', (containerStatuses, restarts) => {
    const p = pod('a', 'Running', true);
    const data = new ClusterRecorder().pod(0, 'added', { ...p, status: { ...p.status, containerStatuses } })?.data;
    expect(data?.restarts).toBe(restarts);
  });

  it('a restart alone is a change worth a record', () => {
    const rec = new ClusterRecorder();
    const p = pod('a', 'Running', true);
    rec.pod(0, 'added', p);
    expect(rec.pod(1, 'modified', { ...p, status: { ...p.status, containerStatuses: [{ restartCount: 1 }] } })?.data).toMatchObject({ restarts: 1 });
  });

  it('journals Events (created and repeated), not their expiry', () => {
    const rec = new ClusterRecorder();
    const ev = {
      metadata: { name: 'n1.17a', namespace: 'default' }, type: 'Warning', reason: 'StageSeparated', message: 'unplanned separation', count: 2,
      involvedObject: { kind: 'Node', name: 'n1', uid: 'u' },
    };
    expect(rec.event(5, 'modified', ev)).toEqual({
      t: 5, kind: 'cluster', op: 'modified', resource: 'events', name: 'n1.17a', namespace: 'default',
      data: { type: 'Warning', reason: 'StageSeparated', message: 'unplanned separation', involved: { kind: 'Node', name: 'n1' }, count: 2 },
    });
    expect(rec.event(6, 'deleted', ev)).toBeUndefined();
  });
});
