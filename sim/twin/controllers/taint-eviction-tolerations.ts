// Taints and tolerations as the taint eviction controller reads them: which NoExecute taints a pod tolerates,
// and for how long. Pure functions, shared by the node lifecycle and PodGC controllers.
// upstream: k8s.io/api/core/v1 toleration.go ToleratesTaint; pkg/apis/core/v1/helper GetMatchingTolerations;
// pkg/controller/tainteviction/taint_eviction.go getNoExecuteTaints, getMinTolerationTime.
import type { KubeObject } from '../store/index.ts';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** upstream: Toleration.ToleratesTaint — an empty effect or key matches all; "" operator means Equal. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/**
 * upstream: GetMatchingTolerations — whether every taint is tolerated, and for each taint the FIRST toleration
 * that tolerates it (those decide how long the pod may stay).
 */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { all: boolean; used: Toleration[] } {
  if (taints.length === 0) return { all: true, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/**
 * upstream: getMinTolerationTime — the shortest tolerationSeconds in ms; -1 when every used toleration is forever;
 * 0 for none used (or tolerationSeconds <= 0): evict now.
 */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

export type EvictionDecision = { kind: 'keep' } | { kind: 'evict-now' } | { kind: 'evict-after'; ms: number };

/**
 * What the taint eviction controller does with a pod on a node with these NoExecute taints.
 * upstream: taint_eviction.go processPodOnNode (callers only pass nodes that have NoExecute taints).
 */
export function evictionDecision(noExecuteTaints: readonly Taint[], tolerations: readonly Toleration[]): EvictionDecision {
  if (noExecuteTaints.length === 0) return { kind: 'keep' };
  const { all, used } = matchingTolerations(noExecuteTaints, tolerations);
  if (!all) return { kind: 'evict-now' };
  const ms = minTolerationMs(used);
  if (ms < 0) return { kind: 'keep' };
  return ms === 0 ? { kind: 'evict-now' } : { kind: 'evict-after', ms };
}

/** upstream: getNoExecuteTaints. */
export function noExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

export function taintsOf(node: KubeObject | undefined): Taint[] {
  return ((node?.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
}

export function tolerationsOf(pod: KubeObject): Toleration[] {
  return ((pod.spec as { tolerations?: Toleration[] } | undefined)?.tolerations ?? []) as Toleration[];
}

/** Same taints by key, value and effect (timeAdded ignored), in any order. */
export function sameTaints(a: readonly Taint[], b: readonly Taint[]): boolean {
  if (a.length !== b.length) return false;
  const id = (t: Taint) => `${t.key}\u0000${t.value ?? ''}\u0000${t.effect}`;
  const set = new Set(a.map(id));
  return b.every((t) => set.has(id(t)));
}
