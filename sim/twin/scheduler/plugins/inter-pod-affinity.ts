// InterPodAffinity (required terms): the pod's affinity must find matching pods in the node's topology domain,
// its anti-affinity must find none there, and no bound pod's anti-affinity may reject it. Counts are kept per
// topology pair (key, value) across terms, exactly as upstream keys them.
// upstream: pkg/scheduler/framework/plugins/interpodaffinity/filtering.go
import type { SchedulerCache } from '../cache.ts';
import type { MatchCounter } from '../match-counter.ts';
import { termMatches, type AffinityTerm, type PodInfo } from '../pod-info.ts';
import { reject, type NodeView, type Rejection } from './types.ts';

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

export interface AffinityFilterState {
  affinityCounts: Map<string, number>;
  antiAffinityCounts: Map<string, number>;
  existingAntiAffinityCounts: Map<string, number>;
  affinityCounters: readonly MatchCounter[];
  antiAffinityCounters: readonly MatchCounter[];
  podMatchesAllOwnTerms: boolean;
}

const pair = (key: string, value: string): string => `${key}\u0000${value}`;

function termCounter(cache: SchedulerCache, term: AffinityTerm): MatchCounter {
  // Terminating pods count here (upstream walks every pod of NodeInfo), unlike topology spread.
  return cache.counters.get(`${term.signature}|all`, (p) => termMatches(term, p.namespace, p.labels, cache.namespaceLabels));
}

function countByPair(cache: SchedulerCache, terms: readonly AffinityTerm[], counters: readonly MatchCounter[]): Map<string, number> {
  const out = new Map<string, number>();
  terms.forEach((t, i) => {
    for (const [nodeName, n] of counters[i]!.perNode) {
      const value = cache.node(nodeName)?.labels[t.topologyKey];
      if (value === undefined) continue;
      const k = pair(t.topologyKey, value);
      out.set(k, (out.get(k) ?? 0) + n);
    }
  });
  return out;
}

export function preFilterInterPodAffinity(pod: PodInfo, cache: SchedulerCache): AffinityFilterState | undefined {
  if (pod.affinity.length === 0 && pod.antiAffinity.length === 0 && cache.withAntiAffinity.size === 0) return undefined;
  const existing = new Map<string, number>();
  for (const e of cache.withAntiAffinity) {
    const node = cache.node(e.nodeName);
    if (!node) continue;
    for (const t of e.antiAffinity) {
      const value = node.labels[t.topologyKey];
      if (value === undefined || !termMatches(t, pod.namespace, pod.labels, cache.namespaceLabels)) continue;
      const k = pair(t.topologyKey, value);
      existing.set(k, (existing.get(k) ?? 0) + 1);
    }
  }
  const affinityCounters = pod.affinity.map((t) => termCounter(cache, t));
  const antiAffinityCounters = pod.antiAffinity.map((t) => termCounter(cache, t));
  return {
    affinityCounts: countByPair(cache, pod.affinity, affinityCounters),
    antiAffinityCounts: countByPair(cache, pod.antiAffinity, antiAffinityCounters),
    existingAntiAffinityCounts: existing,
    affinityCounters,
    antiAffinityCounters,
    podMatchesAllOwnTerms: pod.affinity.every((t) => termMatches(t, pod.namespace, pod.labels, cache.namespaceLabels)),
  };
}

/** Counts at `key` on this node, less the pods a preemption dry run removed from it. */
function countAt(counts: Map<string, number>, key: string, removedMatching: number): number {
  return (counts.get(key) ?? 0) - removedMatching;
}

export function filterInterPodAffinity(pod: PodInfo, view: NodeView, s: AffinityFilterState | undefined, cache: SchedulerCache): Rejection | undefined {
  if (!s) return undefined;
  const labels = view.info.labels;
  const removed = view.removed;
  const removedMatching = (counter: MatchCounter | undefined): number => {
    if (!removed || !counter) return 0;
    let n = 0;
    for (const p of removed) if (counter.matches(p)) n++;
    return n;
  };
  if (pod.affinity.length) {
    let podsExist = true;
    for (let i = 0; i < pod.affinity.length; i++) {
      const t = pod.affinity[i]!;
      const value = labels[t.topologyKey];
      if (value === undefined) return reject('InterPodAffinity', 'UnschedulableAndUnresolvable', ERR_REASON_AFFINITY);
      if (countAt(s.affinityCounts, pair(t.topologyKey, value), removedMatching(s.affinityCounters[i])) <= 0) podsExist = false;
    }
    // upstream: the first pod of a group that has affinity to itself may go anywhere with the topology labels.
    if (!podsExist && !(s.affinityCounts.size === 0 && s.podMatchesAllOwnTerms)) {
      return reject('InterPodAffinity', 'UnschedulableAndUnresolvable', ERR_REASON_AFFINITY);
    }
  }
  for (let i = 0; i < pod.antiAffinity.length; i++) {
    const t = pod.antiAffinity[i]!;
    const value = labels[t.topologyKey];
    if (value === undefined) continue;
    if (countAt(s.antiAffinityCounts, pair(t.topologyKey, value), removedMatching(s.antiAffinityCounters[i])) > 0) {
      return reject('InterPodAffinity', 'Unschedulable', ERR_REASON_ANTI_AFFINITY);
    }
  }
  if (s.existingAntiAffinityCounts.size) {
    for (const key in labels) {
      const k = pair(key, labels[key]!);
      let n = s.existingAntiAffinityCounts.get(k) ?? 0;
      if (n > 0 && removed) {
        for (const e of removed) {
          for (const t of e.antiAffinity) {
            if (t.topologyKey === key && termMatches(t, pod.namespace, pod.labels, cache.namespaceLabels)) n--;
          }
        }
      }
      if (n > 0) return reject('InterPodAffinity', 'Unschedulable', ERR_REASON_EXISTING_ANTI_AFFINITY);
    }
  }
  return undefined;
}
