// All objects of one resource, indexed by namespace, walked in etcd key order.
import { NamespaceBucket, byteOrder } from './namespace-bucket.ts';
import type { KubeObject } from './types.ts';

/** Return false to stop the walk. */
export type Visit = (namespace: string, name: string, obj: KubeObject) => boolean;

export class ResourceTable {
  private readonly buckets = new Map<string, NamespaceBucket>();
  private namespaces: string[] | undefined = [];
  private count = 0;
  private writeCount = 0;

  get size(): number {
    return this.count;
  }

  /** Writes (sets and deletes) so far: unchanged means every object of the resource is as it was. */
  get writes(): number {
    return this.writeCount;
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.buckets.get(namespace)?.get(name);
  }

  set(namespace: string, name: string, obj: KubeObject): void {
    this.writeCount++;
    let bucket = this.buckets.get(namespace);
    if (bucket === undefined) {
      bucket = new NamespaceBucket();
      this.buckets.set(namespace, bucket);
      this.namespaces = undefined;
    }
    if (bucket.set(name, obj)) this.count++;
  }

  delete(namespace: string, name: string): void {
    const bucket = this.buckets.get(namespace);
    if (bucket === undefined || !bucket.objects.has(name)) return;
    this.writeCount++;
    bucket.delete(name);
    this.count--;
    if (bucket.size === 0) {
      // Empty namespaces are dropped so a churn of short-lived namespaces does not leak buckets.
      this.buckets.delete(namespace);
      this.namespaces = undefined;
    }
  }

  /** Objects in one namespace ('' = cluster-scoped), or all when undefined. */
  countIn(namespace: string | undefined): number {
    return namespace === undefined ? this.count : (this.buckets.get(namespace)?.size ?? 0);
  }

  /**
   * Visits objects in key order, starting strictly after `afterKey` (an objectKey) when given.
   * upstream: etcd range reads return keys in byte order; "/registry/pods/a-b/x" sorts before "/registry/pods/a/x".
   */
  walk(namespace: string | undefined, afterKey: string | undefined, visit: Visit): void {
    const spaces = namespace === undefined ? this.sortedNamespaces() : [namespace];
    for (const ns of spaces) {
      const bucket = this.buckets.get(ns);
      if (bucket === undefined) continue;
      const start = startIndex(bucket, ns, afterKey);
      if (start < 0) continue;
      const names = bucket.sortedNames();
      for (let i = start; i < names.length; i++) {
        const name = names[i] as string;
        if (!visit(ns, name, bucket.objects.get(name) as KubeObject)) return;
      }
    }
  }

  /** How many objects sort after `afterKey` — remainingItemCount without walking them. */
  countAfter(namespace: string | undefined, afterKey: string): number {
    const spaces = namespace === undefined ? this.sortedNamespaces() : [namespace];
    let n = 0;
    for (const ns of spaces) {
      const bucket = this.buckets.get(ns);
      if (bucket === undefined) continue;
      const start = startIndex(bucket, ns, afterKey);
      if (start >= 0) n += bucket.size - start;
    }
    return n;
  }

  private sortedNamespaces(): readonly string[] {
    if (this.namespaces === undefined) {
      // Sort by the key prefix ("ns/"), not the bare name, so namespaces come out in etcd order.
      this.namespaces = [...this.buckets.keys()].sort((a, b) => byteOrder(prefixOf(a), prefixOf(b)));
    }
    return this.namespaces;
  }
}

function prefixOf(ns: string): string {
  return ns === '' ? '' : `${ns}/`;
}

/** First index in `bucket` after `afterKey`; -1 when the whole namespace sorts before it. */
function startIndex(bucket: NamespaceBucket, ns: string, afterKey: string | undefined): number {
  if (afterKey === undefined) return 0;
  const prefix = prefixOf(ns);
  if (afterKey.startsWith(prefix) && (prefix === '' || afterKey.indexOf('/') === prefix.length - 1)) {
    return bucket.indexAfter(afterKey.slice(prefix.length));
  }
  return prefix > afterKey ? 0 : -1;
}
