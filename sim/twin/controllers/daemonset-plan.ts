// What one DaemonSet sync does, node by node, and the status it reports — pure over per-node facts.
// upstream: pkg/controller/daemon/daemon_controller.go (podsShouldBeOnNode, manage, updateDaemonSetStatus)
// and update.go (rollingUpdate with maxUnavailable, surge 0).

export interface DaemonPodInfo {
  name: string;
  hash: string;
  created: number;
  terminating: boolean;
  failed: boolean;
  ready: boolean;
  available: boolean;
}

export interface NodeFacts {
  name: string;
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  pods: readonly DaemonPodInfo[];
}

export interface DaemonSetPlan {
  /** Nodes to create a daemon pod for. */
  create: string[];
  delete: { pod: string; node: string; why: 'failed' | 'excess' | 'not-eligible' | 'update' }[];
}

const byAge = (a: DaemonPodInfo, b: DaemonPodInfo) => a.created - b.created || (a.name < b.name ? -1 : 1);

/**
 * `maxUnavailable` is already scaled to the desired count (upstream rounds a percentage up, minimum effectively 1
 * when both it and surge are zero). `rollingUpdate` false means OnDelete.
 */
export function planDaemonSet(nodes: readonly NodeFacts[], hash: string, rollingUpdate: boolean, maxUnavailable: number): DaemonSetPlan {
  const plan: DaemonSetPlan = { create: [], delete: [] };
  const keep = new Map<string, DaemonPodInfo>();
  for (const n of nodes) {
    const live = n.pods.filter((p) => !p.terminating);
    const running: DaemonPodInfo[] = [];
    for (const p of live) {
      // upstream: a failed daemon pod is deleted so it can be replaced (FailedDaemonPod)
      if (p.failed) plan.delete.push({ pod: p.name, node: n.name, why: 'failed' });
      else running.push(p);
    }
    if (n.shouldRun) {
      if (running.length === 0) {
        if (live.length === 0 || live.every((p) => p.failed)) plan.create.push(n.name);
        continue;
      }
      // upstream: more than one — keep the oldest, delete the rest
      const [oldest, ...rest] = [...running].sort(byAge);
      keep.set(n.name, oldest!);
      for (const p of rest) plan.delete.push({ pod: p.name, node: n.name, why: 'excess' });
    } else if (!n.shouldContinueRunning) {
      for (const p of running) plan.delete.push({ pod: p.name, node: n.name, why: 'not-eligible' });
    }
  }
  if (!rollingUpdate) return plan;
  // RollingUpdate: old pods that are unavailable go at once; available ones while the budget allows.
  let unavailable = 0;
  const candidates: { node: string; pod: DaemonPodInfo }[] = [];
  for (const n of nodes) {
    if (!n.shouldRun) continue;
    const pod = keep.get(n.name);
    if (!pod) {
      unavailable++;
      continue;
    }
    if (pod.hash !== hash) {
      if (!pod.available) {
        unavailable++;
        plan.delete.push({ pod: pod.name, node: n.name, why: 'update' });
      } else candidates.push({ node: n.name, pod });
    } else if (!pod.available) unavailable++;
  }
  for (const c of candidates) {
    if (unavailable >= maxUnavailable) break;
    plan.delete.push({ pod: c.pod.name, node: c.node, why: 'update' });
    unavailable++;
  }
  return plan;
}

export interface DaemonSetStatus {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  numberAvailable: number;
  numberUnavailable: number;
  updatedNumberScheduled: number;
  observedGeneration: number;
}

/** upstream: updateDaemonSetStatus — the oldest live pod of each node stands for it. */
export function daemonSetStatus(nodes: readonly NodeFacts[], hash: string, generation: number): DaemonSetStatus {
  const s: DaemonSetStatus = { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, numberAvailable: 0, numberUnavailable: 0, updatedNumberScheduled: 0, observedGeneration: generation };
  for (const n of nodes) {
    const live = n.pods.filter((p) => !p.terminating && !p.failed).sort(byAge);
    if (!n.shouldRun) {
      if (live.length > 0) s.numberMisscheduled++;
      continue;
    }
    s.desiredNumberScheduled++;
    const pod = live[0];
    if (!pod) continue;
    s.currentNumberScheduled++;
    if (pod.ready) s.numberReady++;
    if (pod.available) s.numberAvailable++;
    if (pod.hash === hash) s.updatedNumberScheduled++;
  }
  s.numberUnavailable = s.desiredNumberScheduled - s.numberAvailable;
  return s;
}
