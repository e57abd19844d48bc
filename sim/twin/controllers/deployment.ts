// The Deployment controller: one ReplicaSet per pod template (named <deployment>-<pod-template-hash>), rolled
// out with RollingUpdate or Recreate, old ones trimmed to revisionHistoryLimit, status and conditions reported.
// upstream: pkg/controller/deployment/deployment_controller.go syncDeployment, sync.go, rolling.go, recreate.go
import { WORKLOAD_SYNC_COALESCE_MS } from './config.ts';
import { rfc3339Seconds } from '../../core/index.ts';
import { deleteObject, resourceByKey } from '../api/index.ts';
import type { KubeObject, WatchEvent } from '../store/index.ts';
import { keyOf, splitKey, watchResource, type Controller, type ControllerContext } from './controller.ts';
import type { ControllerFactory } from './manager.ts';
import { WorkQueue } from './workqueue.ts';
import { wakeOwners } from './wake-owners.ts';
import { adopt, planClaim, release } from './replicaset-claim.ts';
import { OwnedIndex } from './replicaset-owned-index.ts';
import { controllerOf, newControllerRef } from './replicaset-pod-state.ts';
import { SelectorCache, errorMessage, writeStatus } from './replicaset.ts';
import { DeploymentTemplates } from './deployment-templates.ts';
import { planRecreate, planRolling, planScale, historyToDelete, newRsReplicas, type ScalePlan } from './deployment-plan.ts';
import { calculateStatus, condition, deploymentComplete, getCondition, REASON, setCondition, withProgress, type DeploymentStatus } from './deployment-status.ts';
import {
  DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, deploymentView, revisionOf, rsView, type DeploymentView, type RsView,
} from './deployment-util.ts';

const COMPONENT = 'deployment-controller';
/** The new ReplicaSet before it exists: size 0. */
const EMPTY_RS: RsView = { name: '', uid: '', replicas: 0, pods: 0, available: 0, created: 0, revision: 0, desired: undefined, maxReplicas: undefined };

export const deploymentController: ControllerFactory = (ctx) => new DeploymentController(ctx);

class DeploymentController implements Controller {
  readonly name = COMPONENT;
  private readonly dRes = resourceByKey('deployments.apps')!;
  private readonly rsRes = resourceByKey('replicasets.apps')!;
  private readonly rsIndex = new OwnedIndex('Deployment');
  private readonly podIndex = new OwnedIndex('ReplicaSet');
  private readonly selectors = new SelectorCache();
  private readonly templates = new DeploymentTemplates();
  private readonly queue: WorkQueue;
  private stops: (() => void)[] = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue({ coalesceMs: WORKLOAD_SYNC_COALESCE_MS, name: COMPONENT, clock: ctx.clock, process: (key) => this.sync(key), onError: (key, err) => ctx.onError(`${COMPONENT} ${key}`, err) });
  }

  start(): void {
    this.stops.push(watchResource(this.ctx, 'pods', (ev, previous) => this.onPod(ev, previous), { replay: true }));
    this.stops.push(watchResource(this.ctx, this.rsRes.key, (ev) => this.onReplicaSet(ev), { replay: true }));
    this.stops.push(watchResource(this.ctx, this.dRes.key, (ev) => (ev.type === 'DELETED' ? this.selectors.forget(ev.object.metadata.uid) : this.queue.add(keyOf(ev.object))), { replay: true }));
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
    this.queue.stop();
  }

  private onReplicaSet(ev: WatchEvent): void {
    this.rsIndex.apply(ev);
    if (ev.type === 'DELETED') this.templates.forget(ev.object.metadata.uid);
    wakeOwners(this.ctx, this.queue, this.selectors, 'Deployment', this.dRes.key, ev);
  }

  /** Recreate waits for old pods to be gone, surge counts live pods: a deleted or terminating pod wakes its Deployment (upstream: deletePod). */
  private onPod(ev: WatchEvent, previous?: KubeObject): void {
    // What this controller reads of a pod is its owner, deletion state and phase (active counts, Recreate's wait
    // for old pods), not the order pods were written in: a write that kept all three (a kubelet's status write,
    // mostly) is filed in place and wakes nothing.
    if (ev.type === 'MODIFIED' && previous !== undefined && sameDeploymentFacts(previous, ev.object) && this.podIndex.refresh(ev.object, previous) !== undefined) return;
    this.podIndex.apply(ev);
    if (ev.type !== 'DELETED' && !ev.object.metadata.deletionTimestamp) return;
    const ref = controllerOf(ev.object);
    if (ref?.kind !== 'ReplicaSet') return;
    const rs = this.ctx.store.get(this.rsRes.key, ev.object.metadata.namespace ?? '', ref.name);
    const owner = rs && controllerOf(rs);
    if (owner?.kind === 'Deployment') this.queue.add(`${rs!.metadata.namespace}/${owner.name}`);
  }

  private sync(key: string): boolean {
    const { namespace, name } = splitKey(key);
    const d = this.ctx.store.get(this.dRes.key, namespace, name);
    if (!d || d.metadata.deletionTimestamp) return true;
    const view = deploymentView(d);
    const rsList = this.claim(d);
    const { newRs: found, old } = this.templates.split(d, rsList);
    let newRs = found ? this.syncRevision(d, found, old) : undefined;
    const paused = (d.spec as { paused?: boolean }).paused === true;
    let created = false;
    let failed = false;
    let collided: boolean | undefined;
    const scalingEvent = [...old, ...(newRs ? [newRs] : [])].some((rs) => {
      const v = rsView(rs);
      return v.replicas > 0 && v.desired !== undefined && v.desired !== view.replicas;
    });
    if (paused || scalingEvent) {
      const saturated = newRs !== undefined && rsView(newRs).desired === view.replicas && ((newRs.status as { availableReplicas?: number })?.availableReplicas ?? 0) === view.replicas;
      this.apply(d, view, [...old, ...(newRs ? [newRs] : [])], planScale(view, newRs && rsView(newRs), old.map(rsView), saturated, (d.status as { replicas?: number })?.replicas ?? 0));
    } else if (view.strategy === 'Recreate') {
      const oldPodsRunning = old.some((rs) => [...this.podIndex.owned(rs.metadata.uid ?? '').values()].some((p) => !['Succeeded', 'Failed'].includes((p.status as { phase?: string })?.phase ?? '')));
      const step = planRecreate(view, newRs && rsView(newRs), old.map(rsView), oldPodsRunning);
      this.apply(d, view, [...old, ...(newRs ? [newRs] : [])], step.plan);
      if (step.createNew) ({ rs: newRs, created, failed, collided } = this.createNewRs(d, view, old, view.replicas));
    } else {
      if (!newRs) {
        const size = newRsReplicas(view, old.map((rs) => this.view(rs)), EMPTY_RS);
        ({ rs: newRs, created, failed, collided } = this.createNewRs(d, view, old, size));
      }
      if (newRs) this.apply(d, view, [...old, newRs], planRolling(view, this.view(newRs), old.map((rs) => this.view(rs))));
    }
    // upstream: after a hash collision the sync ends with the bumped collisionCount and is retried
    if (collided) return false;
    this.updateStatus(d, view, newRs, created, paused);
    return !failed;
  }

  /** rsView with the live count of the ReplicaSet's non-terminating pods. */
  private view(rs: KubeObject): RsView {
    let pods = 0;
    for (const e of this.podIndex.owned(rs.metadata.uid ?? '').entries()) if (e.active) pods++;
    return { ...rsView(rs), pods };
  }

  /** upstream: getReplicaSetsForDeployment — adopt matching orphan ReplicaSets, release ones that stopped matching. */
  private claim(d: KubeObject): KubeObject[] {
    const uid = d.metadata.uid ?? '';
    const plan = planClaim(false, this.selectors.get(d), [...this.rsIndex.owned(uid).values()], [...this.rsIndex.orphansIn(d.metadata.namespace ?? '').values()]);
    for (const rs of plan.release) release(this.ctx.registry, this.rsRes, rs, uid);
    const ref = newControllerRef(d, 'apps/v1', 'Deployment');
    return [...plan.owned, ...plan.adopt.map((rs) => adopt(this.ctx.registry, this.rsRes, rs, ref))];
  }

  /** upstream: getNewReplicaSet for an existing one — its revision becomes max(old)+1 if lower; minReadySeconds follows. */
  private syncRevision(d: KubeObject, rs: KubeObject, old: readonly KubeObject[]): KubeObject {
    const want = Math.max(0, ...old.map(revisionOf)) + 1;
    const minReady = (d.spec as { minReadySeconds?: number }).minReadySeconds ?? 0;
    const rsMinReady = (rs.spec as { minReadySeconds?: number }).minReadySeconds ?? 0;
    if (revisionOf(rs) >= want && rsMinReady === minReady) return rs;
    const annotations = { ...this.templates.copiedAnnotations(d), ...(rs.metadata.annotations ?? {}), [REVISION_ANNOTATION]: String(Math.max(want, revisionOf(rs))) };
    return this.ctx.registry.commitUpdate(this.rsRes, { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...(rs.spec as object), minReadySeconds: minReady } }, rs);
  }

  private createNewRs(d: KubeObject, view: DeploymentView, old: readonly KubeObject[], replicas: number): { rs: KubeObject | undefined; created: boolean; failed: boolean; collided?: boolean } {
    const revision = Math.max(0, ...old.map(revisionOf)) + 1;
    const collisionCount = (d.status as { collisionCount?: number } | undefined)?.collisionCount;
    const body = this.templates.newReplicaSet(d, view, replicas, revision, collisionCount);
    try {
      const rs = this.ctx.registry.create(this.rsRes, d.metadata.namespace ?? '', body);
      if (replicas > 0) this.ctx.events.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} to ${replicas}`, { component: COMPONENT });
      return { rs, created: true, failed: false };
    } catch (e) {
      const existing = this.ctx.store.get(this.rsRes.key, d.metadata.namespace ?? '', body.metadata.name ?? '');
      if ((e as { code?: number }).code === 409 && existing && controllerOf(existing)?.uid === d.metadata.uid && (this.templates.matches(d, existing) || existing.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === body.metadata.labels?.[POD_TEMPLATE_HASH_LABEL])) {
        return { rs: existing, created: false, failed: false };
      }
      if ((e as { code?: number }).code === 409 && existing) {
        // upstream: a hash collision bumps status.collisionCount and retries with a new name.
        writeStatus(this.ctx, this.dRes, d, { ...(d.status as object), collisionCount: (collisionCount ?? 0) + 1 });
        return { rs: undefined, created: false, failed: true, collided: true };
      }
      const msg = `Failed to create new replica set "${body.metadata.name}": ${errorMessage(e)}`;
      this.ctx.events.event(d, 'Warning', 'ReplicaSetCreateError', msg, { component: COMPONENT });
      return { rs: undefined, created: false, failed: true };
    }
  }

  /** upstream: scaleReplicaSet — size and the desired/max-replicas annotations; an event when the size changes. */
  private apply(d: KubeObject, view: DeploymentView, rss: readonly KubeObject[], plan: ScalePlan): void {
    for (const rs of rss) {
      const stored = this.ctx.store.get(this.rsRes.key, rs.metadata.namespace ?? '', rs.metadata.name ?? '');
      if (!stored) continue;
      const from = (stored.spec as { replicas?: number }).replicas ?? 0;
      const to = plan.get(stored.metadata.name ?? '');
      if (to === undefined) continue;
      const annotations = { ...(stored.metadata.annotations ?? {}), [DESIRED_REPLICAS_ANNOTATION]: String(view.replicas), [MAX_REPLICAS_ANNOTATION]: String(view.replicas + view.maxSurge) };
      this.ctx.registry.commitUpdate(this.rsRes, { ...stored, metadata: { ...stored.metadata, annotations }, spec: { ...(stored.spec as object), replicas: to } }, stored);
      if (from !== to) {
        const verb = to > from ? 'up' : 'down';
        this.ctx.events.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${stored.metadata.name} to ${to} from ${from}`, { component: COMPONENT });
      }
    }
  }

  private updateStatus(d: KubeObject, view: DeploymentView, newRs: KubeObject | undefined, created: boolean, paused: boolean): void {
    const nowMs = this.ctx.clock.now();
    const now = rfc3339Seconds(nowMs);
    const all = [...this.rsIndex.owned(d.metadata.uid ?? '').values()];
    const newNow = newRs && this.ctx.store.get(this.rsRes.key, newRs.metadata.namespace ?? '', newRs.metadata.name ?? '');
    let status: DeploymentStatus = calculateStatus(d, view, all, newNow, now);
    const hasDeadline = (d.spec as { progressDeadlineSeconds?: number }).progressDeadlineSeconds !== undefined;
    if (newNow && hasDeadline && created) {
      status.conditions = setCondition(status.conditions, condition('Progressing', 'True', REASON.newRsCreated, `Created new replica set "${newNow.metadata.name}"`, now));
    } else if (newNow && hasDeadline && !getCondition(status.conditions, 'Progressing')) {
      status.conditions = setCondition(status.conditions, condition('Progressing', 'True', REASON.foundNewRs, `Found new replica set "${newNow.metadata.name}"`, now));
    }
    if (!paused) status = withProgress({ ...d, status: { ...(d.status as object), conditions: status.conditions } }, view.replicas, status, newNow?.metadata.name, nowMs, now);
    if (!paused && deploymentComplete(view.replicas, d.metadata.generation ?? 0, status)) this.cleanup(d, newNow);
    const revision = newNow ? String(revisionOf(newNow)) : d.metadata.annotations?.[REVISION_ANNOTATION];
    const stored = this.ctx.store.get(this.dRes.key, d.metadata.namespace ?? '', d.metadata.name ?? '');
    if (!stored) return;
    const annotations = revision ? { ...(stored.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision } : stored.metadata.annotations;
    const next = { ...stored, metadata: { ...stored.metadata, ...(annotations ? { annotations } : {}) }, status };
    if (JSON.stringify(next.status) !== JSON.stringify(stored.status) || JSON.stringify(annotations) !== JSON.stringify(stored.metadata.annotations)) {
      this.ctx.registry.commitUpdate(this.dRes, next, stored);
    }
    this.requeueStuck(keyOf(d), d, status, nowMs);
  }

  /** upstream: requeueStuckDeployment — check again when the progress deadline would pass. */
  private requeueStuck(key: string, d: KubeObject, status: DeploymentStatus, nowMs: number): void {
    const deadline = (d.spec as { progressDeadlineSeconds?: number }).progressDeadlineSeconds;
    const c = getCondition(status.conditions, 'Progressing');
    if (deadline === undefined || !c || c.status !== 'True' || c.reason === REASON.newRsAvailable) return;
    const due = Date.parse(c.lastUpdateTime) + deadline * 1000 + 1000 - nowMs;
    if (due > 0) this.queue.addAfter(key, due);
  }

  /** upstream: cleanupDeployment — delete the oldest empty old ReplicaSets beyond revisionHistoryLimit. */
  private cleanup(d: KubeObject, newRs: KubeObject | undefined): void {
    const limit = (d.spec as { revisionHistoryLimit?: number }).revisionHistoryLimit;
    const old = [...this.rsIndex.owned(d.metadata.uid ?? '').values()].filter((rs) => rs.metadata.uid !== newRs?.metadata.uid && !rs.metadata.deletionTimestamp);
    const views = old.map((rs) => {
      const v = rsView(rs);
      const st = (rs.status ?? {}) as { replicas?: number; observedGeneration?: number };
      return { name: v.name, revision: v.revision, created: v.created, empty: v.replicas === 0 && (st.replicas ?? 0) === 0 && (st.observedGeneration ?? 0) >= (rs.metadata.generation ?? 0) };
    });
    for (const name of historyToDelete(views, limit)) {
      try {
        deleteObject(this.ctx.registry, this.rsRes, d.metadata.namespace ?? '', name, {});
      } catch (e) {
        if ((e as { code?: number }).code !== 404) throw e;
      }
    }
  }
}

function sameDeploymentFacts(previous: KubeObject, obj: KubeObject): boolean {
  return (
    previous.metadata.ownerReferences === obj.metadata.ownerReferences &&
    previous.metadata.deletionTimestamp === obj.metadata.deletionTimestamp &&
    (previous.status as { phase?: string } | undefined)?.phase === (obj.status as { phase?: string } | undefined)?.phase
  );
}
