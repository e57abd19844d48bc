// CRUD on every served resource through @kubernetes/client-node's generic object API (which finds each
// resource through discovery), over HTTPS against the twin.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../sim/twin/index.ts';
import { startTestTwin, type TestTwin } from '../../helpers/twin.ts';
import { SAMPLES } from './samples.ts';

let t: TestTwin;
let objects: k8s.KubernetesObjectApi;

beforeAll(async () => {
  t = await startTestTwin();
  objects = k8s.KubernetesObjectApi.makeApiClient(t.kc);
});
afterAll(() => t.stop());

describe('CRUD on every resource via client-node', () => {
  it('has a sample for every served resource', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(RESOURCES.map((r) => r.key).sort());
  });

  it.each(Object.keys(SAMPLES))('%s: create, read, replace, patch, list, delete', async (key) => {
    const sample = SAMPLES[key]!();
    const created = await objects.create(sample);
    expect(created.metadata?.uid).toMatch(/[0-9a-f-]{36}/);
    expect(created.metadata?.resourceVersion).toBeTruthy();
    expect(created.metadata?.creationTimestamp).toBeTruthy();

    const read = await objects.read({ apiVersion: sample.apiVersion, kind: sample.kind, metadata: sample.metadata });
    expect(read.metadata?.uid).toBe(created.metadata?.uid);

    const replaced = await objects.replace({ ...read, metadata: { ...read.metadata, labels: { ...(read.metadata?.labels ?? {}), replaced: 'yes' } } });
    expect(replaced.metadata?.labels?.replaced).toBe('yes');
    expect(Number(replaced.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));

    const patched: k8s.KubernetesObject = await objects.patch(
      { apiVersion: sample.apiVersion, kind: sample.kind, metadata: { name: sample.metadata.name, namespace: sample.metadata.namespace, annotations: { patched: 'merge' } } },
      undefined, undefined, undefined, undefined, k8s.PatchStrategy.MergePatch,
    );
    expect(patched.metadata?.annotations?.patched).toBe('merge');
    expect(patched.metadata?.labels?.replaced).toBe('yes');

    const list = await objects.list(sample.apiVersion, sample.kind, sample.metadata.namespace);
    expect(list.items.map((i) => i.metadata?.name)).toContain(sample.metadata.name);

    await objects.delete({ apiVersion: sample.apiVersion, kind: sample.kind, metadata: sample.metadata });
    const after = await objects.list(sample.apiVersion, sample.kind, sample.metadata.namespace);
    const stillThere = after.items.find((i) => i.metadata?.name === sample.metadata.name);
    // A namespace goes Terminating (the namespace controller finishes it); everything else is gone.
    if (key === 'namespaces') expect((stillThere as any)?.status?.phase).toBe('Terminating');
    else expect(stillThere).toBeUndefined();
  });
});

describe('typed APIs', () => {
  it('lists the registered nodes with kis labels and Ready status', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const ready = nodes.items[0]!.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready?.status).toBe('True');
    expect(nodes.items[0]!.metadata?.labels?.['kis.dev/role']).toBe('worker');
  });

  it('has the default namespaces and system priority classes', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    const ns = await core.listNamespace();
    expect(ns.items.map((n) => n.metadata?.name)).toEqual(expect.arrayContaining(['default', 'kube-system', 'kube-node-lease']));
    const sched = t.kc.makeApiClient(k8s.SchedulingV1Api);
    const pcs = await sched.listPriorityClass();
    expect(pcs.items.map((p) => p.metadata?.name)).toEqual(expect.arrayContaining(['system-node-critical', 'system-cluster-critical']));
  });

  it('creates a pod with generateName, admission tolerations and resolved priority', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    const pod = await core.createNamespacedPod({
      namespace: 'default',
      body: { metadata: { generateName: 'guidance-' }, spec: { priorityClassName: 'system-cluster-critical', containers: [{ name: 'g', image: 'pause:3.10' }] } },
    });
    expect(pod.metadata?.name).toMatch(/^guidance-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.status?.phase).toBe('Pending');
    expect(pod.spec?.priority).toBe(2000000000);
    expect(pod.spec?.tolerations).toEqual(
      expect.arrayContaining([
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ]),
    );
  });

  it('refuses a pod in a namespace that does not exist (404) and an unknown priority class (403)', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    const body = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i' }] } };
    await expect(core.createNamespacedPod({ namespace: 'nowhere', body })).rejects.toMatchObject({ code: 404 });
    await expect(
      core.createNamespacedPod({ namespace: 'default', body: { ...body, spec: { ...body.spec, priorityClassName: 'nope' } } }),
    ).rejects.toMatchObject({ code: 403 });
  });

  it('answers 409 AlreadyExists and 409 Conflict on a stale resourceVersion', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    const cm = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'conflict' }, data: { v: '1' } } });
    await expect(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'conflict' } } })).rejects.toMatchObject({
      code: 409,
    });
    await core.replaceNamespacedConfigMap({ name: 'conflict', namespace: 'default', body: { ...cm, data: { v: '2' } } });
    const stale = core.replaceNamespacedConfigMap({ name: 'conflict', namespace: 'default', body: { ...cm, data: { v: '3' } } });
    await expect(stale).rejects.toMatchObject({ code: 409 });
    await expect(stale).rejects.toThrow(/the object has been modified/);
  });

  it('scales a deployment through the scale subresource', async () => {
    const apps = t.kc.makeApiClient(k8s.AppsV1Api);
    await apps.createNamespacedDeployment({ namespace: 'default', body: SAMPLES['deployments.apps']!() });
    const scale = await apps.readNamespacedDeploymentScale({ name: 'crud-deploy', namespace: 'default' });
    expect(scale.spec?.replicas).toBe(2);
    expect(scale.status?.selector).toBe('app=crud-deploy');
    await apps.replaceNamespacedDeploymentScale({ name: 'crud-deploy', namespace: 'default', body: { ...scale, spec: { replicas: 5 } } });
    const d = await apps.readNamespacedDeployment({ name: 'crud-deploy', namespace: 'default' });
    expect(d.spec?.replicas).toBe(5);
    expect(d.metadata?.generation).toBe(2);
    await apps.deleteNamespacedDeployment({ name: 'crud-deploy', namespace: 'default' });
  });

  it('updates status only through /status', async () => {
    const apps = t.kc.makeApiClient(k8s.AppsV1Api);
    const d = await apps.createNamespacedDeployment({ namespace: 'default', body: { ...SAMPLES['deployments.apps']!(), metadata: { name: 'st' } } });
    const viaMain = await apps.replaceNamespacedDeployment({ name: 'st', namespace: 'default', body: { ...d, status: { replicas: 7 } } });
    expect(viaMain.status?.replicas).toBeUndefined();
    const viaStatus = await apps.replaceNamespacedDeploymentStatus({ name: 'st', namespace: 'default', body: { ...viaMain, status: { replicas: 7 } } });
    expect(viaStatus.status?.replicas).toBe(7);
    expect(viaStatus.metadata?.generation).toBe(viaMain.metadata?.generation);
  });

  it('binds a pod to a node and evicts it (no PDB: 201, pod deleted gracefully)', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'bindme', labels: { app: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } });
    await core.createNamespacedPodBinding({ name: 'bindme', namespace: 'default', body: { metadata: { name: 'bindme' }, target: { kind: 'Node', name: 'worker-2' } } });
    const bound = await core.readNamespacedPod({ name: 'bindme', namespace: 'default' });
    expect(bound.spec?.nodeName).toBe('worker-2');
    expect(bound.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    await expect(
      core.createNamespacedPodBinding({ name: 'bindme', namespace: 'default', body: { metadata: { name: 'bindme' }, target: { kind: 'Node', name: 'worker-3' } } }),
    ).rejects.toMatchObject({ code: 409 });
    // Running and Ready, so the eviction path that consults PDBs applies.
    await core.replaceNamespacedPodStatus({ name: 'bindme', namespace: 'default', body: { ...bound, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } } });
    await core.createNamespacedPodEviction({ name: 'bindme', namespace: 'default', body: { metadata: { name: 'bindme', namespace: 'default' } } });
    const evicted = await core.readNamespacedPod({ name: 'bindme', namespace: 'default' });
    expect(evicted.metadata?.deletionTimestamp).toBeTruthy(); // bound pods wait for their kubelet
    expect(evicted.metadata?.deletionGracePeriodSeconds).toBe(30);
  });

  it('answers 429 when an eviction would violate a PodDisruptionBudget', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    const policy = t.kc.makeApiClient(k8s.PolicyV1Api);
    const pdb = await policy.createNamespacedPodDisruptionBudget({
      namespace: 'default',
      body: { metadata: { name: 'guard' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } } },
    });
    await policy.replaceNamespacedPodDisruptionBudgetStatus({
      name: 'guard', namespace: 'default',
      body: { ...pdb, status: { observedGeneration: 1, disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 } },
    });
    const pod = await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'guarded', labels: { app: 'guarded' } }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'i' }] } } });
    await core.replaceNamespacedPodStatus({ name: 'guarded', namespace: 'default', body: { ...pod, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } } });
    const evict = core.createNamespacedPodEviction({ name: 'guarded', namespace: 'default', body: { metadata: { name: 'guarded', namespace: 'default' } } });
    await expect(evict).rejects.toMatchObject({ code: 429 });
    await expect(evict).rejects.toThrow(/disruption budget guard needs 1 healthy pods and has 1 currently/);
    const still = await core.readNamespacedPod({ name: 'guarded', namespace: 'default' });
    expect(still.metadata?.deletionTimestamp).toBeUndefined();
  });
});
