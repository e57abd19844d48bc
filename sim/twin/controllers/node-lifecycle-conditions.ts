// Node and pod conditions as the node lifecycle controller reads and writes them.
// upstream: pkg/controller/util/node/controller_utils.go, pkg/api/v1/pod/util.go UpdatePodCondition.
import type { KubeObject } from '../store/index.ts';

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
}

export function conditionsOf(obj: KubeObject | undefined): Condition[] {
  return ((obj?.status as { conditions?: Condition[] } | undefined)?.conditions ?? []) as Condition[];
}

export function conditionOf(obj: KubeObject | undefined, type: string): Condition | undefined {
  return conditionsOf(obj).find((c) => c.type === type);
}

/** upstream: nodeutil.IsNodeReady — Ready=True. */
export function isNodeReady(node: KubeObject | undefined): boolean {
  return conditionOf(node, 'Ready')?.status === 'True';
}

/** upstream: podutil.IsPodReady — Ready=True. */
export function isPodReady(pod: KubeObject): boolean {
  return conditionOf(pod, 'Ready')?.status === 'True';
}

/**
 * upstream: UpdatePodCondition — replaces (or appends) the condition; lastTransitionTime moves only when the
 * status changes. Returns the new list, or undefined when nothing changed.
 */
export function withPodCondition(conditions: readonly Condition[], next: Condition, now: string): Condition[] | undefined {
  const i = conditions.findIndex((c) => c.type === next.type);
  if (i < 0) return [...conditions, { lastProbeTime: null, lastTransitionTime: now, ...next }];
  const old = conditions[i]!;
  const merged: Condition = {
    ...old,
    ...next,
    lastTransitionTime: old.status === next.status ? old.lastTransitionTime ?? now : now,
  };
  if (merged.status === old.status && merged.reason === old.reason && merged.message === old.message) return undefined;
  return conditions.map((c, j) => (j === i ? merged : c));
}
