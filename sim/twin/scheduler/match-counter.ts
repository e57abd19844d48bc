// Per-node counts of bound pods that match a selector, kept incrementally for the selectors pending pods use
// (topology spread, pod affinity): a scheduling attempt then reads counts per node instead of scanning pods.
// upstream computes the same counts in PreFilter by walking every node's pods (podtopologyspread/filtering.go
// calPreFilterState, interpodaffinity/filtering.go getAffinityCounts); kept here because 100k pods must stay cheap.
import type { PodInfo } from './pod-info.ts';

export interface MatchCounter {
  readonly signature: string;
  readonly matches: (p: PodInfo) => boolean;
  /** nodeName → matching pods bound there. Entries at 0 are deleted. */
  readonly perNode: Map<string, number>;
  total: number;
}

/** Counters are kept for the most recently used selectors only; an evicted one is rebuilt on demand. */
const DEFAULT_CAPACITY = 256;

export class MatchCounters {
  private readonly counters = new Map<string, MatchCounter>();

  constructor(
    /** Every bound pod the counter could match, for (re)building one. */
    private readonly candidates: (signature: string) => Iterable<PodInfo>,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  get(signature: string, matches: (p: PodInfo) => boolean): MatchCounter {
    const hit = this.counters.get(signature);
    if (hit) {
      // Map order doubles as the LRU order.
      this.counters.delete(signature);
      this.counters.set(signature, hit);
      return hit;
    }
    const c: MatchCounter = { signature, matches, perNode: new Map(), total: 0 };
    for (const p of this.candidates(signature)) if (matches(p)) bump(c, p.nodeName, 1);
    this.counters.set(signature, c);
    if (this.counters.size > this.capacity) this.counters.delete(this.counters.keys().next().value!);
    return c;
  }

  added(p: PodInfo): void {
    for (const c of this.counters.values()) if (c.matches(p)) bump(c, p.nodeName, 1);
  }

  removed(p: PodInfo): void {
    for (const c of this.counters.values()) if (c.matches(p)) bump(c, p.nodeName, -1);
  }

  get size(): number {
    return this.counters.size;
  }
}

function bump(c: MatchCounter, node: string, d: number): void {
  const n = (c.perNode.get(node) ?? 0) + d;
  if (n <= 0) c.perNode.delete(node);
  else c.perNode.set(node, n);
  c.total += d;
}
