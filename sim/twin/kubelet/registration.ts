// Node registration: the Node a kubelet creates on first start, or how it reconciles an existing one (after a
// reboot, or a Node registered before kubelets were simulated). Pure: returns the object and the events.
// upstream: pkg/kubelet/kubelet_node_status.go registerWithAPIServer / tryRegisterWithAPIServer (an existing
// Node keeps its spec, taints and annotations; the kubelet updates its default labels and the status).
import { rfc3339Seconds } from '../../core/index.ts';
import { nodeObject, type NodeSpec } from '../nodes.ts';
import type { KubeObject } from '../store/index.ts';
import { HEALTHY, nodeConditions, type NodeCondition } from './node-status.ts';

type Status = Record<string, unknown> & { conditions?: NodeCondition[]; nodeInfo?: Record<string, unknown> };

/** upstream: kubelet_node_status.go updateDefaultLabels — the labels the kubelet owns on an existing Node. */
const DEFAULT_LABEL_PREFIXES = ['kubernetes.io/', 'beta.kubernetes.io/'];

/** The status fields the kubelet owns besides conditions (they change only when it registers). */
export interface OwnedNodeStatus {
  capacity: unknown;
  allocatable: unknown;
  addresses: unknown;
  daemonEndpoints: unknown;
  nodeInfo: Record<string, unknown>;
}

export interface Registration {
  node: KubeObject;
  owned: OwnedNodeStatus;
  /** Node events as [type, reason, message]. */
  events: [type: 'Normal' | 'Warning', reason: string, message: string][];
}

export function registrationFor(spec: NodeSpec, index: number, existing: KubeObject | undefined, nowMs: number, bootId: string): Registration {
  const now = rfc3339Seconds(nowMs);
  const fresh = nodeObject(spec, index, now);
  const freshStatus = fresh.status as Status;
  const owned: OwnedNodeStatus = {
    capacity: freshStatus['capacity'],
    allocatable: freshStatus['allocatable'],
    addresses: freshStatus['addresses'],
    daemonEndpoints: freshStatus['daemonEndpoints'],
    nodeInfo: { ...freshStatus.nodeInfo, bootID: bootId },
  };
  const prevStatus = (existing?.status ?? {}) as Status;
  const cond = nodeConditions(existing ? prevStatus.conditions : undefined, HEALTHY, now);
  const name = spec.name;
  // upstream: kubelet.go initializeModules/Run record "Starting kubelet." and the allocatable enforcement.
  const events: Registration['events'] = [
    ['Normal', 'Starting', 'Starting kubelet.'],
    ['Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'],
    ...cond.events.map((r): [type: 'Normal', reason: string, message: string] => ['Normal', r, `Node ${name} status is now: ${r}`]),
  ];
  const prevBoot = prevStatus.nodeInfo?.['bootID'];
  if (typeof prevBoot === 'string' && prevBoot !== '' && prevBoot !== bootId) {
    // upstream: nodestatus/setters.go NodeInfo — "Node %s has been rebooted, boot id: %s".
    events.push(['Warning', 'Rebooted', `Node ${name} has been rebooted, boot id: ${bootId}`]);
  }
  if (!existing) {
    return { node: { ...fresh, status: { ...freshStatus, ...owned, conditions: cond.conditions } }, owned, events };
  }
  const labels = { ...(existing.metadata.labels ?? {}) };
  for (const [k, v] of Object.entries(fresh.metadata.labels ?? {})) {
    if (DEFAULT_LABEL_PREFIXES.some((p) => k.startsWith(p))) labels[k] = v;
  }
  const node: KubeObject = {
    ...existing,
    metadata: { ...existing.metadata, labels },
    status: { ...prevStatus, ...owned, conditions: cond.conditions },
  };
  return { node, owned, events };
}

/** The kubelet-owned fields differ from what the API holds (someone else wrote them, or a re-registration). */
export function ownedStatusDiffers(status: Record<string, unknown> | undefined, owned: OwnedNodeStatus): boolean {
  if (!status) return true;
  for (const k of ['capacity', 'allocatable', 'addresses', 'daemonEndpoints', 'nodeInfo'] as const) {
    const a = status[k];
    const b = owned[k];
    // Reference first: unless someone rewrote it, the API holds the very object the kubelet wrote.
    if (a !== b && JSON.stringify(a) !== JSON.stringify(b)) return true;
  }
  return false;
}
