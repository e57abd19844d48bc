// The same seed twice gives the same objects and events, through a rollout and a StatefulSet recreation.
import { describe, expect, it } from 'vitest';
import { deleteObject } from '../../../../sim/twin/api/index.ts';
import { daemonSetController } from '../../../../sim/twin/controllers/daemonset.ts';
import { deploymentController } from '../../../../sim/twin/controllers/deployment.ts';
import { replicaSetController } from '../../../../sim/twin/controllers/replicaset.ts';
import { statefulSetController } from '../../../../sim/twin/controllers/statefulset.ts';
import { startSim } from '../../../helpers/sim.ts';
import { addNodes, podTemplate, startFakeCluster } from './fake-cluster.ts';

async function run(seed: number): Promise<string[]> {
  const sim = startSim({ seed, controllers: [replicaSetController, deploymentController, statefulSetController, daemonSetController] });
  addNodes(sim, [{ name: 'node-1' }, { name: 'node-2' }, { name: 'node-3' }]);
  const fake = startFakeCluster(sim, { readyAfterMs: 700, terminateAfterMs: 300 });
  const apps = (k: string) => sim.res(`${k}.apps`);
  sim.registry.create(apps('deployments'), 'default', { metadata: { name: 'web' }, spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }) } });
  sim.registry.create(apps('statefulsets'), 'default', { metadata: { name: 'db' }, spec: { replicas: 2, selector: { matchLabels: { app: 'db' } }, template: podTemplate({ app: 'db' }) } });
  sim.registry.create(apps('daemonsets'), 'default', { metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: podTemplate({ app: 'agent' }) } });
  await sim.advance(20_000);
  // through update (as kubectl does), so the new template is defaulted like the ReplicaSet's
  const d = sim.get('deployments.apps', 'default', 'web')!;
  sim.registry.update(apps('deployments'), 'default', 'web', { ...d, spec: { ...(d.spec as object), template: podTemplate({ app: 'web' }, 'nginx:1.28') } });
  deleteObject(sim.registry, sim.res('pods'), 'default', 'db-0', {});
  await sim.advance(60_000);
  const out = [
    ...sim.list('pods', 'default').map((p) => `pod ${p.metadata.name} ${p.metadata.uid} ${(p.spec as { nodeName?: string }).nodeName}`),
    ...sim.list('replicasets.apps', 'default').map((r) => `rs ${r.metadata.name} ${JSON.stringify(r.status)}`),
    ...sim.list('events', 'default').map((e) => `event ${e.metadata.name} ${(e as { reason?: string }).reason} ${(e as { message?: string }).message}`),
  ];
  fake.stop();
  sim.stop();
  return out;
}

describe('workload controllers are deterministic', () => {
  it('gives identical pods, ReplicaSets and events for the same seed, different names for another', async () => {
    const a = await run(7);
    const b = await run(7);
    expect(a.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
    const c = await run(8);
    expect(c).not.toEqual(a);
  });
});
