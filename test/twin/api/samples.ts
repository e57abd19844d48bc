// One valid sample object per served resource, for CRUD tests.
export const SAMPLES: Record<string, () => any> = {
  namespaces: () => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'crud-ns' } }),
  nodes: () => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'crud-node', labels: { 'kis.dev/stage': 's1' } } }),
  pods: () => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'crud-pod', namespace: 'default', labels: { app: 'crud' } },
    spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10' }] },
  }),
  events: () => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'crud-event', namespace: 'default' },
    involvedObject: { kind: 'Node', name: 'worker-1', apiVersion: 'v1' },
    reason: 'StageSeparated',
    message: 'stage 1 left the vehicle',
    type: 'Normal',
    source: { component: 'kis-hal' },
    count: 1,
  }),
  configmaps: () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'crud-cm', namespace: 'default' }, data: { a: '1' } }),
  services: () => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'crud-svc', namespace: 'default' },
    spec: { selector: { app: 'crud' }, ports: [{ port: 80 }] },
  }),
  serviceaccounts: () => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'crud-sa', namespace: 'default' } }),
  'deployments.apps': () => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'crud-deploy', namespace: 'default' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'crud-deploy' } },
      template: { metadata: { labels: { app: 'crud-deploy' } }, spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10' }] } },
    },
  }),
  'replicasets.apps': () => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'crud-rs', namespace: 'default' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'crud-rs' } },
      template: { metadata: { labels: { app: 'crud-rs' } }, spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10' }] } },
    },
  }),
  'statefulsets.apps': () => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'crud-sts', namespace: 'default' },
    spec: {
      serviceName: 'crud-sts',
      replicas: 1,
      selector: { matchLabels: { app: 'crud-sts' } },
      template: { metadata: { labels: { app: 'crud-sts' } }, spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10' }] } },
    },
  }),
  'daemonsets.apps': () => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'crud-ds', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'crud-ds' } },
      template: { metadata: { labels: { app: 'crud-ds' } }, spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10' }] } },
    },
  }),
  'poddisruptionbudgets.policy': () => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'crud-pdb', namespace: 'default' },
    spec: { minAvailable: 1, selector: { matchLabels: { app: 'crud' } } },
  }),
  'leases.coordination.k8s.io': () => ({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'crud-lease', namespace: 'kube-node-lease' },
    spec: { holderIdentity: 'worker-1', leaseDurationSeconds: 40 },
  }),
  'priorityclasses.scheduling.k8s.io': () => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'crud-critical' },
    value: 1000000,
    description: 'flight-critical',
  }),
};
