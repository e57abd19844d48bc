// Selectors, pagination, the three patch types, Watch and an informer that survives a forced 410.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestTwin, type TestTwin } from '../../helpers/twin.ts';

let t: TestTwin;
let core: k8s.CoreV1Api;
let apps: k8s.AppsV1Api;

beforeAll(async () => {
  t = await startTestTwin({ historyLimit: 50 });
  core = t.kc.makeApiClient(k8s.CoreV1Api);
  apps = t.kc.makeApiClient(k8s.AppsV1Api);
});
afterAll(() => t.stop());

const opts = (type: string) => k8s.setHeaderOptions('Content-Type', type);

const pod = (name: string, labels: Record<string, string>, nodeName?: string): k8s.V1Pod => ({
  metadata: { name, labels },
  spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] },
});

describe('selectors and pagination', () => {
  beforeAll(async () => {
    await core.createNamespace({ body: { metadata: { name: 'sel' } } });
    await core.createNamespacedPod({ namespace: 'sel', body: pod('a', { app: 'gnc', stage: 's1' }, 'worker-1') });
    await core.createNamespacedPod({ namespace: 'sel', body: pod('b', { app: 'gnc', stage: 's2' }, 'worker-2') });
    await core.createNamespacedPod({ namespace: 'sel', body: pod('c', { app: 'telemetry', stage: 's2' }) });
    await core.createNamespacedPod({ namespace: 'sel', body: pod('d', { app: 'telemetry' }, 'worker-1') });
  });

  it.each([
    ['app=gnc', ['a', 'b']],
    ['app!=gnc', ['c', 'd']],
    ['stage in (s1,s2),app', ['a', 'b', 'c']],
    ['stage notin (s2)', ['a', 'd']],
    ['!stage', ['d']],
    ['app=gnc,stage=s2', ['b']],
  ])('labelSelector %s', async (labelSelector, want) => {
    const list = await core.listNamespacedPod({ namespace: 'sel', labelSelector });
    expect(list.items.map((p) => p.metadata?.name)).toEqual(want);
  });

  it.each([
    ['spec.nodeName=worker-1', ['a', 'd']],
    ['spec.nodeName!=worker-1', ['b', 'c']],
    ['spec.nodeName=', ['c']],
    ['metadata.name=b', ['b']],
    ['status.phase!=Running,spec.nodeName=worker-2', ['b']],
  ])('fieldSelector %s', async (fieldSelector, want) => {
    const list = await core.listNamespacedPod({ namespace: 'sel', fieldSelector });
    expect(list.items.map((p) => p.metadata?.name)).toEqual(want);
  });

  it('rejects an unsupported field and a malformed selector with 400', async () => {
    await expect(core.listNamespacedPod({ namespace: 'sel', fieldSelector: 'spec.bogus=1' })).rejects.toMatchObject({ code: 400 });
    await expect(core.listNamespacedPod({ namespace: 'sel', labelSelector: 'app in (a' })).rejects.toMatchObject({ code: 400 });
  });

  it('pages with limit and continue, across writes between pages', async () => {
    await core.createNamespace({ body: { metadata: { name: 'pages' } } });
    for (let i = 0; i < 25; i++) {
      await core.createNamespacedConfigMap({ namespace: 'pages', body: { metadata: { name: `cm-${String(i).padStart(2, '0')}` } } });
    }
    const names: string[] = [];
    let cont: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedConfigMap({ namespace: 'pages', limit: 10, ...(cont ? { _continue: cont } : {}) });
      names.push(...page.items.map((c) => c.metadata!.name!));
      cont = page.metadata?._continue || undefined;
      if (cont) expect(page.metadata?.remainingItemCount).toBeGreaterThan(0);
      if (pages === 0) await core.createNamespacedConfigMap({ namespace: 'pages', body: { metadata: { name: 'zz-late' } } });
      pages++;
    } while (cont);
    expect(pages).toBe(3);
    expect(names.slice(0, 25)).toEqual(Array.from({ length: 25 }, (_, i) => `cm-${String(i).padStart(2, '0')}`));
  });
});

describe('patch types', () => {
  beforeAll(async () => {
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'gnc', labels: { app: 'gnc' } },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'gnc' } },
          template: {
            metadata: { labels: { app: 'gnc' } },
            spec: {
              containers: [
                { name: 'gnc', image: 'gnc:1', env: [{ name: 'MODE', value: 'ascent' }] },
                { name: 'sidecar', image: 'log:1' },
              ],
            },
          },
        },
      },
    });
  });

  it('strategic merge patch merges containers by name', async () => {
    const d = await apps.patchNamespacedDeployment(
      { name: 'gnc', namespace: 'default', body: { spec: { template: { spec: { containers: [{ name: 'gnc', image: 'gnc:2' }] } } } } },
      opts(k8s.PatchStrategy.StrategicMergePatch),
    );
    const containers = d.spec!.template.spec!.containers;
    expect(containers.map((c) => `${c.name}=${c.image}`)).toEqual(['gnc=gnc:2', 'sidecar=log:1']);
    expect(containers[0]!.env).toEqual([{ name: 'MODE', value: 'ascent' }]);
    expect(d.metadata?.generation).toBe(2);
  });

  it('merge patch replaces lists whole', async () => {
    const d = await apps.patchNamespacedDeployment(
      { name: 'gnc', namespace: 'default', body: { spec: { template: { spec: { containers: [{ name: 'gnc', image: 'gnc:3' }] } } } } },
      opts(k8s.PatchStrategy.MergePatch),
    );
    expect(d.spec!.template.spec!.containers.map((c) => c.name)).toEqual(['gnc']);
  });

  it('JSON patch applies operations and fails a failing test op', async () => {
    const d = await apps.patchNamespacedDeployment(
      { name: 'gnc', namespace: 'default', body: [{ op: 'replace', path: '/spec/replicas', value: 4 }, { op: 'add', path: '/metadata/labels/tier', value: 'flight' }] },
      opts(k8s.PatchStrategy.JsonPatch),
    );
    expect(d.spec?.replicas).toBe(4);
    expect(d.metadata?.labels?.tier).toBe('flight');
    await expect(
      apps.patchNamespacedDeployment(
        { name: 'gnc', namespace: 'default', body: [{ op: 'test', path: '/spec/replicas', value: 99 }] },
        opts(k8s.PatchStrategy.JsonPatch),
      ),
    ).rejects.toMatchObject({ code: expect.any(Number) });
  });

  it('cordons a node with the patch kubectl sends', async () => {
    const n = await core.patchNode({ name: 'worker-3', body: { spec: { unschedulable: true } } }, opts(k8s.PatchStrategy.StrategicMergePatch));
    expect(n.spec?.unschedulable).toBe(true);
    const back = await core.patchNode({ name: 'worker-3', body: { spec: { unschedulable: null } } }, opts(k8s.PatchStrategy.StrategicMergePatch));
    expect(back.spec?.unschedulable).toBeUndefined();
  });
});

describe('watch', () => {
  it('streams ADDED, MODIFIED, DELETED in order from a resourceVersion', async () => {
    await core.createNamespace({ body: { metadata: { name: 'w' } } });
    const list = await core.listNamespacedConfigMap({ namespace: 'w' });
    const seen: string[] = [];
    const watch = new k8s.Watch(t.kc);
    const ctl = await watch.watch('/api/v1/namespaces/w/configmaps', { resourceVersion: list.metadata!.resourceVersion! }, (type, obj) => {
      seen.push(`${type} ${obj.metadata.name} ${obj.data?.v ?? ''}`.trim());
    }, () => undefined);
    await core.createNamespacedConfigMap({ namespace: 'w', body: { metadata: { name: 'x' }, data: { v: '1' } } });
    await core.patchNamespacedConfigMap({ name: 'x', namespace: 'w', body: { data: { v: '2' } } }, opts(k8s.PatchStrategy.MergePatch));
    await core.deleteNamespacedConfigMap({ name: 'x', namespace: 'w' });
    await eventually('three events', () => seen.length >= 3);
    ctl.abort();
    expect(seen).toEqual(['ADDED x 1', 'MODIFIED x 2', 'DELETED x 2']);
  });

  it('turns label-selector transitions into ADDED and DELETED as upstream does', async () => {
    await core.createNamespace({ body: { metadata: { name: 'wsel' } } });
    const seen: string[] = [];
    const ctl = await new k8s.Watch(t.kc).watch('/api/v1/namespaces/wsel/configmaps', { labelSelector: 'flight=yes' }, (type, obj) => seen.push(`${type} ${obj.metadata.name}`), () => undefined);
    await core.createNamespacedConfigMap({ namespace: 'wsel', body: { metadata: { name: 'm', labels: { flight: 'no' } } } });
    await core.patchNamespacedConfigMap({ name: 'm', namespace: 'wsel', body: { metadata: { labels: { flight: 'yes' } } } }, opts(k8s.PatchStrategy.MergePatch));
    await core.patchNamespacedConfigMap({ name: 'm', namespace: 'wsel', body: { data: { k: 'v' } } }, opts(k8s.PatchStrategy.MergePatch));
    await core.patchNamespacedConfigMap({ name: 'm', namespace: 'wsel', body: { metadata: { labels: { flight: 'no' } } } }, opts(k8s.PatchStrategy.MergePatch));
    await eventually('three events', () => seen.length >= 3);
    ctl.abort();
    expect(seen).toEqual(['ADDED m', 'MODIFIED m', 'DELETED m']);
  });

  it('sends 410 Expired in-stream for a resourceVersion older than the history', async () => {
    for (let i = 0; i < 60; i++) await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: `churn-${i}` } } });
    const events: any[] = [];
    let ended = false;
    await new k8s.Watch(t.kc).watch('/api/v1/namespaces/default/configmaps', { resourceVersion: '2' }, (type, obj) => events.push({ type, obj }), () => {
      ended = true;
    });
    await eventually('the stream to end', () => ended);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('ERROR');
    expect(events[0].obj).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
  });

  it('keeps an informer in sync across a forced 410: it relists and carries on', async () => {
    await core.createNamespace({ body: { metadata: { name: 'inf' } } });
    await core.createNamespacedConfigMap({ namespace: 'inf', body: { metadata: { name: 'before' } } });
    let lists = 0;
    const informer = k8s.makeInformer(t.kc, '/api/v1/namespaces/inf/configmaps', () => {
      lists++;
      return core.listNamespacedConfigMap({ namespace: 'inf' });
    });
    const errors: unknown[] = [];
    informer.on('error', (e) => errors.push(e));
    await informer.start();
    await eventually('initial list', () => informer.list('inf').length === 1);
    expect(lists).toBe(1);

    // Writes elsewhere push the informer's resourceVersion out of the 50-event history (its watch sees none
    // of them); ending its watch (as a watch timeout does) makes it resume from that expired version: 410.
    for (let i = 0; i < 60; i++) await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: `push-${i}` } } });
    await eventually('the informer watch to be open', () => t.twin.server.watchCount() === 1);
    t.twin.server.endWatches();
    await eventually('a relist after 410', () => lists === 2);
    await core.createNamespacedConfigMap({ namespace: 'inf', body: { metadata: { name: 'after' } } });
    await eventually('informer to carry on', () => informer.list('inf').some((o) => o.metadata!.name === 'after'));
    expect(errors).toEqual([]); // (stopping it aborts its watch, which client-node reports as an error)
    await informer.stop();
  });
});
