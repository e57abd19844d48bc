// DefaultPreemption, decided purely: who may preempt, which lower-priority pods on which node to remove (fewest
// PDB violations, then lowest highest-priority victim, lowest priority sum, fewest victims, latest start), and
// the message when preemption cannot help. The controller carries the decision out (deletes, nominates).
// upstream: pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go (SelectVictimsOnNode,
// PodEligibleToPreemptOthers, GetOffsetAndNumCandidates) and framework/preemption/preemption.go
// (Preempt, DryRunPreemption, pickOneNodeForPreemption, filterPodsWithPDBViolation)
import type { SeededRandom } from '../../core/index.ts';
import type { LabelSelector } from '../selectors/index.ts';
import { runFilters, type CycleState } from './filters.ts';
import { fitErrorMessage } from './fit-error.ts';
import type { NodeInfo } from './node-info.ts';
import { matchesSelector, type PodInfo } from './pod-info.ts';
import { sumRequests } from './plugins/node-resources-fit.ts';
import type { Rejection } from './plugins/types.ts';

export interface Pdb {
  namespace: string;
  /** An empty selector matches nothing here, as upstream's preemption treats it. */
  selector: LabelSelector;
  empty: boolean;
  disruptionsAllowed: number;
  disruptedPods: ReadonlySet<string>;
}

export interface Candidate {
  node: NodeInfo;
  /** Highest priority first. */
  victims: PodInfo[];
  numPDBViolations: number;
}

export type PreemptOutcome =
  /** Preempt `candidate.victims` and nominate the node. */
  | { kind: 'preempt'; candidate: Candidate }
  /** No help; `clearNomination` when upstream returns a result that clears nominatedNodeName. */
  | { kind: 'none'; postFilterMsg: string; clearNomination: boolean };

const NO_VICTIMS = 'No preemption victims found for incoming pod';
const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** upstream: DefaultPreemptionArgs minCandidateNodesPercentage 10, minCandidateNodesAbsolute 100. */
const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

/** upstream: util.MoreImportantPod — higher priority, then the earlier start. */
export function moreImportant(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.startMs - b.startMs;
}

/** A pod being deleted because the scheduler preempted it (upstream: podTerminatingByPreemption). */
export function terminatingByPreemption(p: PodInfo): boolean {
  if (!p.terminating) return false;
  const conds = ((p.obj.status ?? {}) as { conditions?: { type?: string; reason?: string; status?: string }[] }).conditions ?? [];
  return conds.some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler');
}

export function podEligibleToPreemptOthers(pod: PodInfo, nominated: NodeInfo | undefined, nominatedStatus: Rejection | undefined): { ok: boolean; msg: string } {
  if (pod.preemptNever) return { ok: false, msg: 'not eligible due to preemptionPolicy=Never.' };
  if (pod.nominatedNodeName && nominated && nominatedStatus?.code !== 'UnschedulableAndUnresolvable') {
    for (const p of nominated.pods) {
      if (p.priority < pod.priority && terminatingByPreemption(p)) {
        return { ok: false, msg: 'not eligible due to a terminating pod on the nominated node.' };
      }
    }
  }
  return { ok: true, msg: '' };
}

/** Splits pods (in order) into those whose eviction would break a PDB and the rest, spending budgets as it goes. */
export function filterPodsWithPDBViolation(pods: readonly PodInfo[], pdbs: readonly Pdb[]): { violating: PodInfo[]; nonViolating: PodInfo[] } {
  const allowed = pdbs.map((p) => p.disruptionsAllowed);
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const p of pods) {
    let violated = false;
    if (Object.keys(p.labels).length) {
      pdbs.forEach((pdb, i) => {
        if (pdb.namespace !== p.namespace || pdb.empty || !matchesSelector(pdb.selector, p.labels)) return;
        if (pdb.disruptedPods.has(p.name)) return;
        allowed[i]!--;
        if (allowed[i]! < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(p);
  }
  return { violating, nonViolating };
}

/** The minimal victim set on one node, or why the node cannot help. */
export function selectVictimsOnNode(state: CycleState, node: NodeInfo, pdbs: readonly Pdb[]): { victims: PodInfo[]; numPDBViolations: number } | Rejection {
  const pod = state.pod;
  const potential = [...node.pods].filter((p) => p.priority < pod.priority);
  if (potential.length === 0) return { plugin: 'DefaultPreemption', code: 'UnschedulableAndUnresolvable', reasons: [NO_VICTIMS] };
  const removed = new Set(potential);
  const fits = () => runFilters(state, { info: node, removed, freed: sumRequests(removed) });
  const all = fits();
  if (all) return all;
  potential.sort(moreImportant);
  const { violating, nonViolating } = filterPodsWithPDBViolation(potential, pdbs);
  const victims: PodInfo[] = [];
  let numPDBViolations = 0;
  const reprieve = (p: PodInfo): boolean => {
    removed.delete(p);
    if (!fits()) return true;
    removed.add(p);
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) numPDBViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length && nonViolating.length) victims.sort(moreImportant);
  return { victims, numPDBViolations };
}

/** upstream: pickOneNodeForPreemption's ordered criteria; the first node wins remaining ties. */
export function pickOneNodeForPreemption(candidates: readonly Candidate[]): Candidate | undefined {
  const OFFSET = 2 ** 31;
  const criteria: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -c.victims[0]!.priority,
    (c) => -c.victims.reduce((s, v) => s + v.priority + OFFSET, 0),
    (c) => -c.victims.length,
    // The latest earliest start among the highest-priority victims.
    (c) => Math.min(...c.victims.filter((v) => v.priority === c.victims[0]!.priority).map((v) => v.startMs)),
  ];
  let remaining = [...candidates];
  for (const score of criteria) {
    if (remaining.length <= 1) break;
    let best = -Infinity;
    let kept: Candidate[] = [];
    for (const c of remaining) {
      const s = score(c);
      if (s > best) {
        best = s;
        kept = [c];
      } else if (s === best) kept.push(c);
    }
    remaining = kept;
  }
  return remaining[0];
}

/**
 * PostFilter: with every node's filter status known, find preemption candidates among the nodes that were
 * merely Unschedulable (starting at a random offset, at most max(10%, 100) of them once a non-violating one
 * is found) and pick one.
 */
export function preempt(
  state: CycleState,
  nodes: readonly NodeInfo[],
  statuses: ReadonlyMap<string, Rejection>,
  pdbs: readonly Pdb[],
  random: SeededRandom,
): PreemptOutcome {
  const pod = state.pod;
  const nominated = pod.nominatedNodeName ? state.cache.node(pod.nominatedNodeName) : undefined;
  const eligible = podEligibleToPreemptOthers(pod, nominated, statuses.get(pod.nominatedNodeName));
  if (!eligible.ok) return { kind: 'none', postFilterMsg: `preemption: ${eligible.msg}`, clearNomination: false };
  const potential = nodes.filter((n) => statuses.get(n.name)?.code === 'Unschedulable');
  const dryRunStatuses: Rejection[] = [];
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  if (potential.length) {
    const offset = random.int(0, potential.length);
    const want = Math.min(potential.length, Math.max(Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100), MIN_CANDIDATE_NODES_ABSOLUTE));
    for (let i = 0; i < potential.length; i++) {
      const node = potential[(offset + i) % potential.length]!;
      const r = selectVictimsOnNode(state, node, pdbs);
      if ('victims' in r) {
        (r.numPDBViolations === 0 ? nonViolating : violating).push({ node, ...r });
        if (nonViolating.length > 0 && nonViolating.length + violating.length >= want) break;
      } else dryRunStatuses.push(r);
    }
  }
  const candidates = [...nonViolating, ...violating];
  if (candidates.length === 0) {
    // Nodes never dry-run (unresolvable ones) read "Preemption is not helpful for scheduling".
    const absent = nodes.length - dryRunStatuses.length;
    const all: Pick<Rejection, 'reasons'>[] = [...dryRunStatuses, ...Array.from({ length: absent }, () => ({ reasons: [NOT_HELPFUL] }))];
    return { kind: 'none', postFilterMsg: `preemption: ${fitErrorMessage(nodes.length, all)}`, clearNomination: true };
  }
  return { kind: 'preempt', candidate: pickOneNodeForPreemption(candidates)! };
}
