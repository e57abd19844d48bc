// An index of the objects (pods, ReplicaSets) a controller kind owns, by owner uid, plus the orphans of each
// namespace, kept up to date from the watch. It replaces upstream's "list every pod in the namespace and
// claim" (pkg/controller/controller_ref_manager.go) with O(owned + orphans) work per sync.
import type { KubeObject, WatchEvent } from '../store/index.ts';
import { controllerOf } from './replicaset-pod-state.ts';
import { keyOf } from './controller.ts';

export class OwnedIndex {
  private readonly byOwner = new Map<string, Map<string, KubeObject>>();
  private readonly orphans = new Map<string, Map<string, KubeObject>>();
  /** Where each key is filed now: an owner uid, `orphan`, or absent (another kind's, or gone). */
  private readonly filed = new Map<string, string>();

  /** @param ownerKind the controller kind whose children this index files (e.g. "ReplicaSet"). */
  constructor(private readonly ownerKind: string) {}

  /** Files (or, for DELETED, forgets) the object from a watch event. */
  apply(ev: WatchEvent): void {
    const obj = ev.object;
    const key = keyOf(obj);
    this.unfile(key, obj.metadata.namespace ?? '');
    if (ev.type === 'DELETED') return;
    const ref = controllerOf(obj);
    if (!ref) {
      mapOf(this.orphans, obj.metadata.namespace ?? '').set(key, obj);
      this.filed.set(key, 'orphan');
    } else if (ref.kind === this.ownerKind) {
      mapOf(this.byOwner, ref.uid).set(key, obj);
      this.filed.set(key, ref.uid);
    }
  }

  /** The objects controlled by `uid` (live view; do not mutate). */
  owned(uid: string): ReadonlyMap<string, KubeObject> {
    return this.byOwner.get(uid) ?? EMPTY;
  }

  orphansIn(namespace: string): ReadonlyMap<string, KubeObject> {
    return this.orphans.get(namespace) ?? EMPTY;
  }

  /** Forgets an owner's bucket once the owner is gone and the bucket is empty. */
  compact(uid: string): void {
    if (this.byOwner.get(uid)?.size === 0) this.byOwner.delete(uid);
  }

  private unfile(key: string, namespace: string): void {
    const where = this.filed.get(key);
    if (where === undefined) return;
    this.filed.delete(key);
    if (where === 'orphan') {
      const m = this.orphans.get(namespace);
      m?.delete(key);
      if (m?.size === 0) this.orphans.delete(namespace);
    } else {
      const m = this.byOwner.get(where);
      m?.delete(key);
      if (m?.size === 0) this.byOwner.delete(where);
    }
  }
}

const EMPTY: ReadonlyMap<string, KubeObject> = new Map();

function mapOf(m: Map<string, Map<string, KubeObject>>, k: string): Map<string, KubeObject> {
  let v = m.get(k);
  if (!v) m.set(k, (v = new Map()));
  return v;
}
