// PodTopologySpread: DoNotSchedule constraints filter nodes whose domain would exceed maxSkew over the least
// loaded eligible domain (minDomains counting missing domains as 0); ScheduleAnyway constraints score.
// upstream: pkg/scheduler/framework/plugins/podtopologyspread/filtering.go and scoring.go
import type { SchedulerCache } from '../cache.ts';
import type { MatchCounter } from '../match-counter.ts';
import type { NodeInfo } from '../node-info.ts';
import { matchesSelector, type PodInfo, type SpreadConstraint } from '../pod-info.ts';
import { podMatchesNodeSelectorAndAffinity } from './node-affinity.ts';
import { untoleratedTaint } from './taint-toleration.ts';
import { MAX_NODE_SCORE, reject, type NodeView, type Rejection } from './types.ts';

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)';
const HOSTNAME = 'kubernetes.io/hostname';

export interface SpreadFilterState {
  constraints: readonly SpreadConstraint[];
  counters: readonly MatchCounter[];
  domainCounts: readonly Map<string, number>[];
  minMatch: readonly number[];
  selfMatch: readonly number[];
}

/** Counts matching, non-terminating pods in the pod's namespace (upstream: countPodsMatchSelector). */
export function spreadCounter(cache: SchedulerCache, pod: PodInfo, c: SpreadConstraint): MatchCounter {
  const ns = pod.namespace;
  return cache.counters.get(c.signature, (p) => p.namespace === ns && !p.terminating && matchesSelector(c.selector, p.labels));
}

function hasAllKeys(node: NodeInfo, constraints: readonly SpreadConstraint[]): boolean {
  for (const c of constraints) if (node.labels[c.topologyKey] === undefined) return false;
  return true;
}

function eligible(pod: PodInfo, node: NodeInfo, c: SpreadConstraint): boolean {
  if (c.honorNodeAffinity && !podMatchesNodeSelectorAndAffinity(pod, node.labels, node.name)) return false;
  if (c.honorNodeTaints && untoleratedTaint(node.taints, pod.tolerations)) return false;
  return true;
}

/** PreFilter: matching pods per domain over eligible nodes, and the minimum per constraint. */
export function preFilterSpread(pod: PodInfo, cache: SchedulerCache): SpreadFilterState | undefined {
  const constraints = pod.spread.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');
  if (constraints.length === 0) return undefined;
  const counters = constraints.map((c) => spreadCounter(cache, pod, c));
  const domainCounts = constraints.map(() => new Map<string, number>());
  for (const node of cache.nodeList) {
    if (!hasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!eligible(pod, node, c)) return;
      const value = node.labels[c.topologyKey]!;
      const m = domainCounts[i]!;
      m.set(value, (m.get(value) ?? 0) + (counters[i]!.perNode.get(node.name) ?? 0));
    });
  }
  const minMatch = constraints.map((c, i) => {
    const m = domainCounts[i]!;
    // upstream: with fewer eligible domains than minDomains, the global minimum is treated as 0.
    if (m.size < c.minDomains) return 0;
    let min = Number.MAX_SAFE_INTEGER;
    for (const v of m.values()) if (v < min) min = v;
    return min;
  });
  const selfMatch = constraints.map((c) => (matchesSelector(c.selector, pod.labels) ? 1 : 0));
  return { constraints, counters, domainCounts, minMatch, selfMatch };
}

export function filterPodTopologySpread(view: NodeView, s: SpreadFilterState | undefined): Rejection | undefined {
  if (!s) return undefined;
  const { info } = view;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!;
    const value = info.labels[c.topologyKey];
    if (value === undefined) return reject('PodTopologySpread', 'UnschedulableAndUnresolvable', ERR_REASON_NODE_LABEL_NOT_MATCH);
    let matchNum = s.domainCounts[i]!.get(value) ?? 0;
    if (view.removed) for (const p of view.removed) if (s.counters[i]!.matches(p)) matchNum--;
    const skew = matchNum + s.selfMatch[i]! - s.minMatch[i]!;
    if (skew > c.maxSkew) return reject('PodTopologySpread', 'Unschedulable', ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return undefined;
}

/**
 * ScheduleAnyway scores over the feasible nodes: fewer matching pods in a node's domain is better, each
 * constraint weighted by log(domains + 2). Returns normalized scores (0 for nodes missing a topology key).
 */
export function scorePodTopologySpread(pod: PodInfo, cache: SchedulerCache, feasible: readonly NodeInfo[]): number[] | undefined {
  const constraints = pod.spread.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway');
  if (constraints.length === 0) return undefined;
  const counters = constraints.map((c) => spreadCounter(cache, pod, c));
  const ignored = feasible.map((n) => !hasAllKeys(n, constraints));
  const pairCounts = constraints.map(() => new Map<string, number>());
  const topoSize = constraints.map((c, i) => {
    if (c.topologyKey === HOSTNAME) return ignored.filter((x) => !x).length;
    feasible.forEach((n, j) => {
      if (!ignored[j]) pairCounts[i]!.set(n.labels[c.topologyKey]!, 0);
    });
    return pairCounts[i]!.size;
  });
  // upstream: domain counts come from all nodes the pod could land on, not only the sampled ones.
  for (const node of cache.nodeList) {
    if (!hasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME || !eligible(pod, node, c)) return;
      const m = pairCounts[i]!;
      const v = node.labels[c.topologyKey]!;
      const cur = m.get(v);
      if (cur !== undefined) m.set(v, cur + (counters[i]!.perNode.get(node.name) ?? 0));
    });
  }
  const weights = topoSize.map((n) => Math.log(n + 2));
  const raw = feasible.map((n, j) => {
    if (ignored[j]) return -1;
    let score = 0;
    constraints.forEach((c, i) => {
      const cnt = c.topologyKey === HOSTNAME ? (counters[i]!.perNode.get(n.name) ?? 0) : (pairCounts[i]!.get(n.labels[c.topologyKey]!) ?? 0);
      score += cnt * weights[i]! + (c.maxSkew - 1);
    });
    return Math.round(score);
  });
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (const s of raw) {
    if (s < 0) continue;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return raw.map((s) => {
    if (s < 0) return 0;
    if (max === 0) return MAX_NODE_SCORE;
    return Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max);
  });
}
