// What one StatefulSet sync does, as a pure function of its pods by ordinal.
// upstream: pkg/controller/statefulset/stateful_set_control.go (updateStatefulSet / processReplica /
// processCondemned / the RollingUpdate loop) — OrderedReady blocks on the first pod that is not Running and Ready.

export interface StsPodState {
  name: string;
  revision: string;
  terminating: boolean;
  /** Succeeded or Failed: upstream deletes and recreates it. */
  finished: boolean;
  /** Running, Ready and available for minReadySeconds (upstream: isRunningAndAvailable / isHealthy). */
  healthy: boolean;
}

export interface StsPlanInput {
  replicas: number;
  parallel: boolean;
  /** updateStrategy RollingUpdate (false = OnDelete). */
  rollingUpdate: boolean;
  partition: number;
  currentRevision: string;
  updateRevision: string;
  /** Pods owned by the StatefulSet, by ordinal. */
  pods: ReadonlyMap<number, StsPodState>;
}

export type StsAction =
  | { kind: 'create'; ordinal: number; revision: string }
  | { kind: 'delete'; name: string; ordinal: number; why: 'finished' | 'condemned' | 'update' };

/** The actions to take now, in order. OrderedReady stops at the first one that must be waited for. */
export function planStatefulSet(input: StsPlanInput): StsAction[] {
  const { replicas, parallel, pods } = input;
  const actions: StsAction[] = [];
  const revisionFor = (ordinal: number) => (input.rollingUpdate && ordinal < input.partition ? input.currentRevision : input.updateRevision);
  let allHealthy = true;
  for (let i = 0; i < replicas; i++) {
    const pod = pods.get(i);
    if (pod?.finished && !pod.terminating) {
      // upstream: a failed or succeeded pod is deleted so it can be recreated (RecreatingFailedPod)
      actions.push({ kind: 'delete', name: pod.name, ordinal: i, why: 'finished' });
      allHealthy = false;
      if (!parallel) return actions;
      continue;
    }
    if (!pod) {
      actions.push({ kind: 'create', ordinal: i, revision: revisionFor(i) });
      allHealthy = false;
      if (!parallel) return actions;
      continue;
    }
    if (pod.terminating || !pod.healthy) {
      allHealthy = false;
      if (!parallel) return actions;
    }
  }
  // Condemned pods (ordinal >= replicas) go from the highest ordinal down.
  const condemned = [...pods.entries()].filter(([o]) => o >= replicas).sort((a, b) => b[0] - a[0]);
  const firstUnhealthy = Math.min(...condemned.filter(([, p]) => !p.healthy).map(([o]) => o));
  for (const [ordinal, pod] of condemned) {
    if (pod.terminating) {
      if (!parallel) return actions;
      continue;
    }
    // upstream: in OrderedReady an unhealthy condemned pod blocks unless it is the first unhealthy one.
    if (!parallel && !pod.healthy && ordinal !== firstUnhealthy) return actions;
    actions.push({ kind: 'delete', name: pod.name, ordinal, why: 'condemned' });
    if (!parallel) return actions;
  }
  if (!input.rollingUpdate || (!parallel && !allHealthy)) return actions;
  // RollingUpdate: from the highest ordinal down to the partition, one pod at a time.
  for (let target = replicas - 1; target >= input.partition; target--) {
    const pod = pods.get(target);
    if (!pod) return actions;
    if (pod.revision !== input.updateRevision && !pod.terminating) {
      actions.push({ kind: 'delete', name: pod.name, ordinal: target, why: 'update' });
      return actions;
    }
    if (!pod.healthy || pod.terminating) return actions;
  }
  return actions;
}

/** `<set>-<ordinal>` → ordinal, or undefined for a name that is not a member's (upstream: getParentNameAndOrdinal). */
export function ordinalOf(setName: string, podName: string): number | undefined {
  if (!podName.startsWith(`${setName}-`)) return undefined;
  const rest = podName.slice(setName.length + 1);
  if (!/^(0|[1-9]\d*)$/.test(rest)) return undefined;
  return Number(rest);
}
