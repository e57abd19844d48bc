// Which objects a controller adopts, keeps and releases, as upstream's ControllerRefManager decides.
// upstream: pkg/controller/controller_ref_manager.go (BaseControllerRefManager.ClaimObject)
import type { KubeObject, OwnerReference } from '../store/index.ts';
import { matchesLabels, type LabelSelector } from '../selectors/index.ts';
import type { Registry, ServedResource } from '../api/index.ts';

export interface ClaimPlan {
  /** Ours and still matching: the objects the controller manages this sync. */
  owned: KubeObject[];
  /** Orphans that match the selector: adopt them (add our controller ref). */
  adopt: KubeObject[];
  /** Ours but no longer matching: release them (drop our owner ref). */
  release: KubeObject[];
}

/**
 * `owned` are the objects whose controller ref names us; `orphans` those with no controller ref.
 * upstream: an owner being deleted neither adopts nor releases; an object being deleted is not adopted.
 */
export function planClaim(
  ownerDeleting: boolean,
  selector: LabelSelector,
  owned: Iterable<KubeObject>,
  orphans: Iterable<KubeObject>,
): ClaimPlan {
  const plan: ClaimPlan = { owned: [], adopt: [], release: [] };
  for (const obj of owned) {
    if (matchesCached(selector, obj)) plan.owned.push(obj);
    else if (!ownerDeleting) plan.release.push(obj);
  }
  if (ownerDeleting) return plan;
  for (const obj of orphans) {
    if (obj.metadata.deletionTimestamp !== undefined) continue;
    if (matchesLabels(selector, obj.metadata.labels)) plan.adopt.push(obj);
  }
  return plan;
}

/**
 * Stored metadata is frozen and kept by reference across status-only writes (a kubelet's updates), so a
 * (metadata, selector) pair seen to match needs no second look: this keeps a sync over many pods cheap.
 */
const matched = new WeakMap<object, LabelSelector>();

function matchesCached(selector: LabelSelector, obj: KubeObject): boolean {
  if (matched.get(obj.metadata) === selector) return true;
  const ok = matchesLabels(selector, obj.metadata.labels);
  if (ok && Object.isFrozen(obj.metadata)) matched.set(obj.metadata, selector);
  return ok;
}

/** Adds `ref` as the controller ref (upstream: AdoptPod / AdoptReplicaSet patch). Returns the stored object. */
export function adopt(registry: Registry, res: ServedResource, obj: KubeObject, ref: OwnerReference): KubeObject {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid);
  return registry.commitUpdate(res, { ...obj, metadata: { ...obj.metadata, ownerReferences: [...refs, ref] } }, obj);
}

/** Drops the owner ref to `ownerUid` (upstream: ReleasePod / ReleaseReplicaSet patch). */
export function release(registry: Registry, res: ServedResource, obj: KubeObject, ownerUid: string): KubeObject {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  const metadata = { ...obj.metadata, ownerReferences: refs };
  if (refs.length === 0) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
  return registry.commitUpdate(res, { ...obj, metadata }, obj);
}
