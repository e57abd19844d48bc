// Node lifecycle controller: watches kubelet heartbeats (Lease renewals, Ready heartbeats); a node silent for
// longer than the grace period gets Ready/MemoryPressure/DiskPressure/PIDPressure=Unknown, then the
// unreachable taints; a kubelet-reported Ready=False gets the not-ready ones; taints go on recovery. Pods on a
// node that stops being Ready are marked Ready=False. NoExecute tainting is rate-limited per zone and stops
// when a zone (or the whole cluster) looks disrupted.
// upstream: pkg/controller/nodelifecycle/node_lifecycle_controller.go (monitorNodeHealth, processTaintBaseEviction,
// doNoScheduleTaintingPass, doNoExecuteTaintingPass, handleDisruption), pkg/controller/util/node/controller_utils.go.
import { parseTimestamp, rfc3339Seconds } from '../../core/index.ts';
import { resourceByKey } from '../api/index.ts';
import type { KubeObject } from '../store/index.ts';
import { keyOf, splitKey, watchResource, type Controller, type ControllerContext } from './controller.ts';
import { conditionOf, withPodCondition, conditionsOf } from './node-lifecycle-conditions.ts';
import { silentNodeConditions, type NodeHealth } from './node-lifecycle-health.ts';
import { PodsByNode } from './node-lifecycle-pods-by-node.ts';
import { hasTaint, noScheduleTaintDiff, NOT_READY_NO_EXECUTE, swapTaints, UNREACHABLE_NO_EXECUTE } from './node-lifecycle-taints.ts';
import { NoExecuteTainter } from './node-lifecycle-tainter.ts';
import { taintsOf, type Taint } from './taint-eviction-tolerations.ts';
import { WorkQueue } from './workqueue.ts';
import { isRetryableWriteError } from './quorum-gate.ts';

const COMPONENT = { component: 'node-controller' };
const LEASE_NAMESPACE = 'kube-node-lease';

export function nodeLifecycleController(ctx: ControllerContext): Controller {
  const nodesRes = resourceByKey('nodes')!;
  const podsRes = resourceByKey('pods')!;
  const health = new Map<string, NodeHealth>();
  const renewals = new Map<string, string>();
  const known = new Set<string>();
  const pods = new PodsByNode();
  const stops: (() => void)[] = [];
  const now = () => ctx.clock.now();
  const nowText = () => rfc3339Seconds(now());

  const tolerant = <T>(where: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (!isRetryableWriteError(e)) ctx.onError(`node-lifecycle ${where}`, e);
      return undefined;
    }
  };

  const writeTaints = (name: string, add: Taint[], remove: Taint[]): KubeObject | undefined => {
    const node = ctx.store.get('nodes', '', name);
    if (!node) return undefined;
    const taints = swapTaints(taintsOf(node), add, remove, nowText());
    if (!taints) return node;
    return tolerant(`taint ${name}`, () => ctx.registry.commitUpdate(nodesRes, { ...node, spec: { ...(node.spec as object), taints } }, node));
  };

  const tainter = new NoExecuteTainter(ctx.clock, (name) => {
    // upstream doNoExecuteTaintingPass: "unreachable" and "not-ready" are mutually exclusive, as Ready is.
    const node = ctx.store.get('nodes', '', name);
    if (!node) return true;
    const status = conditionOf(node, 'Ready')?.status;
    if (status === 'False') return writeTaints(name, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]) !== undefined;
    if (status === 'Unknown' || status === undefined) return writeTaints(name, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]) !== undefined;
    return true;
  });

  // upstream doNoScheduleTaintingPass, on every node change.
  const noScheduleQueue = new WorkQueue({
    name: 'node-lifecycle-noschedule', clock: ctx.clock, onError: (k, e) => ctx.onError(`node-lifecycle noschedule ${k}`, e),
    process: (name) => {
      const node = ctx.store.get('nodes', '', name);
      if (!node) return;
      const { add, remove } = noScheduleTaintDiff(node);
      if (add.length || remove.length) writeTaints(name, add, remove);
    },
  });

  const markPodsNotReady = (podKeys: readonly string[], nodeName: string): void => {
    for (const key of podKeys) {
      const [ns, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
      const pod = ctx.store.get('pods', ns, name);
      if (!pod || (pod.spec as { nodeName?: string }).nodeName !== nodeName) continue;
      const ready = conditionOf(pod, 'Ready');
      if (!ready) continue;
      // upstream MarkPodsNotReady: only the Ready condition flips; then a NodeNotReady event on the pod.
      const conditions = withPodCondition(conditionsOf(pod), { ...ready, status: 'False' }, nowText());
      if (!conditions) continue;
      const done = tolerant(`mark ${key} not ready`, () =>
        ctx.registry.commitUpdate(podsRes, { ...pod, status: { ...(pod.status as object), conditions } }, pod));
      if (done) ctx.events.event(done, 'Warning', 'NodeNotReady', 'Node is not ready', COMPONENT);
    }
  };

  // upstream processPod: a pod bound to a node that is not Ready is marked NotReady at once.
  const podQueue = new WorkQueue({
    name: 'node-lifecycle-pods', clock: ctx.clock, onError: (k, e) => ctx.onError(`node-lifecycle pod ${k}`, e),
    process: (key) => {
      const { namespace, name } = splitKey(key);
      const pod = ctx.store.get('pods', namespace, name);
      const nodeName = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
      if (!pod || !nodeName || !health.has(nodeName)) return;
      const node = ctx.store.get('nodes', '', nodeName);
      if (node && conditionOf(node, 'Ready') && conditionOf(node, 'Ready')?.status !== 'True') markPodsNotReady([key], nodeName);
    },
  });

  const observeNode = (node: KubeObject): void => {
    const name = node.metadata.name ?? '';
    const ready = conditionOf(node, 'Ready');
    const h = health.get(name);
    if (!h) {
      // upstream: a newly observed node's probe and transition timestamps are "now".
      health.set(name, { probeMs: now(), readyTransitionMs: now(), ...(ready?.lastHeartbeatTime ? { heartbeat: ready.lastHeartbeatTime } : {}) });
      return;
    }
    if (ready?.lastHeartbeatTime && ready.lastHeartbeatTime !== h.heartbeat) {
      h.heartbeat = ready.lastHeartbeatTime;
      h.probeMs = now();
    }
  };

  const observeLease = (lease: KubeObject): void => {
    const name = lease.metadata.name ?? '';
    const renew = (lease.spec as { renewTime?: string } | undefined)?.renewTime;
    if (!renew) return;
    const prev = renewals.get(name);
    // upstream: "Always update the probe time if node lease is renewed" (RenewTime moved forward).
    if (prev !== undefined && parseTimestamp(prev) >= parseTimestamp(renew)) return;
    renewals.set(name, renew);
    const h = health.get(name);
    if (h) h.probeMs = now();
  };

  const monitor = (): void => {
    const nodes = ctx.store.list('nodes', undefined).items;
    const seen = new Set<string>();
    const zoneReady = new Map<string, (string | undefined)[]>();
    for (const listed of nodes) {
      const name = listed.metadata.name ?? '';
      seen.add(name);
      let node: KubeObject = listed;
      if (!known.has(name)) {
        known.add(name);
        ctx.events.event(node, 'Normal', 'RegisteredNode', `Registered Node ${name} in Controller`, COMPONENT);
        // upstream: a newly seen node starts without the controller's NoExecute taints.
        node = writeTaints(name, [], [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE]) ?? node;
      }
      if (!health.has(name)) observeNode(node);
      const h = health.get(name)!;
      const observed = conditionOf(node, 'Ready')?.status ?? 'Unknown';
      const conditions = silentNodeConditions(node, h, ctx.config.nodeMonitorGracePeriodMs, now(), nowText());
      if (conditions) {
        const updated = tolerant(`status ${name}`, () =>
          ctx.registry.commitUpdate(nodesRes, { ...node, status: { ...(node.status as object), conditions } }, node));
        if (!updated) continue; // upstream: "Skipping - no pods will be evicted."
        node = updated;
        h.readyTransitionMs = now();
      }
      const current = conditionOf(node, 'Ready')?.status;
      tainter.trackZone(node);
      if (!(node.metadata.labels ?? {})['node.kubernetes.io/exclude-disruption']) {
        const z = tainter.zoneOf(node);
        const inZone = zoneReady.get(z);
        if (inZone) inZone.push(current);
        else zoneReady.set(z, [current]);
      }
      processTaintBaseEviction(node, observed);
      if (current !== 'True' && observed === 'True') {
        // upstream RecordNodeStatusChange: "Node <name> status is now: NodeNotReady".
        ctx.events.event(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, COMPONENT);
        markPodsNotReady(pods.podsOn(name), name);
      }
    }
    for (const name of [...known].sort()) {
      if (seen.has(name)) continue;
      known.delete(name);
      health.delete(name);
      tainter.remove(name);
      ctx.events.event({ apiVersion: 'v1', kind: 'Node', metadata: { name } }, 'Normal', 'RemovingNode', `Removing Node ${name} from Controller`, COMPONENT);
    }
    const reachable = tainter.handleDisruption(zoneReady);
    if (reachable) for (const n of nodes) markNodeAsReachable(n.metadata.name ?? '');
    if (tainter.exitedFullDisruption) {
      // upstream: leaving full disruption resets every node's probe and transition timestamps.
      for (const h of health.values()) h.probeMs = h.readyTransitionMs = now();
    }
    tainter.pass();
  };

  const markNodeAsReachable = (name: string): void => {
    tainter.remove(name);
    writeTaints(name, [], [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE]);
  };

  // upstream processTaintBaseEviction: decides on the Ready status seen BEFORE this pass's own update.
  const processTaintBaseEviction = (node: KubeObject, observed: string): void => {
    const name = node.metadata.name ?? '';
    if (observed === 'False') {
      if (hasTaint(node, UNREACHABLE_NO_EXECUTE)) writeTaints(name, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
      else tainter.mark(node, 'False');
    } else if (observed === 'Unknown') {
      if (hasTaint(node, NOT_READY_NO_EXECUTE)) writeTaints(name, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
      else tainter.mark(node, 'Unknown');
    } else if (observed === 'True') {
      markNodeAsReachable(name);
    }
  };

  let interval: ReturnType<typeof ctx.clock.setInterval> | undefined;
  let first: ReturnType<typeof ctx.clock.setTimeout> | undefined;
  return {
    name: 'node-lifecycle',
    start() {
      stops.push(watchResource(ctx, 'pods', (ev, previous) => {
        const { before, after } = pods.apply(ev, previous);
        if (after && after !== before) podQueue.add(keyOf(ev.object));
      }, { replay: true }));
      stops.push(watchResource(ctx, 'leases.coordination.k8s.io', (ev) => {
        if (ev.object.metadata.namespace === LEASE_NAMESPACE && ev.type !== 'DELETED') observeLease(ev.object);
      }, { replay: true }));
      stops.push(watchResource(ctx, 'nodes', (ev) => {
        if (ev.type === 'DELETED') return;
        observeNode(ev.object);
        noScheduleQueue.add(ev.object.metadata.name ?? '');
      }, { replay: true }));
      const tick = () => {
        try {
          monitor();
        } catch (e) {
          ctx.onError('node-lifecycle monitor', e);
        }
      };
      // upstream wait.Until: the first pass runs at once, then every --node-monitor-period.
      first = ctx.clock.setTimeout(tick, 0);
      interval = ctx.clock.setInterval(tick, ctx.config.nodeMonitorPeriodMs);
    },
    stop() {
      for (const s of stops.splice(0)) s();
      ctx.clock.clearInterval(interval);
      ctx.clock.clearTimeout(first);
      noScheduleQueue.stop();
      podQueue.stop();
      tainter.stop();
    },
  };
}
