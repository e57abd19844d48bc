// Turns observed cluster objects into the compact `cluster` journal records the judge reads. Pure: fed
// object changes in order, it emits a record only when the summary of an object changed.
import type { ClusterRecord } from '../../hal/signals/index.ts';
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
  const status = (pod.status ?? {}) as { phase?: string; conditions?: { type: string; status: string }[] };
  const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') && !pod.metadata.deletionTimestamp;
  const workload = pod.metadata.labels?.[LABEL_WORKLOAD];
  return {
    ...(workload ? { workload } : {}),
    phase: pod.metadata.deletionTimestamp ? 'Terminating' : (status.phase ?? 'Pending'),
    ready,
    ...(spec.nodeName ? { node: spec.nodeName } : {}),
    ...(spec.priorityClassName ? { priorityClass: priorityClassOf(spec.priorityClassName) } : {}),
  };
}

export function nodeSummary(node: ObjectLike): NodeSummary {
  const spec = (node.spec ?? {}) as { unschedulable?: boolean; taints?: { key: string; effect: string }[] };
  const status = (node.status ?? {}) as { conditions?: { type: string; status: string }[] };
  const ready = (status.conditions ?? []).find((c) => c.type === 'Ready')?.status as NodeSummary['ready'] | undefined;
  const a = node.metadata.annotations ?? {};
  return {
    ...(ready ? { ready } : {}),
    role: node.metadata.labels?.['kis.dev/role'] ?? 'worker',
    power: a['sim.kis.dev/power'] === 'off' ? 'off' : 'on',
    attached: a['sim.kis.dev/attached'] !== 'false',
    unschedulable: spec.unschedulable === true,
    taints: (spec.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort(),
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
      if (summary.node && nodeDown && wasServing) summary = { ...summary, lost: true };
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

  private record(t: number, op: ChangeOp, resource: string, obj: ObjectLike, data: Record<string, unknown>): ClusterRecord {
    return {
      t,
      kind: 'cluster',
      op,
      resource,
      name: obj.metadata.name ?? '',
      ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
      data: data as ClusterRecord['data'],
    };
  }
}
