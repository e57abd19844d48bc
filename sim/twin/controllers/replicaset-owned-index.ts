// An index of the objects (pods, ReplicaSets) a controller kind owns, by owner uid, plus the orphans of each
// namespace, kept up to date from the watch. It replaces upstream's "list every pod in the namespace and
// claim" (pkg/controller/controller_ref_manager.go) with O(owned + orphans) work per sync.
// Each filed object carries the facts a sync reads (active, ready, ready-since), computed once per write rather
// than once per sync: a 1,000-pod ReplicaSet syncs many times while its pods start, and each sync visits them all.
import type { LabelSelector } from '../selectors/index.ts';
import type { KubeObject, WatchEvent } from '../store/index.ts';
import { controllerOf, isPodActive, isPodReady, podReadySince } from './replicaset-pod-state.ts';
import { keyOf } from './controller.ts';

/** One filed object and what a sync needs to know about it. A new entry replaces it on every write. */
export interface OwnedEntry {
  readonly obj: KubeObject;
  /** upstream: controller.IsPodActive (for non-pods: not being deleted). */
  readonly active: boolean;
  /** upstream: podutil.IsPodReady. */
  readonly ready: boolean;
  /** The Ready condition's lastTransitionTime in epoch ms when ready, else 0. */
  readonly readySince: number;
  /** Memo for the caller: the selector this object was last seen to match (entries die with the object version). */
  matchedBy?: LabelSelector;
  /** Memo for the caller: the template-label selector this object was last seen to carry fully. */
  fullyLabeledBy?: LabelSelector;
}

/** A read-only view of one owner's objects. */
export interface OwnedView {
  readonly size: number;
  values(): IterableIterator<KubeObject>;
  entries(): IterableIterator<OwnedEntry>;
}

export class OwnedIndex {
  private readonly byOwner = new Map<string, Map<string, OwnedEntry>>();
  private readonly orphans = new Map<string, Map<string, OwnedEntry>>();
  /** Where each key is filed now: an owner uid, `orphan`, or absent (another kind's, or gone). */
  private readonly filed = new Map<string, string>();

  /** @param ownerKind the controller kind whose children this index files (e.g. "ReplicaSet"). */
  constructor(private readonly ownerKind: string) {}

  /** Files (or, for DELETED, forgets) the object from a watch event; returns the entry it replaced and the new one. */
  apply(ev: WatchEvent): { before?: OwnedEntry; after?: OwnedEntry } {
    const obj = ev.object;
    const key = keyOf(obj);
    const namespace = obj.metadata.namespace ?? '';
    const ref = ev.type === 'DELETED' ? undefined : controllerOf(obj);
    const where = ev.type === 'DELETED' ? undefined : !ref ? 'orphan' : ref.kind === this.ownerKind ? ref.uid : undefined;
    const was = this.filed.get(key);
    // Re-filing moves the key to the end of its bucket, as a fresh insert: syncs see owners' objects in write order.
    const before = was === undefined ? undefined : this.unfile(key, namespace, was);
    if (where === undefined) return before === undefined ? {} : { before };
    const ready = isPodReady(obj);
    const entry = newEntry(obj, ready);
    mapOf(where === 'orphan' ? this.orphans : this.byOwner, where === 'orphan' ? namespace : where).set(key, entry);
    this.filed.set(key, where);
    return before === undefined ? { after: entry } : { before, after: entry };
  }

  /**
   * Files the new version of an object whose controller reference did not change (the caller knows: e.g. the
   * write kept `metadata.ownerReferences`) in its current place: cheaper than `apply`, for users that do not read
   * the write order. Returns the replaced and new entries, or undefined when the object is not filed here (then
   * `apply` it). `previous`, the version this write replaced, spares a lookup when given.
   */
  refresh(obj: KubeObject, previous?: KubeObject): { before: OwnedEntry; after: OwnedEntry } | undefined {
    const key = keyOf(obj);
    // The version before this write was filed under its controller reference, which this write kept: that
    // names the bucket without a probe into the map of every filed object.
    const where = previous !== undefined ? this.placeOf(previous) : this.filed.get(key);
    if (where === undefined) return undefined;
    const bucket = where === 'orphan' ? this.orphans.get(obj.metadata.namespace ?? '') : this.byOwner.get(where);
    const before = bucket?.get(key);
    if (before === undefined) return undefined;
    const ready = isPodReady(obj);
    const after = newEntry(obj, ready);
    bucket!.set(key, after);
    return { before, after };
  }

  /** Where an object is filed: its controller's uid when that controller is of this index's kind, `orphan`, or nowhere. */
  private placeOf(obj: KubeObject): string | undefined {
    const ref = controllerOf(obj);
    return !ref ? 'orphan' : ref.kind === this.ownerKind ? ref.uid : undefined;
  }

  /** The objects controlled by `uid` (live view; do not mutate). */
  owned(uid: string): OwnedView {
    return view(this.byOwner.get(uid));
  }

  orphansIn(namespace: string): OwnedView {
    return view(this.orphans.get(namespace));
  }

  /** Forgets an owner's bucket once the owner is gone and the bucket is empty. */
  compact(uid: string): void {
    if (this.byOwner.get(uid)?.size === 0) this.byOwner.delete(uid);
  }

  private unfile(key: string, namespace: string, where: string): OwnedEntry | undefined {
    this.filed.delete(key);
    const bucketKey = where === 'orphan' ? namespace : where;
    const buckets = where === 'orphan' ? this.orphans : this.byOwner;
    const m = buckets.get(bucketKey);
    const entry = m?.get(key);
    m?.delete(key);
    if (m?.size === 0) buckets.delete(bucketKey);
    return entry;
  }
}

const EMPTY = new Map<string, OwnedEntry>();

function* objectsOf(m: Map<string, OwnedEntry>): IterableIterator<KubeObject> {
  for (const e of m.values()) yield e.obj;
}

function view(m: Map<string, OwnedEntry> | undefined): OwnedView {
  const bucket = m ?? EMPTY;
  return { size: bucket.size, values: () => objectsOf(bucket), entries: () => bucket.values() };
}

function mapOf(m: Map<string, Map<string, OwnedEntry>>, k: string): Map<string, OwnedEntry> {
  let v = m.get(k);
  if (!v) m.set(k, (v = new Map()));
  return v;
}

/** An entry with the callers' memo fields in place (set later, they would go to a property array per entry). */
function newEntry(obj: KubeObject, ready: boolean): OwnedEntry {
  return { obj, active: isPodActive(obj), ready, readySince: ready ? podReadySince(obj) : 0, matchedBy: undefined, fullyLabeledBy: undefined };
}
