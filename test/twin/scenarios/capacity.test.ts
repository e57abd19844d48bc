// Losing capacity, rolling updates, quorum and reproducibility on the whole living twin (lockstep).
import { describe, expect, it } from 'vitest';
import { deployment, isReady, liveSim, nodeOf, podsOf, setAnnotation, stageNodes } from './harness.ts';

describe('losing a stage', () => {
  it('preempts low-priority pods so the critical ones run', async () => {
    const sim = await liveSim(stageNodes({ s1: 2, s2: 2 }));
    sim.registry.create(sim.res('priorityclasses.scheduling.k8s.io'), '', { metadata: { name: 'critical' }, value: 1_000_000 });
    sim.registry.create(sim.res('priorityclasses.scheduling.k8s.io'), '', { metadata: { name: 'low' }, value: 10, preemptionPolicy: 'Never' });
    // 4 nodes × 4 cpu. Critical: 4 × 1.5 cpu; filler: 8 × 1 cpu — everything fits on 4 nodes, not on 2.
    sim.registry.create(sim.res('deployments.apps'), 'default', deployment('gnc', 4, { priorityClassName: 'critical', cpu: '1500m' }));
    sim.registry.create(sim.res('deployments.apps'), 'default', deployment('filler', 8, { priorityClassName: 'low', cpu: '1' }));
    await sim.until('all ready', () => podsOf(sim, 'gnc').filter(isReady).length === 4 && podsOf(sim, 'filler').filter(isReady).length === 8, 120_000);

    for (const n of ['s1-n1', 's1-n2']) {
      setAnnotation(sim, n, 'sim.kis.dev/attached', 'false');
      sim.registry.patch(sim.res('nodes'), '', n, 'merge', { spec: { taints: [{ key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }] } });
    }
    await sim.until('critical pods all running on stage 2', () => {
      const ready = podsOf(sim, 'gnc').filter(isReady);
      return ready.length === 4 && ready.every((p) => nodeOf(p)!.startsWith('s2-'));
    }, 300_000);
    const reasons = sim.list('events', 'default').map((e) => (e as { reason?: string }).reason);
    expect(reasons).toContain('Preempted');
    expect(podsOf(sim, 'filler').filter(isReady).length).toBeLessThan(8);
    expect(sim.errors).toEqual([]);
    sim.stop();
  });
});

describe('a rolling update', () => {
  it('never drops below replicas - maxUnavailable ready pods', async () => {
    const sim = await liveSim(stageNodes({ s1: 3 }));
    const res = sim.res('deployments.apps');
    sim.registry.create(res, 'default', deployment('gnc', 4, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } }));
    await sim.until('4 ready', () => podsOf(sim, 'gnc').filter(isReady).length === 4, 120_000);
    let lowest = 4;
    const stop = sim.store.watch('pods', 'default', sim.store.resourceVersion(), () => {
      lowest = Math.min(lowest, podsOf(sim, 'gnc').filter(isReady).length);
    });
    sim.registry.patch(res, 'default', 'gnc', 'strategic', { spec: { template: { spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.9' }] } } } });
    await sim.until('rollout complete', () => {
      const pods = podsOf(sim, 'gnc');
      return pods.length === 4 && pods.every((p) => isReady(p) && (p.spec as { containers: { image: string }[] }).containers[0]!.image.endsWith('3.9'));
    }, 300_000);
    stop.stop();
    expect(lowest).toBeGreaterThanOrEqual(3);
    sim.stop();
  });
});

describe('control-plane quorum', () => {
  it('answers 503 to writes without a majority and recovers with it', async () => {
    const cp = stageNodes({ s2: 3 }, { role: 'control-plane' }).map((n) => ({ ...n, labels: { ...n.labels, 'kis.dev/role': 'control-plane' } }));
    const sim = await liveSim([...cp, ...stageNodes({ s1: 1 })]);
    setAnnotation(sim, 's2-n1', 'sim.kis.dev/power', 'off');
    setAnnotation(sim, 's2-n2', 'sim.kis.dev/power', 'off');
    await sim.advance(1_000);
    expect(() => sim.registry.create(sim.res('configmaps'), 'default', { metadata: { name: 'during' } })).toThrow(
      expect.objectContaining({ code: 503 }) as unknown as Error,
    );
    expect(sim.list('configmaps', 'default').map((c) => c.metadata.name)).not.toContain('during');
    setAnnotation(sim, 's2-n1', 'sim.kis.dev/power', 'on');
    await sim.advance(1_000);
    sim.registry.create(sim.res('configmaps'), 'default', { metadata: { name: 'after' } });
    sim.stop();
  });
});

describe('reproducibility', () => {
  it('gives the same sequence of events for the same seed, and a different one for another', async () => {
    const run = async (seed: number) => {
      const sim = await liveSim(stageNodes({ s1: 2, s2: 2 }), {}, seed);
      sim.registry.create(sim.res('deployments.apps'), 'default', deployment('gnc', 6));
      await sim.advance(30_000);
      setAnnotation(sim, 's1-n1', 'sim.kis.dev/power', 'off');
      await sim.advance(400_000);
      const seq = sim.list('events', 'default').map((e) => `${e.metadata.name} ${(e as { reason?: string }).reason} ${(e as { message?: string }).message}`);
      const placement = podsOf(sim, 'gnc').map((p) => `${p.metadata.name}@${nodeOf(p)}`).sort();
      sim.stop();
      return { seq, placement };
    };
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(a.seq.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
    expect(c.seq).not.toEqual(a.seq);
  });
});
