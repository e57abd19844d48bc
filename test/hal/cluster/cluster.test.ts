// Runs the Cluster contract against KubeCluster on the twin over HTTPS; errors for an unreachable API.
import { afterAll, describe, expect, it } from 'vitest';
import { ClusterError, KubeCluster, KubeConfigError, loadKubeConfig } from '../../../hal/cluster/index.ts';
import { startTestTwin, type TestTwin } from '../../helpers/twin.ts';
import { runClusterContract } from './cluster-contract.ts';
import { Seeder, vehicleNodes } from './seed.ts';

let t: TestTwin | undefined;
afterAll(() => t?.stop());

runClusterContract('KubeCluster on the twin', async () => {
  t = await startTestTwin({ nodes: vehicleNodes() });
  return { cluster: new KubeCluster(loadKubeConfig({ path: t.adminPath })), seed: new Seeder(t.kc) };
});

describe('KubeCluster errors', () => {
  it('an unreachable API is ClusterError code 0, retryable, and says what to check', async () => {
    const tmp = await startTestTwin({ nodes: [] });
    const yaml = tmp.twin.kubeconfig('admin');
    await tmp.stop();
    const c = new KubeCluster(loadKubeConfig({ yaml }));
    const err = await c.probe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterError);
    expect(err).toMatchObject({ code: 0, unreachable: true, retryable: true });
    expect((err as Error).message).toMatch(/unreachable.*check the kubeconfig/);
  });

  it('a read-only user is refused with 403, not retried', async () => {
    const c = new KubeCluster(loadKubeConfig({ path: t!.viewerPath }));
    const err = await c.cordon('s1-a').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 403, retryable: false });
  });

  it.each([
    [{ path: '/nonexistent/kubeconfig' }, /no such file/],
    [{ yaml: 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n', context: 'lab' }, /no context "lab"; it has none/],
  ])('kubeconfig problems are KubeConfigErrors: %j', (source, message) => {
    expect(() => loadKubeConfig(source)).toThrow(KubeConfigError);
    expect(() => loadKubeConfig(source)).toThrow(message);
  });
});

describe('KubeCluster.setTaint with the node a cache saw', () => {
  const OOS = { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' } as const;
  const PWR = { key: 'kis.dev/power', value: 'degraded', effect: 'NoSchedule' } as const;
  const taintsOf = async (c: KubeCluster, name: string) => (await c.getNode(name))!.taints.map((x) => x.key).sort();

  it('writes on a fresh untainted node without reading it, and on a stale one reads afresh and keeps the newer taint', async () => {
    const c = new KubeCluster(loadKubeConfig({ path: t!.adminPath }));
    await c.setTaint('s1-b', OOS, false);
    await c.setTaint('s1-b', PWR, false);
    const fresh = (await c.getNode('s1-b'))!;
    expect(fresh.taints).toEqual([]);
    expect(fresh.resourceVersion).toBeDefined();
    await c.setTaint('s1-b', PWR, true, fresh); // on the cached resourceVersion: accepted
    // `fresh` is stale now (PWR added since): the conditional write gets 409, the node is read, PWR stays.
    await c.setTaint('s1-b', OOS, true, fresh);
    expect(await taintsOf(c, 's1-b')).toEqual([PWR.key, OOS.key].sort());
    await c.setTaint('s1-b', OOS, false);
    await c.setTaint('s1-b', PWR, false);
    expect(await taintsOf(c, 's1-b')).toEqual([]);
    c.close();
  });
});
