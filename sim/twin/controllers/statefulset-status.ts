// A StatefulSet's status from its pods. upstream: stateful_set_control.go computeReplicaStatus and
// completeRollingUpdate (the current revision becomes the update revision once every pod is updated and ready).
import type { KubeObject } from '../store/index.ts';
import { isPodAvailable, isPodReady, isPodTerminating } from './replicaset-pod-state.ts';

export const REVISION_LABEL = 'controller-revision-hash';

export interface StatefulSetStatus {
  observedGeneration: number;
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

export function runningAndReady(pod: KubeObject): boolean {
  return (pod.status as { phase?: string } | undefined)?.phase === 'Running' && isPodReady(pod);
}

export function calculateStatefulSetStatus(
  generation: number,
  pods: readonly KubeObject[],
  currentRevision: string,
  updateRevision: string,
  rollingUpdate: boolean,
  minReadySeconds: number,
  now: number,
): StatefulSetStatus {
  const s: StatefulSetStatus = { observedGeneration: generation, replicas: 0, readyReplicas: 0, currentReplicas: 0, updatedReplicas: 0, availableReplicas: 0, currentRevision, updateRevision, collisionCount: 0 };
  for (const pod of pods) {
    // upstream: isCreated (a phase is set) — our pods get Pending on create.
    if ((pod.status as { phase?: string } | undefined)?.phase) s.replicas++;
    if (runningAndReady(pod)) {
      s.readyReplicas++;
      if (isPodAvailable(pod, minReadySeconds, now)) s.availableReplicas++;
    }
    if (isPodTerminating(pod)) continue;
    const rev = pod.metadata.labels?.[REVISION_LABEL];
    if (rev === currentRevision) s.currentReplicas++;
    if (rev === updateRevision) s.updatedReplicas++;
  }
  if (rollingUpdate && s.updatedReplicas === s.replicas && s.readyReplicas === s.replicas) {
    s.currentReplicas = s.updatedReplicas;
    s.currentRevision = updateRevision;
  }
  return s;
}
