// The compact cluster-record summaries the runner's observer writes and the expectations read.
// One definition, so the observer and the judge cannot drift apart.
import type { ClusterRecord } from '../../../hal/signals/index.ts';

/** `data` of a `cluster` record about a pod. */
export interface PodSummary {
  /** The profile workload the pod belongs to (label kis.dev/workload). */
  workload?: string;
  phase?: string;
  ready?: boolean;
  node?: string;
  priorityClass?: string;
  /** Set by the observer when the pod went involuntarily: preempted, or its node died under it. */
  lost?: boolean;
}

/** `data` of a `cluster` record about a node. */
export interface NodeSummary {
  ready?: 'True' | 'False' | 'Unknown';
  role?: string;
  power?: 'on' | 'off';
  attached?: boolean;
  unschedulable?: boolean;
  taints?: string[];
}

export function podData(r: ClusterRecord): PodSummary {
  return (r.data ?? {}) as PodSummary;
}

export function nodeData(r: ClusterRecord): NodeSummary {
  return (r.data ?? {}) as NodeSummary;
}
