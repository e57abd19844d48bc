// Strategic merge patch on the twin's kinds with the patches kubectl and the kubelet really send
// (cordon, label, annotate, taint, apply with $setElementOrder and $patch: delete, node status updates).
import { describe, expect, it } from 'vitest';
import { PatchError, applyStrategicMergePatch, patchSchemas } from '../../../sim/twin/patch/index.ts';

const node = () => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1', 'kis.dev/stage': '1' }, annotations: { a: 'b' } },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'kis.dev/power', value: 'degraded', effect: 'NoSchedule' }] },
  status: {
    addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'Hostname', address: 'n1' }],
    conditions: [
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: 't0' },
      { type: 'DiskPressure', status: 'False', lastHeartbeatTime: 't0' },
      { type: 'PIDPressure', status: 'False', lastHeartbeatTime: 't0' },
      { type: 'Ready', status: 'True', lastHeartbeatTime: 't0', reason: 'KubeletReady' },
    ],
  },
});

const container = (name: string, image: string, extra: Record<string, unknown> = {}) => ({
  name,
  image,
  imagePullPolicy: 'IfNotPresent',
  terminationMessagePath: '/dev/termination-log',
  resources: {},
  ...extra,
});

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', finalizers: ['a', 'b'] },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          container('web', 'nginx:1.25', {
            env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
            ports: [{ containerPort: 80, protocol: 'TCP' }],
          }),
          container('sidecar', 'busybox:1.36'),
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
        tolerations: [{ key: 'x', operator: 'Exists' }],
      },
    },
  },
  status: { conditions: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'True' }] },
});

type AnyObj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test navigation only

describe('kubectl patches on a Node', () => {
  it('cordon sets spec.unschedulable and uncordon removes it', () => {
    const cordoned = applyStrategicMergePatch(node(), { spec: { unschedulable: true } }, 'Node') as AnyObj;
    expect(cordoned.spec.unschedulable).toBe(true);
    expect(cordoned.spec.taints).toEqual(node().spec.taints);
    const uncordoned = applyStrategicMergePatch(cordoned, { spec: { unschedulable: null } }, 'Node') as AnyObj;
    expect(uncordoned.spec).toEqual(node().spec);
  });

  it('label adds, overwrites and removes labels; annotate likewise', () => {
    const labelled = applyStrategicMergePatch(node(), { metadata: { labels: { 'kis.dev/stage': '2', 'kis.dev/role': 'edge' } } }, 'Node') as AnyObj;
    expect(labelled.metadata.labels).toEqual({ 'kubernetes.io/hostname': 'n1', 'kis.dev/stage': '2', 'kis.dev/role': 'edge' });
    const unlabelled = applyStrategicMergePatch(labelled, { metadata: { labels: { 'kis.dev/role': null } } }, 'Node') as AnyObj;
    expect(unlabelled.metadata.labels).toEqual({ 'kubernetes.io/hostname': 'n1', 'kis.dev/stage': '2' });
    const annotated = applyStrategicMergePatch(node(), { metadata: { annotations: { 'sim.kis.dev/power': 'off', a: null } } }, 'Node') as AnyObj;
    expect(annotated.metadata.annotations).toEqual({ 'sim.kis.dev/power': 'off' });
  });

  it('taint replaces spec.taints whole (no patch strategy upstream)', () => {
    const taints = [
      { key: 'kis.dev/power', value: 'degraded', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' },
    ];
    expect((applyStrategicMergePatch(node(), { spec: { taints } }, 'Node') as AnyObj).spec.taints).toEqual(taints);
    expect((applyStrategicMergePatch(node(), { spec: { taints: [taints[1]] } }, 'Node') as AnyObj).spec.taints).toEqual([taints[1]]);
    expect((applyStrategicMergePatch(node(), { spec: { taints: null } }, 'Node') as AnyObj).spec.taints).toBeUndefined();
  });

  it('a kubelet status patch merges conditions by type and keeps their order', () => {
    const patch = {
      status: {
        '$setElementOrder/conditions': [{ type: 'MemoryPressure' }, { type: 'DiskPressure' }, { type: 'PIDPressure' }, { type: 'Ready' }],
        conditions: [{ type: 'Ready', status: 'False', lastHeartbeatTime: 't1', reason: 'KubeletNotReady' }],
      },
    };
    const out = applyStrategicMergePatch(node(), patch, 'Node') as AnyObj;
    expect(out.status.conditions.map((c: AnyObj) => c.type)).toEqual(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);
    expect(out.status.conditions[3]).toEqual({ type: 'Ready', status: 'False', lastHeartbeatTime: 't1', reason: 'KubeletNotReady' });
    expect(out.status.conditions[0].lastHeartbeatTime).toBe('t0');
  });

  it('addresses merge by type (so a second InternalIP in a patch folds into the first, as upstream)', () => {
    const out = applyStrategicMergePatch(node(), { status: { addresses: [{ type: 'InternalIP', address: '10.0.0.9' }] } }, 'Node') as AnyObj;
    expect(out.status.addresses).toEqual([{ type: 'InternalIP', address: '10.0.0.9' }, { type: 'Hostname', address: 'n1' }]);
  });

  it('podCIDRs merge as a set of primitives', () => {
    const out = applyStrategicMergePatch(node(), { spec: { podCIDRs: ['fd00::/64'] } }, 'Node') as AnyObj;
    expect(out.spec.podCIDRs).toEqual(['fd00::/64', '10.244.1.0/24']);
  });
});

describe('kubectl apply on a Deployment', () => {
  it('changes an image and removes a container (three-way patch with $setElementOrder and $patch: delete)', () => {
    const patch = {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}\n' } },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'web' }],
            containers: [{ image: 'nginx:1.27', name: 'web' }, { $patch: 'delete', name: 'sidecar' }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(deployment(), patch, 'Deployment') as AnyObj;
    const containers = out.spec.template.spec.containers;
    expect(containers).toHaveLength(1);
    expect(containers[0]).toEqual({ ...deployment().spec.template.spec.containers[0], image: 'nginx:1.27' });
    expect(out.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe('{"kind":"Deployment"}\n');
    expect(JSON.stringify(out)).not.toContain('$');
  });

  it('merges env by name, ports by containerPort, and orders by $setElementOrder', () => {
    const patch = {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'web' }, { name: 'sidecar' }],
            containers: [
              {
                name: 'web',
                '$setElementOrder/env': [{ name: 'C' }, { name: 'A' }],
                env: [{ name: 'C', value: '3' }, { name: 'A', value: '9' }, { $patch: 'delete', name: 'B' }],
                ports: [{ containerPort: 8080, protocol: 'TCP' }],
              },
            ],
          },
        },
      },
    };
    const web = (applyStrategicMergePatch(deployment(), patch, 'Deployment') as AnyObj).spec.template.spec.containers[0];
    expect(web.env).toEqual([{ name: 'C', value: '3' }, { name: 'A', value: '9' }]);
    expect(web.ports).toEqual([{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 80, protocol: 'TCP' }]);
  });

  it('adds a new container ahead of the existing ones when no $setElementOrder is sent (upstream order rule)', () => {
    const patch = { spec: { template: { spec: { containers: [{ name: 'agent', image: 'agent:1' }] } } } };
    const names = (applyStrategicMergePatch(deployment(), patch, 'Deployment') as AnyObj).spec.template.spec.containers.map((c: AnyObj) => c.name);
    expect(names).toEqual(['agent', 'web', 'sidecar']);
  });

  it('replaces tolerations whole (atomic upstream)', () => {
    const patch = { spec: { template: { spec: { tolerations: [{ key: 'y', operator: 'Exists' }] } } } };
    const out = applyStrategicMergePatch(deployment(), patch, 'Deployment') as AnyObj;
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'y', operator: 'Exists' }]);
  });

  it('switches strategy type with $retainKeys, dropping rollingUpdate', () => {
    const patch = { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } };
    expect((applyStrategicMergePatch(deployment(), patch, 'Deployment') as AnyObj).spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('switches a volume source with $retainKeys inside a merge-by-name list', () => {
    const patch = { spec: { template: { spec: { volumes: [{ $retainKeys: ['configMap', 'name'], configMap: { name: 'cm' }, name: 'data' }] } } } };
    const out = applyStrategicMergePatch(deployment(), patch, 'Deployment') as AnyObj;
    expect(out.spec.template.spec.volumes).toEqual([{ name: 'data', configMap: { name: 'cm' } }]);
  });

  it('finalizers union, and $deleteFromPrimitiveList removes', () => {
    const added = applyStrategicMergePatch(deployment(), { metadata: { finalizers: ['c'] } }, 'Deployment') as AnyObj;
    expect(added.metadata.finalizers).toEqual(['c', 'a', 'b']);
    const removed = applyStrategicMergePatch(added, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }, 'Deployment') as AnyObj;
    expect(removed.metadata.finalizers).toEqual(['c', 'b']);
  });

  it('status conditions merge by type', () => {
    const patch = { status: { conditions: [{ type: 'Available', status: 'False' }] } };
    const out = applyStrategicMergePatch(deployment(), patch, 'Deployment') as AnyObj;
    expect(out.status.conditions).toEqual([{ type: 'Available', status: 'False' }, { type: 'Progressing', status: 'True' }]);
  });

  it('a container without its merge key is a 500 with upstream text', () => {
    const patch = { spec: { template: { spec: { containers: [{ image: 'x' }] } } } };
    expect(() => applyStrategicMergePatch(deployment(), patch, 'Deployment')).toThrow(
      new PatchError(500, '', 'map: map[image:x] does not contain declared merge key: name'),
    );
  });
});

describe('other kinds', () => {
  it('ownerReferences merge by uid', () => {
    const pod = { metadata: { name: 'p', ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', name: 'rs1' }] } };
    const out = applyStrategicMergePatch(pod, { metadata: { ownerReferences: [{ uid: 'u1', controller: true }, { uid: 'u2', kind: 'Node', name: 'n1' }] } }, 'Pod') as AnyObj;
    expect(out.metadata.ownerReferences).toEqual([
      { uid: 'u1', kind: 'ReplicaSet', name: 'rs1', controller: true },
      { uid: 'u2', kind: 'Node', name: 'n1' },
    ]);
  });

  it('PodDisruptionBudget spec.selector is replaced, not merged', () => {
    const pdb = { metadata: { name: 'p' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'a' } } } };
    const out = applyStrategicMergePatch(pdb, { spec: { selector: { matchLabels: { app: 'b' } } } }, 'PodDisruptionBudget') as AnyObj;
    expect(out.spec).toEqual({ minAvailable: 1, selector: { matchLabels: { app: 'b' } } });
  });

  it('Service ports merge by port; ServiceAccount secrets by name', () => {
    const svc = { metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } };
    const out = applyStrategicMergePatch(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }] } }, 'Service') as AnyObj;
    expect(out.spec.ports).toEqual([{ port: 80, targetPort: 9090 }, { port: 443 }]);
    const sa = { metadata: { name: 'sa' }, secrets: [{ name: 'a' }] };
    expect((applyStrategicMergePatch(sa, { secrets: [{ name: 'b' }] }, 'ServiceAccount') as AnyObj).secrets).toEqual([{ name: 'b' }, { name: 'a' }]);
  });

  it('pod status conditions merge by type; containerStatuses are atomic', () => {
    const pod = { metadata: { name: 'p' }, status: { conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'a', ready: true }, { name: 'b', ready: true }] } };
    const out = applyStrategicMergePatch(pod, { status: { conditions: [{ type: 'PodScheduled', status: 'True' }], containerStatuses: [{ name: 'a', ready: false }] } }, 'Pod') as AnyObj;
    expect(out.status.conditions).toEqual([{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True' }]);
    expect(out.status.containerStatuses).toEqual([{ name: 'a', ready: false }]);
  });

  it('a kind outside the table still merges ObjectMeta by its tags', () => {
    const cm = { metadata: { name: 'c', finalizers: ['a'] }, data: { k: 'v' } };
    const out = applyStrategicMergePatch(cm, { metadata: { finalizers: ['b'] }, data: { k2: 'v2' } }, 'SomethingElse') as AnyObj;
    expect(out).toEqual({ metadata: { name: 'c', finalizers: ['b', 'a'] }, data: { k: 'v', k2: 'v2' } });
  });

  it('covers every kind the twin serves', () => {
    expect(Object.keys(patchSchemas)).toEqual(expect.arrayContaining([
      'Pod', 'Node', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'PodDisruptionBudget', 'Event', 'Lease',
      'Namespace', 'ConfigMap', 'Service', 'ServiceAccount', 'PriorityClass',
    ]));
  });

  it.each([
    [[{ a: 1 }], 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['x', 'json: cannot unmarshal string into Go value of type map[string]interface {}'],
  ])('a non-object patch %j is a 400', (patch, message) => {
    expect(() => applyStrategicMergePatch(node(), patch, 'Node')).toThrow(new PatchError(400, 'BadRequest', message));
  });

  it('a null patch changes nothing', () => {
    expect(applyStrategicMergePatch(node(), null, 'Node')).toEqual(node());
  });
});
