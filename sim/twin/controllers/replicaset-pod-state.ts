// Pod state as the workload controllers read it: active, ready, available, ready-since; and controller refs.
// Shared by the ReplicaSet, Deployment, StatefulSet and DaemonSet controllers (upstream keeps these in
// pkg/controller/controller_utils.go and pkg/api/v1/pod/util.go).
import { parseTimestamp } from '../../core/index.ts';
import type { KubeObject, OwnerReference } from '../store/index.ts';

export interface PodCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
}

export interface PodView {
  nodeName: string;
  phase: string;
  conditions: readonly PodCondition[];
  restarts: number;
}

interface PodShape {
  spec?: { nodeName?: string };
  status?: { phase?: string; conditions?: PodCondition[]; containerStatuses?: { restartCount?: number }[] };
}

export function podView(pod: KubeObject): PodView {
  const p = pod as PodShape;
  let restarts = 0;
  for (const c of p.status?.containerStatuses ?? []) restarts = Math.max(restarts, c.restartCount ?? 0);
  return { nodeName: p.spec?.nodeName ?? '', phase: p.status?.phase ?? '', conditions: p.status?.conditions ?? [], restarts };
}

/** upstream: controller.IsPodActive — not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = (pod as PodShape).status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata.deletionTimestamp === undefined;
}

export function isPodTerminating(pod: KubeObject): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

function readyCondition(pod: KubeObject): PodCondition | undefined {
  return (pod as PodShape).status?.conditions?.find((c) => c.type === 'Ready');
}

/** upstream: podutil.IsPodReady — the Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** Milliseconds since the epoch of the Ready condition's last transition; 0 when not ready or unknown. */
export function podReadySince(pod: KubeObject): number {
  const c = readyCondition(pod);
  if (c?.status !== 'True' || !c.lastTransitionTime) return 0;
  const t = parseTimestamp(c.lastTransitionTime);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * upstream: podutil.IsPodAvailable — ready, and ready for at least minReadySeconds
 * (`LastTransitionTime + minReadySeconds` strictly before now; a zero minReadySeconds needs only ready).
 */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podReadySince(pod);
  return since > 0 && since + minReadySeconds * 1000 < now;
}

/** The owner reference with controller=true, if any (upstream: metav1.GetControllerOf). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** upstream: metav1.NewControllerRef — controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

export function parseTime(ts: string | undefined): number {
  if (!ts) return 0;
  const t = parseTimestamp(ts);
  return Number.isNaN(t) ? 0 : t;
}
