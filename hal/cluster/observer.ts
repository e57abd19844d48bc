// ClusterObserver: client-node informers on our vehicle's nodes and on pods, RESTARTED on error.
// client-node's informer ends a watch that closes cleanly by re-listing and watching again, but on
// an abrupt drop ("Premature close", ECONNRESET) it emits 'error' and stops for good — so every
// error schedules a restart with backoff on the injected clock.
// upstream: client-go's reflector (tools/cache/reflector.go) retries ListAndWatch with backoff forever.
import * as k8s from '@kubernetes/client-node';
import type { Clock, TimerHandle } from '../../sim/core/index.ts';
import { LABEL_VEHICLE } from '../signals/index.ts';
import type { NodeInfo, PodInfo } from './cluster.ts';
import { nodeInfo, podInfo } from './convert.ts';
import type { Backoff } from './action-queue.ts';
import type { KubeCluster } from './kube-cluster.ts';

export type ObservedChange =
  | { readonly resource: 'nodes'; readonly op: 'added' | 'modified' | 'deleted'; readonly object: NodeInfo }
  | { readonly resource: 'pods'; readonly op: 'added' | 'modified' | 'deleted'; readonly object: PodInfo };

export interface ObserverStatus {
  readonly watching: boolean;
  readonly restarts: number;
  readonly lastError?: string;
}

export interface ObserverOptions {
  readonly cluster: KubeCluster;
  readonly clock: Clock;
  /** Nodes are watched with kis.dev/vehicle=<vehicle>; pods are all watched. */
  readonly vehicle: string;
  /** 'all' watches every node (the node cache, whose scope guard must see foreign nodes too). Default 'vehicle'. */
  readonly nodes?: 'vehicle' | 'all';
  /** Watch pods too (default true). */
  readonly pods?: boolean;
  readonly onChange?: (change: ObservedChange) => void;
  readonly onError?: (resource: 'nodes' | 'pods', error: unknown, restartInMs: number) => void;
  readonly backoff?: Partial<Backoff>;
}

type Kind = 'nodes' | 'pods';

interface Watched {
  informer: k8s.Informer<k8s.KubernetesObject> & k8s.ObjectCache<k8s.KubernetesObject>;
  timer: TimerHandle | undefined;
  delay: number;
}

export class ClusterObserver {
  private readonly o: ObserverOptions;
  private readonly backoff: Backoff;
  private readonly watched = new Map<Kind, Watched>();
  private running = false;
  /** Kinds whose watch failed and has not reconnected yet: their cache may be behind the API. */
  private readonly broken = new Set<Kind>();
  private restarts = 0;
  private lastError: string | undefined;

  constructor(options: ObserverOptions) {
    this.o = options;
    this.backoff = { initialMs: 200, maxMs: 5000, factor: 2, ...options.backoff };
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const kc = this.o.cluster.kubeConfig;
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const selector = this.o.nodes === 'all' ? undefined : `${LABEL_VEHICLE}=${this.o.vehicle}`;
    const nodes = k8s.makeInformer<k8s.V1Node>(kc, '/api/v1/nodes', () => core.listNode(selector ? { labelSelector: selector } : {}), selector);
    this.wire('nodes', nodes, (o) => ({ resource: 'nodes', op: 'added', object: nodeInfo(o as k8s.V1Node) }));
    if (this.o.pods !== false) {
      const pods = k8s.makeInformer<k8s.V1Pod>(kc, '/api/v1/pods', () => core.listPodForAllNamespaces());
      this.wire('pods', pods, (o) => ({ resource: 'pods', op: 'added', object: podInfo(o as k8s.V1Pod) }));
    }
    await Promise.all([...this.watched.keys()].map((k) => this.startOne(k)));
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const w of this.watched.values()) {
      this.o.clock.clearTimeout(w.timer);
      await w.informer.stop();
    }
    this.watched.clear();
  }

  /** Our vehicle's nodes as the informer cache holds them. */
  nodes(): NodeInfo[] {
    return (this.watched.get('nodes')?.informer.list() ?? []).map((n) => nodeInfo(n as k8s.V1Node));
  }

  pods(): PodInfo[] {
    return (this.watched.get('pods')?.informer.list() ?? []).map((p) => podInfo(p as k8s.V1Pod));
  }

  /** Started, listed, and watching without an error since: the cache is as current as a watch can be. */
  current(kind: Kind): boolean {
    return this.running && this.watched.has(kind) && !this.broken.has(kind);
  }

  status(): ObserverStatus {
    return { watching: this.running, restarts: this.restarts, ...(this.lastError === undefined ? {} : { lastError: this.lastError }) };
  }

  private wire<T extends k8s.KubernetesObject>(
    kind: Kind,
    informer: k8s.Informer<T> & k8s.ObjectCache<T>,
    view: (o: k8s.KubernetesObject) => ObservedChange,
  ): void {
    const emit = (op: ObservedChange['op']) => (o: T) => this.o.onChange?.({ ...view(o), op } as ObservedChange);
    informer.on('add', emit('added'));
    informer.on('update', emit('modified'));
    informer.on('delete', emit('deleted'));
    informer.on('connect', () => {
      this.broken.delete(kind);
      const w = this.watched.get(kind);
      if (w) w.delay = 0;
    });
    informer.on('error', (err: unknown) => this.restart(kind, err));
    this.watched.set(kind, { informer: informer as unknown as Watched['informer'], timer: undefined, delay: 0 });
  }

  private async startOne(kind: Kind): Promise<void> {
    const w = this.watched.get(kind);
    if (!w || !this.running) return;
    try {
      await w.informer.start();
      this.broken.delete(kind);
    } catch (e) {
      // The first list failed (API away): the informer has already emitted 'error' and will be restarted.
      this.lastError = e instanceof Error ? e.message : String(e);
    }
  }

  private restart(kind: Kind, err: unknown): void {
    const w = this.watched.get(kind);
    if (!w || !this.running) return;
    this.broken.add(kind);
    this.lastError = err instanceof Error ? err.message : String(err);
    w.delay = w.delay === 0 ? this.backoff.initialMs : Math.min(this.backoff.maxMs, w.delay * this.backoff.factor);
    this.o.onError?.(kind, err, w.delay);
    this.o.clock.clearTimeout(w.timer);
    w.timer = this.o.clock.setTimeout(() => {
      w.timer = undefined;
      this.restarts++;
      void this.startOne(kind);
    }, w.delay);
  }
}
