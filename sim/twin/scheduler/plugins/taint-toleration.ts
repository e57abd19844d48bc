// TaintToleration: NoSchedule/NoExecute taints must be tolerated (filter); untolerated PreferNoSchedule taints
// lower a node's score. upstream: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go and
// k8s.io/api/core/v1 toleration.go ToleratesTaint
import type { Taint } from '../node-info.ts';
import type { PodInfo, Toleration } from '../pod-info.ts';
import { MAX_NODE_SCORE, reject, type NodeView, type Rejection } from './types.ts';

/** upstream: Toleration.ToleratesTaint — empty effect matches all effects, empty key with Exists matches all keys. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
    case '':
      return (t.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function tolerated(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate, in the node's order (upstream: FindMatchingUntoleratedTaint). */
export function untoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  for (const taint of taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerated(tolerations, taint)) return taint;
  }
  return undefined;
}

export function filterTaintToleration(pod: PodInfo, view: NodeView): Rejection | undefined {
  const taints = view.info.taints;
  if (taints.length === 0) return undefined;
  const taint = untoleratedTaint(taints, pod.tolerations);
  if (!taint) return undefined;
  // upstream: errReason := fmt.Sprintf("node(s) had untolerated taint {%s: %s}", taint.Key, taint.Value)
  return reject('TaintToleration', 'UnschedulableAndUnresolvable', `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
}

/** Raw score: how many PreferNoSchedule taints the pod does not tolerate (fewer is better). */
export function countIntolerablePreferNoSchedule(pod: PodInfo, view: NodeView): number {
  let n = 0;
  for (const taint of view.info.taints) {
    if (taint.effect !== 'PreferNoSchedule') continue;
    // upstream: only tolerations with an empty or PreferNoSchedule effect count here.
    const ok = pod.tolerations.some((t) => (!t.effect || t.effect === 'PreferNoSchedule') && toleratesTaint(t, taint));
    if (!ok) n++;
  }
  return n;
}

/**
 * upstream: framework/plugins/helper/normalize_score.go DefaultNormalizeScore — scales to [0, 100] by the
 * maximum, reversed when fewer is better; all zero → all 100 (reversed) or all 0.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean): number[] {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const v = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - v : v;
  });
}
