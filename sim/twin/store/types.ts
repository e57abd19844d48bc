// The shapes the store keeps: a minimal, JSON-shaped view of a Kubernetes object and its watch events.

/** upstream: k8s.io/apimachinery/pkg/apis/meta/v1 types.go ObjectMeta (only the fields the store reads or sets). */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [k: string]: unknown;
}

/** upstream: k8s.io/apimachinery/pkg/apis/meta/v1 types.go OwnerReference */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/**
 * Any Kubernetes object, as parsed JSON.
 * Objects returned by the store are SHARED with the store, its history and every watcher:
 * never mutate them (nor anything nested in them). To change one, build a new object
 * (`{ ...obj, metadata: { ...obj.metadata, labels: {...} } }`) and pass it to `update`.
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [k: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}
