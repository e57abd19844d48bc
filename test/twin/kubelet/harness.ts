// A lockstep twin with only the simulated kubelets running: the tests play every other actor (scheduler,
// controllers) by writing through the registry, and read what the kubelets did from watches and Events.
import { SIM_START, startSim, type Sim } from '../../helpers/sim.ts';
import { kubeletsController, type KubeletOptions, type KubeletsController } from '../../../sim/twin/kubelet/index.ts';
import type { NodeSpec } from '../../../sim/twin/nodes.ts';
import type { TwinConfig } from '../../../sim/twin/controllers/index.ts';
import type { KubeObject } from '../../../sim/twin/store/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-side reading of untyped API objects
type AnyRec = Record<string, any>;

export interface KubeletSim {
  sim: Sim;
  kc: KubeletsController;
  /** Virtual ms since the start. */
  t(): number;
  createPod(name: string, node: string | undefined, spec?: Record<string, unknown>, meta?: Record<string, unknown>): KubeObject;
  pod(name: string): KubeObject | undefined;
  node(name: string): KubeObject | undefined;
  lease(name: string): KubeObject | undefined;
  /** Sets (string) or removes (undefined) annotations on a Node, as the HAL does. */
  annotate(node: string, annotations: Record<string, string | undefined>): void;
  /** Every pod write so far: "t name phase state/ready restarts". */
  podLog: string[];
  /** Events so far, oldest first: "t reason object: message". */
  events(filter?: (e: AnyRec) => boolean): string[];
}


/** One line per pod write, enough to tell the lifecycle apart and to compare two runs. */
export function describePod(t: number, type: string, pod: KubeObject): string {
  const s = (pod.status ?? {}) as AnyRec;
  const cs = ((s.containerStatuses ?? []) as AnyRec[]).map((c) => `${c.name}:${Object.keys(c.state ?? {})[0] ?? '-'}${c.state?.waiting ? `(${c.state.waiting.reason})` : ''}${c.ready ? '+ready' : ''}#${c.restartCount}`);
  return `${t} ${type} ${pod.metadata.name} ${s.phase ?? '-'} ${cs.join(',')}${pod.metadata.deletionTimestamp ? ' deleting' : ''}`;
}

export async function kubeletSim(
  nodes: NodeSpec[],
  opts: { seed?: number; config?: Partial<TwinConfig>; options?: Partial<KubeletOptions> } = {},
): Promise<KubeletSim> {
  const sim = startSim({ ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.config ? { config: opts.config } : {}) });
  const podLog: string[] = [];
  const t = () => sim.clock.now() - SIM_START;
  sim.store.watch('pods', undefined, sim.store.resourceVersion(), (ev) => podLog.push(describePod(t(), ev.type, ev.object)));
  let kc: KubeletsController | undefined;
  sim.manager.start([(ctx) => (kc = kubeletsController(nodes, opts.options)(ctx))]);
  await sim.clock.settle();
  const pods = sim.res('pods');
  return {
    sim,
    kc: kc!,
    t,
    podLog,
    createPod: (name, node, spec = {}, meta = {}) =>
      sim.registry.create(pods, 'default', {
        metadata: { name, ...meta },
        spec: { ...(node ? { nodeName: node } : {}), containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
      }),
    pod: (name) => sim.get('pods', 'default', name),
    node: (name) => sim.get('nodes', '', name),
    lease: (name) => sim.get('leases.coordination.k8s.io', 'kube-node-lease', name),
    annotate(node, annotations) {
      const stored = sim.get('nodes', '', node)!;
      const next: Record<string, string> = { ...(stored.metadata.annotations ?? {}) };
      for (const [k, v] of Object.entries(annotations)) {
        if (v === undefined) delete next[k];
        else next[k] = v;
      }
      sim.registry.commitUpdate(sim.res('nodes'), { ...stored, metadata: { ...stored.metadata, annotations: next } }, stored);
    },
    events(filter = () => true) {
      return sim
        .list('events')
        .filter(filter)
        .map((e) => [BigInt(`0x${e.metadata.name!.slice(e.metadata.name!.lastIndexOf('.') + 1)}`), e] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([, e]) => e)
        .map((e: AnyRec) => `${Date.parse(e.firstTimestamp) - SIM_START} ${e.reason} ${e.involvedObject.name}: ${e.message}`);
    },
  };
}
