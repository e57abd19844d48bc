// A ReplicaSet's status from its active pods. upstream: pkg/controller/replicaset/replica_set_utils.go calculateStatus
import type { KubeObject } from '../store/index.ts';
import { matchesLabels, labelSelectorFromSpec } from '../selectors/index.ts';
import { isPodAvailable, isPodReady } from './replicaset-pod-state.ts';

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

/**
 * `active` are the ReplicaSet's active pods (not terminating, not finished). A manage error sets the
 * ReplicaFailure condition (reason FailedCreate / FailedDelete); a clean sync removes it, as upstream.
 */
export function calculateReplicaSetStatus(
  rs: ReplicaSetShape,
  active: readonly KubeObject[],
  now: number,
  nowText: string,
  manageError?: { reason: 'FailedCreate' | 'FailedDelete'; message: string },
): ReplicaSetStatus {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  // upstream: fullyLabeledReplicas counts pods carrying every label of the template.
  const templateLabels = labelSelectorFromSpec({ matchLabels: rs.spec?.template?.metadata?.labels ?? {} });
  let fully = 0;
  let ready = 0;
  let available = 0;
  for (const pod of active) {
    if (matchesLabels(templateLabels, pod.metadata.labels)) fully++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
  }
  const status: ReplicaSetStatus = {
    replicas: active.length,
    fullyLabeledReplicas: fully,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 0,
  };
  const previous = (rs.status?.conditions ?? []).find((c) => c.type === 'ReplicaFailure');
  if (manageError) {
    const keep = previous && previous.reason === manageError.reason && previous.message === manageError.message;
    status.conditions = [keep ? previous : { type: 'ReplicaFailure', status: 'True', lastTransitionTime: nowText, ...manageError }];
  }
  return status;
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
