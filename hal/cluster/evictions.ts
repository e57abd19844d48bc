// Evicting pods through the Eviction API: a drain that waits out PodDisruptionBudgets (429) until a
// deadline, and a one-pass shed of low-priority pods. upstream: k8s.io/kubectl/pkg/drain (evictPods
// retries 429 every 5 s until its timeout; DaemonSet pods are skipped, they would come straight back).
import type { Clock } from '../../sim/core/index.ts';
import type { Cluster, PodInfo } from './cluster.ts';
import { ClusterError } from './errors.ts';

export interface DrainOptions {
  /** Between passes while a PDB says 429. kubectl waits 5 s; flight hardware wants less. */
  readonly retryIntervalMs: number;
  /** Give up (the drain fails, the queue moves on to the detach) after this long. */
  readonly timeoutMs: number;
  /** Checked between passes: true ends the drain early (its stage separated: nothing left to wait for). */
  readonly cancelled?: () => boolean;
}

export const DEFAULT_DRAIN: DrainOptions = { retryIntervalMs: 1000, timeoutMs: 120_000 };

export interface EvictionReport {
  readonly evicted: readonly string[];
  /** Still refused by a PDB when the drain gave up (or, for a shed, on its one pass). */
  readonly blocked: readonly string[];
}

function evictable(p: PodInfo): boolean {
  return !p.terminating && p.ownerKind !== 'DaemonSet' && p.phase !== 'Succeeded' && p.phase !== 'Failed';
}

const key = (p: PodInfo) => `${p.namespace}/${p.name}`;

/** One pass over `pods`: evicts each; 429s are collected, anything else retryable is thrown. */
async function pass(cluster: Cluster, pods: readonly PodInfo[], evicted: string[]): Promise<string[]> {
  const blocked: string[] = [];
  for (const p of pods) {
    try {
      if ((await cluster.evict(p.namespace, p.name)) === 'evicted') evicted.push(key(p));
    } catch (e) {
      if (e instanceof ClusterError && e.code === 429) blocked.push(key(p));
      else throw e;
    }
  }
  return blocked;
}

export async function drainNodes(cluster: Cluster, nodes: readonly string[], clock: Clock, options: DrainOptions): Promise<EvictionReport> {
  const deadline = clock.now() + options.timeoutMs;
  const evicted: string[] = [];
  for (;;) {
    const pods: PodInfo[] = [];
    for (const n of nodes) pods.push(...(await cluster.podsOnNode(n)).filter(evictable));
    const blocked = await pass(cluster, pods, evicted);
    if (blocked.length === 0 || options.cancelled?.() || clock.now() + options.retryIntervalMs > deadline) return { evicted, blocked };
    await clock.sleep(options.retryIntervalMs);
  }
}

/** Load shedding: evicts pods with priority strictly below `belowPriority`, once; PDBs are respected. */
export async function shedPods(cluster: Cluster, nodes: readonly string[], belowPriority: number): Promise<EvictionReport> {
  const pods: PodInfo[] = [];
  for (const n of nodes) pods.push(...(await cluster.podsOnNode(n)).filter((p) => evictable(p) && p.priority < belowPriority));
  const evicted: string[] = [];
  const blocked = await pass(cluster, pods, evicted);
  return { evicted, blocked };
}

/** What a dry run would evict. */
export async function evictionCandidates(cluster: Cluster, nodes: readonly string[], belowPriority?: number): Promise<string[]> {
  const out: string[] = [];
  for (const n of nodes) {
    for (const p of await cluster.podsOnNode(n)) {
      if (evictable(p) && (belowPriority === undefined || p.priority < belowPriority)) out.push(key(p));
    }
  }
  return out;
}
