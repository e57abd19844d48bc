// One scheduling attempt, decided purely from the cache: the nominated node first, then nodes walked round-robin
// until enough feasible ones are found (upstream's adaptive percentageOfNodesToScore), scored, one picked.
// upstream: pkg/scheduler/schedule_one.go schedulePod, findNodesThatFitPod, numFeasibleNodesToFind
import type { SeededRandom } from '../../core/index.ts';
import type { SchedulerCache } from './cache.ts';
import { preFilter, runFilters, type CycleState } from './filters.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { Rejection } from './plugins/types.ts';
import { scoreFeasible, selectHost } from './scoring.ts';

/** upstream: minFeasibleNodesToFind 100, minFeasibleNodesPercentageToFind 5. */
const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

export type ScheduleOutcome =
  | { kind: 'fit'; node: NodeInfo; feasible: number; evaluated: number }
  | { kind: 'unfit'; state: CycleState; statuses: Map<string, Rejection>; nodes: readonly NodeInfo[] };

/** percentage 0 = adaptive: 50% − nodes/125, at least 5%, at least 100 nodes. */
export function numFeasibleNodesToFind(numAllNodes: number, percentage = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES) return numAllNodes;
  let pct = percentage;
  if (pct === 0) pct = Math.max(MIN_FEASIBLE_PERCENTAGE, 50 - Math.trunc(numAllNodes / 125));
  const n = Math.trunc((numAllNodes * pct) / 100);
  return Math.max(n, MIN_FEASIBLE_NODES);
}

export class SchedulingAlgorithm {
  /** upstream: nextStartNodeIndex — where the next attempt starts walking the node list. */
  private nextStart = 0;
  /** Scratch kept across attempts (a pod's walk allocated ~14 KB of arrays before: a third of all scheduler garbage). */
  private feasibleBuf: NodeInfo[] = [];
  private totalsBuf = new Float64Array(0);

  constructor(
    private readonly cache: SchedulerCache,
    private readonly random: SeededRandom,
    private readonly percentageOfNodesToScore = 0,
  ) {}

  schedule(pod: PodInfo): ScheduleOutcome {
    const state = preFilter(pod, this.cache);
    const nodes = this.cache.nodeList;
    // Filled only when a node is rejected: in the common case every walked node fits.
    let statuses: Map<string, Rejection> | undefined;
    // upstream: evaluateNominatedNode — a pod that preempted tries its nominated node first.
    const nominated = pod.nominatedNodeName ? this.cache.node(pod.nominatedNodeName) : undefined;
    if (nominated && !runFilters(state, { info: nominated })) return { kind: 'fit', node: nominated, feasible: 1, evaluated: 1 };
    const n = nodes.length;
    const want = numFeasibleNodesToFind(n, this.percentageOfNodesToScore);
    const feasible = this.feasibleBuf;
    let count = 0;
    let processed = 0;
    // One view object reused across the walk: filters read it and never keep it (no per-node allocation).
    const view: { info: NodeInfo } = { info: nodes[0]! };
    for (let i = 0; i < n && count < want; i++) {
      const info = nodes[(this.nextStart + i) % n]!;
      processed++;
      view.info = info;
      const r = runFilters(state, view);
      if (r) (statuses ??= new Map()).set(info.name, r);
      else feasible[count++] = info;
    }
    if (n > 0) this.nextStart = (this.nextStart + processed) % n;
    if (count === 0) return { kind: 'unfit', state, statuses: statuses ?? new Map(), nodes };
    let chosen = feasible[0]!;
    if (count > 1) {
      if (this.totalsBuf.length < count) this.totalsBuf = new Float64Array(Math.max(count, 2 * this.totalsBuf.length));
      scoreFeasible(pod, this.cache, feasible, count, this.totalsBuf);
      chosen = feasible[selectHost(this.totalsBuf, this.random, count)]!;
    }
    // The scratch list keeps no node alive past the attempt (a removed node's info would linger otherwise).
    feasible.fill(undefined as unknown as NodeInfo, 0, count);
    return { kind: 'fit', node: chosen, feasible: count, evaluated: processed };
  }
}
