// The DaemonSet controller: one pod per eligible node, pinned there by required node affinity (metadata.name)
// and bound by the default scheduler, as upstream since 1.12; RollingUpdate by maxUnavailable.
// upstream: pkg/controller/daemon/daemon_controller.go, update.go
import { WORKLOAD_SYNC_COALESCE_MS } from './config.ts';
import { deleteObject, resourceByKey } from '../api/index.ts';
import type { KubeObject, WatchEvent } from '../store/index.ts';
import { keyOf, splitKey, watchResource, type Controller, type ControllerContext } from './controller.ts';
import type { ControllerFactory } from './manager.ts';
import { WorkQueue } from './workqueue.ts';
import { wakeOwners } from './wake-owners.ts';
import { adopt, planClaim, release } from './replicaset-claim.ts';
import { OwnedIndex } from './replicaset-owned-index.ts';
import { isPodAvailable, isPodReady, newControllerRef, parseTime } from './replicaset-pod-state.ts';
import { SelectorCache, errorMessage, nextAvailabilityDelay, writeStatus } from './replicaset.ts';
import { canonicalJson, computeHash, podFromTemplate, type PodTemplate } from './replicaset-template.ts';
import { scaledValue } from './deployment-util.ts';
import { daemonPodTolerations, nodeNameAffinity, nodeShouldRunDaemonPod, targetNodeName, type DaemonPodSpec } from './daemonset-node-fit.ts';
import { daemonSetStatus, planDaemonSet, type NodeFacts } from './daemonset-plan.ts';

const COMPONENT = 'daemonset-controller';
export const DS_REVISION_LABEL = 'controller-revision-hash';
/** upstream: the deprecated pod-template-generation label DaemonSet pods still carry. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

interface DsSpec {
  template?: PodTemplate;
  minReadySeconds?: number;
  updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
}

export const daemonSetController: ControllerFactory = (ctx) => new DaemonSetController(ctx);

class DaemonSetController implements Controller {
  readonly name = COMPONENT;
  private readonly pods = resourceByKey('pods')!;
  private readonly dsRes = resourceByKey('daemonsets.apps')!;
  private readonly index = new OwnedIndex('DaemonSet');
  private readonly selectors = new SelectorCache();
  /** What about each node matters to DaemonSets (labels, taints): heartbeats that change nothing else are ignored. */
  private readonly nodeShape = new Map<string, string>();
  private readonly queue: WorkQueue;
  private stops: (() => void)[] = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue({ coalesceMs: WORKLOAD_SYNC_COALESCE_MS, name: COMPONENT, clock: ctx.clock, process: (key) => this.sync(key), onError: (key, err) => ctx.onError(`${COMPONENT} ${key}`, err) });
  }

  start(): void {
    this.stops.push(watchResource(this.ctx, 'pods', (ev) => this.onPod(ev), { replay: true }));
    this.stops.push(watchResource(this.ctx, 'nodes', (ev) => this.onNode(ev), { replay: true }));
    this.stops.push(watchResource(this.ctx, this.dsRes.key, (ev) => (ev.type === 'DELETED' ? this.selectors.forget(ev.object.metadata.uid) : this.queue.add(keyOf(ev.object))), { replay: true }));
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
    this.queue.stop();
  }

  private onNode(ev: WatchEvent): void {
    const name = ev.object.metadata.name ?? '';
    if (ev.type === 'DELETED') this.nodeShape.delete(name);
    else {
      // upstream: shouldIgnoreNodeUpdate — only label, taint and spec changes can change where daemons run.
      const shape = canonicalJson({ labels: ev.object.metadata.labels ?? {}, spec: ev.object.spec ?? {} });
      if (this.nodeShape.get(name) === shape) return;
      this.nodeShape.set(name, shape);
    }
    for (const ds of this.ctx.store.list(this.dsRes.key, undefined).items) this.queue.add(keyOf(ds));
  }

  private onPod(ev: WatchEvent): void {
    this.index.apply(ev);
    wakeOwners(this.ctx, this.queue, this.selectors, 'DaemonSet', this.dsRes.key, ev);
  }

  private sync(key: string): boolean {
    const { namespace, name } = splitKey(key);
    const ds = this.ctx.store.get(this.dsRes.key, namespace, name);
    if (!ds) return true;
    const spec = (ds.spec ?? {}) as DsSpec;
    const uid = ds.metadata.uid ?? '';
    const deleting = ds.metadata.deletionTimestamp !== undefined;
    const template = spec.template ?? {};
    const hash = computeHash(template);
    const podSpec: DaemonPodSpec = { ...((template.spec ?? {}) as DaemonPodSpec) };
    podSpec.tolerations = daemonPodTolerations(podSpec);
    const minReady = spec.minReadySeconds ?? 0;
    const now = this.ctx.clock.now();

    const plan = planClaim(deleting, this.selectors.get(ds), [...this.index.owned(uid).values()], [...this.index.orphansIn(namespace).values()]);
    for (const p of plan.release) release(this.ctx.registry, this.pods, p, uid);
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    const owned = [...plan.owned, ...plan.adopt.map((p) => adopt(this.ctx.registry, this.pods, p, ref))];

    const nodes = this.ctx.store.list('nodes', undefined).items;
    const facts = this.facts(nodes, owned, podSpec, minReady, now);
    let ok = true;
    if (!deleting) {
      const rollingUpdate = (spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
      const desired = facts.filter((f) => f.shouldRun).length;
      // upstream: maxUnavailable is scaled from desiredNumberScheduled rounding up; 0 with surge 0 means 1
      const maxUnavailable = Math.max(1, scaledValue(spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true));
      const steps = planDaemonSet(facts, hash, rollingUpdate, maxUnavailable);
      ok = this.apply(ds, template, podSpec, hash, steps);
      this.deleteOrphanedUnscheduled(ds, owned, nodes);
    }
    const after = this.facts(nodes, [...this.index.owned(uid).values()], podSpec, minReady, now);
    const status = daemonSetStatus(after, hash, ds.metadata.generation ?? 0);
    const stored = this.ctx.store.get(this.dsRes.key, namespace, name);
    if (stored && JSON.stringify(stored.status) !== JSON.stringify(status)) writeStatus(this.ctx, this.dsRes, stored, status);
    if (minReady > 0 && status.numberReady > status.numberAvailable) this.queue.addAfter(key, nextAvailabilityDelay([...this.index.owned(uid).values()], minReady, now));
    return ok;
  }

  private facts(nodes: readonly KubeObject[], owned: readonly KubeObject[], podSpec: DaemonPodSpec, minReady: number, now: number): NodeFacts[] {
    const byNode = new Map<string, KubeObject[]>();
    for (const p of owned) {
      const n = targetNodeName(p);
      if (n === undefined) continue;
      let list = byNode.get(n);
      if (!list) byNode.set(n, (list = []));
      list.push(p);
    }
    return nodes.map((node) => {
      const fit = nodeShouldRunDaemonPod(podSpec, node);
      return {
        name: node.metadata.name ?? '',
        ...fit,
        pods: (byNode.get(node.metadata.name ?? '') ?? []).map((p) => ({
          name: p.metadata.name ?? '',
          hash: p.metadata.labels?.[DS_REVISION_LABEL] ?? '',
          created: parseTime(p.metadata.creationTimestamp),
          terminating: p.metadata.deletionTimestamp !== undefined,
          failed: (p.status as { phase?: string } | undefined)?.phase === 'Failed',
          ready: isPodReady(p),
          available: isPodAvailable(p, minReady, now),
        })),
      };
    });
  }

  private apply(ds: KubeObject, template: PodTemplate, podSpec: DaemonPodSpec, hash: string, steps: ReturnType<typeof planDaemonSet>): boolean {
    const namespace = ds.metadata.namespace ?? '';
    const source = { component: COMPONENT };
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    for (const d of steps.delete) {
      if (d.why === 'failed') this.ctx.events.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${namespace}/${d.pod} on node ${d.node}, will try to kill it`, source);
      try {
        deleteObject(this.ctx.registry, this.pods, namespace, d.pod, {});
        this.ctx.events.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${d.pod}`, source);
      } catch (e) {
        if ((e as { code?: number }).code === 404) continue;
        this.ctx.events.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(e)}`, source);
        return false;
      }
    }
    for (const node of steps.create) {
      const body = podFromTemplate(namespace, template, ref, {
        labels: { [DS_REVISION_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: String(ds.metadata.generation ?? 1) },
        spec: { tolerations: podSpec.tolerations, affinity: nodeNameAffinity(podSpec.affinity, node) },
      });
      try {
        const pod = this.ctx.registry.create(this.pods, namespace, body, { trusted: true });
        this.ctx.events.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source);
      } catch (e) {
        this.ctx.events.event(ds, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(e)}`, source);
        return false;
      }
    }
    return true;
  }

  /** upstream: unscheduled daemon pods aimed at nodes that no longer exist are deleted. */
  private deleteOrphanedUnscheduled(ds: KubeObject, owned: readonly KubeObject[], nodes: readonly KubeObject[]): void {
    const names = new Set(nodes.map((n) => n.metadata.name));
    for (const p of owned) {
      if ((p.spec as { nodeName?: string }).nodeName || p.metadata.deletionTimestamp) continue;
      const target = targetNodeName(p);
      if (target !== undefined && !names.has(target)) {
        try {
          deleteObject(this.ctx.registry, this.pods, ds.metadata.namespace ?? '', p.metadata.name ?? '', {});
        } catch (e) {
          if ((e as { code?: number }).code !== 404) throw e;
        }
      }
    }
  }
}
