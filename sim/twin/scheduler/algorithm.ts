// One scheduling attempt, decided purely from the cache: the nominated node first, then nodes walked round-robin
// until enough feasible ones are found (upstream's adaptive percentageOfNodesToScore), scored, one picked.
// upstream: pkg/scheduler/schedule_one.go schedulePod, findNodesThatFitPod, numFeasibleNodesToFind
import type { SeededRandom } from '../../core/index.ts';
import type { SchedulerCache } from './cache.ts';
import { preFilter, runFilters, type CycleState } from './filters.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { Rejection } from './plugins/types.ts';
import { scoreFeasible, scoreFromColumns, selectHost } from './scoring.ts';

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
  private slotsBuf = new Int32Array(0);

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
    if (this.slotsBuf.length < n) this.slotsBuf = new Int32Array(Math.max(n, 2 * this.slotsBuf.length));
    // Feasible nodes as walk positions (nodes[slot]): the common path never touches a NodeInfo until one is chosen.
    const slots = this.slotsBuf;
    let count = 0;
    let processed = 0;
    // One view object reused across the walk: filters read it and never keep it (no per-node allocation).
    const view: { info: NodeInfo } = { info: nodes[0]! };
    // A pod that only resources can turn away is accepted from the fit columns when a node plainly has room (the
    // same comparisons NodeResourcesFit makes, so never a node it would reject); any other node gets the full chain.
    const quick = state.resourcesOnly && state.noScalar && !this.cache.hasNominations;
    const fit = this.cache.fit;
    const plain = fit.plain;
    const roomPods = fit.pods;
    const roomCpu = fit.cpu;
    const roomMemory = fit.memory;
    const cpu = pod.requests.cpu;
    const memory = pod.requests.memory;
    // The node list may have shrunk since the last attempt: start inside it.
    const start = n > 0 ? this.nextStart % n : 0;
    for (let i = 0; i < n && count < want; i++) {
      let at = start + i;
      if (at >= n) at -= n;
      processed++;
      if (quick && plain[at] === 1 && roomPods[at]! >= 1 && cpu <= roomCpu[at]! && memory <= roomMemory[at]!) {
        slots[count++] = at;
        continue;
      }
      const info = nodes[at]!;
      view.info = info;
      const r = runFilters(state, view);
      if (r) (statuses ??= new Map()).set(info.name, r);
      else slots[count++] = at;
    }
    if (n > 0) this.nextStart = (start + processed) % n;
    if (count === 0) return { kind: 'unfit', state, statuses: statuses ?? new Map(), nodes };
    let chosen = nodes[slots[0]!]!;
    if (count > 1) {
      if (this.totalsBuf.length < count) this.totalsBuf = new Float64Array(Math.max(count, 2 * this.totalsBuf.length));
      const totals = this.totalsBuf;
      if (!scoreFromColumns(pod, this.cache.fit, slots, count, totals)) {
        const feasible = this.feasibleBuf;
        for (let k = 0; k < count; k++) feasible[k] = nodes[slots[k]!]!;
        scoreFeasible(pod, this.cache, feasible, count, totals);
        // The scratch list keeps no node alive past the attempt (a removed node's info would linger otherwise).
        feasible.fill(undefined as unknown as NodeInfo, 0, count);
      }
      chosen = nodes[slots[selectHost(totals, this.random, count)]!]!;
    }
    return { kind: 'fit', node: chosen, feasible: count, evaluated: processed };
  }
}
