// ClusterObserver on the twin: sees our vehicle's nodes only, and keeps watching across an abrupt
// connection drop (where a bare client-node informer stops for good) and a clean watch end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealClock } from '../../../sim/core/index.ts';
import { ClusterObserver, KubeCluster, type ObservedChange } from '../../../hal/cluster/index.ts';
import { eventually, startTestTwin, type TestTwin } from '../../helpers/twin.ts';
import { VEHICLE, vehicleNodes } from './seed.ts';

let t: TestTwin;
let cluster: KubeCluster;
let obs: ClusterObserver;
const changes: ObservedChange[] = [];
const errors: string[] = [];

beforeAll(async () => {
  t = await startTestTwin({ nodes: vehicleNodes() });
  cluster = new KubeCluster(t.kc);
  obs = new ClusterObserver({
    cluster, clock: new RealClock(), vehicle: VEHICLE, backoff: { initialMs: 20, maxMs: 100 },
    onChange: (c) => changes.push(c), onError: (r) => errors.push(r),
  });
  await obs.start();
});
afterAll(async () => {
  await obs.stop();
  await t.stop();
});

const sawAnnotation = (node: string, key: string, value: string) => () =>
  changes.some((c) => c.resource === 'nodes' && c.object.name === node && (c.object as { annotations: Record<string, string> }).annotations[key] === value);

describe('ClusterObserver', () => {
  it('caches only our vehicle\'s nodes', async () => {
    await eventually('nodes cached', () => obs.nodes().length === 4);
    expect(obs.nodes().map((n) => n.name).sort()).toEqual(['s1-a', 's1-b', 's2-a', 's2-b']);
  });

  it('keeps watching after the connections are cut abruptly', async () => {
    await cluster.annotate('s2-a', { 'x.test/n': '1' });
    await eventually('first change', sawAnnotation('s2-a', 'x.test/n', '1'));
    t.twin.server.dropConnections();
    await eventually('an informer error was seen', () => errors.length > 0);
    await cluster.annotate('s2-a', { 'x.test/n': '2' });
    await eventually('change after the drop', sawAnnotation('s2-a', 'x.test/n', '2'));
    expect(obs.status().restarts).toBeGreaterThan(0);
  });

  it('keeps watching after a clean watch end', async () => {
    t.twin.server.endWatches();
    await cluster.annotate('s2-b', { 'x.test/n': '3' });
    await eventually('change after a clean end', sawAnnotation('s2-b', 'x.test/n', '3'));
  });

  it('reports node deletions', async () => {
    await cluster.deleteNode('s1-b');
    await eventually('deleted seen', () => changes.some((c) => c.op === 'deleted' && c.object.name === 's1-b'));
    expect(obs.nodes().map((n) => n.name)).not.toContain('s1-b');
  });
});
