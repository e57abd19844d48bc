// NodeCache: the executor's node lookups answered from an informer (every node, foreign ones too, so
// the scope guard still sees and refuses them) instead of a LIST over HTTPS before each action.
// upstream: controllers read through a lister on the shared informer's indexer, never the API
// (k8s.io/client-go/listers/core/v1 NodeLister), and accept the watch's few-ms lag for it.
import type { Clock } from '../../sim/core/index.ts';
import type { Cluster, NodeInfo } from './cluster.ts';
import type { KubeCluster } from './kube-cluster.ts';
import { ClusterObserver, type ObserverOptions } from './observer.ts';

/** What the scope guard reads nodes through: a Cluster, or a NodeCache in front of one. */
export type NodeLister = Pick<Cluster, 'listNodes' | 'getNode'>;

export interface NodeCacheOptions {
  readonly cluster: KubeCluster;
  readonly clock: Clock;
  readonly backoff?: ObserverOptions['backoff'];
  /** Watch failures (the cache falls back to the API until the watch is back). */
  readonly onError?: (error: unknown, restartInMs: number) => void;
}

export class NodeCache implements NodeLister {
  private readonly cluster: KubeCluster;
  private readonly observer: ClusterObserver;
  private readonly nodes = new Map<string, NodeInfo>();
  /** Lookups answered from the cache, and those that went to the API (cache not current, a miss, a selector it cannot match). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(o: NodeCacheOptions) {
    this.cluster = o.cluster;
    this.observer = new ClusterObserver({
      cluster: o.cluster, clock: o.clock, vehicle: 'any', nodes: 'all', pods: false,
      ...(o.backoff ? { backoff: o.backoff } : {}),
      ...(o.onError ? { onError: (_kind, e, ms) => o.onError!(e, ms) } : {}),
      onChange: (c) => {
        if (c.resource !== 'nodes') return;
        if (c.op === 'deleted') this.nodes.delete(c.object.name);
        else this.nodes.set(c.object.name, c.object);
      },
    });
  }

  /** Lists and starts watching; lookups use the API until this has resolved. */
  start(): Promise<void> {
    return this.observer.start();
  }

  async stop(): Promise<void> {
    await this.observer.stop();
    this.nodes.clear();
  }

  /**
   * From the cache when it is current and the selector is plain `key=value[,key=value]` (all the scope
   * guard uses). An empty answer is confirmed with the API: a node created a moment ago may not have
   * reached the watch yet, and "no such node" must never be the cache's mistake.
   */
  async listNodes(labelSelector?: string): Promise<NodeInfo[]> {
    const match = labelSelector === undefined ? () => true : equalityMatcher(labelSelector);
    if (match && this.observer.current('nodes')) {
      const found = [...this.nodes.values()].filter(match);
      if (found.length > 0) {
        this.stats.hits++;
        return found;
      }
    }
    this.stats.misses++;
    return this.cluster.listNodes(labelSelector);
  }

  /** What the watch has delivered for `name`, without asking the API. */
  cached(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  async getNode(name: string): Promise<NodeInfo | undefined> {
    const n = this.observer.current('nodes') ? this.nodes.get(name) : undefined;
    if (n) {
      this.stats.hits++;
      return n;
    }
    this.stats.misses++;
    return this.cluster.getNode(name);
  }
}

/** A matcher for `k=v,k2=v2` (also `k==v`); undefined for anything else (set-based, !=, exists), which goes to the API. */
export function equalityMatcher(selector: string): ((n: NodeInfo) => boolean) | undefined {
  const reqs: Array<[string, string]> = [];
  for (const part of selector.split(',')) {
    const m = /^\s*([A-Za-z0-9._/-]+)\s*==?\s*([A-Za-z0-9._-]*)\s*$/.exec(part);
    if (!m) return undefined;
    reqs.push([m[1]!, m[2]!]);
  }
  // upstream: k8s.io/apimachinery/pkg/labels/selector.go — `k=v` requires the label present with that value.
  return (n) => reqs.every(([k, v]) => Object.hasOwn(n.labels, k) && n.labels[k] === v);
}
