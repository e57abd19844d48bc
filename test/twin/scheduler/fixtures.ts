// Shared builders for scheduler tests: nodes as a kubelet registers them, pods as a client creates them.
import { rfc3339Seconds } from '../../../sim/core/index.ts';
import { nodeObject, type NodeSpec } from '../../../sim/twin/nodes.ts';
import { SchedulerCache, NodeInfo, podInfo, type PodInfo } from '../../../sim/twin/scheduler/index.ts';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
import { SIM_START, startSim, type Sim } from '../../helpers/sim.ts';

export function addNode(sim: Sim, spec: NodeSpec, index = 0): KubeObject {
  return sim.registry.create(sim.res('nodes'), '', nodeObject(spec, index, rfc3339Seconds(sim.clock.now())));
}

export interface PodOpts {
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  priority?: string; // a PriorityClass name
  spec?: Record<string, unknown>;
  namespace?: string;
}

export function podBody(name: string, o: PodOpts = {}): Record<string, unknown> {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  return {
    metadata: { name, labels: o.labels ?? {} },
    spec: {
      containers: [{ name: 'app', image: 'registry.local/app:1', resources: { requests } }],
      ...(o.priority ? { priorityClassName: o.priority } : {}),
      ...o.spec,
    },
  };
}

export function addPod(sim: Sim, name: string, o: PodOpts = {}): KubeObject {
  return sim.registry.create(sim.res('pods'), o.namespace ?? 'default', podBody(name, o));
}

export function addPriorityClass(sim: Sim, name: string, value: number, preemptionPolicy?: string): void {
  sim.registry.create(sim.res('priorityclasses.scheduling.k8s.io'), '', { metadata: { name }, value, ...(preemptionPolicy ? { preemptionPolicy } : {}) });
}

export function nodeOf(sim: Sim, name: string, namespace = 'default'): string | undefined {
  return (sim.get('pods', namespace, name)?.spec as { nodeName?: string } | undefined)?.nodeName;
}

export function condition(sim: Sim, name: string, type = 'PodScheduled', namespace = 'default') {
  const st = sim.get('pods', namespace, name)?.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] } | undefined;
  return st?.conditions?.find((c) => c.type === type);
}

/** A bare pod object (no API server) for pure plugin tests. */
export function rawPod(name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}, status: Record<string, unknown> = {}): PodInfo {
  return podInfo({
    status,
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: rfc3339Seconds(SIM_START), ...meta },
    spec: { containers: [{ name: 'c', image: 'x' }], ...spec },
  });
}

/** A bare NodeInfo for pure plugin tests. */
export type TestNode = NodeSpec & { unschedulable?: boolean };

function testNodeObject(spec: TestNode, index: number): KubeObject {
  const obj = nodeObject(spec, index, rfc3339Seconds(SIM_START));
  if (spec.unschedulable) obj.spec = { ...(obj.spec as object), unschedulable: true };
  return obj;
}

export function rawNode(spec: TestNode, index = 0): NodeInfo {
  const n = new NodeInfo(spec.name);
  n.setNode(testNodeObject(spec, index));
  return n;
}

export function cacheWith(nodes: TestNode[], pods: { pod: PodInfo; node: string }[] = []): SchedulerCache {
  const c = new SchedulerCache();
  nodes.forEach((n, i) => c.upsertNode(testNodeObject(n, i)));
  for (const { pod, node } of pods) c.upsertBoundPod({ ...pod, nodeName: node });
  return c;
}

export { startSim, SIM_START };
