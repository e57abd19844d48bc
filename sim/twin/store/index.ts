// The twin's object store: etcd-like MVCC storage for kube objects, with lists, watches and history.
export type { KubeObject, ObjectMeta, OwnerReference, WatchEvent, WatchEventType } from './types.ts';
export { StoreError, isStoreError, type StoreErrorReason } from './errors.ts';
export { objectKey } from './keys.ts';
export type { ListOptions, ListResult } from './list.ts';
export { ObjectStore, rfc3339Seconds, type StoreOptions, type WatchHandle, type WatchOptions } from './object-store.ts';
