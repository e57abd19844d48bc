// A whole living twin (kubelets, scheduler, controllers) on a lockstep clock, in process, for scenarios.
import { simulationControllers, type NodeSpec } from '../../../sim/twin/index.ts';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
import { startSim, type Sim } from '../../helpers/sim.ts';
import type { TwinConfig } from '../../../sim/twin/controllers/index.ts';

export function stageNodes(stages: Record<string, number>, extra: Partial<NodeSpec> = {}): NodeSpec[] {
  const out: NodeSpec[] = [];
  for (const [stage, n] of Object.entries(stages)) {
    for (let i = 1; i <= n; i++) out.push({ name: `${stage}-n${i}`, cpu: '4', memory: '8Gi', labels: { 'kis.dev/stage': stage, 'kis.dev/vehicle': 'test' }, ...extra });
  }
  return out;
}

export async function liveSim(nodes: NodeSpec[], config: Partial<TwinConfig> = {}, seed = 7): Promise<Sim> {
  const sim = startSim({ controllers: simulationControllers(nodes), config: { bootDelayMs: 5_000, ...config }, seed });
  await sim.until('nodes Ready', () => readyNodes(sim).length === nodes.length, 60_000);
  return sim;
}

export function readyNodes(sim: Sim): KubeObject[] {
  return sim.list('nodes').filter((n) => (n.status as { conditions?: { type: string; status: string }[] }).conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
}

export function podsOf(sim: Sim, app: string, namespace = 'default'): KubeObject[] {
  return sim.list('pods', namespace).filter((p) => p.metadata.labels?.app === app);
}

export const isReady = (p: KubeObject) =>
  !p.metadata.deletionTimestamp && ((p.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
export const nodeOf = (p: KubeObject) => (p.spec as { nodeName?: string }).nodeName;

export function deployment(name: string, replicas: number, extra: { priorityClassName?: string; cpu?: string; tolerations?: unknown[]; strategy?: unknown } = {}) {
  return {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      ...(extra.strategy ? { strategy: extra.strategy } : {}),
      template: {
        metadata: { labels: { app: name } },
        spec: {
          terminationGracePeriodSeconds: 5,
          ...(extra.priorityClassName ? { priorityClassName: extra.priorityClassName } : {}),
          ...(extra.tolerations ? { tolerations: extra.tolerations } : {}),
          containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: extra.cpu ?? '100m', memory: '64Mi' } } }],
        },
      },
    },
  };
}

export function setAnnotation(sim: Sim, node: string, key: string, value: string | null): void {
  sim.registry.patch(sim.res('nodes'), '', node, 'merge', { metadata: { annotations: { [key]: value } } });
}
