// DELETE and DELETE-collection with upstream's graceful deletion, finalizers and propagation policy.
// upstream: k8s.io/apiserver/pkg/registry/generic/registry/store.go (Delete, updateForGracefulDeletionAndFinalizers)
// and pkg/registry/core/pod/strategy.go (CheckGracefulDelete).
import { rfc3339Seconds } from '../../core/index.ts';
import type { KubeObject } from '../store/index.ts';
import { ApiError, errors } from './errors.ts';
import { mapStoreError, type Registry } from './registry.ts';
import type { ListQuery } from './list-filter.ts';
import type { ServedResource } from './resources.ts';

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export interface DeleteResult {
  object: KubeObject;
  /** False while the object waits for its grace period or finalizers. */
  deleted: boolean;
}

const FINALIZER_FOR: Record<PropagationPolicy, string | undefined> = {
  Foreground: 'foregroundDeletion',
  Orphan: 'orphan',
  Background: undefined,
};

export function deleteObject(reg: Registry, res: ServedResource, namespace: string, name: string, opts: DeleteOptions = {}): DeleteResult {
  const stored = reg.get(res, namespace, name);
  checkPreconditions(res, name, stored, opts.preconditions);
  if (opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < 0) {
    throw errors.badRequest('gracePeriodSeconds must be a non-negative number');
  }
  const grace = gracePeriod(res, stored, opts.gracePeriodSeconds);
  const finalizers = [...(stored.metadata.finalizers ?? [])];
  const extra = opts.propagationPolicy ? FINALIZER_FOR[opts.propagationPolicy] : undefined;
  if (extra && !finalizers.includes(extra)) finalizers.push(extra);
  const waitsForNamespaceController = res.key === 'namespaces';

  if (grace > 0 || finalizers.length > 0 || waitsForNamespaceController) {
    const already = stored.metadata.deletionTimestamp !== undefined;
    const currentGrace = stored.metadata.deletionGracePeriodSeconds ?? 0;
    // upstream: a second delete may only shorten the grace period.
    if (already && grace >= currentGrace && sameList(finalizers, stored.metadata.finalizers)) return { object: stored, deleted: false };
    const marked: KubeObject = {
      ...stored,
      metadata: {
        ...stored.metadata,
        deletionTimestamp: already && grace >= currentGrace ? stored.metadata.deletionTimestamp : rfc3339(reg.clock.now() + grace * 1000),
        deletionGracePeriodSeconds: already ? Math.min(grace, currentGrace) : grace,
        ...(finalizers.length ? { finalizers } : {}),
      },
    };
    if (waitsForNamespaceController) marked.status = { ...(stored.status as object), phase: 'Terminating' };
    if (opts.dryRun) return { object: marked, deleted: false };
    return { object: reg.commitUpdate(res, marked, stored), deleted: false };
  }
  if (opts.dryRun) return { object: stored, deleted: true };
  reg.checkDelete(res, stored);
  try {
    return { object: reg.store.delete(res.key, namespace, name, { uid: stored.metadata.uid }), deleted: true };
  } catch (e) {
    throw mapStoreError(res, name, e);
  }
}

export function deleteCollection(reg: Registry, res: ServedResource, namespace: string, query: ListQuery, opts: DeleteOptions = {}): KubeObject[] {
  const { items } = reg.list(res, namespace || undefined, { ...query, limit: 0 });
  const out: KubeObject[] = [];
  for (const item of items) {
    try {
      out.push(deleteObject(reg, res, item.metadata.namespace ?? '', item.metadata.name ?? '', opts).object);
    } catch (e) {
      if (e instanceof ApiError && e.code === 404) continue; // gone meanwhile (a cascade)
      throw e;
    }
  }
  return out;
}

function gracePeriod(res: ServedResource, obj: KubeObject, requested: number | undefined): number {
  if (res.key !== 'pods') return 0;
  const spec = (obj.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  // upstream: unscheduled pods and pods in a terminal phase are deleted at once.
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  return requested ?? spec.terminationGracePeriodSeconds ?? 30;
}

function checkPreconditions(res: ServedResource, name: string, obj: KubeObject, pre: DeleteOptions['preconditions']): void {
  if (pre?.uid && pre.uid !== obj.metadata.uid) {
    throw errors.conflict(res, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw errors.conflict(
      res,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`,
    );
  }
}

function sameList(a: readonly string[], b: readonly string[] | undefined): boolean {
  return a.length === (b?.length ?? 0) && a.every((x, i) => x === b?.[i]);
}

/** metav1.Time as the API writes it (second precision); formatted once per clock second. */
export function rfc3339(ms: number): string {
  return rfc3339Seconds(ms);
}
