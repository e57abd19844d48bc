// Test actors for the lifecycle controllers: nodes with heartbeating "kubelets" (Lease renewals on the clock),
// and pods placed and marked Running/Ready directly, as the scheduler and kubelet would.
import { rfc3339Micro, rfc3339Seconds } from '../../../../sim/core/index.ts';
import { nodeObject } from '../../../../sim/twin/nodes.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';
import type { Sim } from '../../../helpers/sim.ts';

export interface FakeKubelet {
  stop(): void;
}

/** Registers a node and renews its Lease every 10 s until stopped. */
export function addNode(sim: Sim, name: string, opts: { labels?: Record<string, string>; role?: 'worker' | 'control-plane' } = {}): FakeKubelet {
  sim.registry.create(sim.res('nodes'), '', nodeObject({ name, ...(opts.labels ? { labels: opts.labels } : {}), ...(opts.role ? { role: opts.role, taints: [] } : {}) }, 0, rfc3339Seconds(sim.clock.now())));
  const leases = sim.res('leases.coordination.k8s.io');
  const renew = () => {
    const spec = { holderIdentity: name, leaseDurationSeconds: 40, renewTime: rfc3339Micro(sim.clock.now()) };
    const old = sim.get(leases.key, 'kube-node-lease', name);
    try {
      if (old) sim.registry.commitUpdate(leases, { ...old, spec }, old);
      else sim.registry.create(leases, 'kube-node-lease', { metadata: { name }, spec });
    } catch {
      // a refused write (no quorum) is a missed heartbeat, as for a real kubelet
    }
  };
  renew();
  const timer = sim.clock.setInterval(renew, 10_000);
  return { stop: () => sim.clock.clearInterval(timer) };
}

/** A pod bound to `node`, Running and Ready (the default tolerations come from admission). */
export function addRunningPod(sim: Sim, name: string, node: string, extra: { tolerations?: unknown[]; labels?: Record<string, string>; ownerReferences?: unknown[]; namespace?: string } = {}): KubeObject {
  const pods = sim.res('pods');
  const ns = extra.namespace ?? 'default';
  const created = sim.registry.create(pods, ns, {
    metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}), ...(extra.ownerReferences ? { ownerReferences: extra.ownerReferences } : {}) },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'busybox' }], ...(extra.tolerations ? { tolerations: extra.tolerations } : {}) },
  });
  const now = rfc3339Seconds(sim.clock.now());
  const ready = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: now });
  return sim.registry.commitUpdate(pods, {
    ...created,
    status: { ...(created.status as object), phase: 'Running', conditions: [ready('PodScheduled'), ready('Initialized'), ready('ContainersReady'), ready('Ready')] },
  }, created);
}

export function readyStatus(sim: Sim, node: string): string | undefined {
  const n = sim.get('nodes', '', node);
  return ((n?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).find((c) => c.type === 'Ready')?.status;
}

export function taintKeys(sim: Sim, node: string): string[] {
  const n = sim.get('nodes', '', node);
  return ((n?.spec as { taints?: { key: string; effect: string }[] } | undefined)?.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
}

/** Calls `fn` with the clock time whenever `predicate` first holds after a write (watch-driven, exact). */
export function firstTime(sim: Sim, resource: string, predicate: (o: KubeObject, type: string) => boolean): () => number | undefined {
  let at: number | undefined;
  const w = sim.store.watch(resource, undefined, sim.store.resourceVersion(), (ev) => {
    if (at === undefined && predicate(ev.object, ev.type)) at = sim.clock.now();
  });
  return () => {
    if (at !== undefined) w.stop();
    return at;
  };
}
