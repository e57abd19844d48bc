// A Deployment's status and its Available / Progressing conditions.
// upstream: pkg/controller/deployment/sync.go calculateStatus, progress.go syncRolloutStatus,
// util/deployment_util.go (DeploymentComplete, DeploymentProgressing, DeploymentTimedOut, SetDeploymentCondition).
import type { KubeObject } from '../store/index.ts';
import type { DeploymentView } from './deployment-util.ts';

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface DeploymentStatus {
  observedGeneration: number;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  unavailableReplicas: number;
  conditions: DeploymentCondition[];
  collisionCount?: number;
}

interface RsStatus {
  spec?: { replicas?: number };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number };
}

export const REASON = {
  newRsAvailable: 'NewReplicaSetAvailable',
  rsUpdated: 'ReplicaSetUpdated',
  newRsCreated: 'NewReplicaSetCreated',
  foundNewRs: 'FoundNewReplicaSet',
  timedOut: 'ProgressDeadlineExceeded',
  minAvailable: 'MinimumReplicasAvailable',
  minUnavailable: 'MinimumReplicasUnavailable',
} as const;

export function getCondition(conditions: readonly DeploymentCondition[] | undefined, type: string): DeploymentCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** upstream: SetDeploymentCondition — same status and reason: keep; same status: keep lastTransitionTime. */
export function setCondition(conditions: DeploymentCondition[], c: DeploymentCondition): DeploymentCondition[] {
  const current = getCondition(conditions, c.type);
  if (current && current.status === c.status && current.reason === c.reason) return conditions;
  const next = current && current.status === c.status ? { ...c, lastTransitionTime: current.lastTransitionTime } : c;
  return [...conditions.filter((x) => x.type !== c.type), next];
}

export function condition(type: string, status: string, reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** upstream: calculateStatus (with the Available condition). */
export function calculateStatus(d: KubeObject, view: DeploymentView, all: readonly KubeObject[], newRs: KubeObject | undefined, now: string): DeploymentStatus {
  const rs = all as readonly RsStatus[];
  const sum = (f: (r: RsStatus) => number) => rs.reduce((n, r) => n + f(r), 0);
  const available = sum((r) => r.status?.availableReplicas ?? 0);
  const total = sum((r) => r.spec?.replicas ?? 0);
  const prev = (d.status ?? {}) as Partial<DeploymentStatus>;
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: sum((r) => r.status?.replicas ?? 0),
    updatedReplicas: (newRs as RsStatus | undefined)?.status?.replicas ?? 0,
    readyReplicas: sum((r) => r.status?.readyReplicas ?? 0),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    conditions: [...(prev.conditions ?? [])],
    ...(prev.collisionCount !== undefined ? { collisionCount: prev.collisionCount } : {}),
  };
  status.conditions =
    available >= view.replicas - view.maxUnavailable
      ? setCondition(status.conditions, condition('Available', 'True', REASON.minAvailable, 'Deployment has minimum availability.', now))
      : setCondition(status.conditions, condition('Available', 'False', REASON.minUnavailable, 'Deployment does not have minimum availability.', now));
  return status;
}

/** upstream: DeploymentComplete. */
export function deploymentComplete(replicas: number, generation: number, s: DeploymentStatus): boolean {
  return s.updatedReplicas === replicas && s.replicas === replicas && s.availableReplicas === replicas && s.observedGeneration >= generation;
}

/**
 * upstream: syncRolloutStatus — the Progressing condition: complete → NewReplicaSetAvailable; progress since the
 * last status → ReplicaSetUpdated; no progress for progressDeadlineSeconds → ProgressDeadlineExceeded.
 */
export function withProgress(d: KubeObject, replicas: number, s: DeploymentStatus, newRsName: string | undefined, nowMs: number, now: string): DeploymentStatus {
  const deadline = (d.spec as { progressDeadlineSeconds?: number } | undefined)?.progressDeadlineSeconds;
  const prev = (d.status ?? {}) as Partial<DeploymentStatus>;
  const current = getCondition(prev.conditions, 'Progressing');
  if (deadline === undefined || deadline === null) return { ...s, conditions: s.conditions.filter((c) => c.type !== 'Progressing') };
  const complete = s.replicas === s.updatedReplicas && current?.reason === REASON.newRsAvailable;
  if (complete || newRsName === undefined) return s;
  if (deploymentComplete(replicas, d.metadata.generation ?? 0, s)) {
    return { ...s, conditions: setCondition(s.conditions, condition('Progressing', 'True', REASON.newRsAvailable, `ReplicaSet "${newRsName}" has successfully progressed.`, now)) };
  }
  const oldNow = s.replicas - s.updatedReplicas;
  const oldBefore = (prev.replicas ?? 0) - (prev.updatedReplicas ?? 0);
  const progressing =
    s.updatedReplicas > (prev.updatedReplicas ?? 0) || oldNow < oldBefore || s.readyReplicas > (prev.readyReplicas ?? 0) || s.availableReplicas > (prev.availableReplicas ?? 0);
  if (progressing) {
    // upstream: a True Progressing condition is replaced with a fresh lastUpdateTime, keeping lastTransitionTime.
    const c = condition('Progressing', 'True', REASON.rsUpdated, `ReplicaSet "${newRsName}" is progressing.`, now);
    if (current?.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
    return { ...s, conditions: [...s.conditions.filter((x) => x.type !== 'Progressing'), c] };
  }
  const cur = getCondition(s.conditions, 'Progressing');
  if (cur && cur.reason !== REASON.timedOut && Date.parse(cur.lastUpdateTime) + deadline * 1000 < nowMs) {
    return { ...s, conditions: setCondition(s.conditions, condition('Progressing', 'False', REASON.timedOut, `ReplicaSet "${newRsName}" has timed out progressing.`, now)) };
  }
  return s;
}
