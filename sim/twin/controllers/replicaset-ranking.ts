// Which pods a ReplicaSet deletes first when it scales down.
// upstream: pkg/controller/controller_utils.go ActivePodsWithRanks.Less, and
// pkg/controller/replicaset/replica_set.go getPodsToDelete / getPodsRankedByRelatedPodsOnSameNode.
import type { KubeObject } from '../store/index.ts';
import { isPodActive, isPodReady, parseTime, podReadySince, podView } from './replicaset-pod-state.ts';

/** upstream: controller.kubernetes.io/pod-deletion-cost (PodDeletionCost, beta and on since 1.22). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Ranked {
  pod: KubeObject;
  nodeName: string;
  phase: number;
  ready: boolean;
  cost: number;
  /** Active related pods on the same node ("doubled up"). */
  rank: number;
  readySince: number;
  restarts: number;
  created: number;
  uid: string;
}

function deletionCost(pod: KubeObject): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST];
  if (v === undefined) return 0;
  const n = Number(v);
  // upstream: an unparseable value (or outside int32) counts as 0.
  return Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 ? n : 0;
}

/** upstream: logarithmicRankDiff — compare ages on a log2 scale so near-equal ages tie. */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1_000_000; // upstream works in nanoseconds
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** upstream: afterOrZero — a zero time sorts first, then the later one. Returns <0 when a goes first. */
function newerFirst(a: number, b: number, ua: string, ub: string, now: number): number {
  if (a === 0 || b === 0) return a === 0 ? (b === 0 ? 0 : -1) : 1;
  const diff = logRank(a, now) - logRank(b, now);
  if (diff !== 0) return diff;
  // upstream: equal logarithmic ranks are ordered by UID, a pseudorandom but stable order.
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function compare(a: Ranked, b: Ranked, now: number): number {
  // 1. Unassigned < assigned
  if (a.nodeName !== b.nodeName && (a.nodeName === '' || b.nodeName === '')) return a.nodeName === '' ? -1 : 1;
  // 2. PodPending < PodUnknown < PodRunning
  if (a.phase !== b.phase) return a.phase - b.phase;
  // 3. Not ready < ready
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower pod-deletion-cost < higher
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. Doubled up < not doubled up: more colocated related pods first
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Been ready for less time < more time (logarithmic buckets)
  if (a.ready && b.ready && a.readySince !== b.readySince) {
    const c = newerFirst(a.readySince, b.readySince, a.uid, b.uid, now);
    if (c !== 0) return c;
  }
  // 7. More container restarts < fewer
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  // 8. Newer < older (logarithmic buckets)
  if (a.created !== b.created) return newerFirst(a.created, b.created, a.uid, b.uid, now);
  return 0;
}

/**
 * The `diff` pods to delete from `pods`, best victims first. `related` are the pods of the same owner
 * family (upstream: every ReplicaSet of the same Deployment) used to count doubled-up pods per node.
 */
export function podsToDelete(pods: readonly KubeObject[], diff: number, related: Iterable<KubeObject>, now: number): KubeObject[] {
  if (diff <= 0) return [];
  if (diff >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = podView(p).nodeName;
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const ranked: Ranked[] = pods.map((pod) => {
    const v = podView(pod);
    return {
      pod,
      nodeName: v.nodeName,
      phase: PHASE_ORDINAL[v.phase] ?? 0,
      ready: isPodReady(pod),
      cost: deletionCost(pod),
      rank: onNode.get(v.nodeName) ?? 0,
      readySince: podReadySince(pod),
      restarts: v.restarts,
      created: parseTime(pod.metadata.creationTimestamp),
      uid: pod.metadata.uid ?? '',
    };
  });
  ranked.sort((a, b) => compare(a, b, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}
