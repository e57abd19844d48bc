// KubeCluster: the Cluster facade over @kubernetes/client-node — the one place kis calls a real API.
import * as k8s from '@kubernetes/client-node';
import { EVENT_COMPONENT, type TaintSpec } from '../signals/index.ts';
import type { Cluster, EventInfo, EvictOutcome, NodeEventSpec, NodeInfo, PodInfo } from './cluster.ts';
import { eventInfo, nodeInfo, podInfo } from './convert.ts';
import { ClusterError, toClusterError } from './errors.ts';
import { KeepAliveClients } from './keep-alive.ts';
import { MERGE_PATCH, RawApi, STRATEGIC_PATCH } from './raw-api.ts';

const merge = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
const strategic = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch);
/** Read-modify-write attempts on a 409 before the conflict goes to the caller (and its queue). */
const CONFLICT_ATTEMPTS = 5;

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toClusterError(e, what);
  }
}

const nodePath = (name: string): string => `/api/v1/nodes/${encodeURIComponent(name)}`;

function rfc3339(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

export class KubeCluster implements Cluster {
  readonly kubeConfig: k8s.KubeConfig;
  private readonly core: k8s.CoreV1Api;
  private readonly apps: k8s.AppsV1Api;
  private readonly clients: KeepAliveClients;
  /** The lean path for the node writes a frame causes; undefined (client-node for all) behind a proxy or on plain http. */
  private readonly raw: RawApi | undefined;

  constructor(kc: k8s.KubeConfig) {
    this.kubeConfig = kc;
    this.clients = new KeepAliveClients(kc);
    this.core = this.clients.make(k8s.CoreV1Api);
    this.apps = this.clients.make(k8s.AppsV1Api);
    this.raw = RawApi.usable(kc) ? new RawApi(kc, this.clients) : undefined;
  }

  /** Closes the idle pooled connections, so a process that is done can exit without waiting for them. */
  close(): void {
    this.clients.close();
  }

  /** Server address of the current context, for messages. */
  get server(): string {
    return this.kubeConfig.getCurrentCluster()?.server ?? '(no server)';
  }

  /** Fails fast, with a clear ClusterError, when the API cannot be reached or refuses us. */
  async probe(): Promise<void> {
    await call(`list nodes on ${this.server}`, () => this.core.listNode({ limit: 1 }));
  }

  async listNodes(labelSelector?: string): Promise<NodeInfo[]> {
    const list = await call('list nodes', () => this.core.listNode(labelSelector ? { labelSelector } : {}));
    return list.items.map(nodeInfo);
  }

  async getNode(name: string): Promise<NodeInfo | undefined> {
    try {
      return nodeInfo(await call(`get node ${name}`, () => this.core.readNode({ name })));
    } catch (e) {
      if (e instanceof ClusterError && e.notFound) return undefined;
      throw e;
    }
  }

  async cordon(name: string): Promise<void> {
    // upstream: kubectl cordon (pkg/drain/cordon.go) patches spec.unschedulable.
    await this.patchNode(`cordon node ${name}`, name, { spec: { unschedulable: true } }, STRATEGIC_PATCH);
  }

  async setTaint(name: string, taint: TaintSpec, present: boolean, seen?: NodeInfo): Promise<void> {
    // A cached untainted node saves the read: its (empty) list is complete, unlike NodeInfo's taints,
    // which lack timeAdded — rewriting those would reset a NoExecute taint's eviction clock.
    let guess: k8s.V1Node | undefined =
      seen?.resourceVersion !== undefined && seen.taints.length === 0 ? { metadata: { resourceVersion: seen.resourceVersion }, spec: { taints: [] } } : undefined;
    for (let attempt = 1; ; attempt++) {
      const node = guess ?? (await this.readNode(name));
      guess = undefined;
      const taints = node.spec?.taints ?? [];
      const same = (t: k8s.V1Taint) => t.key === taint.key && t.effect === taint.effect;
      const has = taints.some((t) => same(t) && (t.value ?? '') === taint.value);
      if (has === present && (present || !taints.some(same))) return;
      const next = [...taints.filter((t) => !same(t)), ...(present ? [{ key: taint.key, value: taint.value, effect: taint.effect }] : [])];
      try {
        // The resourceVersion makes this a compare-and-swap: a concurrent taint change answers 409
        // instead of being overwritten. upstream: kubectl taint (pkg/cmd/taint) patches the whole list too.
        await this.patchNode(`taint node ${name}`, name, { metadata: { resourceVersion: node.metadata?.resourceVersion }, spec: { taints: next } }, MERGE_PATCH);
        return;
      } catch (e) {
        if (!(e instanceof ClusterError && e.code === 409) || attempt >= CONFLICT_ATTEMPTS) throw e;
      }
    }
  }

  async annotate(name: string, annotations: Readonly<Record<string, string | null>>): Promise<void> {
    await this.patchNode(`annotate node ${name}`, name, { metadata: { annotations } }, MERGE_PATCH);
  }

  async label(name: string, labels: Readonly<Record<string, string | null>>): Promise<void> {
    await this.patchNode(`label node ${name}`, name, { metadata: { labels } }, MERGE_PATCH);
  }

  async deleteNode(name: string): Promise<void> {
    const what = `delete node ${name}`;
    try {
      if (this.raw) await this.raw.send(what, 'DELETE', nodePath(name));
      else await call(what, () => this.core.deleteNode({ name }));
    } catch (e) {
      if (!(e instanceof ClusterError && e.notFound)) throw e;
    }
  }

  async podsOnNode(nodeName: string): Promise<PodInfo[]> {
    const list = await call(`list pods on ${nodeName}`, () => this.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${nodeName}` }));
    return list.items.map(podInfo);
  }

  async evict(namespace: string, name: string): Promise<EvictOutcome> {
    try {
      await call(`evict pod ${namespace}/${name}`, () =>
        this.core.createNamespacedPodEviction({
          name,
          namespace,
          body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } },
        }));
      return 'evicted';
    } catch (e) {
      if (e instanceof ClusterError && e.notFound) return 'gone';
      throw e;
    }
  }

  async postNodeEvent(ev: NodeEventSpec): Promise<void> {
    const at = rfc3339(ev.at);
    const body: k8s.CoreV1Event = {
      metadata: { name: ev.name, namespace: 'default' },
      // upstream: events about cluster-scoped objects (Nodes) live in namespace default, as the kubelet's do.
      involvedObject: { kind: 'Node', apiVersion: 'v1', name: ev.node, ...(ev.nodeUid ? { uid: ev.nodeUid } : {}) },
      reason: ev.reason,
      message: ev.message,
      type: ev.type,
      source: { component: EVENT_COMPONENT },
      reportingComponent: EVENT_COMPONENT,
      reportingInstance: EVENT_COMPONENT,
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
    };
    const what = `post event ${ev.reason} on node ${ev.node}`;
    try {
      // As client-node would serialise it (dates as ISO strings), without its model round trip.
      if (this.raw) await this.raw.send(what, 'POST', '/api/v1/namespaces/default/events', { json: JSON.stringify({ apiVersion: 'v1', kind: 'Event', ...body }), type: 'application/json' });
      else await call(what, () => this.core.createNamespacedEvent({ namespace: 'default', body }));
    } catch (e) {
      if (!(e instanceof ClusterError && e.alreadyExists)) throw e;
    }
  }

  async nodeEvents(node?: string): Promise<EventInfo[]> {
    const fieldSelector = node === undefined ? 'involvedObject.kind=Node' : `involvedObject.kind=Node,involvedObject.name=${node}`;
    const list = await call('list node events', () => this.core.listNamespacedEvent({ namespace: 'default', fieldSelector }));
    return list.items.map(eventInfo);
  }

  private async patchNode(what: string, name: string, body: object, type: typeof MERGE_PATCH | typeof STRATEGIC_PATCH): Promise<void> {
    if (this.raw) {
      await this.raw.send(what, 'PATCH', nodePath(name), { json: JSON.stringify(body), type });
      return;
    }
    await call(what, () => this.core.patchNode({ name, body }, type === MERGE_PATCH ? merge : strategic));
  }

  /** The node as JSON (the fields setTaint reads have the same shape as client-node's V1Node). */
  private async readNode(name: string): Promise<k8s.V1Node> {
    const what = `get node ${name}`;
    if (this.raw) return JSON.parse(await this.raw.send(what, 'GET', nodePath(name))) as k8s.V1Node;
    return call(what, () => this.core.readNode({ name }));
  }

  async scaleDeployment(namespace: string, name: string, replicas: number): Promise<void> {
    await call(`scale deployment ${namespace}/${name}`, () =>
      this.apps.patchNamespacedDeploymentScale({ name, namespace, body: { spec: { replicas } } }, merge));
  }

  async setDeploymentImage(namespace: string, name: string, container: string | undefined, image: string): Promise<void> {
    const d = await call(`get deployment ${namespace}/${name}`, () => this.apps.readNamespacedDeployment({ name, namespace }));
    const containers = d.spec?.template.spec?.containers ?? [];
    const target = container === undefined ? containers[0] : containers.find((c) => c.name === container);
    if (!target) {
      throw new ClusterError(422, 'Invalid', `set image on deployment ${namespace}/${name}: no container ${container ?? '(none at all)'}; it has ${containers.map((c) => c.name).join(', ') || 'none'}`);
    }
    if (target.image === image) return;
    // Strategic merge on the containers list keyed by name, as kubectl set image does.
    await call(`set image on deployment ${namespace}/${name}`, () =>
      this.apps.patchNamespacedDeployment({ name, namespace, body: { spec: { template: { spec: { containers: [{ name: target.name, image }] } } } } }, strategic));
  }
}
