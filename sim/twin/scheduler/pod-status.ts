// The pod status writes the scheduler makes, built purely: the PodScheduled=False condition with the failure
// message, status.nominatedNodeName, and the DisruptionTarget condition on a preemption victim. Returns
// undefined when nothing would change, so no write (and no watch event) happens.
// upstream: pkg/scheduler/schedule_one.go handleSchedulingFailure/updatePod; pkg/api/v1/pod UpdatePodCondition
import { rfc3339Seconds } from '../../core/index.ts';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
}

export interface PodStatusLike {
  conditions?: Condition[];
  nominatedNodeName?: string;
  [k: string]: unknown;
}

/** upstream: UpdatePodCondition keeps lastTransitionTime when the status does not flip. */
export function withCondition(status: PodStatusLike, cond: Omit<Condition, 'lastTransitionTime' | 'lastProbeTime'>, nowMs: number): PodStatusLike | undefined {
  const conditions = status.conditions ?? [];
  const i = conditions.findIndex((c) => c.type === cond.type);
  const old = i >= 0 ? conditions[i] : undefined;
  if (old && old.status === cond.status && old.reason === cond.reason && old.message === cond.message) return undefined;
  const next: Condition = {
    type: cond.type,
    status: cond.status,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === cond.status ? old.lastTransitionTime! : rfc3339Seconds(nowMs),
    ...(cond.reason ? { reason: cond.reason } : {}),
    ...(cond.message ? { message: cond.message } : {}),
  };
  const list = [...conditions];
  if (i >= 0) list[i] = next;
  else list.push(next);
  return { ...status, conditions: list };
}

/**
 * A failed attempt: PodScheduled=False/Unschedulable with the message, and nominatedNodeName set
 * (a node), cleared ('') or left alone (undefined).
 */
export function unschedulableStatus(status: PodStatusLike, message: string, nominate: string | undefined, nowMs: number): PodStatusLike | undefined {
  let next = withCondition(status, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }, nowMs);
  const cur = status.nominatedNodeName ?? '';
  if (nominate !== undefined && nominate !== cur) {
    next = { ...(next ?? status) };
    if (nominate) next.nominatedNodeName = nominate;
    else delete next.nominatedNodeName;
  }
  return next;
}

/** upstream: preemption.go PreemptPod — DisruptionTarget=True/PreemptionByScheduler before the delete. */
export function preemptedStatus(status: PodStatusLike, schedulerName: string, nowMs: number): PodStatusLike | undefined {
  return withCondition(status, {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'PreemptionByScheduler',
    message: `${schedulerName}: preempting to accommodate a higher priority pod`,
  }, nowMs);
}

export function clearedNomination(status: PodStatusLike): PodStatusLike | undefined {
  if (!status.nominatedNodeName) return undefined;
  const next = { ...status };
  delete next.nominatedNodeName;
  return next;
}
