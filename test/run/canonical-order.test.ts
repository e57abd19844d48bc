// The records a run writes most (telemetry, cluster changes) are built in the journal's canonical key order, so the
// writer stringifies them as they are (journal-codec.ts copies and sorts any other): a reordered field here would
// not change a journal, only slow every run down, so this is where it shows.
import { describe, expect, it } from 'vitest';
import { formatJournalRecord, type JournalRecord } from '../../hal/signals/index.ts';
import { ClusterRecorder } from '../../sim/run/observe.ts';
import { vehicleModel } from '../../sim/vehicle/index.ts';
import { sample, SAMPLES } from '../vehicle/helpers.ts';

const canonical = (r: JournalRecord | undefined) => r !== undefined && formatJournalRecord(r) === JSON.stringify(r);

describe('records built in canonical key order', () => {
  it.each(SAMPLES.map((f) => f.replace(/\.yaml$/, '')))('%s: every telemetry record', (name) => {
    const telemetry = vehicleModel(sample(name)).records().filter((r) => r.kind === 'telemetry');
    expect(telemetry.length).toBeGreaterThan(0);
    expect(telemetry.filter((r) => !canonical(r))).toEqual([]);
  });

  const labels = { 'kis.dev/role': 'worker', 'kis.dev/stage': 's1', 'kis.dev/power-bus': 'main', 'kubernetes.io/hostname': 'n1' };
  const node = (ready: string, extra: Record<string, unknown> = {}) => ({
    metadata: { name: 'n1', labels, annotations: { 'sim.kis.dev/power': 'on' } },
    spec: { taints: [{ key: 'kis.dev/power', effect: 'NoSchedule' }], unschedulable: true },
    status: { conditions: [{ type: 'Ready', status: ready }, { type: 'MemoryPressure', status: 'False' }] },
    ...extra,
  });
  const pod = (phase: string) => ({
    metadata: { name: 'p', namespace: 'run', labels: { 'kis.dev/workload': 'gnc' } },
    spec: { nodeName: 'n1', priorityClassName: 'flight-critical' },
    status: { phase, conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ restartCount: 2 }] },
  });
  const event = { metadata: { name: 'e', namespace: 'run' }, type: 'Warning', reason: 'PowerLost', message: 'bus down', count: 3, involvedObject: { kind: 'Node', name: 'n1', namespace: 'default' } };

  it('cluster records of nodes, pods (lost ones too) and events, with every optional field present', () => {
    const rec = new ClusterRecorder();
    const records = [
      rec.node(0, 'added', node('True')),
      rec.pod(1, 'added', pod('Running')),
      rec.node(2, 'modified', node('Unknown')),
      rec.pod(3, 'deleted', pod('Running')),
      rec.event(4, 'added', event),
    ];
    expect(records[3]?.data?.lost).toBe(true);
    expect(records.map(canonical)).toEqual(records.map(() => true));
  });
});
