// A profile's workloads as the Kubernetes objects a run creates: PriorityClasses (cluster-wide, prefixed
// with the run so parallel runs on a lab cluster don't collide), then per workload a Deployment /
// StatefulSet / DaemonSet, its PodDisruptionBudget and Service, all in the run's namespace.
import type { Profile, Workload } from '../profile/index.ts';

export const LABEL_WORKLOAD = 'kis.dev/workload';
export const LABEL_RUN = 'kis.dev/run';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export interface RunNames {
  /** The run's id: names its namespace and prefixes its PriorityClasses. */
  run: string;
  namespace: string;
}

export function priorityClassName(names: RunNames, profileClass: string): string {
  return `${names.run}-${profileClass}`;
}

export function runManifests(profile: Profile, names: RunNames): Manifest[] {
  const out: Manifest[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: names.namespace, labels: { [LABEL_RUN]: names.run } } },
  ];
  for (const pc of profile.priorityClasses) {
    out.push({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: priorityClassName(names, pc.name), labels: { [LABEL_RUN]: names.run } },
      value: pc.value,
      preemptionPolicy: pc.preemptionPolicy,
      description: pc.description,
      globalDefault: false,
    });
  }
  for (const w of profile.workloads) out.push(...workloadManifests(w, names));
  return out;
}

function podTemplate(w: Workload, names: RunNames): Record<string, unknown> {
  const labels = { app: w.name, [LABEL_WORKLOAD]: w.name, [LABEL_RUN]: names.run };
  return {
    metadata: { labels },
    spec: {
      ...(w.priorityClass ? { priorityClassName: priorityClassName(names, w.priorityClass) } : {}),
      ...(Object.keys(w.nodeSelector).length ? { nodeSelector: w.nodeSelector } : {}),
      ...(w.tolerations.length
        ? {
            tolerations: w.tolerations.map((t) => ({
              key: t.key,
              operator: t.operator,
              ...(t.operator === 'Equal' ? { value: t.value } : {}),
              ...(t.effect ? { effect: t.effect } : {}),
              ...(t.tolerationSeconds !== undefined ? { tolerationSeconds: t.tolerationSeconds } : {}),
            })),
          }
        : {}),
      ...(w.spread
        ? {
            topologySpreadConstraints: [
              { topologyKey: w.spread.topologyKey, maxSkew: w.spread.maxSkew, whenUnsatisfiable: w.spread.whenUnsatisfiable, labelSelector: { matchLabels: { [LABEL_WORKLOAD]: w.name } } },
            ],
          }
        : {}),
      terminationGracePeriodSeconds: 5,
      containers: [{ name: w.name, image: w.image, resources: { requests: { cpu: w.requests.cpu.text, memory: w.requests.memory.text } } }],
    },
  };
}

export function workloadManifests(w: Workload, names: RunNames): Manifest[] {
  const ns = names.namespace;
  const selector = { matchLabels: { [LABEL_WORKLOAD]: w.name } };
  const labels = { [LABEL_WORKLOAD]: w.name, [LABEL_RUN]: names.run };
  const template = podTemplate(w, names);
  const out: Manifest[] = [];
  if (w.kind === 'DaemonSet') {
    out.push({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: w.name, namespace: ns, labels }, spec: { selector, template } });
  } else if (w.kind === 'StatefulSet') {
    out.push({
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: w.name, namespace: ns, labels },
      spec: { replicas: w.replicas, serviceName: w.name, podManagementPolicy: 'Parallel', selector, template },
    });
  } else {
    out.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: w.name, namespace: ns, labels }, spec: { replicas: w.replicas, selector, template } });
  }
  if (w.pdb) {
    out.push({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: w.name, namespace: ns, labels }, spec: { ...w.pdb, selector } });
  }
  if (w.service) {
    out.push({
      apiVersion: 'v1', kind: 'Service', metadata: { name: w.name, namespace: ns, labels },
      spec: { selector: { [LABEL_WORKLOAD]: w.name }, ports: [{ name: 'app', port: 8080, targetPort: 8080 }] },
    });
  }
  return out;
}
