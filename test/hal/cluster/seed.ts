// Test seeding with client-node directly: vehicle nodes, running pods, PDBs with a status we set
// ourselves (the twin's disruption controller is someone else's work).
import * as k8s from '@kubernetes/client-node';
import type { NodeSpec } from '../../../sim/twin/index.ts';

export const VEHICLE = 'falcon9';

/** Two stages of ours on two buses, and two foreign nodes that share our stage and bus names. */
export function vehicleNodes(): NodeSpec[] {
  const n = (name: string, vehicle: string, stage: string, bus: string): NodeSpec => ({
    name,
    labels: { 'kis.dev/vehicle': vehicle, 'kis.dev/stage': stage, 'kis.dev/power-bus': bus },
  });
  return [
    n('s1-a', VEHICLE, 'stage1', 's1-bus'),
    n('s1-b', VEHICLE, 'stage1', 's1-bus'),
    n('s2-a', VEHICLE, 'stage2', 's2-bus'),
    n('s2-b', VEHICLE, 'stage2', 's2-bus'),
    n('other-1', 'electron', 'stage1', 's1-bus'),
    { name: 'plain-1' },
  ];
}

export class Seeder {
  readonly core: k8s.CoreV1Api;
  readonly apps: k8s.AppsV1Api;
  readonly policy: k8s.PolicyV1Api;
  readonly scheduling: k8s.SchedulingV1Api;

  constructor(kc: k8s.KubeConfig) {
    this.core = kc.makeApiClient(k8s.CoreV1Api);
    this.apps = kc.makeApiClient(k8s.AppsV1Api);
    this.policy = kc.makeApiClient(k8s.PolicyV1Api);
    this.scheduling = kc.makeApiClient(k8s.SchedulingV1Api);
  }

  async namespace(name: string): Promise<void> {
    await this.core.createNamespace({ body: { metadata: { name } } });
  }

  async priorityClass(name: string, value: number): Promise<void> {
    await this.scheduling.createPriorityClass({ body: { metadata: { name }, value } });
  }

  /** A pod bound to `node`, Running and Ready (the status a kubelet would post). */
  async runningPod(namespace: string, name: string, node: string, labels: Record<string, string> = {}, priorityClassName?: string): Promise<void> {
    await this.core.createNamespacedPod({
      namespace,
      body: {
        metadata: { name, labels },
        spec: { nodeName: node, ...(priorityClassName ? { priorityClassName } : {}), containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] },
      },
    });
    const pod = await this.core.readNamespacedPod({ name, namespace });
    await this.core.replaceNamespacedPodStatus({
      name,
      namespace,
      body: { ...pod, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } },
    });
  }

  /** A PDB whose status says how many disruptions are allowed now. */
  async pdb(namespace: string, name: string, matchLabels: Record<string, string>, disruptionsAllowed: number): Promise<void> {
    await this.policy.createNamespacedPodDisruptionBudget({
      namespace,
      body: { metadata: { name }, spec: { minAvailable: 1, selector: { matchLabels } } },
    });
    await this.setPdbAllowed(namespace, name, disruptionsAllowed);
  }

  async setPdbAllowed(namespace: string, name: string, disruptionsAllowed: number): Promise<void> {
    const pdb = await this.policy.readNamespacedPodDisruptionBudget({ name, namespace });
    await this.policy.replaceNamespacedPodDisruptionBudgetStatus({
      name,
      namespace,
      body: {
        ...pdb,
        status: { observedGeneration: pdb.metadata?.generation ?? 1, disruptionsAllowed, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2 },
      },
    });
  }

  async deployment(namespace: string, name: string, replicas: number, image = 'app:1'): Promise<void> {
    await this.apps.createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name },
        spec: {
          replicas,
          selector: { matchLabels: { app: name } },
          template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }, { name: 'side', image: 'side:1' }] } },
        },
      },
    });
  }
}
