// A secondary index over one resource: objects by the value of one field, so a list that pins that field
// (pods on a node) reads only its matches instead of walking every object.
// upstream: k8s.io/kubernetes/pkg/registry/core/pod/strategy.go NodeNameIndexFunc / Indexers — the watch cache
// indexes pods by spec.nodeName for exactly this (kubelets and drains list "spec.nodeName=<node>").
import { objectKey } from './keys.ts';
import type { KubeObject } from './types.ts';

/** The indexed value of an object; undefined or '' = not indexed. */
export type IndexFunc = (obj: KubeObject) => string | undefined;

interface Entry {
  namespace: string;
  name: string;
}

export class FieldIndex {
  private readonly byValue = new Map<string, Map<string, Entry>>();

  constructor(readonly fn: IndexFunc) {}

  /** Follows one write: `prev` the object before it (undefined on create), `next` after it (undefined on delete). */
  update(namespace: string, name: string, prev: KubeObject | undefined, next: KubeObject | undefined): void {
    const before = prev === undefined ? undefined : this.fn(prev);
    const after = next === undefined ? undefined : this.fn(next);
    if (before === after) return;
    const key = objectKey(namespace, name);
    if (before) {
      const set = this.byValue.get(before);
      set?.delete(key);
      if (set?.size === 0) this.byValue.delete(before);
    }
    if (after) {
      let set = this.byValue.get(after);
      if (set === undefined) this.byValue.set(after, (set = new Map()));
      set.set(key, { namespace, name });
    }
  }

  /** Where the objects with `value` live, in etcd key order; namespace undefined = all namespaces. */
  lookup(value: string, namespace: string | undefined): Entry[] {
    const set = this.byValue.get(value);
    if (set === undefined) return [];
    const out: { key: string; e: Entry }[] = [];
    for (const [key, e] of set) if (namespace === undefined || e.namespace === namespace) out.push({ key, e });
    out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out.map((x) => x.e);
  }
}
