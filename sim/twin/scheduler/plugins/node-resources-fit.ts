// NodeResourcesFit: requests (cpu, memory, extended resources, pod count) against allocatable minus what bound
// pods — and pods nominated here with at least this priority — already request; LeastAllocated scoring.
// upstream: pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest) and least_allocated.go
import type { PodInfo } from '../pod-info.ts';
import type { Resources } from '../resources.ts';
import { MAX_NODE_SCORE, reject, type Freed, type NodeView, type Rejection } from './types.ts';

export const ERR_TOO_MANY_PODS = 'Too many pods';
export const insufficient = (resource: string): string => `Insufficient ${resource}`;

/**
 * `extra`: requests of nominated pods to hold room for (upstream: RunFilterPluginsWithNominatedPods adds pods
 * nominated to the node with priority >= the pod's before filtering).
 */
export function filterNodeResourcesFit(pod: PodInfo, view: NodeView, extra?: Freed): Rejection | undefined {
  const { info } = view;
  const freed = view.freed;
  let reasons: string[] | undefined;
  const podCount = info.pods.size - (freed?.pods ?? 0) + (extra?.pods ?? 0);
  if (podCount + 1 > info.allocatable.pods) (reasons ??= []).push(ERR_TOO_MANY_PODS);
  const r = pod.requests;
  // No closures here: this runs for every node of every attempt.
  const usedCpu = info.requested.cpu - (freed?.cpu ?? 0) + (extra?.cpu ?? 0);
  const usedMemory = info.requested.memory - (freed?.memory ?? 0) + (extra?.memory ?? 0);
  if (r.cpu > 0 && r.cpu > info.allocatable.cpu - usedCpu) (reasons ??= []).push(insufficient('cpu'));
  if (r.memory > 0 && r.memory > info.allocatable.memory - usedMemory) (reasons ??= []).push(insufficient('memory'));
  for (const name in r.scalar) {
    const want = r.scalar[name]!;
    if (want === 0) continue;
    const have = (info.allocatable.scalar[name] ?? 0) - (info.requested.scalar[name] ?? 0) + (freed?.scalar[name] ?? 0) - (extra?.scalar[name] ?? 0);
    if (want > have) (reasons ??= []).push(insufficient(name));
  }
  return reasons ? reject('NodeResourcesFit', 'Unschedulable', ...reasons) : undefined;
}

/** upstream: leastRequestedScore — ((capacity - requested) * 100) / capacity, 0 when over capacity. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** LeastAllocated over cpu and memory (weight 1 each), with non-zero requests, pod included. */
export function leastAllocatedScore(pod: PodInfo, view: NodeView): number {
  const { info } = view;
  return leastAllocated(info.nonZero.cpu + pod.nonZero.cpu, info.allocatable.cpu, info.nonZero.memory + pod.nonZero.memory, info.allocatable.memory);
}

/** leastAllocatedScore from the numbers (the scheduler's fit columns score with it too). */
export function leastAllocated(cpuRequested: number, cpuAllocatable: number, memoryRequested: number, memoryAllocatable: number): number {
  const cpu = leastRequestedScore(cpuRequested, cpuAllocatable);
  const mem = leastRequestedScore(memoryRequested, memoryAllocatable);
  return Math.trunc((cpu + mem) / 2);
}

/**
 * NodeResourcesBalancedAllocation: 100 × (1 − std of the cpu and memory fractions), requests pod included.
 * upstream: noderesources/balanced_allocation.go balancedResourceScorer (std of two values is |a − b| / 2)
 */
export function balancedAllocationScore(pod: PodInfo, view: NodeView): number {
  const { info } = view;
  return balancedAllocation(info.requested.cpu + pod.requests.cpu, info.allocatable.cpu, info.requested.memory + pod.requests.memory, info.allocatable.memory);
}

/** balancedAllocationScore from the numbers. */
export function balancedAllocation(cpuRequested: number, cpuAllocatable: number, memoryRequested: number, memoryAllocatable: number): number {
  const c = fraction(cpuRequested, cpuAllocatable);
  const m = fraction(memoryRequested, memoryAllocatable);
  const std = Math.abs(c - m) / 2;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

function fraction(req: number, alloc: number): number {
  return alloc === 0 ? 0 : Math.min(1, req / alloc);
}

export function sumRequests(pods: Iterable<PodInfo>): Freed {
  const out: Freed = { cpu: 0, memory: 0, scalar: {}, pods: 0 };
  for (const p of pods) addRequests(out, p.requests);
  return out;
}

function addRequests(out: Freed, r: Resources): void {
  out.pods++;
  out.cpu += r.cpu;
  out.memory += r.memory;
  for (const k in r.scalar) out.scalar[k] = (out.scalar[k] ?? 0) + r.scalar[k]!;
}
