// Plays the scheduler and the kubelets for workload-controller tests: binds new pods to nodes, marks them
// Running and Ready after a delay, and finishes graceful deletions — all on the sim's clock.
import { rfc3339Seconds } from '../../../../sim/core/index.ts';
import { deleteObject } from '../../../../sim/twin/api/index.ts';
import { nodeObject, type NodeSpec } from '../../../../sim/twin/nodes.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';
import type { Sim } from '../../../helpers/sim.ts';

export interface FakeClusterOptions {
  nodes?: string[];
  /** From bind to Running+Ready. */
  readyAfterMs?: number;
  /** From deletionTimestamp to gone. */
  terminateAfterMs?: number;
  /** Leave pods unbound and Pending (no scheduler). */
  noScheduler?: boolean;
  /** Called after every pod event (for invariant checks). */
  onPodEvent?: () => void;
}

export interface FakeCluster {
  stop(): void;
  setReady(pod: KubeObject, ready: boolean): void;
}

export function addNodes(sim: Sim, specs: NodeSpec[]): void {
  specs.forEach((spec, i) => sim.registry.create(sim.res('nodes'), '', nodeObject(spec, i, rfc3339Seconds(sim.clock.now()))));
}

export function runningReadyStatus(pod: KubeObject, now: number, ready = true): Record<string, unknown> {
  const t = rfc3339Seconds(now);
  return {
    ...(pod.status as object),
    phase: 'Running',
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
      { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: t },
    ],
    containerStatuses: [{ name: 'c', ready, restartCount: 0 }],
  };
}

export function startFakeCluster(sim: Sim, opts: FakeClusterOptions = {}): FakeCluster {
  const nodes = opts.nodes ?? ['node-1', 'node-2', 'node-3'];
  const readyAfter = opts.readyAfterMs ?? 2_000;
  const terminateAfter = opts.terminateAfterMs ?? 1_000;
  const pods = sim.res('pods');
  let next = 0;
  const seen = new Set<string>();
  const current = (p: KubeObject) => sim.store.get('pods', p.metadata.namespace ?? '', p.metadata.name ?? '');
  const samePod = (a: KubeObject | undefined, b: KubeObject) => a !== undefined && a.metadata.uid === b.metadata.uid;
  const list = sim.store.list('pods', undefined);
  const w = sim.store.watch('pods', undefined, list.resourceVersion, (ev) => {
    opts.onPodEvent?.();
    if (ev.type === 'DELETED') return;
    const pod = ev.object;
    const uid = pod.metadata.uid ?? '';
    const nodeName = (pod.spec as { nodeName?: string }).nodeName;
    if (pod.metadata.deletionTimestamp && !seen.has(`del/${uid}`)) {
      seen.add(`del/${uid}`);
      sim.clock.setTimeout(() => {
        const p = current(pod);
        if (samePod(p, pod)) deleteObject(sim.registry, pods, p!.metadata.namespace ?? '', p!.metadata.name ?? '', { gracePeriodSeconds: 0 });
      }, terminateAfter);
      return;
    }
    if (pod.metadata.deletionTimestamp || seen.has(uid)) return;
    if (!nodeName && !opts.noScheduler) {
      seen.add(uid);
      const target = targetNode(pod) ?? nodes[next++ % nodes.length]!;
      sim.clock.setTimeout(() => {
        const p = current(pod);
        if (!samePod(p, pod) || p!.metadata.deletionTimestamp) return;
        sim.registry.commitUpdate(pods, { ...p!, spec: { ...(p!.spec as object), nodeName: target } }, p!);
        sim.clock.setTimeout(() => markReady(p!), readyAfter);
      }, 1);
    } else if (nodeName && !opts.noScheduler) {
      seen.add(uid);
      sim.clock.setTimeout(() => markReady(pod), readyAfter);
    }
  });
  function markReady(pod: KubeObject): void {
    const p = current(pod);
    if (!samePod(p, pod) || p!.metadata.deletionTimestamp) return;
    sim.registry.commitUpdate(pods, { ...p!, status: runningReadyStatus(p!, sim.clock.now()) }, p!);
  }
  return {
    stop: () => w.stop(),
    setReady(pod, ready) {
      const p = current(pod)!;
      sim.registry.commitUpdate(pods, { ...p, status: runningReadyStatus(p, sim.clock.now(), ready) }, p);
    },
  };
}

/** The node a DaemonSet pod's required node affinity names (matchFields metadata.name In [node]). */
function targetNode(pod: KubeObject): string | undefined {
  const terms = (pod.spec as { affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; values?: string[] }[] }[] } } } })
    .affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return terms?.[0]?.matchFields?.find((f) => f.key === 'metadata.name')?.values?.[0];
}

export const podTemplate = (labels: Record<string, string>, image = 'nginx:1.27') => ({
  metadata: { labels },
  spec: { containers: [{ name: 'c', image }] },
});

export function podsOf(sim: Sim, ns: string, pred: (p: KubeObject) => boolean = () => true): KubeObject[] {
  return sim.list('pods', ns).filter(pred);
}

export const isTerminating = (p: KubeObject) => p.metadata.deletionTimestamp !== undefined;
