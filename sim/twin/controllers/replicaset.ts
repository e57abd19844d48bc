// The ReplicaSet controller: keeps spec.replicas pods matching the selector, adopts and releases pods,
// and reports status. upstream: pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas)
import { WORKLOAD_SYNC_COALESCE_MS } from './config.ts';
import { parseTimestamp, rfc3339Seconds } from '../../core/index.ts';
import { deleteObject, resourceByKey, type ServedResource } from '../api/index.ts';
import { labelSelectorFromSpec, matchesLabels, type LabelSelector } from '../selectors/index.ts';
import type { KubeObject, WatchEvent } from '../store/index.ts';
import { keyOf, splitKey, watchResource, type Controller, type ControllerContext } from './controller.ts';
import type { ControllerFactory } from './manager.ts';
import { WorkQueue } from './workqueue.ts';
import { wakeOwners } from './wake-owners.ts';
import { adopt, planClaim, release } from './replicaset-claim.ts';
import { OwnedIndex, type OwnedEntry } from './replicaset-owned-index.ts';
import { isPodActive, isPodReady, isPodAvailable, newControllerRef } from './replicaset-pod-state.ts';
import { podsToDelete } from './replicaset-ranking.ts';
import { calculateReplicaSetStatus, sameStatus, templateLabelSelector, type ReplicaSetPodCounts, type ReplicaSetShape } from './replicaset-status.ts';
import { podFromTemplate } from './replicaset-template.ts';

const COMPONENT = 'replicaset-controller';
/** upstream: BurstReplicas = 500 — at most this many creates or deletes per sync; the rest follow. */
export const BURST_REPLICAS = 500;

/**
 * Caches a selector derived from each object by uid and generation: by default its spec.selector (immutable in
 * apps/v1, but cheap to be safe); a ReplicaSet's template labels change with its generation too.
 */
export class SelectorCache {
  private readonly cache = new Map<string, { generation: number; selector: LabelSelector }>();
  constructor(private readonly derive: (obj: KubeObject) => LabelSelector = specSelector) {}
  get(obj: KubeObject): LabelSelector {
    const uid = obj.metadata.uid ?? '';
    const generation = obj.metadata.generation ?? 0;
    const hit = this.cache.get(uid);
    if (hit && hit.generation === generation) return hit.selector;
    const selector = this.derive(obj);
    this.cache.set(uid, { generation, selector });
    return selector;
  }
  forget(uid: string | undefined): void {
    if (uid) this.cache.delete(uid);
  }
}

function specSelector(obj: KubeObject): LabelSelector {
  return labelSelectorFromSpec((obj.spec as { selector?: never } | undefined)?.selector);
}

/** Whether the entry's object matches `selector`, remembered on the entry (which a write to the object replaces). */
function matchesMemo(e: OwnedEntry, selector: LabelSelector): boolean {
  if (e.matchedBy === selector) return true;
  if (!matchesLabels(selector, e.obj.metadata.labels)) return false;
  e.matchedBy = selector;
  return true;
}

function sameFacts(before: OwnedEntry, after: OwnedEntry, previous: KubeObject, obj: KubeObject): boolean {
  return before.active === after.active && before.ready === after.ready && before.readySince === after.readySince &&
    previous.metadata.labels === obj.metadata.labels && previous.metadata.ownerReferences === obj.metadata.ownerReferences &&
    previous.metadata.deletionTimestamp === obj.metadata.deletionTimestamp;
}

type PodCounts = ReplicaSetPodCounts & { nextAvailableIn: number };

function newCounts(minReady: number): PodCounts {
  return { replicas: 0, fullyLabeled: 0, ready: 0, available: 0, nextAvailableIn: minReady * 1000 };
}

/** Adds one active, matching pod to the counts. */
function countEntry(counts: PodCounts, e: OwnedEntry, template: LabelSelector, minReady: number, now: number): void {
  counts.replicas++;
  if (e.fullyLabeledBy === template || matchesLabels(template, e.obj.metadata.labels)) {
    e.fullyLabeledBy = template;
    counts.fullyLabeled++;
  }
  if (!e.ready) return;
  counts.ready++;
  // upstream: podutil.IsPodAvailable — ready for at least minReadySeconds (strictly before now).
  if (minReady <= 0 || (e.readySince > 0 && e.readySince + minReady * 1000 < now)) counts.available++;
  else if (e.readySince > 0) counts.nextAvailableIn = Math.min(counts.nextAvailableIn, e.readySince + minReady * 1000 - now);
}

export const replicaSetController: ControllerFactory = (ctx) => new ReplicaSetController(ctx);

class ReplicaSetController implements Controller {
  readonly name = COMPONENT;
  private readonly pods = resourceByKey('pods')!;
  private readonly rsRes = resourceByKey('replicasets.apps')!;
  private readonly index = new OwnedIndex('ReplicaSet');
  private readonly selectors = new SelectorCache();
  private readonly templates = new SelectorCache(templateLabelSelector);
  private readonly queue: WorkQueue;
  private stops: (() => void)[] = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue({ coalesceMs: WORKLOAD_SYNC_COALESCE_MS,
      name: COMPONENT,
      clock: ctx.clock,
      process: (key) => this.sync(key),
      onError: (key, err) => ctx.onError(`${COMPONENT} ${key}`, err),
    });
  }

  start(): void {
    this.stops.push(watchResource(this.ctx, 'pods', (ev, previous) => this.onPod(ev, previous), { replay: true }));
    this.stops.push(watchResource(this.ctx, this.rsRes.key, (ev) => this.onReplicaSet(ev), { replay: true }));
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
    this.queue.stop();
  }

  private onReplicaSet(ev: WatchEvent): void {
    if (ev.type === 'DELETED') {
      this.selectors.forget(ev.object.metadata.uid);
      this.templates.forget(ev.object.metadata.uid);
      return;
    }
    this.queue.add(keyOf(ev.object));
  }

  private onPod(ev: WatchEvent, previous?: KubeObject): void {
    // A write that kept the owner references keeps the pod where it is filed: refreshed in place (a sync ranks
    // and counts its pods; it does not read the order they were written in).
    const kept = ev.type === 'MODIFIED' && previous !== undefined && previous.metadata.ownerReferences === ev.object.metadata.ownerReferences;
    const { before, after } = (kept ? this.index.refresh(ev.object, previous) : undefined) ?? this.index.apply(ev);
    // A write that changed nothing a sync counts or claims by (a kubelet's ContainerCreating → Running report) would
    // sync to the same status and decisions: no need to wake the owner (upstream wakes it and finds nothing to do).
    if (ev.type === 'MODIFIED' && previous !== undefined && before?.obj === previous && after !== undefined && sameFacts(before, after, previous, ev.object)) return;
    wakeOwners(this.ctx, this.queue, this.selectors, 'ReplicaSet', this.rsRes.key, ev);
  }

  private sync(key: string): boolean {
    const { namespace, name } = splitKey(key);
    const rs = this.ctx.store.get(this.rsRes.key, namespace, name) as ReplicaSetShape | undefined;
    if (!rs) return true; // upstream: the garbage collector removes the pods of a deleted ReplicaSet
    const uid = rs.metadata.uid ?? '';
    const deleting = rs.metadata.deletionTimestamp !== undefined;
    const selector = this.selectors.get(rs);
    const ref = newControllerRef(rs, 'apps/v1', 'ReplicaSet');
    // upstream: ClaimPods — ours and matching are kept, ours and no longer matching released, matching orphans adopted.
    const active: KubeObject[] = [];
    const toRelease: KubeObject[] = [];
    const now = this.ctx.clock.now();
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const template = this.templates.get(rs);
    let counts = newCounts(minReady);
    for (const e of this.index.owned(uid).entries()) {
      if (!matchesMemo(e, selector)) {
        if (!deleting) toRelease.push(e.obj);
        continue;
      }
      if (!e.active) continue;
      active.push(e.obj);
      countEntry(counts, e, template, minReady, now);
    }
    const orphans = planClaim(deleting, selector, [], this.index.orphansIn(namespace).values());
    for (const pod of toRelease) release(this.ctx.registry, this.pods, pod, uid);
    for (const pod of orphans.adopt) {
      const adopted = adopt(this.ctx.registry, this.pods, pod, ref);
      if (isPodActive(adopted)) active.push(adopted);
    }

    let failure: { reason: 'FailedCreate' | 'FailedDelete'; message: string } | undefined;
    let more = false;
    let changed = toRelease.length > 0 || orphans.adopt.length > 0;
    if (!deleting) {
      const r = this.manage(rs, active, ref);
      failure = r.failure;
      more = r.more;
      changed ||= r.created.length > 0 || r.deleted.size > 0;
    }
    // After writes, count again: the index already holds what was created, deleted, adopted and released (watch
    // delivery is synchronous), as upstream's calculateStatus over the pods after claim and manage.
    if (changed) counts = this.count(uid, selector, template, minReady, now);
    const status = calculateReplicaSetStatus(rs, counts, rfc3339Seconds(now), failure);
    this.writeStatus(rs, status);
    // upstream: requeue after minReadySeconds so availableReplicas catches up with readiness.
    if (minReady > 0 && status.readyReplicas > status.availableReplicas) this.queue.addAfter(key, Math.max(1, counts.nextAvailableIn));
    if (more) this.queue.add(key);
    return failure === undefined;
  }

  /** The status counts over the owned, matching, active pods, and the wait until the next ready one is available. */
  private count(uid: string, selector: LabelSelector, template: LabelSelector, minReady: number, now: number): PodCounts {
    const counts = newCounts(minReady);
    for (const e of this.index.owned(uid).entries()) {
      if (e.active && matchesMemo(e, selector)) countEntry(counts, e, template, minReady, now);
    }
    return counts;
  }

  /** upstream: manageReplicas — create or delete the difference, at most BURST_REPLICAS at a time. */
  private manage(rs: ReplicaSetShape, active: KubeObject[], ref: ReturnType<typeof newControllerRef>) {
    const namespace = rs.metadata.namespace ?? '';
    const want = rs.spec?.replicas ?? 1;
    const diff = active.length - want;
    let failure: { reason: 'FailedCreate' | 'FailedDelete'; message: string } | undefined;
    const created: KubeObject[] = [];
    const deleted = new Set<KubeObject>();
    if (diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS);
      const template = (rs.spec as { template?: never } | undefined)?.template ?? {};
      for (let i = 0; i < n; i++) {
        try {
          const pod = this.ctx.registry.create(this.pods, namespace, podFromTemplate(namespace, template, ref), { trusted: true });
          created.push(pod);
          this.ctx.events.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, { component: COMPONENT });
        } catch (e) {
          const message = `Error creating: ${errorMessage(e)}`;
          this.ctx.events.event(rs, 'Warning', 'FailedCreate', message, { component: COMPONENT });
          failure = { reason: 'FailedCreate', message };
          break; // upstream: slow start stops at the first failed batch
        }
      }
      return { failure, more: !failure && -diff > n, created, deleted };
    }
    if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      for (const pod of podsToDelete(active, n, active, this.ctx.clock.now())) {
        try {
          deleteObject(this.ctx.registry, this.pods, namespace, pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
          deleted.add(pod);
          this.ctx.events.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, { component: COMPONENT });
        } catch (e) {
          if ((e as { code?: number }).code === 404) {
            deleted.add(pod); // already gone
            continue;
          }
          const message = `Error deleting: ${errorMessage(e)}`;
          this.ctx.events.event(rs, 'Warning', 'FailedDelete', message, { component: COMPONENT });
          failure = { reason: 'FailedDelete', message };
        }
      }
      return { failure, more: !failure && diff > n, created, deleted };
    }
    return { failure, more: false, created, deleted };
  }

  private writeStatus(rs: ReplicaSetShape, status: ReturnType<typeof calculateReplicaSetStatus>): void {
    const stored = this.ctx.store.get(this.rsRes.key, rs.metadata.namespace ?? '', rs.metadata.name ?? '') as ReplicaSetShape | undefined;
    if (!stored || sameStatus(stored.status, status)) return;
    writeStatus(this.ctx, this.rsRes, stored, status);
  }
}

/** Writes `status` onto the stored object (as PUT …/status would), skipping unchanged ones. */
export function writeStatus(ctx: ControllerContext, res: ServedResource, stored: KubeObject, status: unknown): KubeObject {
  return ctx.registry.commitUpdate(res, { ...stored, status }, stored);
}

/** The wait until the next ready pod becomes available (at least 1 ms). */
export function nextAvailabilityDelay(pods: readonly KubeObject[], minReadySeconds: number, now: number): number {
  let soonest = minReadySeconds * 1000;
  for (const p of pods) {
    if (!isPodReady(p) || isPodAvailable(p, minReadySeconds, now)) continue;
    const since = parseTimestamp((p.status as { conditions?: { type: string; lastTransitionTime?: string }[] }).conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '');
    if (!Number.isNaN(since)) soonest = Math.min(soonest, since + minReadySeconds * 1000 - now);
  }
  return Math.max(1, soonest);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
