// Taint eviction controller: pods on a node with NoExecute taints they do not tolerate are deleted at once;
// pods that tolerate them for tolerationSeconds are deleted when the shortest one runs out (a timer on the
// clock, cancelled when the taints go). Deletion is a normal graceful delete: the kubelet finishes it, or —
// on a dead node — PodGC does once the node is out of service.
// upstream: pkg/controller/tainteviction/taint_eviction.go (separate taint-eviction-controller since 1.29).
import type { TimerHandle } from '../../core/index.ts';
import { rfc3339Seconds } from '../../core/index.ts';
import { deleteObject, resourceByKey } from '../api/index.ts';
import type { KubeObject } from '../store/index.ts';
import { keyOf, splitKey, watchResource, type Controller, type ControllerContext } from './controller.ts';
import { conditionsOf, withPodCondition } from './node-lifecycle-conditions.ts';
import { nodeNameOf, PodsByNode } from './node-lifecycle-pods-by-node.ts';
import { isRetryableWriteError } from './quorum-gate.ts';
import { evictionDecision, noExecuteTaints, sameTaints, taintsOf, tolerationsOf, type Taint } from './taint-eviction-tolerations.ts';
import { WorkQueue } from './workqueue.ts';

const COMPONENT = { component: 'taint-eviction-controller' };
/** Retry of a refused deletion (503 while quorum is lost): upstream retries 5 times, then the next update retries. */
const RETRY_MS = 1_000;

interface Scheduled {
  createdAt: number;
  fireAt: number;
  timer: TimerHandle;
}

export function taintEvictionController(ctx: ControllerContext): Controller {
  const podsRes = resourceByKey('pods')!;
  const pods = new PodsByNode();
  const tainted = new Map<string, Taint[]>();
  const scheduled = new Map<string, Scheduled>();
  const stops: (() => void)[] = [];

  const podRef = (key: string): KubeObject => {
    const { namespace, name } = splitKey(key);
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
  };

  const cancel = (key: string): void => {
    const s = scheduled.get(key);
    if (!s) return;
    ctx.clock.clearTimeout(s.timer);
    scheduled.delete(key);
    ctx.events.event(podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`, COMPONENT);
  };

  const evict = (key: string, createdAt: number): void => {
    scheduled.delete(key);
    ctx.events.event(podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, COMPONENT);
    const { namespace, name } = splitKey(key);
    try {
      const pod = ctx.store.get('pods', namespace, name);
      if (!pod) return;
      // upstream addConditionAndDeletePod: DisruptionTarget first, then a delete with default options.
      const conditions = withPodCondition(conditionsOf(pod), {
        type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint',
      }, rfc3339Seconds(ctx.clock.now()));
      const current = conditions ? ctx.registry.commitUpdate(podsRes, { ...pod, status: { ...(pod.status as object), conditions } }, pod) : pod;
      deleteObject(ctx.registry, podsRes, namespace, name, { preconditions: { uid: current.metadata.uid } });
    } catch (e) {
      if (!isRetryableWriteError(e)) ctx.onError(`taint-eviction delete ${key}`, e);
      else if ((e as { code?: number }).code === 503) schedule(key, RETRY_MS, createdAt);
    }
  };

  const schedule = (key: string, ms: number, createdAt: number): void => {
    const fireAt = ctx.clock.now() + ms;
    const timer = ctx.clock.setTimeout(() => evict(key, createdAt), ms);
    scheduled.set(key, { createdAt, fireAt, timer });
  };

  // upstream processPodOnNode.
  const processPodOnNode = (key: string, pod: KubeObject, taints: readonly Taint[]): void => {
    const now = ctx.clock.now();
    const d = evictionDecision(taints, tolerationsOf(pod));
    if (d.kind === 'keep') return cancel(key);
    if (d.kind === 'evict-now') {
      cancel(key);
      schedule(key, 0, now);
      return;
    }
    const existing = scheduled.get(key);
    // upstream: an eviction already scheduled from an earlier start stays (it fires no later).
    if (existing && existing.createdAt + d.ms < now + d.ms) return;
    if (existing) cancel(key);
    schedule(key, d.ms, now);
  };

  const nodeQueue = new WorkQueue({
    name: 'taint-eviction-nodes', clock: ctx.clock, onError: (k, e) => ctx.onError(`taint-eviction node ${k}`, e),
    process: (nodeName) => {
      const node = ctx.store.get('nodes', '', nodeName);
      const taints = noExecuteTaints(taintsOf(node));
      if (taints.length) tainted.set(nodeName, taints);
      else tainted.delete(nodeName);
      if (!node) return;
      for (const key of pods.podsOn(nodeName)) {
        if (!taints.length) {
          cancel(key);
          continue;
        }
        const { namespace, name } = splitKey(key);
        const pod = ctx.store.get('pods', namespace, name);
        if (pod) processPodOnNode(key, pod, taints);
      }
    },
  });

  const podQueue = new WorkQueue({
    name: 'taint-eviction-pods', clock: ctx.clock, onError: (k, e) => ctx.onError(`taint-eviction pod ${k}`, e),
    process: (key) => {
      const { namespace, name } = splitKey(key);
      const pod = ctx.store.get('pods', namespace, name);
      if (!pod) return cancel(key);
      const nodeName = nodeNameOf(pod);
      const taints = nodeName ? tainted.get(nodeName) : undefined;
      if (!taints) return;
      processPodOnNode(key, pod, taints);
    },
  });

  return {
    name: 'taint-eviction',
    start() {
      stops.push(watchResource(ctx, 'nodes', (ev) => {
        const name = ev.object.metadata.name ?? '';
        const next = ev.type === 'DELETED' ? [] : noExecuteTaints(taintsOf(ev.object));
        const prev = tainted.get(name) ?? [];
        if (ev.type === 'MODIFIED' && sameTaints(prev, next)) return;
        if (ev.type === 'ADDED' && next.length === 0) return;
        nodeQueue.add(name);
      }, { replay: true }));
      stops.push(watchResource(ctx, 'pods', (ev, previous) => {
        // upstream PodUpdated: only a new binding or changed tolerations matter — both live in the spec.
        if (ev.type === 'MODIFIED' && previous !== undefined && previous.spec === ev.object.spec) return;
        const { before, after } = pods.apply(ev, previous);
        const key = keyOf(ev.object);
        if (ev.type === 'DELETED') {
          if (scheduled.has(key)) podQueue.add(key);
          return;
        }
        // upstream PodUpdated: only a new binding or changed tolerations matter. The version this write replaced
        // tells which (a store watch always passes it; without it, look again to be safe).
        const tolerations = ev.type === 'MODIFIED' && (previous === undefined || tolerationsDiffer(tolerationsOf(previous), tolerationsOf(ev.object)));
        if (after && (after !== before || ev.type === 'ADDED' || tolerations)) podQueue.add(key);
      }, { replay: true }));
    },
    stop() {
      for (const s of stops.splice(0)) s();
      nodeQueue.stop();
      podQueue.stop();
      for (const s of scheduled.values()) ctx.clock.clearTimeout(s.timer);
      scheduled.clear();
    },
  };

  /** By reference first: writers that spread a pod share its tolerations. */
  function tolerationsDiffer(prev: readonly unknown[], next: readonly unknown[]): boolean {
    return prev !== next && JSON.stringify(prev) !== JSON.stringify(next);
  }
}
