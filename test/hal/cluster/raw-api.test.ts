// The lean request path of KubeCluster: the same answers and the same ClusterError fields as the
// client-node calls it stands in for (404 notFound, 503 retryable with its Retry-After, 0 unreachable).
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

  // Credentials that are plain kubeconfig data are applied once; a token from a file (or an exec
  // plugin) can rotate, so those users are asked every time. Either way one connection serves all.
  it.each([
    ['a token in the kubeconfig', false, 1],
    ['a token file (auth provider)', true, 3],
  ])('%s: authenticates; options applied for 3 requests: %s → %i time(s), over one connection', async (_what, fromFile, applied) => {
    const config = JSON.parse(t.kc.exportConfig()) as { users: Array<{ user: Record<string, unknown> }> };
    if (fromFile) {
      const file = join(mkdtempSync(join(tmpdir(), 'kis-raw-')), 'token');
      writeFileSync(file, t.twin.tokens.admin);
      config.users[0]!.user = { 'auth-provider': { name: 'file', config: { tokenFile: file } } };
    }
    const kc = loadKubeConfig({ yaml: JSON.stringify(config) });
    const spy = vi.spyOn(kc, 'applyToHTTPSOptions');
    const own = new KeepAliveClients(kc);
    const sockets = new Set<unknown>();
    const onRequest = (m: unknown) => sockets.add((m as { request: { socket: unknown } }).request.socket);
    subscribe('http.client.request.start', onRequest);
    try {
      const api = new RawApi(kc, own);
      for (let i = 0; i < 3; i++) await api.send('get node', 'GET', '/api/v1/nodes/s2-a');
    } finally {
      unsubscribe('http.client.request.start', onRequest);
      own.close();
    }
    expect([spy.mock.calls.length, sockets.size]).toEqual([applied, 1]);
  });
});
