// Whether a node has gone silent, and the conditions the node lifecycle controller then posts (pure).
// upstream: node_lifecycle_controller.go tryUpdateNodeHealth.
import type { KubeObject } from '../store/index.ts';
import { conditionsOf, type Condition } from './node-lifecycle-conditions.ts';

/** upstream: --node-startup-grace-period 60 s, for nodes that never posted a Ready condition. */
export const NODE_STARTUP_GRACE_MS = 60_000;

/** upstream: the conditions set to Unknown (NetworkUnavailable is left alone: the control plane manages it). */
export const SILENT_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/**
 * What the controller records for a node: `probeMs` is when it last saw the kubelet alive (a Lease renewal or a
 * new Ready heartbeat), on its own clock as upstream's probeTimestamp is.
 */
export interface NodeHealth {
  probeMs: number;
  readyTransitionMs: number;
  heartbeat?: string;
  renewTime?: string;
}

/**
 * The conditions to post when the node has been silent for longer than its grace period, or undefined when it
 * has not (or every condition is already Unknown). `now` is compared strictly after probe + grace, as upstream.
 */
export function silentNodeConditions(node: KubeObject, health: NodeHealth, gracePeriodMs: number, nowMs: number, nowText: string): Condition[] | undefined {
  const conditions = conditionsOf(node);
  const hasReady = conditions.some((c) => c.type === 'Ready');
  const grace = hasReady ? gracePeriodMs : NODE_STARTUP_GRACE_MS;
  if (!(nowMs > health.probeMs + grace)) return undefined;
  const created = node.metadata.creationTimestamp;
  let changed = false;
  const out = conditions.map((c) => {
    if (!(SILENT_CONDITIONS as readonly string[]).includes(c.type) || c.status === 'Unknown') return c;
    changed = true;
    return { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: nowText };
  });
  for (const type of SILENT_CONDITIONS) {
    if (out.some((c) => c.type === type)) continue;
    changed = true;
    out.push({
      type,
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
      ...(created ? { lastHeartbeatTime: created } : {}),
      lastTransitionTime: nowText,
    });
  }
  return changed ? out : undefined;
}
