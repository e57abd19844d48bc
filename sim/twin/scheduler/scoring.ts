// Scores feasible nodes with upstream's default score plugins and weights, and picks the best; ties are broken
// by reservoir sampling on the scheduler's seeded stream, so a seed gives the same placements every run.
// upstream: pkg/scheduler/apis/config/v1/default_plugins.go (weights), schedule_one.go prioritizeNodes/selectHost
import type { SeededRandom } from '../../core/index.ts';
import type { SchedulerCache } from './cache.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { nodeAffinityScore } from './plugins/node-affinity.ts';
import type { FitColumns } from './fit-columns.ts';
import { balancedAllocation, balancedAllocationScore, leastAllocated, leastAllocatedScore } from './plugins/node-resources-fit.ts';
import { scorePodTopologySpread } from './plugins/pod-topology-spread.ts';
import { countIntolerablePreferNoSchedule, defaultNormalizeScore } from './plugins/taint-toleration.ts';

export const SCORE_WEIGHTS = {
  TaintToleration: 3,
  NodeAffinity: 2,
  PodTopologySpread: 2,
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
} as const;

/** Weighted total score per feasible node (same order as `feasible`). */
export function scoreNodes(pod: PodInfo, cache: SchedulerCache, feasible: readonly NodeInfo[]): number[] {
  const totals = new Float64Array(feasible.length);
  scoreFeasible(pod, cache, feasible, feasible.length, totals);
  return Array.from(totals);
}

/**
 * `scoreNodes` into the caller's buffers: scores `feasible[0..count)` into `totals[0..count)`. The scheduler keeps
 * both buffers across attempts, so the common pass (resources only, ~420 nodes of 1,000) allocates nothing.
 */
export function scoreFeasible(pod: PodInfo, cache: SchedulerCache, feasible: readonly NodeInfo[], count: number, totals: Float64Array): void {
  const view: { info: NodeInfo } = { info: feasible[0]! };
  let preferTaints = false;
  for (let i = 0; i < count; i++) {
    view.info = feasible[i]!;
    if (view.info.hasPreferNoSchedule) preferTaints = true;
    totals[i] = SCORE_WEIGHTS.NodeResourcesFit * leastAllocatedScore(pod, view) +
      SCORE_WEIGHTS.NodeResourcesBalancedAllocation * balancedAllocationScore(pod, view);
  }
  if (!preferTaints && onlyResourceScores(pod)) return;
  const nodes = feasible.length === count ? feasible : feasible.slice(0, count);
  // With no PreferNoSchedule taint on any feasible node every node scores 100 here: a constant that cannot
  // change the choice, so the pass is skipped.
  if (preferTaints) {
    addNormalized(totals, SCORE_WEIGHTS.TaintToleration, defaultNormalizeScore(nodes.map((info) => countIntolerablePreferNoSchedule(pod, { info })), true));
  }
  if (pod.preferredNodeTerms.length) {
    addNormalized(totals, SCORE_WEIGHTS.NodeAffinity, defaultNormalizeScore(nodes.map((info) => nodeAffinityScore(pod, { info })), false));
  }
  const spread = scorePodTopologySpread(pod, cache, nodes);
  if (spread) addNormalized(totals, SCORE_WEIGHTS.PodTopologySpread, spread);
}

/** No preferred node affinity and no spreading: for this pod nodes differ only in the resource scores (and taints). */
function onlyResourceScores(pod: PodInfo): boolean {
  return pod.preferredNodeTerms.length === 0 && pod.spread.length === 0;
}

/**
 * scoreFeasible for nodes given as positions in the cache's fit columns, when only the resource scores can
 * differ (no PreferNoSchedule taint among them, no preferred affinity, no spreading): the same plugins, weights
 * and arithmetic, read from typed arrays. False, with nothing written, when the pod or a node needs scoreFeasible.
 */
export function scoreFromColumns(pod: PodInfo, fit: FitColumns, slots: Int32Array, count: number, totals: Float64Array): boolean {
  if (!onlyResourceScores(pod)) return false;
  const prefer = fit.preferNoSchedule;
  for (let k = 0; k < count; k++) if (prefer[slots[k]!] === 1) return false;
  const { allocatableCpu, allocatableMemory, requestedCpu, requestedMemory, nonZeroCpu, nonZeroMemory } = fit;
  const podCpu = pod.requests.cpu;
  const podMemory = pod.requests.memory;
  const podNonZeroCpu = pod.nonZero.cpu;
  const podNonZeroMemory = pod.nonZero.memory;
  for (let k = 0; k < count; k++) {
    const s = slots[k]!;
    totals[k] = SCORE_WEIGHTS.NodeResourcesFit * leastAllocated(nonZeroCpu[s]! + podNonZeroCpu, allocatableCpu[s]!, nonZeroMemory[s]! + podNonZeroMemory, allocatableMemory[s]!) +
      SCORE_WEIGHTS.NodeResourcesBalancedAllocation * balancedAllocation(requestedCpu[s]! + podCpu, allocatableCpu[s]!, requestedMemory[s]! + podMemory, allocatableMemory[s]!);
  }
  return true;
}

function addNormalized(totals: Float64Array, weight: number, scores: readonly number[]): void {
  for (let i = 0; i < scores.length; i++) totals[i]! += weight * scores[i]!;
}

/** Highest score wins; among equal scores each has the same chance (upstream: selectHost reservoir sampling). */
export function selectHost(totals: ArrayLike<number>, random: SeededRandom, count = totals.length): number {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < count; i++) {
    if (totals[i]! > totals[best]!) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (random.int(0, ties) === 0) best = i;
    }
  }
  return best;
}
