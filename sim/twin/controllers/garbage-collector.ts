// Garbage collector: ownerReferences cascade. Background — dependents are deleted once their owner is gone;
// Foreground — the owner (finalizer foregroundDeletion) waits until its blockOwnerDeletion dependents are gone;
// Orphan — the owner (finalizer orphan) first has its dependents' references to it removed.
// upstream: pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem,
// processDeletingDependentsItem, orphanDependents, removeFinalizer).
import { deleteObject, RESOURCES, resourceByKey, resourceForKind } from '../api/index.ts';
import type { KubeObject, OwnerReference } from '../store/index.ts';
import { watchResource, type Controller, type ControllerContext } from './controller.ts';
import {
  classifyReferences, decideDependent, FINALIZER_FOREGROUND, FINALIZER_ORPHAN, gcKey, OwnershipIndex, splitGcKey, type OwnerState,
} from './garbage-collector-graph.ts';
import { isRetryableWriteError } from './quorum-gate.ts';
import { WorkQueue } from './workqueue.ts';

/**
 * Resources the collector never watches: Events are written by the hundred thousand and own nothing.
 * upstream: pkg/controller/garbagecollector/graph_builder.go ignoredResources (DefaultIgnoredResources):
 * events in the core and events.k8s.io groups (the only API group for Events this twin serves is core).
 */
export const GC_IGNORED_RESOURCES: ReadonlySet<string> = new Set(['events', 'events.events.k8s.io']);

export function garbageCollectorController(ctx: ControllerContext): Controller {
  const index = new OwnershipIndex();
  /** Owners being deleted with a GC finalizer: uid → key, so a dependent's deletion re-checks them. */
  const deletingOwners = new Map<string, string>();
  const stops: (() => void)[] = [];

  const load = (key: string): KubeObject | undefined => {
    const { resource, namespace, name } = splitGcKey(key);
    return ctx.store.get(resource, namespace, name);
  };

  const ownerState = (dependentNs: string) => (ref: OwnerReference): OwnerState | undefined => {
    const res = resourceForKind(ref.apiVersion, ref.kind);
    if (!res) return undefined;
    const owner = ctx.store.get(res.key, res.namespaced ? dependentNs : '', ref.name);
    if (!owner || owner.metadata.uid !== ref.uid) return 'absent';
    if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes(FINALIZER_FOREGROUND)) return 'deleting-dependents';
    return 'present';
  };

  /**
   * Whether every owner `o` names is there under that uid and not itself being deleted in the foreground: then
   * a new or re-pointed dependent has nothing for the collector to do. upstream: graph_builder.go
   * addDependentToOwners queues work only for an owner it has not observed (a virtual node) or a reference that
   * does not match the owner it observed, not for every dependent; without this the collector checked each of
   * 100,000 new pods against its ReplicaSet.
   */
  const ownersAllPresent = (o: KubeObject): boolean => {
    const state = ownerState(o.metadata.namespace ?? '');
    for (const ref of o.metadata.ownerReferences ?? []) if (state(ref) !== 'present') return false;
    return true;
  };

  /** Runs one write; a refusal worth retrying (503 without quorum, 409 conflict) reports false for the queue's backoff. */
  const write = (fn: () => void): boolean => {
    try {
      fn();
      return true;
    } catch (e) {
      if (!isRetryableWriteError(e)) throw e;
      return (e as { code?: number }).code === 404;
    }
  };

  const withoutRefs = (key: string, obj: KubeObject, uids: readonly string[]): boolean => {
    const res = resourceByKey(splitGcKey(key).resource)!;
    const refs = (obj.metadata.ownerReferences ?? []).filter((r) => !uids.includes(r.uid));
    const { ownerReferences: _drop, ...rest } = obj.metadata;
    const metadata = refs.length ? { ...rest, ownerReferences: refs } : rest;
    return write(() => void ctx.registry.commitUpdate(res, { ...obj, metadata }, obj));
  };

  const removeFinalizer = (key: string, obj: KubeObject, finalizer: string): boolean => {
    const res = resourceByKey(splitGcKey(key).resource)!;
    const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    const { finalizers: _drop, ...rest } = obj.metadata;
    const metadata = finalizers.length ? { ...rest, finalizers } : rest;
    return write(() => void ctx.registry.commitUpdate(res, { ...obj, metadata }, obj));
  };

  // upstream attemptToDeleteItem.
  const attemptToDelete = new WorkQueue({
    name: 'garbage-collector-delete', clock: ctx.clock, maxBackoffMs: 5_000, onError: (k, e) => ctx.onError(`garbage-collector ${k}`, e),
    process: (key) => {
      const obj = load(key);
      if (!obj) return true;
      const deleting = !!obj.metadata.deletionTimestamp;
      if (deleting && obj.metadata.finalizers?.includes(FINALIZER_FOREGROUND)) {
        ownerQueue.add(key);
        return true;
      }
      if (deleting) return true;
      const refs = obj.metadata.ownerReferences ?? [];
      const c = classifyReferences(refs, ownerState(obj.metadata.namespace ?? ''));
      const action = decideDependent(obj, c, index.dependentsOf(obj.metadata.uid).length > 0);
      if (action.kind === 'remove-refs') return withoutRefs(key, obj, action.uids);
      if (action.kind === 'delete') {
        const { resource, namespace, name } = splitGcKey(key);
        return write(() => void deleteObject(ctx.registry, resourceByKey(resource)!, namespace, name, {
          propagationPolicy: action.policy,
          preconditions: { uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion },
        }));
      }
      return true;
    },
  });

  // upstream processDeletingDependentsItem and orphanDependents, for an owner being deleted.
  const ownerQueue = new WorkQueue({
    name: 'garbage-collector-owners', clock: ctx.clock, maxBackoffMs: 5_000, onError: (k, e) => ctx.onError(`garbage-collector owner ${k}`, e),
    process: (key) => {
      const owner = load(key);
      if (!owner?.metadata.deletionTimestamp) return true;
      const uid = owner.metadata.uid;
      const finalizers = owner.metadata.finalizers ?? [];
      if (finalizers.includes(FINALIZER_ORPHAN)) {
        let ok = true;
        for (const dep of index.dependentsOf(uid)) {
          const d = load(dep);
          if (d && !withoutRefs(dep, d, [uid ?? ''])) ok = false;
        }
        const fresh = load(key);
        // upstream: the orphan finalizer goes only once every dependent was released.
        return ok && (!fresh || removeFinalizer(key, fresh, FINALIZER_ORPHAN));
      }
      if (!finalizers.includes(FINALIZER_FOREGROUND)) return true;
      const blocking = index.dependentsOf(uid).filter((dep) => {
        const d = load(dep);
        return d?.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion === true);
      });
      if (!blocking.length) return removeFinalizer(key, owner, FINALIZER_FOREGROUND);
      for (const dep of blocking) {
        const d = load(dep);
        if (!(d?.metadata.deletionTimestamp && d.metadata.finalizers?.includes(FINALIZER_FOREGROUND))) attemptToDelete.add(dep);
      }
      return true;
    },
  });

  const onEvent = (resource: string) => (ev: { type: string; object: KubeObject }, previous?: KubeObject): void => {
    const o = ev.object;
    // Nothing to record: an object born without owners (every Event), or a write that kept the owner references
    // (stored metadata shares them by reference) and is not a deletion.
    if (o.metadata.deletionTimestamp === undefined) {
      if (ev.type === 'ADDED' && !o.metadata.ownerReferences?.length) return;
      if (ev.type === 'MODIFIED' && previous !== undefined && previous.metadata.ownerReferences === o.metadata.ownerReferences) return;
    }
    const key = gcKey(resource, o.metadata.namespace ?? '', o.metadata.name ?? '');
    const uid = o.metadata.uid ?? '';
    if (ev.type === 'DELETED') {
      const owners = index.ownerUidsOf(key);
      index.set(key, undefined);
      deletingOwners.delete(uid);
      // Background cascade: the owner is gone, so each dependent is checked for dangling references.
      for (const dep of index.dependentsOf(uid)) attemptToDelete.add(dep);
      // Foreground: an owner waiting on this dependent looks again.
      for (const u of owners) {
        const ownerKey = deletingOwners.get(u);
        if (ownerKey) ownerQueue.add(ownerKey);
      }
      return;
    }
    const changed = index.set(key, o.metadata.ownerReferences);
    if ((changed || ev.type === 'ADDED') && o.metadata.ownerReferences?.length && !ownersAllPresent(o)) attemptToDelete.add(key);
    const f = o.metadata.finalizers;
    if (o.metadata.deletionTimestamp && (f?.includes(FINALIZER_FOREGROUND) || f?.includes(FINALIZER_ORPHAN))) {
      const first = !deletingOwners.has(uid);
      deletingOwners.set(uid, key);
      ownerQueue.add(key);
      // upstream processTransitions: an owner that starts waiting for its dependents has all of them attempted.
      if (first && f?.includes(FINALIZER_FOREGROUND) && !f.includes(FINALIZER_ORPHAN)) for (const dep of index.dependentsOf(uid)) attemptToDelete.add(dep);
    }
  };

  return {
    name: 'garbage-collector',
    start() {
      for (const res of RESOURCES) {
        if (!res.verbs.includes('watch') || GC_IGNORED_RESOURCES.has(res.key)) continue;
        stops.push(watchResource(ctx, res.key, onEvent(res.key), { replay: true }));
      }
    },
    stop() {
      for (const s of stops.splice(0)) s();
      attemptToDelete.stop();
      ownerQueue.stop();
    },
  };
}
