// Object keys in etcd order, and the path-segment rule that keeps names from breaking keys.
import { StoreError } from './errors.ts';

/**
 * The key of an object within its resource: `namespace/name`, or `name` when cluster-scoped.
 * upstream: k8s.io/apiserver/pkg/registry/generic/registry/store.go NamespaceKeyFunc ("/registry/pods/<ns>/<name>").
 * Plain string comparison of these keys is etcd's byte order, because names are ASCII.
 */
export function objectKey(namespace: string, name: string): string {
  return namespace === '' ? name : `${namespace}/${name}`;
}

/**
 * Where the store keeps a stored object's key: on its metadata, under a symbol. A symbol-keyed property is left
 * out of JSON, of Object.keys and of the deep comparisons, but spreads and Object.assign copy it, so every
 * version of an object (the store copies metadata on each write) carries the one string built at its creation.
 */
export const OBJECT_KEY: unique symbol = Symbol('kis.objectKey');

type KeyedMeta = { namespace?: string; name?: string; [OBJECT_KEY]?: string };

/** Whether `key` is objectKey(namespace, name), compared in place (no string built). */
function isKeyOf(key: string, namespace: string, name: string): boolean {
  if (namespace === '') return key === name;
  return key.length === namespace.length + 1 + name.length && key.charCodeAt(namespace.length) === 47 && key.startsWith(namespace) && key.endsWith(name);
}

/**
 * `objectKey` of an object, the same string instance for every stored version of it. Controllers file each pod
 * write in several Maps under this key: a key built afresh per watch event costs an allocation and a full string
 * hash at every Map (~1 µs against ~0.1 µs for a string V8 has already hashed), several times per write.
 * The carried key is checked against the names, so a copy under other names (`{ ...pod.metadata, name: 'b' }`)
 * never answers with a stale one.
 */
export function keyOfObject(obj: { metadata: KeyedMeta }): string {
  const m = obj.metadata;
  const namespace = m.namespace ?? '';
  const name = m.name ?? '';
  const carried = m[OBJECT_KEY];
  return carried !== undefined && isKeyOf(carried, namespace, name) ? carried : objectKey(namespace, name);
}

/** The store's side: gives metadata it is about to seal its key (kept from the version it copied). */
export function stampObjectKey(meta: KeyedMeta): void {
  const key = keyOfObject({ metadata: meta });
  if (meta[OBJECT_KEY] !== key) meta[OBJECT_KEY] = key;
}

/**
 * Rejects names that would break the key space.
 * upstream: k8s.io/apimachinery/pkg/api/validation/path/name.go IsValidPathSegmentName.
 * Full DNS-1123 validation is the API layer's job (it knows the resource's rules).
 */
export function checkPathSegment(what: string, value: string): void {
  if (value === '.' || value === '..') {
    throw new StoreError('Invalid', `${what} may not be '${value}'`);
  }
  if (value.includes('/') || value.includes('%')) {
    throw new StoreError('Invalid', `${what} "${value}" may not contain '/' or '%'`);
  }
}
