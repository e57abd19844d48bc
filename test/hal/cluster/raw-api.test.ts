// The lean request path of KubeCluster: the same answers and the same ClusterError fields as the
// client-node calls it stands in for (404 notFound, 503 retryable with its Retry-After, 0 unreachable).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errors } from '../../../sim/twin/index.ts';
import { ClusterError, KeepAliveClients, loadKubeConfig, MERGE_PATCH, RawApi } from '../../../hal/cluster/index.ts';
import { startTestTwin, type TestTwin } from '../../helpers/twin.ts';
import { vehicleNodes } from './seed.ts';

let t: TestTwin;
let raw: RawApi;
let clients: KeepAliveClients;
beforeAll(async () => {
  t = await startTestTwin({ nodes: vehicleNodes() });
  clients = new KeepAliveClients(t.kc);
  raw = new RawApi(t.kc, clients);
});
afterAll(async () => {
  clients.close();
  await t.stop();
});

const failure = (p: Promise<unknown>): Promise<ClusterError> =>
  p.then(() => { throw new Error('expected a ClusterError'); }, (e: unknown) => e as ClusterError);

describe('RawApi', () => {
  it('patches and reads back as JSON text', async () => {
    await raw.send('annotate', 'PATCH', '/api/v1/nodes/s2-a', { json: JSON.stringify({ metadata: { annotations: { 'x.test/raw': 'yes' } } }), type: MERGE_PATCH });
    const node = JSON.parse(await raw.send('get', 'GET', '/api/v1/nodes/s2-a')) as { metadata: { annotations: Record<string, string> } };
    expect(node.metadata.annotations['x.test/raw']).toBe('yes');
  });

  it.each([
    ['a missing node', 'GET', '/api/v1/nodes/no-such-node', 404, false],
    ['a bad patch body', 'PATCH', '/api/v1/nodes/s2-a', 400, false],
  ] as const)('%s is a ClusterError with the API status', async (_what, method, path, code, retryable) => {
    const e = await failure(raw.send(`call ${path}`, method, path, method === 'PATCH' ? { json: '{not json', type: MERGE_PATCH } : undefined));
    expect(e).toBeInstanceOf(ClusterError);
    expect([e.code, e.retryable, e.notFound]).toEqual([code, retryable, code === 404]);
    expect(e.message).toContain(`call ${path}`);
  });

  it('a 503 while the API refuses writes is retryable', async () => {
    t.twin.registry.setWriteGate(() => {
      throw errors.unavailable('quorum lost');
    });
    try {
      const e = await failure(raw.send('annotate', 'PATCH', '/api/v1/nodes/s2-a', { json: '{"metadata":{"annotations":{"x.test/raw":"no"}}}', type: MERGE_PATCH }));
      expect([e.code, e.retryable]).toEqual([503, true]);
    } finally {
      t.twin.registry.setWriteGate(undefined);
    }
  });

  it('an API that is not there is unreachable (code 0), as client-node failures are', async () => {
    const kc = loadKubeConfig({ yaml: t.kc.exportConfig().replace(t.twin.url, 'https://127.0.0.1:1') });
    const away = new KeepAliveClients(kc);
    const e = await failure(new RawApi(kc, away).send('get node', 'GET', '/api/v1/nodes/s2-a'));
    away.close();
    expect([e.code, e.unreachable, e.retryable]).toEqual([0, true, true]);
  });
});
