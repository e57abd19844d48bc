// The ReplicaSet controller on a lockstep twin, with the scheduler and kubelets played by fake-cluster.ts.
import { describe, expect, it } from 'vitest';
import { replicaSetController } from '../../../../sim/twin/controllers/replicaset.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';
import { startSim, type Sim } from '../../../helpers/sim.ts';
import { isTerminating, podTemplate, podsOf, startFakeCluster } from './fake-cluster.ts';

function createRs(sim: Sim, name: string, replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return sim.registry.create(sim.res('replicasets.apps'), 'default', {
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: podTemplate({ app: name }), ...extra },
  });
}

function scale(sim: Sim, name: string, replicas: number): void {
  const rs = sim.get('replicasets.apps', 'default', name)!;
  sim.registry.commitUpdate(sim.res('replicasets.apps'), { ...rs, spec: { ...(rs.spec as object), replicas } }, rs);
}

const live = (sim: Sim) => podsOf(sim, 'default', (p) => !isTerminating(p));
const statusOf = (sim: Sim, name: string) => sim.get('replicasets.apps', 'default', name)!.status as Record<string, unknown>;

describe('ReplicaSet controller', () => {
  it('creates spec.replicas owned pods named <rs>-xxxxx, records SuccessfulCreate, and reports status', async () => {
    const sim = startSim({ controllers: [replicaSetController] });
    const fake = startFakeCluster(sim);
    const rs = createRs(sim, 'web', 3);
    await sim.advance(5_000);
    const pods = live(sim);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(statusOf(sim, 'web')).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const events = sim.list('events', 'default').filter((e) => (e as { reason?: string }).reason === 'SuccessfulCreate');
    const messages = new Set(pods.map((p) => `Created pod: ${p.metadata.name}`));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(messages.has((e as { message?: string }).message ?? '')).toBe(true);
    expect(sim.errors).toEqual([]);
    fake.stop();
    sim.stop();
  });

  it('stores its pods and their Events with every server-set field filled, in upstream\'s metadata order', async () => {
    const sim = startSim({ controllers: [replicaSetController] });
    const fake = startFakeCluster(sim);
    createRs(sim, 'web', 2);
    await sim.advance(5_000);
    for (const p of live(sim)) {
      expect(Object.keys(p.metadata)).toEqual(['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'labels', 'ownerReferences']);
      expect(p.metadata).toMatchObject({ generateName: 'web-', namespace: 'default', generation: expect.any(Number) });
      for (const f of ['name', 'uid', 'resourceVersion', 'creationTimestamp'] as const) expect(p.metadata[f]).not.toBe('');
      expect(p.status).toMatchObject({ phase: expect.any(String) });
    }
    const events = sim.list('events', 'default');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(Object.keys(e.metadata)).toEqual(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp']);
      for (const f of ['name', 'uid', 'resourceVersion', 'creationTimestamp'] as const) expect(e.metadata[f]).not.toBe('');
    }
    fake.stop();
    sim.stop();
  });

  it('scales down deleting the not-ready pod first, and records SuccessfulDelete', async () => {
    const sim = startSim({ controllers: [replicaSetController] });
    const fake = startFakeCluster(sim);
    createRs(sim, 'web', 3);
    await sim.advance(5_000);
    const victim = live(sim)[1]!;
    fake.setReady(victim, false);
    scale(sim, 'web', 2);
    await sim.advance(100);
    const terminating = podsOf(sim, 'default', isTerminating);
    expect(terminating.map((p) => p.metadata.name)).toEqual([victim.metadata.name]);
    await sim.advance(5_000);
    expect(sim.list('pods', 'default')).toHaveLength(2);
    expect(statusOf(sim, 'web')).toMatchObject({ replicas: 2, readyReplicas: 2, observedGeneration: 2 });
    expect(sim.list('events', 'default').some((e) => (e as { message?: string }).message === `Deleted pod: ${victim.metadata.name}`)).toBe(true);
    fake.stop();
    sim.stop();
  });

  it('replaces a pod that is deleted (terminating pods do not count)', async () => {
    const sim = startSim({ controllers: [replicaSetController] });
    const fake = startFakeCluster(sim);
    createRs(sim, 'web', 2);
    await sim.advance(5_000);
    const [first] = live(sim);
    const { deleteObject } = await import('../../../../sim/twin/api/index.ts');
    deleteObject(sim.registry, sim.res('pods'), 'default', first!.metadata.name!, {});
    await sim.advance(100);
    expect(live(sim)).toHaveLength(2);
    expect(podsOf(sim, 'default', isTerminating)).toHaveLength(1);
    expect(statusOf(sim, 'web').replicas).toBe(2);
    fake.stop();
    sim.stop();
  });

  it('adopts a matching orphan instead of creating, and releases a pod whose labels stop matching', async () => {
    const sim = startSim({ controllers: [replicaSetController] });
    const fake = startFakeCluster(sim);
    const orphan = sim.registry.create(sim.res('pods'), 'default', { metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    const rs = createRs(sim, 'web', 2);
    await sim.advance(5_000);
    const adopted = sim.get('pods', 'default', 'stray')!;
    expect(adopted.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', uid: rs.metadata.uid, controller: true });
    expect(live(sim)).toHaveLength(2);
    // relabel the adopted pod: it is released and replaced
    sim.registry.commitUpdate(sim.res('pods'), { ...adopted, metadata: { ...adopted.metadata, labels: { app: 'other' } } }, adopted);
    await sim.advance(5_000);
    expect(sim.get('pods', 'default', 'stray')!.metadata.ownerReferences).toBeUndefined();
    expect(live(sim).filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2);
    expect(orphan.metadata.uid).toBe(adopted.metadata.uid);
    fake.stop();
    sim.stop();
  });

  it('counts pods available only after minReadySeconds', async () => {
    const sim = startSim({ controllers: [replicaSetController] });
    const fake = startFakeCluster(sim, { readyAfterMs: 1_000 });
    createRs(sim, 'web', 2, { minReadySeconds: 10 });
    await sim.advance(3_000);
    expect(statusOf(sim, 'web')).toMatchObject({ readyReplicas: 2, availableReplicas: 0 });
    await sim.advance(10_000);
    expect(statusOf(sim, 'web')).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
    fake.stop();
    sim.stop();
  });

  it('creates more than the burst limit over successive syncs', async () => {
    const sim = startSim({ controllers: [replicaSetController] });
    createRs(sim, 'big', 1_200);
    await sim.advance(1_000); // successive syncs are at least WORKLOAD_SYNC_COALESCE_MS apart
    expect(sim.list('pods', 'default')).toHaveLength(1_200);
    expect(statusOf(sim, 'big').replicas).toBe(1_200);
    sim.stop();
  });
});
