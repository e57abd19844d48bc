// The compact cluster-record summaries the runner's observer writes and the expectations read.
// One definition, so the observer and the judge cannot drift apart.
import type { ClusterRecord, NodeRecordData, PodRecordData } from '../../../hal/signals/index.ts';

/**
 * `data` of a `cluster` record about a pod: the journal contract's type (workload from label kis.dev/workload;
 * `lost` set by the observer when the pod went involuntarily: preempted, or its node died under it).
 */
export type PodSummary = PodRecordData;

/** `data` of a `cluster` record about a node: the journal contract's type. */
export type NodeSummary = NodeRecordData;

export function podData(r: ClusterRecord): PodSummary {
  return (r.data ?? {}) as PodSummary;
}

export function nodeData(r: ClusterRecord): NodeSummary {
  return (r.data ?? {}) as NodeSummary;
}
