// Resource arithmetic as the scheduler sees it: a pod's effective requests (and the non-zero ones scoring uses),
// a node's allocatable, in integer milli-CPU and bytes.
// upstream: k8s.io/component-helpers/resource/helpers.go PodRequests; pkg/scheduler/util/pod_resources.go
import { parseQuantity } from '../validation/index.ts';

/** cpu in millicores, memory in bytes, extended resources (e.g. nvidia.com/gpu) by name. */
export interface Resources {
  cpu: number;
  memory: number;
  /** Anything else requested or allocatable (ephemeral-storage, extended resources). Usually empty. */
  scalar: Record<string, number>;
}

/** upstream: pkg/scheduler/util DefaultMilliCPURequest (0.1 core) and DefaultMemoryRequest (200 MB). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type ResourceList = Record<string, string | number> | undefined;
interface Container {
  resources?: { requests?: ResourceList; limits?: ResourceList };
  restartPolicy?: string;
}
export interface PodResourceSpec {
  containers?: Container[];
  initContainers?: Container[];
  overhead?: ResourceList;
}

const empty = (): Resources => ({ cpu: 0, memory: 0, scalar: {} });

/** Quantity → number in the unit the scheduler uses for that resource; malformed values count as 0. */
export function quantityValue(name: string, q: string | number | undefined): number {
  if (q === undefined) return 0;
  let v: number;
  try {
    v = parseQuantity(q);
  } catch {
    return 0;
  }
  // upstream: Quantity.MilliValue() for cpu, Value() (rounded up) for everything else.
  return name === 'cpu' ? Math.ceil(v * 1000 - 1e-9) : Math.ceil(v - 1e-9);
}

/** A container's requests; upstream defaulting copies limits into missing requests, so limits stand in here. */
function containerRequests(c: Container): Resources {
  const out = empty();
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  for (const name of new Set([...Object.keys(req), ...Object.keys(lim)])) {
    const v = quantityValue(name, req[name] ?? lim[name]);
    addNamed(out, name, v);
  }
  return out;
}

function addNamed(r: Resources, name: string, v: number): void {
  if (name === 'cpu') r.cpu += v;
  else if (name === 'memory') r.memory += v;
  else if (name !== 'pods') r.scalar[name] = (r.scalar[name] ?? 0) + v;
}

function add(a: Resources, b: Resources): void {
  a.cpu += b.cpu;
  a.memory += b.memory;
  for (const [k, v] of Object.entries(b.scalar)) a.scalar[k] = (a.scalar[k] ?? 0) + v;
}

function maxInto(a: Resources, b: Resources): void {
  a.cpu = Math.max(a.cpu, b.cpu);
  a.memory = Math.max(a.memory, b.memory);
  for (const [k, v] of Object.entries(b.scalar)) a.scalar[k] = Math.max(a.scalar[k] ?? 0, v);
}

/**
 * Effective requests: the sum of app containers and restartable (sidecar) init containers, or the largest
 * one-at-a-time init container plus the sidecars started before it, whichever is larger; plus overhead.
 * With `nonZero`, a container without a cpu/memory request counts 100m / 200 MB, as scoring does.
 * upstream: resource.PodRequests (with SkipPodLevelResources) and schedutil.GetNonzeroRequests
 */
export function podRequests(spec: PodResourceSpec, nonZero = false): Resources {
  const fill = (c: Container): Resources => {
    const r = containerRequests(c);
    if (nonZero) {
      const req = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
      if (req.cpu === undefined) r.cpu = DEFAULT_MILLI_CPU_REQUEST;
      if (req.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
    }
    return r;
  };
  const total = empty();
  for (const c of spec.containers ?? []) add(total, fill(c));
  const sidecars = empty();
  const initMax = empty();
  for (const c of spec.initContainers ?? []) {
    const r = fill(c);
    if (c.restartPolicy === 'Always') {
      add(sidecars, r);
      add(total, r);
    } else {
      const peak = empty();
      add(peak, sidecars);
      add(peak, r);
      maxInto(initMax, peak);
    }
  }
  maxInto(total, initMax);
  if (spec.overhead) for (const [name, q] of Object.entries(spec.overhead)) addNamed(total, name, quantityValue(name, q));
  return total;
}

export interface Allocatable extends Resources {
  pods: number;
}

/** Node status.allocatable (capacity when allocatable is missing). */
export function nodeAllocatable(status: { allocatable?: ResourceList; capacity?: ResourceList } | undefined): Allocatable {
  const list = status?.allocatable ?? status?.capacity ?? {};
  const out: Allocatable = { cpu: 0, memory: 0, scalar: {}, pods: 0 };
  for (const [name, q] of Object.entries(list)) {
    const v = quantityValue(name, q);
    if (name === 'pods') out.pods = v;
    else addNamed(out, name, v);
  }
  return out;
}

export function isZero(r: Resources): boolean {
  if (r.cpu !== 0 || r.memory !== 0) return false;
  for (const v of Object.values(r.scalar)) if (v !== 0) return false;
  return true;
}
