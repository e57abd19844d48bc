// Bad input of every kind gets the right metav1.Status, and the server keeps serving afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestTwin, type TestTwin } from '../../helpers/twin.ts';

let t: TestTwin;
beforeAll(async () => {
  t = await startTestTwin();
});
afterAll(() => t.stop());

const CM = '/api/v1/namespaces/default/configmaps';

describe('bad input answers with upstream Status objects', () => {
  it.each([
    ['malformed JSON', 'POST', CM, { body: '{"metadata": {', contentType: 'application/json' }, 400, 'BadRequest'],
    ['a JSON array as an object', 'POST', CM, { body: '[1,2]', contentType: 'application/json' }, 400, 'BadRequest'],
    ['wrong Content-Type', 'POST', CM, { body: 'name=x', contentType: 'application/x-www-form-urlencoded' }, 415, 'UnsupportedMediaType'],
    ['patch with a non-patch Content-Type', 'PATCH', '/api/v1/nodes/worker-1', { body: '{}', contentType: 'application/json' }, 415, 'UnsupportedMediaType'],
    ['malformed merge patch', 'PATCH', '/api/v1/nodes/worker-1', { body: '{"spec":', contentType: 'application/merge-patch+json' }, 400, 'BadRequest'],
    ['JSON patch that is not a list', 'PATCH', '/api/v1/nodes/worker-1', { body: '{"op":"add"}', contentType: 'application/json-patch+json' }, 400, 'BadRequest'],
    // upstream: a JSON patch that fails to apply is 422 with a fixed message (handlers/patch.go).
    ['JSON patch with an unknown op', 'PATCH', '/api/v1/nodes/worker-1', { body: '[{"op":"frobnicate","path":"/spec"}]', contentType: 'application/json-patch+json' }, 422, 'Invalid'],
    ['a protobuf body that is not Kubernetes protobuf', 'POST', CM, { body: 'k8s\u0000garbage', contentType: 'application/vnd.kubernetes.protobuf' }, 400, 'BadRequest'],
    ['unknown resource', 'GET', '/api/v1/namespaces/default/rockets', {}, 404, 'NotFound'],
    ['unknown group', 'GET', '/apis/space.kis.dev/v1/boosters', {}, 404, 'NotFound'],
    ['a missing object', 'GET', `${CM}/nope`, {}, 404, 'NotFound'],
    ['bad label selector', 'GET', `${CM}?labelSelector=${encodeURIComponent('a in (b')}`, {}, 400, 'BadRequest'],
    ['bad field selector', 'GET', `${CM}?fieldSelector=${encodeURIComponent('spec.rocket=1')}`, {}, 400, 'BadRequest'],
    ['a bad limit', 'GET', `${CM}?limit=-3`, {}, 400, 'BadRequest'],
    ['a method the resource lacks', 'POST', '/api/v1/namespaces/default/pods/x/status', { body: '{}', contentType: 'application/json' }, 405, 'MethodNotAllowed'],
    ['an invalid object', 'POST', CM, { body: JSON.stringify({ metadata: { name: 'Not_A_Valid_Name' } }), contentType: 'application/json' }, 422, 'Invalid'],
    ['a name mismatch on update', 'PUT', `${CM}/kube-root`, { body: JSON.stringify({ metadata: { name: 'other' } }), contentType: 'application/json' }, 400, 'BadRequest'],
    ['the wrong kind for the URL', 'POST', CM, { body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }), contentType: 'application/json' }, 400, 'BadRequest'],
  ] as const)('%s', async (_what, method, path, opts, code, reason) => {
    const res = await rawRequest(t, method, path, opts);
    expect(res.status).toBe(code);
    expect(res.json()).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason });
  });

  it('refuses a body over 3 MiB with 413', async () => {
    const big = JSON.stringify({ metadata: { name: 'big' }, data: { blob: 'x'.repeat(3 * 1024 * 1024 + 10) } });
    const res = await rawRequest(t, 'POST', CM, { body: big, contentType: 'application/json' });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 });
  });

  it('answers 401 without a token or with a bad one, and serves health checks without one', async () => {
    for (const token of [null, 'not-a-token', `${t.twin.tokens.admin}x`]) {
      const res = await rawRequest(t, 'GET', '/api/v1/nodes', { token });
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ reason: 'Unauthorized', code: 401 });
    }
    expect((await rawRequest(t, 'GET', '/healthz', { token: null })).body).toBe('ok');
    expect((await rawRequest(t, 'GET', '/version', { token: null })).json()).toMatchObject({ major: '1' });
  });

  it('lets the viewer read but answers 403 Forbidden to its writes', async () => {
    const viewer = t.twin.tokens.viewer;
    expect((await rawRequest(t, 'GET', '/api/v1/nodes', { token: viewer })).status).toBe(200);
    const res = await rawRequest(t, 'DELETE', '/api/v1/nodes/worker-1', { token: viewer });
    expect(res.status).toBe(403);
    expect(res.json().message).toBe('nodes "worker-1" is forbidden: User "kis-viewer" cannot delete resource "nodes" in API group "" at the cluster scope');
    const evict = await rawRequest(t, 'POST', '/api/v1/namespaces/default/pods/x/eviction', { token: viewer, body: '{}', contentType: 'application/json' });
    expect(evict.status).toBe(403);
  });

  it('leaves nothing half-written and keeps serving after all of that', async () => {
    const list = await rawRequest(t, 'GET', CM);
    expect(list.status).toBe(200);
    expect(list.json().items.map((i: any) => i.metadata.name)).not.toContain('big');
    const node = await rawRequest(t, 'GET', '/api/v1/nodes/worker-1');
    expect(node.json().spec.unschedulable).toBeUndefined();
    expect(t.internalErrors).toEqual([]);
  });
});

describe('discovery', () => {
  it('serves legacy discovery with short names and pods/eviction', async () => {
    const v1 = (await rawRequest(t, 'GET', '/api/v1')).json();
    const pods = v1.resources.find((r: any) => r.name === 'pods');
    expect(pods).toMatchObject({ kind: 'Pod', namespaced: true, shortNames: ['po'] });
    expect(v1.resources.find((r: any) => r.name === 'pods/eviction')).toMatchObject({ group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
    const groups = (await rawRequest(t, 'GET', '/apis')).json();
    expect(groups.groups.map((g: any) => g.name)).toEqual(['apps', 'policy', 'coordination.k8s.io', 'scheduling.k8s.io']);
    const appsV1 = (await rawRequest(t, 'GET', '/apis/apps/v1')).json();
    expect(appsV1.resources.find((r: any) => r.name === 'deployments/scale')).toMatchObject({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    const short = [...v1.resources, ...appsV1.resources].flatMap((r: any) => r.shortNames ?? []);
    expect(short).toEqual(expect.arrayContaining(['no', 'po', 'ns', 'ev', 'cm', 'svc', 'sa', 'deploy', 'rs', 'sts', 'ds']));
  });
});
