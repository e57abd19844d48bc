// Round trips: JSON → protobuf (test encoder, same descriptors) → decodeKubernetesProtobuf → the same JSON.
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from '../../../sim/twin/protobuf/index.ts';
import { encodeObject } from './helpers/encode.ts';

const configMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'flight', namespace: 'ops', labels: { 'kis.dev/stage': '2', empty: '' }, annotations: { note: 'hi' } },
  data: { 'a.txt': 'alpha', b: '' },
  binaryData: { blob: Buffer.from([0, 1, 2, 250]).toString('base64') },
  immutable: true,
};

const namespace = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'payload', finalizers: ['kis.dev/keep'] },
  spec: { finalizers: ['kubernetes'] },
  status: {},
};

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'gnc-0',
    namespace: 'flight',
    creationTimestamp: '2026-01-01T00:00:00Z',
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gnc', uid: 'u-1', controller: true, blockOwnerDeletion: true }],
  },
  spec: {
    nodeName: 'stage2-a',
    priority: 1000000,
    terminationGracePeriodSeconds: 0,
    nodeSelector: { 'kis.dev/stage': '2' },
    containers: [
      {
        name: 'gnc',
        image: 'kis/gnc:1.0',
        command: ['/bin/gnc'],
        args: ['--rate', '100', ''],
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        env: [
          { name: 'MODE', value: 'flight' },
          { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
          { name: 'CFG', valueFrom: { configMapKeyRef: { name: 'flight', key: 'a.txt', optional: false } } },
        ],
        resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '1', memory: '128Mi' } },
        readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
        livenessProbe: { tcpSocket: { port: 8080 }, failureThreshold: 3 },
        volumeMounts: [{ name: 'cfg', mountPath: '/etc/gnc', readOnly: true }],
      },
    ],
    volumes: [
      { name: 'cfg', configMap: { name: 'flight', items: [{ key: 'a.txt', path: 'a' }], defaultMode: 420 } },
      { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } },
    ],
    tolerations: [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'kis.dev/power', operator: 'Equal', value: 'degraded', effect: 'NoSchedule' },
    ],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'kis.dev/role', operator: 'In', values: ['compute'] }] }],
        },
      },
    },
  },
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:05Z' }],
    containerStatuses: [
      { name: 'gnc', ready: true, restartCount: 0, image: 'kis/gnc:1.0', imageID: 'sha', state: { running: { startedAt: '2026-01-01T00:00:03Z' } } },
    ],
  },
};

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'gnc', namespace: 'flight', labels: { app: 'gnc' } },
  spec: {
    replicas: 0,
    selector: { matchLabels: { app: 'gnc' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
    template: {
      metadata: { labels: { app: 'gnc' } },
      spec: { containers: [{ name: 'gnc', image: 'kis/gnc:1.0', resources: {} }], restartPolicy: 'Always' },
    },
  },
};

const eviction = {
  apiVersion: 'policy/v1',
  kind: 'Eviction',
  metadata: { name: 'gnc-0', namespace: 'flight' },
  deleteOptions: { gracePeriodSeconds: 0, preconditions: { uid: 'u-pod' }, dryRun: ['All'], propagationPolicy: 'Background' },
};

const lease = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'stage2-a', namespace: 'kube-node-lease' },
  spec: { holderIdentity: 'stage2-a', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:10.123456Z' },
};

const event = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'stage2-a.1', namespace: 'default' },
  involvedObject: { kind: 'Node', name: 'stage2-a', apiVersion: 'v1' },
  reason: 'StageSeparated',
  message: 'stage 2 separated',
  type: 'Normal',
  count: 1,
  firstTimestamp: '2026-01-01T00:02:41Z',
  lastTimestamp: '2026-01-01T00:02:41Z',
  source: { component: 'kis-hal' },
};

const pdb = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'gnc' },
  spec: { minAvailable: 2, selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } },
  status: { disruptedPods: { 'gnc-0': '2026-01-01T00:00:00Z' }, disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2, expectedPods: 3 },
};

const scale = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'gnc', namespace: 'flight' }, spec: { replicas: 3 } };

/** The JSON a client would send: "" fields and empty lists/maps of messages left out, map values kept. */
function withoutEmpties(v: unknown, inMap = false): unknown {
  if (Array.isArray(v)) return v.map((x) => withoutEmpties(x));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (!inMap && (x === '' || (Array.isArray(x) && x.length === 0))) continue;
    const isMapField = ['labels', 'annotations', 'data', 'binaryData', 'nodeSelector', 'matchLabels', 'requests', 'limits', 'disruptedPods'].includes(k);
    if (isMapField && Object.keys(x as object).length === 0) continue;
    out[k] = withoutEmpties(x, isMapField);
  }
  return out;
}

describe('decodeKubernetesProtobuf round trips', () => {
  it.each([
    ['ConfigMap', configMap],
    ['Namespace', namespace],
    ['Pod with containers, resources, probes, volumes and tolerations', pod],
    ['Deployment with IntOrString strategy and explicit replicas: 0', deployment],
    ['Eviction with DeleteOptions', eviction],
    ['Lease with MicroTime', lease],
    ['Event with Time', event],
    ['PodDisruptionBudget with a map of Time', pdb],
    ['Scale', scale],
  ])('%s', (_name, obj) => {
    const decoded = decodeKubernetesProtobuf(encodeObject(obj));
    expect(decoded).toEqual(withoutEmpties(obj));
  });

  it('puts apiVersion and kind first, as a JSON client does', () => {
    expect(Object.keys(decodeKubernetesProtobuf(encodeObject(configMap))).slice(0, 2)).toEqual(['apiVersion', 'kind']);
  });

  it('reads repeated scalars sent packed as well as one tag per element', () => {
    const obj = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { securityContext: { supplementalGroups: [1000, 2000, -1] }, containers: [{ name: 'c' }] },
    };
    expect(decodeKubernetesProtobuf(encodeObject(obj, { packed: true }))).toEqual(obj);
    expect(decodeKubernetesProtobuf(encodeObject(obj))).toEqual(obj);
  });

  it('keeps 0 and false, which may be explicit pointer values (gracePeriodSeconds: 0 means now)', () => {
    const d = decodeKubernetesProtobuf(encodeObject(eviction)) as { deleteOptions: Record<string, unknown> };
    expect(d.deleteOptions.gracePeriodSeconds).toBe(0);
    const cm = decodeKubernetesProtobuf(encodeObject({ ...configMap, immutable: false })) as Record<string, unknown>;
    expect(cm.immutable).toBe(false);
  });

  it('does not let a map key named __proto__ reach the prototype', () => {
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: JSON.parse('{"__proto__":"v","ok":"1"}') as Record<string, string> };
    const d = decodeKubernetesProtobuf(encodeObject(obj)) as { data: Record<string, unknown> };
    expect(Object.getPrototypeOf(d.data)).toBe(Object.prototype);
    expect(Object.keys(d.data).sort()).toEqual(['__proto__', 'ok']);
    expect(({} as Record<string, unknown>).ok).toBeUndefined();
  });
});
