// The filter chain in upstream's default plugin order; the first plugin that rejects a node decides its status.
// upstream: pkg/scheduler/apis/config/v1/default_plugins.go; framework/runtime/framework.go RunFilterPlugins
import type { SchedulerCache } from './cache.ts';
import type { PodInfo } from './pod-info.ts';
import { filterInterPodAffinity, preFilterInterPodAffinity, type AffinityFilterState } from './plugins/inter-pod-affinity.ts';
import { filterNodeAffinity } from './plugins/node-affinity.ts';
import { filterNodeResourcesFit, sumRequests } from './plugins/node-resources-fit.ts';
import { filterNodeUnschedulable } from './plugins/node-unschedulable.ts';
import { filterPodTopologySpread, preFilterSpread, type SpreadFilterState } from './plugins/pod-topology-spread.ts';
import { filterTaintToleration } from './plugins/taint-toleration.ts';
import type { Freed, NodeView, Rejection } from './plugins/types.ts';

/** What PreFilter computed once for this scheduling attempt. upstream: framework.CycleState */
export interface CycleState {
  pod: PodInfo;
  cache: SchedulerCache;
  spread: SpreadFilterState | undefined;
  affinity: AffinityFilterState | undefined;
  /** Only resources can reject this pod on an untainted, schedulable node (the common case, kept fast). */
  resourcesOnly: boolean;
  /** The pod asks for no extended resources (the walk's quick fit check covers only cpu, memory and pod count). */
  noScalar: boolean;
}

export function preFilter(pod: PodInfo, cache: SchedulerCache): CycleState {
  const spread = preFilterSpread(pod, cache);
  const affinity = preFilterInterPodAffinity(pod, cache);
  const resourcesOnly = !spread && !affinity && !pod.nodeSelector && pod.requiredNodeTerms === undefined;
  let noScalar = true;
  for (const _ in pod.requests.scalar) noScalar = false;
  return { pod, cache, spread, affinity, resourcesOnly, noScalar };
}

/** Requests of other pods nominated to the node with at least the pod's priority: room preemption promised them. */
function nominatedExtra(state: CycleState, nodeName: string): Freed | undefined {
  if (!state.cache.hasNominations) return undefined;
  let pods: PodInfo[] | undefined;
  for (const p of state.cache.nominatedPods(nodeName)) {
    if (p.key === state.pod.key || p.priority < state.pod.priority) continue;
    (pods ??= []).push(p);
  }
  return pods ? sumRequests(pods) : undefined;
}

export function runFilters(state: CycleState, view: NodeView): Rejection | undefined {
  const pod = state.pod;
  const info = view.info;
  // Same result as the full chain: the other plugins pass trivially on such a node.
  if (state.resourcesOnly && !info.unschedulable && info.taints.length === 0 && !state.cache.hasNominations) {
    return filterNodeResourcesFit(pod, view);
  }
  return (
    filterNodeUnschedulable(pod, view) ??
    filterTaintToleration(pod, view) ??
    filterNodeAffinity(pod, view) ??
    filterNodeResourcesFit(pod, view, nominatedExtra(state, view.info.name)) ??
    filterPodTopologySpread(view, state.spread) ??
    filterInterPodAffinity(pod, view, state.affinity, state.cache)
  );
}
