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
