// The scheduler's view of the cluster: nodes (in a stable order for round-robin sampling), the pods bound to
// them, pods nominated by preemption, and match counters — all maintained from watch events.
// upstream: pkg/scheduler/backend/cache/cache.go (schedulerCache) and the nominator in the scheduling queue
import type { KubeObject } from '../store/index.ts';
import { FitColumns } from './fit-columns.ts';
import { MatchCounters } from './match-counter.ts';
import { NodeChange, NodeInfo, nodeChanges } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  /** Nodes that exist (have a Node object), in the order they appeared: the order sampling walks. */
  readonly nodeList: NodeInfo[] = [];
  /** What the walk reads of each listed node, position for position with nodeList. */
  readonly fit = new FitColumns();
  /** Bound, non-terminal pods by key. */
  private readonly pods = new Map<string, PodInfo>();
  /** Bound pods that carry required anti-affinity terms (upstream: NodeInfo.PodsWithRequiredAntiAffinity). */
  readonly withAntiAffinity = new Set<PodInfo>();
  /** nodeName → pending pods nominated to it by preemption (key → pod). */
  private readonly nominated = new Map<string, Map<string, PodInfo>>();
  private readonly nominatedOf = new Map<string, string>();
  readonly counters = new MatchCounters(() => this.pods.values());

  constructor(
    /** A namespace's labels, for namespaceSelector in affinity terms. */
    readonly namespaceLabels: (ns: string) => Readonly<Record<string, string>> | undefined = () => undefined,
  ) {}

  node(name: string): NodeInfo | undefined {
    const n = this.nodes.get(name);
    return n?.node ? n : undefined;
  }

  get nodeCount(): number {
    return this.nodeList.length;
  }

  /** Adds or updates a node; returns the NodeChange bits (0 when nothing the scheduler reads changed). */
  upsertNode(obj: KubeObject): number {
    const name = obj.metadata.name ?? '';
    let info = this.nodes.get(name);
    if (!info) this.nodes.set(name, (info = new NodeInfo(name)));
    const changes = nodeChanges(info, obj);
    const listed = info.node !== undefined;
    info.setNode(obj);
    if (listed) this.fit.set(info.slot, info);
    else {
      info.slot = this.nodeList.length;
      this.nodeList.push(info);
      this.fit.push(info);
    }
    return changes;
  }

  removeNode(name: string): void {
    const info = this.nodes.get(name);
    if (!info?.node) return;
    info.node = undefined;
    const i = info.slot;
    this.nodeList.splice(i, 1);
    this.fit.remove(i);
    info.slot = -1;
    for (let j = i; j < this.nodeList.length; j++) this.nodeList[j]!.slot = j;
    // upstream keeps a node's pods accounted until they are deleted (PodGC removes them).
    if (info.pods.size === 0) this.nodes.delete(name);
  }

  boundPod(key: string): PodInfo | undefined {
    return this.pods.get(key);
  }

  /** Records a bound pod (replacing its previous state); terminal pods are dropped, as upstream's informer filter does. */
  upsertBoundPod(p: PodInfo): void {
    this.removeBoundPod(p.key);
    if (p.terminal || !p.nodeName) return;
    let info = this.nodes.get(p.nodeName);
    if (!info) this.nodes.set(p.nodeName, (info = new NodeInfo(p.nodeName)));
    info.addPod(p);
    if (info.slot >= 0) this.fit.set(info.slot, info);
    this.pods.set(p.key, p);
    if (p.antiAffinity.length) this.withAntiAffinity.add(p);
    this.counters.added(p);
  }

  removeBoundPod(key: string): PodInfo | undefined {
    const old = this.pods.get(key);
    if (!old) return undefined;
    this.pods.delete(key);
    this.withAntiAffinity.delete(old);
    this.counters.removed(old);
    const info = this.nodes.get(old.nodeName);
    info?.removePod(old);
    if (info !== undefined && info.slot >= 0) this.fit.set(info.slot, info);
    if (info && !info.node && info.pods.size === 0) this.nodes.delete(info.name);
    return old;
  }

  /** Tracks status.nominatedNodeName of a pending pod (undefined or '' clears it). */
  setNominated(p: PodInfo | undefined, key: string): void {
    const prev = this.nominatedOf.get(key);
    if (prev !== undefined) {
      this.nominated.get(prev)?.delete(key);
      this.nominatedOf.delete(key);
    }
    if (p?.nominatedNodeName) {
      let m = this.nominated.get(p.nominatedNodeName);
      if (!m) this.nominated.set(p.nominatedNodeName, (m = new Map()));
      m.set(key, p);
      this.nominatedOf.set(key, p.nominatedNodeName);
    }
  }

  nominatedPods(nodeName: string): Iterable<PodInfo> {
    if (this.nominatedOf.size === 0) return NONE;
    return this.nominated.get(nodeName)?.values() ?? NONE;
  }

  get hasNominations(): boolean {
    return this.nominatedOf.size > 0;
  }

  get boundCount(): number {
    return this.pods.size;
  }
}

const NONE: readonly PodInfo[] = [];

export { NodeChange };
