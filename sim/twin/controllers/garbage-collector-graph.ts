// The garbage collector's view of ownership: an index owner uid → dependents kept from watch events (no scans),
// and the pure classification of a dependent's owner references.
// upstream: pkg/controller/garbagecollector/graph_builder.go (uidToNode, owners/dependents),
// garbagecollector.go classifyReferences, attemptToDeleteItem.
import type { KubeObject, OwnerReference } from '../store/index.ts';

export const FINALIZER_FOREGROUND = 'foregroundDeletion';
export const FINALIZER_ORPHAN = 'orphan';

/** "resourceKey\0namespace\0name": identifies an object across resources. */
export function gcKey(resource: string, namespace: string, name: string): string {
  return `${resource}\u0000${namespace}\u0000${name}`;
}

export function splitGcKey(key: string): { resource: string; namespace: string; name: string } {
  const [resource = '', namespace = '', name = ''] = key.split('\u0000');
  return { resource, namespace, name };
}

export class OwnershipIndex {
  private readonly dependents = new Map<string, Set<string>>();
  private readonly owners = new Map<string, string[]>();

  /** Records `key`'s owner uids; returns true when they changed. `refs` undefined = the object is gone. */
  set(key: string, refs: readonly OwnerReference[] | undefined): boolean {
    const next = (refs ?? []).map((r) => r.uid);
    const prev = this.owners.get(key) ?? [];
    if (prev.length === next.length && prev.every((u, i) => u === next[i])) return false;
    for (const u of prev) {
      const s = this.dependents.get(u);
      s?.delete(key);
      if (s?.size === 0) this.dependents.delete(u);
    }
    if (next.length === 0) this.owners.delete(key);
    else this.owners.set(key, next);
    for (const u of next) {
      let s = this.dependents.get(u);
      if (!s) this.dependents.set(u, (s = new Set()));
      s.add(key);
    }
    return true;
  }

  /** Dependents of the owner with `uid`, sorted for a deterministic order. */
  dependentsOf(uid: string | undefined): string[] {
    return uid ? [...(this.dependents.get(uid) ?? [])].sort() : [];
  }

  ownerUidsOf(key: string): readonly string[] {
    return this.owners.get(key) ?? [];
  }
}

export type OwnerState = 'absent' | 'deleting-dependents' | 'present';

export interface Classified {
  solid: OwnerReference[];
  dangling: OwnerReference[];
  waiting: OwnerReference[];
}

/**
 * upstream classifyReferences: an owner that is gone (or has another uid) is dangling; one being deleted in the
 * foreground waits for its dependents; the rest are solid. `lookup` returns the owner's state, or undefined when
 * the owner's kind is unknown (kept as solid: the collector never deletes what it cannot check).
 */
export function classifyReferences(refs: readonly OwnerReference[], lookup: (ref: OwnerReference) => OwnerState | undefined): Classified {
  const out: Classified = { solid: [], dangling: [], waiting: [] };
  for (const ref of refs) {
    const s = lookup(ref);
    if (s === 'absent') out.dangling.push(ref);
    else if (s === 'deleting-dependents') out.waiting.push(ref);
    else out.solid.push(ref);
  }
  return out;
}

export type GcAction =
  | { kind: 'none' }
  | { kind: 'remove-refs'; uids: string[] }
  | { kind: 'delete'; policy: 'Background' | 'Foreground' | 'Orphan' };

/** upstream attemptToDeleteItem's decision for a dependent that is not itself being deleted. */
export function decideDependent(obj: KubeObject, c: Classified, hasDependents: boolean): GcAction {
  if (!obj.metadata.ownerReferences?.length) return { kind: 'none' };
  if (c.solid.length) {
    if (!c.dangling.length && !c.waiting.length) return { kind: 'none' };
    return { kind: 'remove-refs', uids: [...c.dangling, ...c.waiting].map((r) => r.uid) };
  }
  if (c.waiting.length && hasDependents) return { kind: 'delete', policy: 'Foreground' };
  const f = obj.metadata.finalizers ?? [];
  if (f.includes(FINALIZER_ORPHAN)) return { kind: 'delete', policy: 'Orphan' };
  if (f.includes(FINALIZER_FOREGROUND)) return { kind: 'delete', policy: 'Foreground' };
  return { kind: 'delete', policy: 'Background' };
}
