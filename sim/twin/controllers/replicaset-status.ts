// A ReplicaSet's status from its active pods. upstream: pkg/controller/replicaset/replica_set_utils.go calculateStatus
import type { KubeObject } from '../store/index.ts';
import { labelSelectorFromSpec, type LabelSelector } from '../selectors/index.ts';

export interface ReplicaSetCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  observedGeneration: number;
  conditions?: ReplicaSetCondition[];
}

export interface ReplicaSetShape extends KubeObject {
  spec?: { replicas?: number; minReadySeconds?: number; selector?: unknown; template?: { metadata?: { labels?: Record<string, string> } } };
  status?: Partial<ReplicaSetStatus>;
}

/** How many of a ReplicaSet's pods are active, carry every template label, are ready, and are available. */
export interface ReplicaSetPodCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/**
 * The status from the counts over the ReplicaSet's active pods (not terminating, not finished). A manage error sets
 * the ReplicaFailure condition (reason FailedCreate / FailedDelete); a clean sync removes it, as upstream.
 */
export function calculateReplicaSetStatus(
  rs: ReplicaSetShape,
  counts: ReplicaSetPodCounts,
  nowText: string,
  manageError?: { reason: 'FailedCreate' | 'FailedDelete'; message: string },
): ReplicaSetStatus {
  const status: ReplicaSetStatus = {
    replicas: counts.replicas,
    fullyLabeledReplicas: counts.fullyLabeled,
    readyReplicas: counts.ready,
    availableReplicas: counts.available,
    observedGeneration: rs.metadata.generation ?? 0,
  };
  const previous = (rs.status?.conditions ?? []).find((c) => c.type === 'ReplicaFailure');
  if (manageError) {
    const keep = previous && previous.reason === manageError.reason && previous.message === manageError.message;
    status.conditions = [keep ? previous : { type: 'ReplicaFailure', status: 'True', lastTransitionTime: nowText, ...manageError }];
  }
  return status;
}

/** upstream: fullyLabeledReplicas counts pods carrying every label of the template — this selector matches them. */
export function templateLabelSelector(rs: ReplicaSetShape): LabelSelector {
  return labelSelectorFromSpec({ matchLabels: rs.spec?.template?.metadata?.labels ?? {} });
}

export function sameStatus(a: Partial<ReplicaSetStatus> | undefined, b: ReplicaSetStatus): boolean {
  if (!a) return false;
  return (
    a.replicas === b.replicas &&
    a.fullyLabeledReplicas === b.fullyLabeledReplicas &&
    a.readyReplicas === b.readyReplicas &&
    a.availableReplicas === b.availableReplicas &&
    a.observedGeneration === b.observedGeneration &&
    JSON.stringify(a.conditions ?? []) === JSON.stringify(b.conditions ?? [])
  );
}
