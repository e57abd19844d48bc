// The twin's object store: etcd-like MVCC storage for kube objects, with lists, watches and history.
//
// Read this before using it:
// - Objects you get back (get, list, create/update/delete results, watch events) are SHARED and must never be
//   mutated. Their top level and metadata are frozen (StoreOptions.freeze, default on); nested values are not.
// - create/update keep what you pass (shallow-copied; nested values shared): build a fresh object per write.
// - Watch handlers run synchronously inside the write that caused them; a handler that throws is stopped.
// - Continued list pages show the snapshot of the first page, as long as history still covers it (else Expired).
export type { KubeObject, ObjectMeta, OwnerReference, WatchEvent, WatchEventType } from './types.ts';
export { StoreError, isStoreError, type StoreErrorReason } from './errors.ts';
export { keyOfObject, objectKey, OBJECT_KEY } from './keys.ts';
export type { ListOptions, ListResult } from './list.ts';
export { rfc3339Seconds } from './checks.ts';
export { ObjectStore, type StoreOptions, type WatchHandle, type WatchOptions } from './object-store.ts';
