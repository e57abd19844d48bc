// One node as the scheduler sees it: the parsed Node plus running totals of what the pods bound to it request,
// kept up to date incrementally from watch events (never recomputed by scanning pods).
// upstream: pkg/scheduler/framework/types.go NodeInfo (Requested, NonZeroRequested, Allocatable, Pods)
import type { KubeObject } from '../store/index.ts';
import type { PodInfo } from './pod-info.ts';
import { nodeAllocatable, type Allocatable, type Resources } from './resources.ts';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export class NodeInfo {
  node: KubeObject | undefined;
  labels: Readonly<Record<string, string>> = {};
  taints: readonly Taint[] = [];
  unschedulable = false;
  /** Whether any taint is PreferNoSchedule (scoring skips the taint pass when no feasible node has one). */
  hasPreferNoSchedule = false;
  allocatable: Allocatable = { cpu: 0, memory: 0, scalar: {}, pods: 0 };
  /** Sum of the bound pods' requests (what NodeResourcesFit filters on). */
  readonly requested: Resources = { cpu: 0, memory: 0, scalar: {} };
  /** Same with upstream's non-zero defaults (what the scoring plugins use). */
  readonly nonZero = { cpu: 0, memory: 0 };
  readonly pods = new Set<PodInfo>();
  /** Position in the cache's node list (and its fit columns), or -1 while the node has no Node object. */
  slot = -1;

  constructor(readonly name: string) {}

  setNode(node: KubeObject): void {
    const spec = (node.spec ?? {}) as { taints?: Taint[]; unschedulable?: boolean };
    this.node = node;
    this.labels = node.metadata.labels ?? {};
    this.taints = spec.taints ?? [];
    this.hasPreferNoSchedule = this.taints.some((t) => t.effect === 'PreferNoSchedule');
    this.unschedulable = spec.unschedulable === true;
    this.allocatable = nodeAllocatable(node.status as Parameters<typeof nodeAllocatable>[0]);
  }

  addPod(p: PodInfo): void {
    if (this.pods.has(p)) return;
    this.pods.add(p);
    this.apply(p, 1);
  }

  removePod(p: PodInfo): void {
    if (!this.pods.delete(p)) return;
    this.apply(p, -1);
  }

  private apply(p: PodInfo, sign: 1 | -1): void {
    this.requested.cpu += sign * p.requests.cpu;
    this.requested.memory += sign * p.requests.memory;
    for (const [k, v] of Object.entries(p.requests.scalar)) this.requested.scalar[k] = (this.requested.scalar[k] ?? 0) + sign * v;
    this.nonZero.cpu += sign * p.nonZero.cpu;
    this.nonZero.memory += sign * p.nonZero.memory;
  }
}

/** What changed on a node update, for deciding which unschedulable pods may now fit (upstream: QueueingHints). */
export const NodeChange = {
  Added: 1,
  Allocatable: 2,
  Labels: 4,
  Taints: 8,
  Unschedulable: 16,
} as const;

export function nodeChanges(before: NodeInfo, after: KubeObject): number {
  const prev = before.node;
  if (!prev) return NodeChange.Added;
  let c = 0;
  if (prev.metadata.labels !== after.metadata.labels && !sameRecord(prev.metadata.labels, after.metadata.labels)) c |= NodeChange.Labels;
  if (prev.spec !== after.spec) {
    const a = (prev.spec ?? {}) as { taints?: unknown; unschedulable?: boolean };
    const b = (after.spec ?? {}) as { taints?: unknown; unschedulable?: boolean };
    if (JSON.stringify(a.taints ?? []) !== JSON.stringify(b.taints ?? [])) c |= NodeChange.Taints;
    if ((a.unschedulable === true) !== (b.unschedulable === true)) c |= NodeChange.Unschedulable;
  }
  const pa = (prev.status as { allocatable?: Record<string, unknown> } | undefined)?.allocatable;
  const pb = (after.status as { allocatable?: Record<string, unknown> } | undefined)?.allocatable;
  if (pa !== pb && !sameRecord(pa, pb)) c |= NodeChange.Allocatable;
  return c;
}

function sameRecord(a: Readonly<Record<string, unknown>> | undefined, b: Readonly<Record<string, unknown>> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  for (const k of ka) if (a![k] !== b?.[k]) return false;
  return true;
}
