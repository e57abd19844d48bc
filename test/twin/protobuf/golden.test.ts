// Golden bodies captured from real kubectl v1.32.4 (`kubectl create …` against a recording listener).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from '../../../sim/twin/protobuf/index.ts';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../fixtures/protobuf/${name}.bin`, import.meta.url));

// Non-pointer ints and bools arrive as 0/false (gogo always writes them); a JSON client would omit them,
// and upstream treats both the same, so they stay in the expected objects.
const CASES: [string, string, Record<string, unknown>][] = [
  ['kubectl create configmap x --from-literal=a=1', 'kubectl-create-configmap', {
    apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', generation: 0 }, data: { a: '1' },
  }],
  ['kubectl create namespace demo', 'kubectl-create-namespace', {
    apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo', generation: 0 }, spec: {}, status: {},
  }],
  ['kubectl create deployment web --image=nginx --replicas=2 --port=80', 'kubectl-create-deployment', {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', generation: 0, labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { generation: 0, labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'nginx', image: 'nginx', ports: [{ hostPort: 0, containerPort: 80 }], resources: {}, stdin: false, stdinOnce: false, tty: false }],
          hostNetwork: false, hostPID: false, hostIPC: false,
        },
      },
      strategy: {}, minReadySeconds: 0, paused: false,
    },
    status: { observedGeneration: 0, replicas: 0, updatedReplicas: 0, availableReplicas: 0, unavailableReplicas: 0, readyReplicas: 0 },
  }],
  ['kubectl create service clusterip web --tcp=80:8080', 'kubectl-create-service', {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', generation: 0, labels: { app: 'web' } },
    spec: {
      ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 0 }],
      selector: { app: 'web' }, type: 'ClusterIP', healthCheckNodePort: 0, publishNotReadyAddresses: false,
    },
    status: { loadBalancer: {} },
  }],
  ['kubectl create serviceaccount robot', 'kubectl-create-serviceaccount', {
    apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', generation: 0 },
  }],
  ['kubectl create poddisruptionbudget web-pdb --selector=app=web --min-available=50%', 'kubectl-create-pdb', {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb', generation: 0 },
    spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } },
    status: { observedGeneration: 0, disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  }],
  ['kubectl create priorityclass high --value=1000 --description="flight critical"', 'kubectl-create-priorityclass', {
    apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high', generation: 0 },
    value: 1000, globalDefault: false, description: 'flight critical', preemptionPolicy: 'PreemptLowerPriority',
  }],
];

describe('golden kubectl protobuf bodies', () => {
  it.each(CASES)('%s', (_cmd, file, expected) => {
    expect(decodeKubernetesProtobuf(fixture(file))).toEqual(expected);
  });

  it('every fixture starts with the k8s\\0 magic', () => {
    for (const [, file] of CASES) expect(Array.from(fixture(file).subarray(0, 4))).toEqual([0x6b, 0x38, 0x73, 0x00]);
  });
});
