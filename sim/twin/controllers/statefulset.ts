// The StatefulSet controller: pods <set>-<ordinal> with stable names, created in order (OrderedReady) or all at
// once (Parallel), recreated under the same name when deleted or evicted, updated highest ordinal first.
// upstream: pkg/controller/statefulset/stateful_set.go, stateful_set_control.go, stateful_set_utils.go
import { WORKLOAD_SYNC_COALESCE_MS } from './config.ts';
import { deleteObject, resourceByKey } from '../api/index.ts';
import type { KubeObject, WatchEvent } from '../store/index.ts';
import { keyOf, splitKey, watchResource, type Controller, type ControllerContext } from './controller.ts';
import type { ControllerFactory } from './manager.ts';
import { WorkQueue } from './workqueue.ts';
import { wakeOwners } from './wake-owners.ts';
import { adopt, planClaim, release } from './replicaset-claim.ts';
import { OwnedIndex } from './replicaset-owned-index.ts';
import { isPodAvailable, newControllerRef } from './replicaset-pod-state.ts';
import { SelectorCache, errorMessage, nextAvailabilityDelay, writeStatus } from './replicaset.ts';
import { computeHash, podFromTemplate, type PodTemplate } from './replicaset-template.ts';
import { ordinalOf, planStatefulSet, type StsPodState } from './statefulset-plan.ts';
import { REVISION_LABEL, calculateStatefulSetStatus, runningAndReady } from './statefulset-status.ts';

const COMPONENT = 'statefulset-controller';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

interface StsSpec {
  replicas?: number;
  podManagementPolicy?: string;
  serviceName?: string;
  minReadySeconds?: number;
  template?: PodTemplate;
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
}

export const statefulSetController: ControllerFactory = (ctx) => new StatefulSetController(ctx);

class StatefulSetController implements Controller {
  readonly name = COMPONENT;
  private readonly pods = resourceByKey('pods')!;
  private readonly stsRes = resourceByKey('statefulsets.apps')!;
  private readonly index = new OwnedIndex('StatefulSet');
  private readonly selectors = new SelectorCache();
  /**
   * Templates by revision name. upstream keeps them in ControllerRevision objects, which the twin does not serve
   * yet; after a restart an unknown current revision falls back to the update template.
   */
  private readonly revisions = new Map<string, PodTemplate>();
  private readonly queue: WorkQueue;
  private stops: (() => void)[] = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue({ coalesceMs: WORKLOAD_SYNC_COALESCE_MS, name: COMPONENT, clock: ctx.clock, process: (key) => this.sync(key), onError: (key, err) => ctx.onError(`${COMPONENT} ${key}`, err) });
  }

  start(): void {
    this.stops.push(watchResource(this.ctx, 'pods', (ev) => this.onPod(ev), { replay: true }));
    this.stops.push(watchResource(this.ctx, this.stsRes.key, (ev) => (ev.type === 'DELETED' ? this.selectors.forget(ev.object.metadata.uid) : this.queue.add(keyOf(ev.object))), { replay: true }));
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
    this.queue.stop();
  }

  private onPod(ev: WatchEvent): void {
    this.index.apply(ev);
    wakeOwners(this.ctx, this.queue, this.selectors, 'StatefulSet', this.stsRes.key, ev);
  }

  private sync(key: string): boolean {
    const { namespace, name } = splitKey(key);
    const sts = this.ctx.store.get(this.stsRes.key, namespace, name);
    if (!sts) return true;
    const spec = (sts.spec ?? {}) as StsSpec;
    const uid = sts.metadata.uid ?? '';
    const deleting = sts.metadata.deletionTimestamp !== undefined;
    const template = spec.template ?? {};
    const updateRevision = `${name}-${computeHash(template)}`;
    this.revisions.set(updateRevision, template);
    const prev = (sts.status ?? {}) as { currentRevision?: string };
    const currentRevision = prev.currentRevision || updateRevision;
    const rollingUpdate = (spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const minReady = spec.minReadySeconds ?? 0;
    const now = this.ctx.clock.now();

    // upstream: only pods named <set>-<ordinal> are members; others are not adopted.
    const orphans = [...this.index.orphansIn(namespace).values()].filter((p) => ordinalOf(name, p.metadata.name ?? '') !== undefined);
    const plan = planClaim(deleting, this.selectors.get(sts), [...this.index.owned(uid).values()], orphans);
    for (const p of plan.release) release(this.ctx.registry, this.pods, p, uid);
    const ref = newControllerRef(sts, 'apps/v1', 'StatefulSet');
    const owned = [...plan.owned, ...plan.adopt.map((p) => adopt(this.ctx.registry, this.pods, p, ref))];

    let ok = true;
    if (!deleting) ok = this.manage(sts, spec, owned, { currentRevision, updateRevision, rollingUpdate, minReady, now });

    const podsNow = [...this.index.owned(uid).values()];
    const status = calculateStatefulSetStatus(sts.metadata.generation ?? 0, podsNow, currentRevision, updateRevision, rollingUpdate, minReady, now);
    const stored = this.ctx.store.get(this.stsRes.key, namespace, name);
    if (stored && JSON.stringify(stored.status) !== JSON.stringify(status)) writeStatus(this.ctx, this.stsRes, stored, status);
    if (minReady > 0 && status.readyReplicas > status.availableReplicas) this.queue.addAfter(key, nextAvailabilityDelay(podsNow, minReady, now));
    return ok;
  }

  private manage(sts: KubeObject, spec: StsSpec, owned: KubeObject[], r: { currentRevision: string; updateRevision: string; rollingUpdate: boolean; minReady: number; now: number }): boolean {
    const name = sts.metadata.name ?? '';
    const namespace = sts.metadata.namespace ?? '';
    const byOrdinal = new Map<number, StsPodState>();
    for (const pod of owned) {
      const ordinal = ordinalOf(name, pod.metadata.name ?? '');
      if (ordinal === undefined) continue;
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      byOrdinal.set(ordinal, {
        name: pod.metadata.name ?? '',
        revision: pod.metadata.labels?.[REVISION_LABEL] ?? '',
        terminating: pod.metadata.deletionTimestamp !== undefined,
        finished: phase === 'Succeeded' || phase === 'Failed',
        healthy: runningAndReady(pod) && isPodAvailable(pod, r.minReady, r.now),
      });
    }
    const actions = planStatefulSet({
      replicas: spec.replicas ?? 1,
      parallel: spec.podManagementPolicy === 'Parallel',
      rollingUpdate: r.rollingUpdate,
      partition: spec.updateStrategy?.rollingUpdate?.partition ?? 0,
      currentRevision: r.currentRevision,
      updateRevision: r.updateRevision,
      pods: byOrdinal,
    });
    const source = { component: COMPONENT };
    for (const a of actions) {
      if (a.kind === 'create') {
        const podName = `${name}-${a.ordinal}`;
        const template = this.revisions.get(a.revision) ?? spec.template ?? {};
        const body = podFromTemplate(namespace, template, newControllerRef(sts, 'apps/v1', 'StatefulSet'), {
          name: podName,
          labels: { [POD_NAME_LABEL]: podName, [POD_INDEX_LABEL]: String(a.ordinal), [REVISION_LABEL]: a.revision },
          // upstream: updateIdentity — hostname is the pod name, subdomain the governing service
          spec: { hostname: podName, ...(spec.serviceName ? { subdomain: spec.serviceName } : {}) },
        });
        try {
          this.ctx.registry.create(this.pods, namespace, body, { trusted: true });
          this.ctx.events.event(sts, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${name} successful`, source);
        } catch (e) {
          this.ctx.events.event(sts, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${name} failed error: ${errorMessage(e)}`, source);
          return false;
        }
      } else {
        if (a.why === 'finished') this.ctx.events.event(sts, 'Warning', 'RecreatingFailedPod', `StatefulSet ${namespace}/${name} is recreating failed Pod ${a.name}`, source);
        try {
          deleteObject(this.ctx.registry, this.pods, namespace, a.name, {});
          this.ctx.events.event(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${a.name} in StatefulSet ${name} successful`, source);
        } catch (e) {
          if ((e as { code?: number }).code === 404) continue;
          this.ctx.events.event(sts, 'Warning', 'FailedDelete', `delete Pod ${a.name} in StatefulSet ${name} failed error: ${errorMessage(e)}`, source);
          return false;
        }
      }
    }
    return true;
  }
}
