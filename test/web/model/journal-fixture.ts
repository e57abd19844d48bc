// Small hand-made journals for the model's tests: a two-stage vehicle with a layout, and record builders.
import type { JournalHeader, JournalLayout, JournalRecord, Signal } from '../../../hal/signals/index.ts';

export const LAYOUT: JournalLayout = {
  startMs: -10_000,
  durationMs: 600_000,
  stages: [
    { name: 'stage1', order: 1, massKg: 20000, nodes: [{ name: 'a1', role: 'worker', bus: 's1-bus', cpuMillicores: 2000, memoryBytes: 1 }, { name: 'a2', role: 'worker', bus: 's1-bus', cpuMillicores: 2000, memoryBytes: 1 }] },
    { name: 'stage2', order: 2, nodes: [{ name: 'b1', role: 'control-plane', bus: 's2-bus', cpuMillicores: 2000, memoryBytes: 1 }, { name: 'b2', role: 'worker', bus: 's2-bus', cpuMillicores: 2000, memoryBytes: 1 }] },
  ],
  buses: [
    { name: 's1-bus', nominalVolts: 28, brownoutVolts: 24, cutoffVolts: 20 },
    { name: 's2-bus', nominalVolts: 28, brownoutVolts: 24, cutoffVolts: 20 },
  ],
  links: [{ name: 's-band', groundStations: ['gs'] }],
  workloads: [{ name: 'gnc', kind: 'Deployment', replicas: 2 }],
  expectations: [{ name: 'gnc-up', type: 'availability' }, { name: 'no-loss', type: 'pods-lost' }],
  phases: [{ t: 0, name: 'liftoff' }, { t: 70_000, name: 'max-q' }],
};

export function header(layout: JournalLayout | undefined = LAYOUT): JournalHeader {
  return { kind: 'header', format: 'kis-journal', version: 1, ...(layout ? { layout } : {}) };
}

export function sig(t: number, s: Record<string, unknown>): JournalRecord {
  return { t, kind: 'signal', signal: { t, source: 'profile', ...s } as unknown as Signal };
}

export function node(t: number, name: string, op: 'added' | 'modified' | 'deleted' = 'added', data: Record<string, unknown> = {}): JournalRecord {
  const base = { attached: true, power: 'on', ready: 'True', role: 'worker', taints: [], unschedulable: false };
  return { t, kind: 'cluster', op, resource: 'nodes', name, ...(op === 'deleted' ? {} : { data: { ...base, ...data } as never }) };
}

export function pod(t: number, name: string, op: 'added' | 'modified' | 'deleted', data: Record<string, unknown> = {}): JournalRecord {
  return { t, kind: 'cluster', op, resource: 'pods', name, namespace: 'ns', data: { workload: 'gnc', phase: 'Pending', ready: false, ...data } as never };
}

export function action(t: number, a: Record<string, unknown>, status: 'decided' | 'applied' | 'refused' | 'failed', detail?: string): JournalRecord {
  return { t, kind: 'action', action: a as never, status, ...(detail ? { detail } : {}) };
}

export function event(t: number, type: 'Normal' | 'Warning', reason: string, kind: 'Node' | 'Pod', name: string): JournalRecord {
  return {
    t, kind: 'cluster', op: 'added', resource: 'events', name: `${name}.${t}`, namespace: 'ns',
    data: { type, reason, message: `${reason} happened`, involved: { kind, name, ...(kind === 'Pod' ? { namespace: 'ns' } : {}) } },
  };
}

export function toText(h: JournalHeader, records: readonly JournalRecord[]): string {
  return [h, ...records].map((x) => JSON.stringify(x)).join('\n') + '\n';
}
