// PodGC: force-deletes pods bound to nodes that no longer exist (after a quarantine, in case the node is only
// late to appear), terminating pods on not-ready out-of-service nodes (non-graceful node shutdown, GA 1.28),
// terminating pods that were never scheduled, and the oldest terminated pods above the threshold.
// Each is marked Failed first (with DisruptionTarget for orphans), since no kubelet will do it.
// upstream: pkg/controller/podgc/gc_controller.go (gcCheckPeriod 20 s, quarantineTime 40 s,
// --terminated-pod-gc-threshold 12500).
import { rfc3339Seconds } from '../../core/index.ts';
import { deleteObject, resourceByKey } from '../api/index.ts';
import type { KubeObject } from '../store/index.ts';
import { keyOf, splitKey, watchResource, type Controller, type ControllerContext } from './controller.ts';
import { conditionsOf, isNodeReady, withPodCondition, type Condition } from './node-lifecycle-conditions.ts';
import { PodsByNode } from './node-lifecycle-pods-by-node.ts';
import { isRetryableWriteError } from './quorum-gate.ts';
import { TAINT_OUT_OF_SERVICE, taintsOf } from './taint-eviction-tolerations.ts';

/** upstream: gcCheckPeriod. */
export const POD_GC_PERIOD_MS = 20_000;
/** upstream: --terminated-pod-gc-threshold default. */
export const TERMINATED_POD_THRESHOLD = 12_500;

const ORPHAN_CONDITION: Condition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' };

export function isTerminatedPhase(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase !== undefined && phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

/** upstream gcTerminating: the node is not Ready and carries node.kubernetes.io/out-of-service (any effect). */
export function isOutOfServiceNode(node: KubeObject | undefined): boolean {
  return !!node && !isNodeReady(node) && taintsOf(node).some((t) => t.key === TAINT_OUT_OF_SERVICE);
}

/** upstream byEvictionAndCreationTimestamp: evicted pods first, then oldest, then by name. */
export function terminatedDeletionOrder(a: KubeObject, b: KubeObject): number {
  const ev = (p: KubeObject) => ((p.status as { reason?: string } | undefined)?.reason === 'Evicted' ? 0 : 1);
  if (ev(a) !== ev(b)) return ev(a) - ev(b);
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
}

export function podGcController(ctx: ControllerContext, opts: { terminatedThreshold?: number } = {}): Controller {
  const podsRes = resourceByKey('pods')!;
  const threshold = opts.terminatedThreshold ?? TERMINATED_POD_THRESHOLD;
  const pods = new PodsByNode();
  const terminated = new Set<string>();
  const unscheduledTerminating = new Set<string>();
  /** Missing node → when its quarantine ends. */
  const quarantine = new Map<string, number>();
  const stops: (() => void)[] = [];
  let interval: ReturnType<typeof ctx.clock.setInterval> | undefined;

  const markFailedAndDelete = (key: string, condition?: Condition): void => {
    const { namespace, name } = splitKey(key);
    try {
      let pod = ctx.store.get('pods', namespace, name);
      if (!pod) return;
      const status = (pod.status ?? {}) as { phase?: string; conditions?: Condition[] };
      if (status.phase !== 'Succeeded' && status.phase !== 'Failed') {
        const conditions = condition ? withPodCondition(conditionsOf(pod), condition, rfc3339Seconds(ctx.clock.now())) : undefined;
        pod = ctx.registry.commitUpdate(podsRes, { ...pod, status: { ...status, phase: 'Failed', ...(conditions ? { conditions } : {}) } }, pod);
      }
      deleteObject(ctx.registry, podsRes, namespace, name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (!isRetryableWriteError(e)) ctx.onError(`pod-gc delete ${key}`, e);
    }
  };

  const gc = (): void => {
    const now = ctx.clock.now();
    if (threshold > 0 && terminated.size > threshold) {
      const list = [...terminated].map((k) => ctx.store.get('pods', splitKey(k).namespace, splitKey(k).name)).filter((p): p is KubeObject => !!p);
      list.sort(terminatedDeletionOrder);
      for (const p of list.slice(0, list.length - threshold)) markFailedAndDelete(`${p.metadata.namespace}/${p.metadata.name}`);
    }
    for (const nodeName of pods.nodes()) {
      const node = ctx.store.get('nodes', '', nodeName);
      if (!isOutOfServiceNode(node)) continue;
      for (const key of pods.podsOn(nodeName)) {
        const { namespace, name } = splitKey(key);
        if (ctx.store.get('pods', namespace, name)?.metadata.deletionTimestamp) markFailedAndDelete(key);
      }
    }
    // gcOrphaned: nodes missing now enter quarantine; those still missing after it lose their pods.
    for (const nodeName of pods.nodes()) {
      if (ctx.store.get('nodes', '', nodeName)) {
        quarantine.delete(nodeName);
        continue;
      }
      const until = quarantine.get(nodeName);
      if (until === undefined) quarantine.set(nodeName, now + ctx.config.podGcOrphanQuarantineMs);
      else if (now >= until) {
        quarantine.delete(nodeName);
        for (const key of pods.podsOn(nodeName)) markFailedAndDelete(key, ORPHAN_CONDITION);
      }
    }
    for (const key of [...unscheduledTerminating].sort()) markFailedAndDelete(key);
  };

  return {
    name: 'pod-gc',
    start() {
      stops.push(watchResource(ctx, 'pods', (ev, previous) => {
        pods.apply(ev, previous);
        const gone = ev.type === 'DELETED';
        const isTerminated = !gone && isTerminatedPhase(ev.object);
        const spec = ev.object.spec as { nodeName?: string } | undefined;
        const isUnscheduledTerminating = !gone && ev.object.metadata.deletionTimestamp !== undefined && !spec?.nodeName;
        // Most writes touch neither set: skip building the key then.
        if (!isTerminated && !isUnscheduledTerminating && terminated.size === 0 && unscheduledTerminating.size === 0) return;
        const key = keyOf(ev.object);
        if (isTerminated) terminated.add(key);
        else terminated.delete(key);
        if (isUnscheduledTerminating) unscheduledTerminating.add(key);
        else unscheduledTerminating.delete(key);
      }, { replay: true }));
      interval = ctx.clock.setInterval(() => {
        try {
          gc();
        } catch (e) {
          ctx.onError('pod-gc', e);
        }
      }, POD_GC_PERIOD_MS);
    },
    stop() {
      for (const s of stops.splice(0)) s();
      ctx.clock.clearInterval(interval);
    },
  };
}
