// Turns observed cluster objects into the compact `cluster` journal records the judge reads. Pure: fed
// object changes in order, it emits a record only when the summary of an object changed. Records and summaries are
// built with their keys in the journal's canonical order (t, kind, type, then alphabetical: hal/signals
// journal-codec.ts), so the writer stringifies them as they are rather than copying and sorting each.
import { ANNOTATION_ATTACHED, ANNOTATION_POWER, LABEL_POWER_BUS, LABEL_ROLE, LABEL_STAGE, type ClusterRecord, type EventRecordData } from '../../hal/signals/index.ts';
import type { NodeSummary, PodSummary } from './expectations/index.ts';
import { LABEL_WORKLOAD } from './manifests.ts';

interface ObjectLike {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; deletionTimestamp?: string };
  spec?: unknown;
  status?: unknown;
}

export type ChangeOp = 'added' | 'modified' | 'deleted';

export function podSummary(pod: ObjectLike, priorityClassOf: (name: string) => string): PodSummary {
  const spec = (pod.spec ?? {}) as { nodeName?: string; priorityClassName?: string };
  const status = (pod.status ?? {}) as { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { restartCount?: number }[] };
  const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') && !pod.metadata.deletionTimestamp;
  const workload = pod.metadata.labels?.[LABEL_WORKLOAD];
  // upstream: kubectl's RESTARTS column sums containerStatuses[].restartCount. Left out while 0 (the usual case).
  const restarts = (status.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  return {
    ...(spec.nodeName ? { node: spec.nodeName } : {}),
    phase: pod.metadata.deletionTimestamp ? 'Terminating' : (status.phase ?? 'Pending'),
    ...(spec.priorityClassName ? { priorityClass: priorityClassOf(spec.priorityClassName) } : {}),
    ready,
    ...(restarts > 0 ? { restarts } : {}),
    ...(workload ? { workload } : {}),
  };
}

export function nodeSummary(node: ObjectLike): NodeSummary {
  const spec = (node.spec ?? {}) as { unschedulable?: boolean; taints?: { key: string; effect: string }[] };
  const status = (node.status ?? {}) as { conditions?: { type: string; status: string }[] };
  const conds = status.conditions ?? [];
  const ready = conds.find((c) => c.type === 'Ready')?.status as NodeSummary['ready'] | undefined;
  const labels = node.metadata.labels ?? {};
  const a = node.metadata.annotations ?? {};
  const others = conds.filter((c) => c.type !== 'Ready').map((c) => [c.type, c.status] as const).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    attached: a[ANNOTATION_ATTACHED] !== 'false',
    ...(labels[LABEL_POWER_BUS] ? { bus: labels[LABEL_POWER_BUS] } : {}),
    ...(others.length ? { conditions: Object.fromEntries(others) } : {}),
    labels: Object.fromEntries(Object.entries(labels).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))),
    power: a[ANNOTATION_POWER] === 'off' ? 'off' : 'on',
    ...(ready ? { ready } : {}),
    role: labels[LABEL_ROLE] ?? 'worker',
    ...(labels[LABEL_STAGE] ? { stage: labels[LABEL_STAGE] } : {}),
    taints: (spec.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort(),
    unschedulable: spec.unschedulable === true,
  };
}

interface EventLike {
  metadata: { name?: string; namespace?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
}

/** A core/v1 Event as journal data. */
export function eventSummary(ev: EventLike): EventRecordData {
  const io = ev.involvedObject ?? {};
  return {
    type: ev.type === 'Warning' ? 'Warning' : 'Normal',
    ...(ev.count !== undefined ? { count: ev.count } : {}),
    involved: { kind: io.kind ?? '', name: io.name ?? '', ...(io.namespace ? { namespace: io.namespace } : {}) },
    message: ev.message ?? '',
    reason: ev.reason ?? '',
  };
}

/**
 * Remembers the last summary of every object and emits a record when it changes. A pod that disappears
 * while its node is down (powered off, detached, not Ready) was lost involuntarily, not evicted by plan.
 */
export class ClusterRecorder {
  private readonly pods = new Map<string, { summary: PodSummary; json: string }>();
  private readonly nodes = new Map<string, { summary: NodeSummary; json: string }>();

  constructor(private readonly priorityClassOf: (name: string) => string = (n) => n) {}

  pod(t: number, op: ChangeOp, pod: ObjectLike): ClusterRecord | undefined {
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
    const prev = this.pods.get(key);
    let summary = podSummary(pod, this.priorityClassOf);
    if (op === 'deleted') {
      this.pods.delete(key);
      const node = summary.node ? this.nodes.get(summary.node)?.summary : undefined;
      const nodeDown = !node || node.power === 'off' || node.attached === false || node.ready !== 'True';
      const wasServing = prev?.summary.phase === 'Running' || prev?.summary.phase === 'Terminating';
      if (summary.node && nodeDown && wasServing) summary = { lost: true, ...summary };
      return this.record(t, 'deleted', 'pods', pod, summary as Record<string, unknown>);
    }
    const json = JSON.stringify(summary);
    if (prev?.json === json) return undefined;
    this.pods.set(key, { summary, json });
    return this.record(t, prev ? 'modified' : 'added', 'pods', pod, summary as Record<string, unknown>);
  }

  node(t: number, op: ChangeOp, node: ObjectLike): ClusterRecord | undefined {
    const name = node.metadata.name ?? '';
    const prev = this.nodes.get(name);
    const summary = nodeSummary(node);
    if (op === 'deleted') {
      this.nodes.delete(name);
      return this.record(t, 'deleted', 'nodes', node, summary as Record<string, unknown>);
    }
    const json = JSON.stringify(summary);
    if (prev?.json === json) return undefined;
    this.nodes.set(name, { summary, json });
    return this.record(t, prev ? 'modified' : 'added', 'nodes', node, summary as Record<string, unknown>);
  }

  /**
   * An Event created or repeated (count bumped). Expiry (the API server's event TTL) is not news: a
   * deleted Event gives no record.
   */
  event(t: number, op: ChangeOp, ev: EventLike): ClusterRecord | undefined {
    if (op === 'deleted') return undefined;
    return this.record(t, op, 'events', ev, eventSummary(ev) as Record<string, unknown>);
  }

  private record(t: number, op: ChangeOp, resource: string, obj: { metadata: { name?: string; namespace?: string } }, data: Record<string, unknown>): ClusterRecord {
    return {
      t,
      kind: 'cluster',
      data: data as ClusterRecord['data'],
      name: obj.metadata.name ?? '',
      ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
      op,
      resource,
    };
  }
}
