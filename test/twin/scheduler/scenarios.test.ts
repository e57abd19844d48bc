// The scheduler in a lockstep twin: binding and events, failures and retries, spread, anti-affinity,
// preemption end to end, determinism. Other actors (kubelet, PDB controller) are played by direct writes.
import { describe, expect, it } from 'vitest';
import { deleteObject } from '../../../sim/twin/api/index.ts';
import { schedulerController } from '../../../sim/twin/scheduler/index.ts';
import type { Sim } from '../../helpers/sim.ts';
import { addNode, addPod, addPriorityClass, condition, nodeOf, startSim } from './fixtures.ts';

const events = (sim: Sim, reason: string) => sim.list('events', 'default').filter((e) => e.reason === reason) as unknown as { message: string; involvedObject: { name: string }; count: number; source: { component: string } }[];

/** Plays the kubelet's part of a graceful delete: the pod goes once the scheduler asked. */
function finishDeletions(sim: Sim): void {
  for (const p of sim.list('pods')) {
    if (p.metadata.deletionTimestamp) deleteObject(sim.registry, sim.res('pods'), p.metadata.namespace!, p.metadata.name!, { gracePeriodSeconds: 0 });
  }
}

describe('scheduler in the twin', () => {
  it('binds, sets PodScheduled=True and records Scheduled', async () => {
    const sim = startSim({ controllers: [schedulerController] });
    addNode(sim, { name: 'n1' });
    addPod(sim, 'web', { cpu: '500m' });
    await sim.advance(100);
    expect(nodeOf(sim, 'web')).toBe('n1');
    expect(condition(sim, 'web')).toMatchObject({ status: 'True' });
    expect(events(sim, 'Scheduled')[0]).toMatchObject({ message: 'Successfully assigned default/web to n1', source: { component: 'default-scheduler' } });
    expect(sim.errors).toEqual([]);
    sim.stop();
  });

  it('records upstream failure messages and leaves other schedulers\u2019 pods alone', async () => {
    const sim = startSim({ controllers: [schedulerController] });
    addNode(sim, { name: 'n1', taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }] });
    addNode(sim, { name: 'n2', cpu: '1' }, 1);
    addNode(sim, { name: 'n3', cpu: '1' }, 2);
    addPod(sim, 'big', { cpu: '2' });
    addPod(sim, 'other', { spec: { schedulerName: 'someone-else' } });
    await sim.advance(100);
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(condition(sim, 'big')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(events(sim, 'FailedScheduling').map((e) => e.message)).toEqual([msg]);
    expect(nodeOf(sim, 'other')).toBeUndefined();
    expect(condition(sim, 'other')).toBeUndefined();
    sim.stop();
  });

  it('retries an unschedulable pod when a node is added, and when room is freed', async () => {
    const sim = startSim({ controllers: [schedulerController] });
    addNode(sim, { name: 'small', cpu: '1' });
    addPod(sim, 'wants-2', { cpu: '2' });
    await sim.advance(30_000);
    expect(nodeOf(sim, 'wants-2')).toBeUndefined();
    addNode(sim, { name: 'large', cpu: '8' }, 1);
    await sim.until('placed on the new node', () => nodeOf(sim, 'wants-2') === 'large', 20_000, 100);

    addPod(sim, 'a', { cpu: '1', spec: { nodeSelector: { 'kubernetes.io/hostname': 'large' } } });
    addPod(sim, 'b', { cpu: '6' });
    await sim.advance(1000);
    expect([nodeOf(sim, 'a'), nodeOf(sim, 'b')]).toEqual(['large', undefined]);
    deleteObject(sim.registry, sim.res('pods'), 'default', 'wants-2', { gracePeriodSeconds: 0 });
    const waited = await sim.until('placed after a delete', () => nodeOf(sim, 'b') === 'large', 20_000, 100);
    expect(waited).toBeLessThanOrEqual(10_000); // within podMaxBackoff
    sim.stop();
  });

  it('schedules higher priority first', async () => {
    const sim = startSim({ controllers: [schedulerController] });
    addPriorityClass(sim, 'high', 1000);
    addNode(sim, { name: 'n', cpu: '1' });
    sim.clock.hold('create both before the scheduler runs')();
    addPod(sim, 'low', { cpu: '1' });
    addPod(sim, 'high', { cpu: '1', priority: 'high' });
    await sim.advance(100);
    expect(nodeOf(sim, 'high')).toBe('n');
    expect(nodeOf(sim, 'low')).toBeUndefined();
    sim.stop();
  });

  it('spreads across stages with DoNotSchedule and reports the constraint when a stage is full', async () => {
    const sim = startSim({ controllers: [schedulerController] });
    const stages = ['booster', 'booster', 'upper', 'capsule'];
    stages.forEach((stage, i) => addNode(sim, { name: `n${i}`, cpu: '2', labels: { 'kis.dev/stage': stage } }, i));
    const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kis.dev/stage', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'gnc' } } }] };
    for (let i = 0; i < 6; i++) {
      addPod(sim, `gnc-${i}`, { cpu: '1', labels: { app: 'gnc' }, spec: spread });
      await sim.advance(10);
    }
    const perStage = new Map<string, number>();
    for (let i = 0; i < 6; i++) {
      const node = nodeOf(sim, `gnc-${i}`);
      expect(node).toBeDefined();
      const stage = stages[Number(node!.slice(1))]!;
      perStage.set(stage, (perStage.get(stage) ?? 0) + 1);
    }
    expect(Object.fromEntries(perStage)).toEqual({ booster: 2, upper: 2, capsule: 2 });
    // upper and capsule are full (2 cpu each): a 7th pod would put booster 2 ahead of the minimum.
    addPod(sim, 'gnc-6', { cpu: '1', labels: { app: 'gnc' }, spec: spread });
    addPod(sim, 'gnc-7', { cpu: '1', labels: { app: 'gnc' }, spec: spread });
    await sim.advance(100);
    const unplaced = ['gnc-6', 'gnc-7'].filter((p) => !nodeOf(sim, p));
    expect(unplaced).toHaveLength(1);
    expect(condition(sim, unplaced[0]!)?.message).toBe(
      "0/4 nodes are available: 1 node(s) didn't match pod topology spread constraints, 3 Insufficient cpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.",
    );
    sim.stop();
  });

  it('keeps replicas apart with required anti-affinity by hostname, and respects others\u2019 anti-affinity', async () => {
    const sim = startSim({ controllers: [schedulerController] });
    for (let i = 0; i < 3; i++) addNode(sim, { name: `n${i}` }, i);
    const anti = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'etcd' } } }] } } };
    for (let i = 0; i < 4; i++) addPod(sim, `etcd-${i}`, { labels: { app: 'etcd' }, spec: anti });
    await sim.advance(100);
    const nodes = [0, 1, 2, 3].map((i) => nodeOf(sim, `etcd-${i}`));
    expect(new Set(nodes.slice(0, 3)).size).toBe(3);
    expect(nodes[3]).toBeUndefined();
    expect(condition(sim, 'etcd-3')?.message).toContain("3 node(s) didn't match pod anti-affinity rules");
    // A pod matching their selector but without the term is kept off by theirs.
    addPod(sim, 'intruder', { labels: { app: 'etcd' } });
    await sim.advance(100);
    expect(condition(sim, 'intruder')?.message).toContain("3 node(s) didn't satisfy existing pods anti-affinity rules");
    sim.stop();
  });

  it('pod affinity: the first pod of a group goes anywhere, the next ones follow it', async () => {
    const sim = startSim({ controllers: [schedulerController] });
    for (let i = 0; i < 4; i++) addNode(sim, { name: `n${i}`, labels: { 'kis.dev/stage': i < 2 ? 'booster' : 'upper' } }, i);
    const aff = { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kis.dev/stage', labelSelector: { matchLabels: { app: 'telemetry' } } }] } } };
    for (let i = 0; i < 4; i++) {
      addPod(sim, `t-${i}`, { labels: { app: 'telemetry' }, spec: aff });
      await sim.advance(10);
    }
    const stages = [0, 1, 2, 3].map((i) => (Number(nodeOf(sim, `t-${i}`)!.slice(1)) < 2 ? 'booster' : 'upper'));
    expect(new Set(stages).size).toBe(1);
    sim.stop();
  });

  it('preempts lower-priority pods, prefers the node whose victims keep their PDB, nominates, then binds', async () => {
    const sim = startSim({ controllers: [schedulerController] });
    addPriorityClass(sim, 'critical', 1_000_000);
    addNode(sim, { name: 'n1', cpu: '2' });
    addNode(sim, { name: 'n2', cpu: '2' }, 1);
    addPod(sim, 'guarded', { cpu: '2', labels: { app: 'guarded' }, spec: { nodeSelector: { 'kubernetes.io/hostname': 'n1' } } });
    addPod(sim, 'free', { cpu: '2', labels: { app: 'free' }, spec: { nodeSelector: { 'kubernetes.io/hostname': 'n2' } } });
    sim.registry.create(sim.res('poddisruptionbudgets.policy'), 'default', { metadata: { name: 'guarded' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } } });
    const pdb = sim.get('poddisruptionbudgets.policy', 'default', 'guarded')!;
    sim.registry.commitUpdate(sim.res('poddisruptionbudgets.policy'), { ...pdb, status: { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1, observedGeneration: 1 } }, pdb);
    await sim.advance(100);
    const preemptor = addPod(sim, 'guidance', { cpu: '2', priority: 'critical' });
    await sim.advance(100);
    expect(sim.get('pods', 'default', 'free')?.metadata.deletionTimestamp).toBeDefined();
    expect(sim.get('pods', 'default', 'guarded')?.metadata.deletionTimestamp).toBeUndefined();
    expect(condition(sim, 'free', 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler' });
    expect((sim.get('pods', 'default', 'guidance')?.status as { nominatedNodeName?: string }).nominatedNodeName).toBe('n2');
    expect(events(sim, 'Preempted')[0]).toMatchObject({ message: `Preempted by pod ${preemptor.metadata.uid} on node n2`, involvedObject: { name: 'free' } });
    finishDeletions(sim);
    await sim.until('preemptor bound', () => nodeOf(sim, 'guidance') === 'n2', 20_000, 100);
    sim.stop();
  });

  it('preemptionPolicy Never does not preempt', async () => {
    const sim = startSim({ controllers: [schedulerController] });
    addPriorityClass(sim, 'polite', 1000, 'Never');
    addNode(sim, { name: 'n', cpu: '1' });
    addPod(sim, 'low', { cpu: '1' });
    await sim.advance(100);
    addPod(sim, 'p', { cpu: '1', priority: 'polite' });
    await sim.advance(100);
    expect(condition(sim, 'p')?.message).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
    expect(sim.get('pods', 'default', 'low')?.metadata.deletionTimestamp).toBeUndefined();
    sim.stop();
  });

  it('gives the same placements for the same seed', async () => {
    const run = async (seed: number) => {
      const sim = startSim({ controllers: [schedulerController], seed });
      for (let i = 0; i < 8; i++) addNode(sim, { name: `n${i}` }, i);
      for (let i = 0; i < 40; i++) addPod(sim, `p${i}`, { cpu: '100m' });
      await sim.advance(100);
      const out = Array.from({ length: 40 }, (_, i) => nodeOf(sim, `p${i}`));
      sim.stop();
      return out;
    };
    const a = await run(7);
    expect(a.every((n) => n !== undefined)).toBe(true);
    expect(await run(7)).toEqual(a);
  });
});
