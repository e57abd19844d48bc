// The StatefulSet controller on a lockstep twin; scheduler and kubelets faked.
import { describe, expect, it } from 'vitest';
import { deleteObject } from '../../../../sim/twin/api/index.ts';
import { statefulSetController } from '../../../../sim/twin/controllers/statefulset.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';
import { startSim, type Sim } from '../../../helpers/sim.ts';
import { isTerminating, podTemplate, podsOf, startFakeCluster } from './fake-cluster.ts';

function createSts(sim: Sim, name: string, replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return sim.registry.create(sim.res('statefulsets.apps'), 'default', {
    metadata: { name },
    spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: podTemplate({ app: name }), ...extra },
  });
}

function patchSpec(sim: Sim, name: string, f: (spec: Record<string, unknown>) => Record<string, unknown>): void {
  const s = sim.get('statefulsets.apps', 'default', name)!;
  sim.registry.commitUpdate(sim.res('statefulsets.apps'), { ...s, spec: f(s.spec as Record<string, unknown>) }, s);
}

const ready = (p: KubeObject) => ((p.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const names = (sim: Sim) => podsOf(sim, 'default').map((p) => p.metadata.name).sort();
const stsStatus = (sim: Sim, name: string) => sim.get('statefulsets.apps', 'default', name)!.status as Record<string, unknown>;
const image = (p: KubeObject) => (p.spec as { containers: { image: string }[] }).containers[0]!.image;

describe('StatefulSet controller', () => {
  it('OrderedReady creates <sts>-n only when 0..n-1 are Running and Ready, with identity labels', async () => {
    const sim = startSim({ controllers: [statefulSetController] });
    const violations: string[] = [];
    const fake = startFakeCluster(sim, {
      readyAfterMs: 2_000,
      onPodEvent: () => {
        const pods = podsOf(sim, 'default');
        for (const p of pods) {
          const n = Number(p.metadata.name!.split('-').pop());
          for (let i = 0; i < n; i++) {
            const before = pods.find((q) => q.metadata.name === `db-${i}`);
            if (!before || !ready(before)) violations.push(`${p.metadata.name} exists while db-${i} is not ready`);
          }
        }
      },
    });
    createSts(sim, 'db', 3);
    await sim.until('all ready', () => stsStatus(sim, 'db')?.readyReplicas === 3);
    expect(violations).toEqual([]);
    expect(names(sim)).toEqual(['db-0', 'db-1', 'db-2']);
    const pod = sim.get('pods', 'default', 'db-1')!;
    expect(pod.metadata.labels).toMatchObject({ app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(pod.metadata.labels?.['controller-revision-hash']).toMatch(/^db-\w+$/);
    expect(pod.spec).toMatchObject({ hostname: 'db-1', subdomain: 'db' });
    expect(stsStatus(sim, 'db')).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(stsStatus(sim, 'db').currentRevision).toBe(stsStatus(sim, 'db').updateRevision);
    const msgs = sim.list('events', 'default').map((e) => (e as { message?: string }).message);
    expect(msgs).toContain('create Pod db-0 in StatefulSet db successful');
    fake.stop();
    sim.stop();
  });

  it('Parallel creates every pod at once', async () => {
    const sim = startSim({ controllers: [statefulSetController] });
    createSts(sim, 'db', 3, { podManagementPolicy: 'Parallel' });
    await sim.advance(1);
    expect(names(sim)).toEqual(['db-0', 'db-1', 'db-2']);
    sim.stop();
  });

  it('scales down from the highest ordinal, one at a time', async () => {
    const sim = startSim({ controllers: [statefulSetController] });
    const deletedOrder: string[] = [];
    const fake = startFakeCluster(sim, {
      readyAfterMs: 500,
      terminateAfterMs: 3_000,
      onPodEvent: () => {
        for (const p of podsOf(sim, 'default', isTerminating)) if (!deletedOrder.includes(p.metadata.name!)) deletedOrder.push(p.metadata.name!);
      },
    });
    createSts(sim, 'db', 3);
    await sim.until('up', () => stsStatus(sim, 'db')?.readyReplicas === 3);
    patchSpec(sim, 'db', (s) => ({ ...s, replicas: 1 }));
    await sim.advance(1_000);
    expect(podsOf(sim, 'default', isTerminating).map((p) => p.metadata.name)).toEqual(['db-2']);
    await sim.until('down', () => names(sim).length === 1);
    expect(deletedOrder).toEqual(['db-2', 'db-1']);
    expect(names(sim)).toEqual(['db-0']);
    fake.stop();
    sim.stop();
  });

  it('recreates a deleted pod under the same name once the old one is gone', async () => {
    const sim = startSim({ controllers: [statefulSetController] });
    const fake = startFakeCluster(sim, { readyAfterMs: 500, terminateAfterMs: 2_000 });
    createSts(sim, 'db', 3);
    await sim.until('up', () => stsStatus(sim, 'db')?.readyReplicas === 3);
    const old = sim.get('pods', 'default', 'db-1')!;
    deleteObject(sim.registry, sim.res('pods'), 'default', 'db-1', {});
    await sim.advance(1_000);
    expect(sim.get('pods', 'default', 'db-1')!.metadata.uid).toBe(old.metadata.uid); // still terminating
    await sim.until('recreated', () => {
      const p = sim.get('pods', 'default', 'db-1');
      return p !== undefined && p.metadata.uid !== old.metadata.uid && ready(p);
    });
    expect(names(sim)).toEqual(['db-0', 'db-1', 'db-2']);
    fake.stop();
    sim.stop();
  });

  it('rolls out a new template from the highest ordinal down, honouring the partition', async () => {
    const sim = startSim({ controllers: [statefulSetController] });
    const order: string[] = [];
    const fake = startFakeCluster(sim, {
      readyAfterMs: 500,
      terminateAfterMs: 500,
      onPodEvent: () => {
        for (const p of podsOf(sim, 'default', isTerminating)) if (!order.includes(p.metadata.name!)) order.push(p.metadata.name!);
      },
    });
    createSts(sim, 'db', 3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } });
    await sim.until('up', () => stsStatus(sim, 'db')?.readyReplicas === 3);
    const firstRevision = stsStatus(sim, 'db').currentRevision;
    patchSpec(sim, 'db', (s) => ({ ...s, template: podTemplate({ app: 'db' }, 'postgres:17') }));
    await sim.until('partitioned rollout', () => stsStatus(sim, 'db').updatedReplicas === 2 && stsStatus(sim, 'db').readyReplicas === 3);
    expect(order).toEqual(['db-2', 'db-1']);
    expect(image(sim.get('pods', 'default', 'db-0')!)).toBe('nginx:1.27');
    expect(stsStatus(sim, 'db')).toMatchObject({ currentRevision: firstRevision, currentReplicas: 1 });
    patchSpec(sim, 'db', (s) => ({ ...s, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } }));
    await sim.until('full rollout', () => stsStatus(sim, 'db').updatedReplicas === 3 && stsStatus(sim, 'db').readyReplicas === 3);
    expect(order).toEqual(['db-2', 'db-1', 'db-0']);
    expect(stsStatus(sim, 'db').currentRevision).toBe(stsStatus(sim, 'db').updateRevision);
    expect(stsStatus(sim, 'db').currentRevision).not.toBe(firstRevision);
    fake.stop();
    sim.stop();
  });
});
