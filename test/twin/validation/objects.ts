// Valid objects for each validated kind; tests break one thing at a time.
type Obj = Record<string, any>; // test fixtures are mutated freely

export const pod = (): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '1' } } }] },
});

const template = (): Obj => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } });

export const deployment = (): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template() },
});
export const replicaSet = (): Obj => ({ ...deployment(), kind: 'ReplicaSet' });
export const statefulSet = (): Obj => ({ ...deployment(), kind: 'StatefulSet' });
export const daemonSet = (): Obj => {
  const d = deployment();
  delete d['spec'].replicas;
  return { ...d, kind: 'DaemonSet' };
};
export const pdb = (): Obj => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web', namespace: 'default' },
  spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
});
export const node = (): Obj => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'stage1-node-a', labels: { 'kis.dev/stage': '1' } },
  spec: { taints: [{ key: 'kis.dev/power', value: 'degraded', effect: 'NoSchedule' }] },
});
export const priorityClass = (): Obj => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name: 'flight-critical' },
  value: 1000000,
  preemptionPolicy: 'PreemptLowerPriority',
});
