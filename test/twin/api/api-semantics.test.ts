// Deletion options, deletecollection, watch bookmarks and timeouts, dry run — the finer points clients rely on.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, rawRequest, startTestTwin, type TestTwin } from '../../helpers/twin.ts';

let t: TestTwin;
let core: k8s.CoreV1Api;
beforeAll(async () => {
  t = await startTestTwin();
  core = t.kc.makeApiClient(k8s.CoreV1Api);
});
afterAll(() => t.stop());

describe('delete options', () => {
  it('deletecollection removes what the selector matches, and only that', async () => {
    for (const [name, stage] of [['a', 's1'], ['b', 's1'], ['c', 's2']]) {
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: `dc-${name}`, labels: { stage: stage! } } } });
    }
    await core.deleteCollectionNamespacedConfigMap({ namespace: 'default', labelSelector: 'stage=s1' });
    const left = await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'stage' });
    expect(left.items.map((c) => c.metadata?.name)).toEqual(['dc-c']);
  });

  it('honours preconditions: a stale uid is 409 Conflict', async () => {
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'pre' } } });
    await expect(core.deleteNamespacedConfigMap({ name: 'pre', namespace: 'default', body: { preconditions: { uid: 'not-the-uid' } } })).rejects.toMatchObject({ code: 409 });
    await core.readNamespacedConfigMap({ name: 'pre', namespace: 'default' });
  });

  it('Foreground propagation leaves the owner with a foregroundDeletion finalizer', async () => {
    const apps = t.kc.makeApiClient(k8s.AppsV1Api);
    await apps.createNamespacedReplicaSet({
      namespace: 'default',
      body: { metadata: { name: 'fg' }, spec: { selector: { matchLabels: { a: 'fg' } }, template: { metadata: { labels: { a: 'fg' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } },
    });
    await apps.deleteNamespacedReplicaSet({ name: 'fg', namespace: 'default', propagationPolicy: 'Foreground' });
    const rs = await apps.readNamespacedReplicaSet({ name: 'fg', namespace: 'default' });
    expect(rs.metadata?.finalizers).toEqual(['foregroundDeletion']);
    expect(rs.metadata?.deletionTimestamp).toBeTruthy();
    // Removing the finalizer (the garbage collector's job) completes the deletion.
    await apps.patchNamespacedReplicaSet({ name: 'fg', namespace: 'default', body: { metadata: { finalizers: null } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await expect(apps.readNamespacedReplicaSet({ name: 'fg', namespace: 'default' })).rejects.toMatchObject({ code: 404 });
  });

  it('gracePeriodSeconds=0 deletes a bound pod at once; otherwise it waits for its kubelet', async () => {
    const body = (name: string) => ({ metadata: { name }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'i' }] } });
    await core.createNamespacedPod({ namespace: 'default', body: body('graceful') });
    await core.createNamespacedPod({ namespace: 'default', body: body('forced') });
    await core.deleteNamespacedPod({ name: 'graceful', namespace: 'default', gracePeriodSeconds: 10 });
    await core.deleteNamespacedPod({ name: 'forced', namespace: 'default', gracePeriodSeconds: 0 });
    const graceful = await core.readNamespacedPod({ name: 'graceful', namespace: 'default' });
    expect(graceful.metadata?.deletionGracePeriodSeconds).toBe(10);
    await expect(core.readNamespacedPod({ name: 'forced', namespace: 'default' })).rejects.toMatchObject({ code: 404 });
  });

  it('dryRun=All validates and answers without writing', async () => {
    const res = await rawRequest(t, 'POST', '/api/v1/namespaces/default/configmaps?dryRun=All', {
      body: JSON.stringify({ metadata: { name: 'dry' }, data: { a: '1' } }), contentType: 'application/json',
    });
    expect(res.status).toBe(201);
    expect(res.json().metadata.name).toBe('dry');
    await expect(core.readNamespacedConfigMap({ name: 'dry', namespace: 'default' })).rejects.toMatchObject({ code: 404 });
  });
});

describe('watch details', () => {
  it('sendInitialEvents with bookmarks ends the initial list with an initial-events-end bookmark', async () => {
    const seen: { type: string; obj: any }[] = [];
    const ctl = await new k8s.Watch(t.kc).watch('/api/v1/nodes', { sendInitialEvents: true, allowWatchBookmarks: true, resourceVersionMatch: 'NotOlderThan' },
      (type, obj) => seen.push({ type, obj }), () => undefined);
    await eventually('the bookmark', () => seen.some((e) => e.type === 'BOOKMARK'));
    ctl.abort();
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED', 'BOOKMARK']);
    expect(seen[3]!.obj.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
  });

  it('ends a watch after timeoutSeconds', async () => {
    let done = false;
    await new k8s.Watch(t.kc).watch('/api/v1/namespaces', { timeoutSeconds: 1 }, () => undefined, () => (done = true));
    await eventually('the watch to end by itself', () => done, 5_000);
  });

  it('serves Table rows on a watch for kubectl get -w', async () => {
    const res = await rawRequest(t, 'GET', '/api/v1/nodes?watch=true&timeoutSeconds=1', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    const events = res.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0].object.kind).toBe('Table');
    expect(events[0].object.columnDefinitions.map((c: any) => c.name)).toEqual(expect.arrayContaining(['Name', 'Status', 'Roles', 'Age', 'Version']));
    expect(events[1].object.columnDefinitions).toEqual([]);
    expect(events.map((e: any) => e.object.rows[0].cells[0])).toEqual(['worker-1', 'worker-2', 'worker-3']);
  });
});
