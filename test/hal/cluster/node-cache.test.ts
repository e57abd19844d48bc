// NodeCache on the twin: lookups from the watch (foreign nodes included, so the scope guard still
// refuses them), misses confirmed with the API; the executor through it, in parallel, with a node that
// vanished; and the keep-alive clients reusing one connection where client-node alone opens one per call.
import { Agent } from 'node:https';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealClock } from '../../../sim/core/index.ts';
import { ActionExecutor, equalityMatcher, KeepAliveClients, KubeCluster, NodeCache, resolveTarget, type NodeInfo, type NodeLister } from '../../../hal/cluster/index.ts';
import { eventually, startTestTwin, type TestTwin } from '../../helpers/twin.ts';
import { VEHICLE, vehicleNodes } from './seed.ts';

let t: TestTwin;
let cluster: KubeCluster;
let cache: NodeCache;
beforeAll(async () => {
  t = await startTestTwin({ nodes: vehicleNodes() });
  cluster = new KubeCluster(t.kc);
  cache = new NodeCache({ cluster, clock: new RealClock() });
  await cache.start();
});
afterAll(async () => {
  await cache.stop();
  cluster.close();
  await t.stop();
});

const node = (labels: Record<string, string>): NodeInfo => ({ name: 'n', uid: '', labels, annotations: {}, taints: [], unschedulable: false });

describe('equalityMatcher', () => {
  it.each([
    ['kis.dev/stage=stage1', { 'kis.dev/stage': 'stage1' }, true],
    ['kis.dev/stage==stage1', { 'kis.dev/stage': 'stage1' }, true],
    ['kis.dev/stage=stage1', { 'kis.dev/stage': 'stage2' }, false],
    ['kis.dev/stage=stage1,kis.dev/vehicle=v', { 'kis.dev/stage': 'stage1' }, false],
    ['kis.dev/stage=stage1, kis.dev/vehicle=v', { 'kis.dev/stage': 'stage1', 'kis.dev/vehicle': 'v' }, true],
    ['a=', { a: '' }, true],
    ['a=', {}, false],
  ])('%s on %j → %s', (sel, labels, want) => {
    expect(equalityMatcher(sel)!(node(labels))).toBe(want);
  });

  // Anything but plain equality goes to the API, which knows the whole grammar.
  it.each(['a!=b', 'a in (b,c)', '!a', 'a', 'a=b=c'])('%s is not matched locally', (sel) => {
    expect(equalityMatcher(sel)).toBeUndefined();
  });
});

describe('NodeCache', () => {
  it('answers from the watch and still sees foreign nodes for the scope guard', async () => {
    const before = cache.stats.hits;
    const r = await resolveTarget(cache, VEHICLE, { by: 'stage', name: 'stage1' });
    expect(r.ours.map((n) => n.name)).toEqual(['s1-a', 's1-b']);
    expect(r.foreign.map((n) => n.name)).toEqual(['other-1']);
    expect(cache.stats.hits).toBe(before + 1);
  });

  it('confirms an empty answer with the API (a node the watch has not delivered yet)', async () => {
    const misses = cache.stats.misses;
    expect(await cache.listNodes('kis.dev/stage=nowhere')).toEqual([]);
    expect(await cache.getNode('no-such-node')).toBeUndefined();
    expect(cache.stats.misses).toBe(misses + 2);
  });

  it('follows changes: an annotation and a deletion reach it through the watch', async () => {
    await cluster.annotate('s2-b', { 'x.test/seen': 'yes' });
    await eventually('annotation cached', () => cache.cached('s2-b')?.annotations['x.test/seen'] === 'yes');
    await t.kc.makeApiClient(k8s.CoreV1Api).createNode({ body: { metadata: { name: 's3-tmp', labels: { 'kis.dev/vehicle': VEHICLE, 'kis.dev/stage': 'stage3' } } } });
    expect((await cache.listNodes('kis.dev/stage=stage3')).map((n) => n.name)).toEqual(['s3-tmp']);
    await cluster.deleteNode('s3-tmp');
    await eventually('deletion cached', () => cache.cached('s3-tmp') === undefined);
  });
});

describe('ActionExecutor with a node cache', () => {
  // A lister that still lists a node the API has deleted: the write's 404 is "already gone", not a failure.
  const stale: NodeLister = {
    listNodes: async (sel) => [...(await cache.listNodes(sel)), { ...node({ 'kis.dev/vehicle': VEHICLE, 'kis.dev/stage': 'stage2' }), name: 's2-ghost' }],
    getNode: (name) => cache.getNode(name),
  };

  it.each([false, true])('parallel=%s: annotates every node of the stage; a vanished one is skipped', async (parallel) => {
    const exec = new ActionExecutor({ cluster, vehicle: VEHICLE, clock: new RealClock(), arm: { armed: true }, nodes: stale, parallel });
    const r = await exec.apply({ type: 'link-lost', link: 'uhf', target: { by: 'stage', name: 'stage2' } });
    expect(r.status).toBe('applied');
    expect(r.steps).toContain('node s2-ghost already gone');
    for (const n of ['s2-a', 's2-b']) expect((await cluster.getNode(n))?.annotations['sim.kis.dev/link-uhf']).toBe('lost');
    await cluster.annotate('s2-a', { 'sim.kis.dev/link-uhf': null });
    await cluster.annotate('s2-b', { 'sim.kis.dev/link-uhf': null });
  });
});

describe('KeepAliveClients', () => {
  // Every HTTPS connection an agent opens goes through Agent.prototype.createConnection.
  const socketsFor = async (core: k8s.CoreV1Api) => {
    let sockets = 0;
    const original = Agent.prototype.createConnection;
    Agent.prototype.createConnection = function (this: Agent, ...args: Parameters<typeof original>) {
      sockets++;
      return original.apply(this, args);
    };
    try {
      for (let i = 0; i < 10; i++) await core.readNode({ name: 's1-a' });
    } finally {
      Agent.prototype.createConnection = original;
    }
    return sockets;
  };

  it('ten sequential calls share one connection (client-node alone opens one per call)', async () => {
    const clients = new KeepAliveClients(t.kc);
    try {
      expect(await socketsFor(clients.make(k8s.CoreV1Api))).toBe(1);
    } finally {
      clients.close();
    }
    expect(await socketsFor(t.kc.makeApiClient(k8s.CoreV1Api))).toBe(10);
  });
});
