// The taints the node lifecycle controller owns, computed from node conditions (pure).
// upstream: node_lifecycle_controller.go nodeConditionToTaintKeyStatusMap, doNoScheduleTaintingPass,
// NotReadyTaintTemplate/UnreachableTaintTemplate; controller_utils.go SwapNodeControllerTaint (stamps TimeAdded).
import type { KubeObject } from '../store/index.ts';
import { conditionsOf } from './node-lifecycle-conditions.ts';
import { TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE, taintsOf, type Taint } from './taint-eviction-tolerations.ts';

const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };
export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };

/** upstream: MatchTaint — same key and effect. */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function hasTaint(node: KubeObject, t: Taint): boolean {
  return taintsOf(node).some((x) => matchTaint(x, t));
}

/**
 * upstream: doNoScheduleTaintingPass — the NoSchedule taints the node's conditions (and spec.unschedulable) call
 * for, versus the condition/unschedulable NoSchedule taints it has: what to add and what to remove.
 */
export function noScheduleTaintDiff(node: KubeObject): { add: Taint[]; remove: Taint[] } {
  const want: Taint[] = [];
  for (const c of conditionsOf(node)) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) want.push({ key, effect: 'NoSchedule' });
  }
  if ((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  const have = taintsOf(node).filter((t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));
  return {
    add: want.filter((w) => !have.some((h) => matchTaint(h, w))),
    remove: have.filter((h) => !want.some((w) => matchTaint(h, w))),
  };
}

/**
 * upstream: SwapNodeControllerTaint — adds `add` (stamped with timeAdded = now) and removes `remove`.
 * Returns the new taint list, or undefined when it would not change.
 */
export function swapTaints(current: readonly Taint[], add: readonly Taint[], remove: readonly Taint[], now: string): Taint[] | undefined {
  let changed = false;
  const out = current.filter((t) => {
    const drop = remove.some((r) => matchTaint(r, t));
    if (drop) changed = true;
    return !drop;
  });
  for (const a of add) {
    if (out.some((t) => matchTaint(t, a))) continue;
    out.push({ ...a, timeAdded: now });
    changed = true;
  }
  return changed ? out : undefined;
}
