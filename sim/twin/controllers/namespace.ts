// Namespace controller: a namespace with a deletionTimestamp has every namespaced object in it deleted (all
// served resources), then is finalized (its "kubernetes" finalizer removed through /finalize) and goes.
// While content remains it posts upstream's deletion conditions and looks again estimate/2+1 seconds later.
// upstream: pkg/controller/namespace/namespace_controller.go, deletion/namespaced_resources_deleter.go.
import { rfc3339Seconds } from '../../core/index.ts';
import { ApiError, deleteCollection, RESOURCES, resourceByKey } from '../api/index.ts';
import type { KubeObject } from '../store/index.ts';
import { watchResource, type Controller, type ControllerContext } from './controller.ts';
import { mergeNamespaceConditions, namespaceDeletionConditions, type NamespaceCondition } from './namespace-conditions.ts';
import { isRetryableWriteError } from './quorum-gate.ts';
import { WorkQueue } from './workqueue.ts';

/** upstream: finalizerEstimateSeconds — how long to wait for objects that only wait on finalizers. */
const FINALIZER_ESTIMATE_S = 15;
const FINALIZER_KUBERNETES = 'kubernetes';

export function namespaceController(ctx: ControllerContext): Controller {
  const nsRes = resourceByKey('namespaces')!;
  let stop: () => void = () => undefined;

  /** Deletes what is left and counts what remains; returns the estimate in seconds (0 = empty). */
  const deleteAllContent = (ns: string): { estimate: number; remaining: Map<string, number>; finalizers: Map<string, number>; errors: string[] } => {
    const remaining = new Map<string, number>();
    const finalizers = new Map<string, number>();
    const errors: string[] = [];
    let estimate = 0;
    const now = ctx.clock.now();
    for (const res of RESOURCES) {
      if (!res.namespaced || !res.verbs.includes('delete')) continue;
      try {
        if (ctx.store.list(res.key, ns, { limit: 1 }).items.length) deleteCollection(ctx.registry, res, ns, {});
      } catch (e) {
        if (!isRetryableWriteError(e)) throw e;
        if (e instanceof ApiError && e.code === 503) throw e;
        errors.push(`${res.group ? `${res.plural}.${res.group}` : res.plural}: ${(e as Error).message}`);
      }
      const left = ctx.store.list(res.key, ns).items;
      if (!left.length) continue;
      remaining.set(res.group ? `${res.plural}.${res.group}` : res.plural, left.length);
      estimate = Math.max(estimate, FINALIZER_ESTIMATE_S);
      for (const o of left) {
        for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
        // upstream estimateGracefulTermination: pods may take their remaining grace period.
        if (res.key === 'pods' && o.metadata.deletionTimestamp) {
          estimate = Math.max(estimate, Math.ceil((Date.parse(o.metadata.deletionTimestamp) - now) / 1000));
        }
      }
    }
    return { estimate, remaining, finalizers, errors };
  };

  const postConditions = (ns: KubeObject, conditions: NamespaceCondition[]): KubeObject => {
    const status = (ns.status ?? {}) as { conditions?: NamespaceCondition[] };
    const merged = mergeNamespaceConditions(status.conditions ?? [], conditions, rfc3339Seconds(ctx.clock.now()));
    if (!merged) return ns;
    return ctx.registry.commitUpdate(nsRes, { ...ns, status: { ...status, conditions: merged } }, ns);
  };

  const queue = new WorkQueue({
    name: 'namespace', clock: ctx.clock, maxBackoffMs: 5_000, onError: (k, e) => ctx.onError(`namespace ${k}`, e),
    process: (name) => {
      const ns = ctx.store.get('namespaces', '', name);
      if (!ns?.metadata.deletionTimestamp) return true;
      const specFinalizers = (ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
      if (!specFinalizers.includes(FINALIZER_KUBERNETES)) return true;
      try {
        const r = deleteAllContent(name);
        const current = postConditions(ns, namespaceDeletionConditions({ remaining: r.remaining, finalizers: r.finalizers, deleteErrors: r.errors }));
        if (r.estimate > 0 || r.errors.length) {
          queue.addAfter(name, (Math.floor(Math.max(r.estimate, 1) / 2) + 1) * 1000);
          return true;
        }
        // upstream finalizeNamespace: PUT /finalize without our finalizer; the API server deletes it when none remain.
        const finalizers = specFinalizers.filter((f) => f !== FINALIZER_KUBERNETES);
        ctx.registry.update(nsRes, '', name, { ...current, spec: { ...(current.spec as object), finalizers } }, 'finalize');
        return true;
      } catch (e) {
        if (isRetryableWriteError(e)) return false;
        throw e;
      }
    },
  });

  return {
    name: 'namespace',
    start() {
      stop = watchResource(ctx, 'namespaces', (ev) => {
        if (ev.type !== 'DELETED' && ev.object.metadata.deletionTimestamp) queue.add(ev.object.metadata.name ?? '');
      }, { replay: true });
    },
    stop() {
      stop();
      queue.stop();
    },
  };
}
