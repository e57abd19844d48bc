// Per-resource rules applied around every write, as upstream's registry strategies do
// (PrepareForCreate / PrepareForUpdate in pkg/registry/<group>/<resource>/strategy.go).
import type { KubeObject } from '../store/index.ts';
import type { ServedResource } from './resources.ts';

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

/** Resets status on create where upstream does: a client may not create an object with a made-up status. */
export function prepareForCreate(res: ServedResource, obj: Obj): void {
  switch (res.key) {
    case 'pods':
      // upstream: pod strategy PrepareForCreate sets Phase=Pending and computes the QoS class.
      obj.status = { phase: 'Pending', qosClass: qosClass(obj) };
      break;
    case 'namespaces':
      // upstream: namespace strategy — phase Active, and the "kubernetes" finalizer the namespace controller removes.
      obj.status = { phase: 'Active' };
      obj.spec = { ...(obj.spec ?? {}), finalizers: ['kubernetes'] };
      break;
    case 'nodes':
    case 'events':
    case 'configmaps':
    case 'serviceaccounts':
    case 'leases.coordination.k8s.io':
    case 'priorityclasses.scheduling.k8s.io':
      break; // nodes are created by kubelets with their status; the rest have no status
    default:
      if ('status' in res.subresources) obj.status = {};
  }
}

/**
 * Update of the main resource: the status is kept from the stored object (only /status may change it);
 * an update of /status keeps everything but the status. upstream: PrepareForUpdate of <x>Strategy / <x>StatusStrategy.
 */
export function mergeForUpdate(res: ServedResource, subresource: string, incoming: Obj, stored: Obj): Obj {
  if (subresource === 'status') {
    return { ...stored, metadata: { ...stored.metadata, resourceVersion: incoming.metadata.resourceVersion }, status: incoming.status };
  }
  const merged: Obj = { ...incoming, metadata: { ...incoming.metadata } };
  if ('status' in res.subresources && res.key !== 'nodes') {
    if (stored.status === undefined) delete merged.status;
    else merged.status = stored.status;
  }
  // Fields only the server sets never change through an update.
  merged.metadata.uid = stored.metadata.uid;
  merged.metadata.creationTimestamp = stored.metadata.creationTimestamp;
  merged.metadata.deletionTimestamp = stored.metadata.deletionTimestamp;
  merged.metadata.deletionGracePeriodSeconds = stored.metadata.deletionGracePeriodSeconds;
  if (merged.metadata.deletionTimestamp === undefined) delete merged.metadata.deletionTimestamp;
  if (merged.metadata.deletionGracePeriodSeconds === undefined) delete merged.metadata.deletionGracePeriodSeconds;
  // upstream: a namespace's spec.finalizers change only through /finalize, and /finalize changes nothing else.
  if (res.key === 'namespaces' && subresource === 'finalize') {
    return { ...stored, metadata: { ...stored.metadata }, spec: { ...(stored.spec ?? {}), finalizers: (incoming.spec?.finalizers as unknown[]) ?? [] } };
  }
  if (res.key === 'namespaces') merged.spec = stored.spec;
  return merged;
}

type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };

/** upstream: pkg/apis/core/helper/qos GetPodQOS (simplified to cpu and memory). */
export function qosClass(pod: Obj): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [
    ...(((pod.spec?.containers as unknown[]) ?? []) as { resources?: Resources }[]),
    ...(((pod.spec?.initContainers as unknown[]) ?? []) as { resources?: Resources }[]),
  ];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
