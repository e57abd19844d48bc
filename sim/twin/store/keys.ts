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

/** One object's key, remembered by uid (with the namespace and name it was built from, to check on use). */
interface RememberedKey {
  readonly namespace: string;
  readonly name: string;
  readonly key: string;
  /** Another key a caller builds from the same names and a tag of its own (the garbage collector's: the resource). */
  derived?: { readonly tag: string; readonly key: string };
}

/** Past this many remembered keys the memo starts over (bounded memory however many objects come and go). */
export const OBJECT_KEY_MEMO_LIMIT = 1 << 18;
const keysByUid = new Map<string, RememberedKey>();
/** The same entries by key: a key names one namespace and name whichever object it was built for. */
const namesByKey = new Map<string, RememberedKey>();

/**
 * `objectKey` of a stored object, the same string instance for every version of it. Controllers file each pod
 * write in several Maps under this key: a key built afresh per watch event costs an allocation and a full
 * string hash at every Map (~1 µs against ~0.1 µs for a string V8 has already hashed), several times per write.
 * An object's uid is the same string instance in every version (the store copies metadata by reference) and its
 * namespace and name never change, so the uid finds the key built the first time. The memo checks both names,
 * so an object built by hand with a reused uid still gets its own key.
 */
export function keyOfObject(obj: { metadata: { namespace?: string; name?: string; uid?: string } }): string {
  return rememberedKey(obj.metadata).key;
}

/** The memo entry behind keyOfObject, for a caller that derives a key of its own from the same names. */
export function rememberedKey(meta: { namespace?: string; name?: string; uid?: string }): RememberedKey {
  const namespace = meta.namespace ?? '';
  const name = meta.name ?? '';
  const uid = meta.uid;
  if (uid === undefined || uid === '') return { namespace, name, key: objectKey(namespace, name) };
  const known = keysByUid.get(uid);
  if (known !== undefined && known.name === name && known.namespace === namespace) return known;
  const entry: RememberedKey = { namespace, name, key: objectKey(namespace, name) };
  if (keysByUid.size >= OBJECT_KEY_MEMO_LIMIT) {
    keysByUid.clear();
    namesByKey.clear();
  }
  keysByUid.set(uid, entry);
  namesByKey.set(entry.key, entry);
  return entry;
}

/**
 * The namespace and name an `objectKey` was built from. For a key from keyOfObject (a work queue's, mostly) these
 * are the object's own strings, already hashed by the store's maps; slices of the key would be hashed afresh at
 * every lookup they are used for.
 */
export function namesOfKey(key: string): { readonly namespace: string; readonly name: string } {
  const known = namesByKey.get(key);
  if (known !== undefined) return known;
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
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
