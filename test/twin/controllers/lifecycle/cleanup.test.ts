// Garbage collection in its three modes, namespace deletion, PDB status with the eviction subresource, the
// quorum write gate, and determinism — each on the lockstep clock through the registry.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, deleteObject, evictPod } from '../../../../sim/twin/api/index.ts';
import { garbageCollectorController } from '../../../../sim/twin/controllers/garbage-collector.ts';
import { namespaceController } from '../../../../sim/twin/controllers/namespace.ts';
import { disruptionController } from '../../../../sim/twin/controllers/disruption.ts';
import { quorumController } from '../../../../sim/twin/controllers/quorum.ts';
import { nodeLifecycleController } from '../../../../sim/twin/controllers/node-lifecycle.ts';
import { taintEvictionController } from '../../../../sim/twin/controllers/taint-eviction.ts';
import { podGcController } from '../../../../sim/twin/controllers/pod-gc.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';
import { startSim, type Sim } from '../../../helpers/sim.ts';
import { addNode, addRunningPod } from './fixtures.ts';

let sim: Sim | undefined;
afterEach(() => sim?.stop());

const cm = (s: Sim, name: string, owner?: KubeObject, block = false, ns = 'default') =>
  s.registry.create(s.res('configmaps'), ns, {
    metadata: { name, ...(owner ? { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: owner.metadata.name, uid: owner.metadata.uid, ...(block ? { blockOwnerDeletion: true } : {}) }] } : {}) },
  });
const names = (s: Sim, res: string, ns = 'default') => s.list(res, ns).map((o) => o.metadata.name).filter((n) => n !== 'kube-root-ca.crt').sort();

describe('garbage collector', () => {
  it('Background: dependents go after the owner', async () => {
    sim = startSim({ controllers: [garbageCollectorController] });
    const owner = cm(sim, 'owner');
    cm(sim, 'd1', owner);
    const d2 = cm(sim, 'd2', owner);
    cm(sim, 'd3', d2); // grandchild: cascades too
    cm(sim, 'other');
    deleteObject(sim.registry, sim.res('configmaps'), 'default', 'owner', { propagationPolicy: 'Background' });
    await sim.advance(1_000);
    expect(names(sim, 'configmaps')).toEqual(['other']);
    expect(sim.errors).toEqual([]);
  });

  it('Foreground: blocking dependents go first, then the owner', async () => {
    sim = startSim({ controllers: [garbageCollectorController] });
    const owner = cm(sim, 'owner');
    cm(sim, 'blocker', owner, true);
    cm(sim, 'plain', owner);
    const order: string[] = [];
    sim.store.watch('configmaps', 'default', sim.store.resourceVersion(), (ev) => ev.type === 'DELETED' && order.push(ev.object.metadata.name ?? ''));
    deleteObject(sim.registry, sim.res('configmaps'), 'default', 'owner', { propagationPolicy: 'Foreground' });
    expect(sim.get('configmaps', 'default', 'owner')?.metadata.finalizers).toEqual(['foregroundDeletion']);
    await sim.advance(1_000);
    // upstream: every dependent is attempted while the owner waits; the owner goes once the blocking one is gone.
    expect(order.indexOf('blocker')).toBeLessThan(order.indexOf('owner'));
    expect(order.sort()).toEqual(['blocker', 'owner', 'plain']);
    expect(names(sim, 'configmaps')).toEqual([]);
  });

  it('Orphan: dependents stay without the owner reference', async () => {
    sim = startSim({ controllers: [garbageCollectorController] });
    const owner = cm(sim, 'owner');
    cm(sim, 'd1', owner);
    deleteObject(sim.registry, sim.res('configmaps'), 'default', 'owner', { propagationPolicy: 'Orphan' });
    await sim.advance(1_000);
    expect(names(sim, 'configmaps')).toEqual(['d1']);
    expect(sim.get('configmaps', 'default', 'd1')?.metadata.ownerReferences).toBeUndefined();
  });

  it('a dependent whose owner never existed is collected; one with another live owner only loses the dangling reference', async () => {
    sim = startSim({ controllers: [garbageCollectorController] });
    const live = cm(sim, 'live');
    const ghost = { metadata: { name: 'ghost', uid: '00000000-0000-0000-0000-000000000000' } } as KubeObject;
    cm(sim, 'orphaned', ghost);
    sim.registry.create(sim.res('configmaps'), 'default', {
      metadata: { name: 'shared', ownerReferences: [
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'live', uid: live.metadata.uid },
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: ghost.metadata.uid },
      ] },
    });
    await sim.advance(1_000);
    expect(names(sim, 'configmaps')).toEqual(['live', 'shared']);
    expect(sim.get('configmaps', 'default', 'shared')?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['live']);
  });

  it('collects a dependent whose reference names a live owner under another uid, and leaves one whose owner is there', async () => {
    sim = startSim({ controllers: [garbageCollectorController] });
    const live = cm(sim, 'live');
    cm(sim, 'stale', { metadata: { name: 'live', uid: '11111111-1111-4111-8111-111111111111' } } as KubeObject);
    cm(sim, 'kept', live);
    const writes: string[] = [];
    sim.store.watch('configmaps', 'default', sim.store.resourceVersion(), (ev) => writes.push(`${ev.type} ${ev.object.metadata.name}`));
    await sim.advance(1_000);
    expect(names(sim, 'configmaps')).toEqual(['kept', 'live']);
    expect(writes).toEqual(['DELETED stale']);
  });

  it('ignores Events as upstream does: an Event owned by a deleted object stays (event TTL removes Events)', async () => {
    sim = startSim({ controllers: [garbageCollectorController] });
    const owner = cm(sim, 'owner');
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid };
    sim.registry.create(sim.res('events'), 'default', { metadata: { name: 'owned-event', ownerReferences: [ref] }, involvedObject: { kind: 'ConfigMap', name: 'owner', namespace: 'default' }, reason: 'Test', message: 'm' });
    cm(sim, 'dependent', owner);
    deleteObject(sim.registry, sim.res('configmaps'), 'default', 'owner', { propagationPolicy: 'Background' });
    await sim.advance(1_000);
    // The ConfigMap shows the collector ran; the Event shows it never looked at Events.
    expect(names(sim, 'configmaps')).toEqual([]);
    expect(sim.get('events', 'default', 'owned-event')).toBeDefined();
  });
});

describe('namespace controller', () => {
  it('empties a deleted namespace of every resource, reports what remains, then finalizes it', async () => {
    sim = startSim({ controllers: [namespaceController] });
    sim.registry.create(sim.res('namespaces'), '', { metadata: { name: 'x' } });
    cm(sim, 'a', undefined, false, 'x');
    sim.registry.create(sim.res('deployments.apps'), 'x', {
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
    });
    addRunningPod(sim, 'bound', 'n1', { namespace: 'x' });
    deleteObject(sim.registry, sim.res('namespaces'), '', 'x');
    await sim.advance(1_000);
    const ns = sim.get('namespaces', '', 'x')!;
    expect((ns.status as { phase: string }).phase).toBe('Terminating');
    const conditions = (ns.status as { conditions: { type: string; status: string; message: string }[] }).conditions;
    expect(conditions.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'True', message: 'Some resources are remaining: pods has 1 resource instances' });
    expect(names(sim, 'configmaps', 'x')).toEqual([]);
    expect(names(sim, 'deployments.apps', 'x')).toEqual([]);
    // the kubelet finishes the pod's graceful deletion
    deleteObject(sim.registry, sim.res('pods'), 'x', 'bound', { gracePeriodSeconds: 0 });
    await sim.advance(30_000);
    expect(sim.get('namespaces', '', 'x')).toBeUndefined();
    expect(sim.errors).toEqual([]);
  });
});

describe('disruption controller', () => {
  const setup = (s: Sim, replicas: number, pdbSpec: Record<string, unknown>) => {
    addNode(s, 'n1');
    const dep = s.registry.create(s.res('deployments.apps'), 'default', {
      metadata: { name: 'web' },
      spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
    });
    const rs = s.registry.create(s.res('replicasets.apps'), 'default', {
      metadata: { name: 'web-1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: dep.metadata.uid, controller: true }] },
      spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
    });
    for (let i = 0; i < replicas; i++) {
      addRunningPod(s, `web-${i}`, 'n1', { labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: rs.metadata.uid, controller: true }] });
    }
    s.registry.create(s.res('poddisruptionbudgets.policy'), 'default', { metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, ...pdbSpec } });
  };
  const status = (s: Sim) => s.get('poddisruptionbudgets.policy', 'default', 'web')!.status as Record<string, unknown>;

  it.each<[Record<string, unknown>, number, { expectedPods: number; desiredHealthy: number; currentHealthy: number; disruptionsAllowed: number }]>([
    [{ maxUnavailable: 1 }, 3, { expectedPods: 3, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1 }],
    [{ minAvailable: 3 }, 3, { expectedPods: 3, desiredHealthy: 3, currentHealthy: 3, disruptionsAllowed: 0 }],
    [{ minAvailable: '50%' }, 4, { expectedPods: 4, desiredHealthy: 2, currentHealthy: 4, disruptionsAllowed: 2 }],
    [{ maxUnavailable: '100%' }, 2, { expectedPods: 2, desiredHealthy: 0, currentHealthy: 2, disruptionsAllowed: 2 }],
  ])('%j with %i replicas', async (spec, replicas, want) => {
    sim = startSim({ controllers: [disruptionController] });
    setup(sim, replicas, spec);
    await sim.advance(1_000);
    expect(status(sim)).toMatchObject({ ...want, observedGeneration: 1 });
    const cond = (status(sim).conditions as { type: string; status: string; reason: string }[])[0];
    expect(cond).toMatchObject(want.disruptionsAllowed > 0 ? { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods' } : { status: 'False', reason: 'InsufficientPods' });
  });

  it('the eviction subresource spends the budget, then answers 429', async () => {
    sim = startSim({ controllers: [disruptionController] });
    setup(sim, 3, { maxUnavailable: 1 });
    await sim.advance(1_000);
    evictPod(sim.registry, 'default', 'web-0', {});
    await sim.advance(1_000);
    expect(status(sim)).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0 });
    expect(() => evictPod(sim!.registry, 'default', 'web-1', {})).toThrow(expect.objectContaining({ code: 429 }));
    expect(sim.errors).toEqual([]);
  });
});

describe('quorum', () => {
  it('writes answer 503 without a majority, sim-control annotations still change, and writes come back', async () => {
    sim = startSim({ controllers: [quorumController] });
    for (const n of ['cp-1', 'cp-2', 'cp-3']) addNode(sim, n, { role: 'control-plane' });
    const nodes = sim.res('nodes');
    const power = (name: string, state: 'on' | 'off') => {
      const n = sim!.get('nodes', '', name)!;
      sim!.registry.commitUpdate(nodes, { ...n, metadata: { ...n.metadata, annotations: { ...n.metadata.annotations, 'sim.kis.dev/power': state } } }, n);
    };
    power('cp-1', 'off');
    cm(sim, 'still-fine');
    power('cp-2', 'off');
    let err: unknown;
    try {
      cm(sim, 'refused');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(503);
    expect(sim.get('configmaps', 'default', 'refused')).toBeUndefined();
    expect(sim.list('configmaps', 'default').map((c) => c.metadata.name)).toContain('still-fine'); // reads served
    power('cp-2', 'on');
    cm(sim, 'back');
    expect(sim.get('configmaps', 'default', 'back')).toBeDefined();
  });
});

describe('determinism', () => {
  const run = async (): Promise<string[]> => {
    const s = startSim({ seed: 7, controllers: [nodeLifecycleController, taintEvictionController, podGcController, garbageCollectorController, disruptionController] });
    const k = addNode(s, 'n1');
    addNode(s, 'n2');
    addNode(s, 'n3');
    for (let i = 0; i < 5; i++) addRunningPod(s, `p${i}`, i % 2 ? 'n1' : 'n2');
    k.stop();
    await s.advance(420_000);
    const out = s.list('events').map((e) => {
      const ev = e as { metadata: { name: string }; reason: string; message: string; firstTimestamp: string; count: number };
      return `${ev.metadata.name} ${ev.firstTimestamp} ${ev.reason} ${ev.message} x${ev.count}`;
    });
    s.stop();
    return out;
  };
  it('the same seed gives the same events', async () => {
    const a = await run();
    const b = await run();
    expect(a.length).toBeGreaterThan(5);
    expect(b).toEqual(a);
  });
});
