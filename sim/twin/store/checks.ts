// Pre-write checks and the upstream wording of their errors: everything here throws before any state changes.
import { StoreError } from './errors.ts';
import type { KubeObject, ObjectMeta } from './types.ts';

export function checkShape(obj: KubeObject): ObjectMeta {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new StoreError('Invalid', 'object must be a JSON object');
  }
  const meta = obj.metadata;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new StoreError('Invalid', 'object.metadata must be a JSON object');
  }
  if (meta.namespace !== undefined && typeof meta.namespace !== 'string') {
    throw new StoreError('Invalid', 'metadata.namespace must be a string');
  }
  return meta;
}

/** Optimistic concurrency and immutable identity for update. */
export function checkUpdatable(resource: string, name: string, meta: ObjectMeta, oldMeta: ObjectMeta): void {
  if (meta.resourceVersion !== undefined && meta.resourceVersion !== '' && meta.resourceVersion !== oldMeta.resourceVersion) {
    // upstream: apimachinery/pkg/api/errors NewConflict + registry OptimisticLockErrorMsg.
    throw new StoreError(
      'Conflict',
      `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; ` +
        'please apply your changes to the latest version and try again',
    );
  }
  if (meta.uid !== undefined && meta.uid !== '' && meta.uid !== oldMeta.uid) {
    // upstream: apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMetaUpdate — uid is immutable.
    throw new StoreError('Invalid', `${resource} "${name}": metadata.uid: field is immutable`);
  }
}

/** upstream: apiserver/pkg/storage/interfaces.go Preconditions.Check. */
export function checkPreconditions(meta: ObjectMeta, want: { uid?: string; resourceVersion?: string } = {}): void {
  if (want.uid !== undefined && want.uid !== meta.uid) {
    throw new StoreError('Conflict', `Precondition failed: UID in precondition: ${want.uid}, UID in object meta: ${meta.uid ?? ''}`);
  }
  if (want.resourceVersion !== undefined && want.resourceVersion !== meta.resourceVersion) {
    throw new StoreError(
      'Conflict',
      `Precondition failed: ResourceVersion in precondition: ${want.resourceVersion}, ` +
        `ResourceVersion in object meta: ${meta.resourceVersion ?? ''}`,
    );
  }
}

/** The RV a watch starts after: undefined, '' and '0' mean "now". */
export function parseWatchStart(from: string | undefined, current: number, oldestUsable: number): number {
  if (from === undefined || from === '' || from === '0') return current;
  if (!/^[0-9]{1,15}$/.test(from)) throw new StoreError('Invalid', `resourceVersion "${from}" is not a decimal number`);
  const rv = Number(from);
  if (rv > current) {
    // upstream: cacher waitUntilFreshAndBlock — "Too large resource version" (504) after waiting a while.
    throw new StoreError('Timeout', `Too large resource version: ${rv}, current: ${current}`);
  }
  if (rv < oldestUsable) {
    // upstream: watch cache "too old resource version: %d (%d)" — 410 Gone; the client relists.
    throw new StoreError('Expired', `too old resource version: ${rv} (${oldestUsable})`);
  }
  return rv;
}

/** RFC 3339 to whole seconds, as metav1.Time marshals: 2026-01-01T00:00:00Z. */
export function rfc3339Seconds(ms: number): string {
  // Formatted once per second: every write stamps one, and a busy second has thousands of writes.
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastStamp = `${new Date(ms).toISOString().slice(0, 19)}Z`;
  }
  return lastStamp;
}
let lastSecond = Number.NaN;
let lastStamp = '';

export function notFound(resource: string, namespace: string, name: string): StoreError {
  // upstream: errors.NewNotFound — `pods "x" not found`.
  return new StoreError('NotFound', `${resource} "${name}" not found${namespace === '' ? '' : ` in namespace "${namespace}"`}`);
}

export function alreadyExists(resource: string, name: string): StoreError {
  return new StoreError('AlreadyExists', `${resource} "${name}" already exists`);
}
