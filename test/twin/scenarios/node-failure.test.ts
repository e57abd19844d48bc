// Issue 3 scenarios on the whole living twin, in lockstep virtual time.
import { describe, expect, it } from 'vitest';
import { deployment, isReady, liveSim, nodeOf, podsOf, readyNodes, setAnnotation, stageNodes } from './harness.ts';

describe('a node powered off', () => {
  it('goes NotReady after the grace period, its pods are evicted 300 s later and run elsewhere', async () => {
    const sim = await liveSim(stageNodes({ s1: 2, s2: 2 }));
    sim.registry.create(sim.res('deployments.apps'), 'default', deployment('gnc', 4));
    await sim.until('4 ready', () => podsOf(sim, 'gnc').filter(isReady).length === 4, 120_000);
    const victim = nodeOf(podsOf(sim, 'gnc')[0]!)!;
    const onVictim = podsOf(sim, 'gnc').filter((p) => nodeOf(p) === victim).map((p) => p.metadata.name);

    const off = sim.clock.now();
    setAnnotation(sim, victim, 'sim.kis.dev/power', 'off');
    const notReadyAfter = await sim.until('node Unknown', () => !readyNodes(sim).some((n) => n.metadata.name === victim), 120_000);
    // upstream: node-monitor-grace-period 50 s after the last heartbeat (which was up to 10 s before power-off).
    expect(notReadyAfter).toBeGreaterThan(40_000);
    expect(notReadyAfter).toBeLessThanOrEqual(56_000);
    const taints = () => ((sim.get('nodes', '', victim)!.spec as { taints?: { key: string; effect: string }[] }).taints ?? []).map((t) => `${t.key}:${t.effect}`);
    expect(taints()).toContain('node.kubernetes.io/unreachable:NoSchedule');
    // upstream: the NoExecute taint follows on the next monitor pass (5 s).
    const noExecuteAfter = await sim.until('NoExecute taint', () => taints().includes('node.kubernetes.io/unreachable:NoExecute'), 10_000);
    expect(noExecuteAfter).toBeLessThanOrEqual(5_000);

    // DefaultTolerationSeconds: 300 s after the NoExecute taint the pods are marked for deletion.
    const evictedAfter = await sim.until('pods marked for deletion', () => onVictim.every((n) => sim.get('pods', 'default', n!)?.metadata.deletionTimestamp), 600_000);
    expect(notReadyAfter + evictedAfter).toBeGreaterThanOrEqual(300_000 + 40_000);
    await sim.until('4 ready again, none on the dead node', () => {
      const ready = podsOf(sim, 'gnc').filter(isReady);
      return ready.length === 4 && ready.every((p) => nodeOf(p) !== victim);
    }, 120_000);
    const events = sim.list('events', 'default').map((e) => (e as { reason?: string }).reason);
    expect(events).toEqual(expect.arrayContaining(['NodeNotReady', 'TaintManagerEviction', 'Scheduled', 'Started']));
    expect(sim.clock.now() - off).toBeLessThan(500_000);
    expect(sim.errors).toEqual([]);
    sim.stop();
  });
});

describe('out-of-service', () => {
  it('force-deletes the pods of a node that left, and a StatefulSet pod comes back elsewhere under the same name', async () => {
    const sim = await liveSim(stageNodes({ s1: 2, s2: 2 }));
    sim.registry.create(sim.res('statefulsets.apps'), 'default', {
      metadata: { name: 'telemetry' },
      spec: {
        replicas: 2, serviceName: 'telemetry', podManagementPolicy: 'Parallel',
        selector: { matchLabels: { app: 'telemetry' } },
        template: { metadata: { labels: { app: 'telemetry' } }, spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10' }] } },
      },
    });
    await sim.until('2 ready', () => podsOf(sim, 'telemetry').filter(isReady).length === 2, 120_000);
    const pod = sim.get('pods', 'default', 'telemetry-0')!;
    const node = nodeOf(pod)!;
    // The stage separated: the node is gone for good (detached), and marked out of service.
    setAnnotation(sim, node, 'sim.kis.dev/attached', 'false');
    const current = sim.get('nodes', '', node)!;
    const spec = current.spec as { taints?: unknown[] };
    sim.registry.patch(sim.res('nodes'), '', node, 'merge', {
      spec: { taints: [...(spec.taints ?? []), { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }] },
    });
    await sim.until('telemetry-0 running elsewhere', () => {
      const p = sim.get('pods', 'default', 'telemetry-0');
      return !!p && p.metadata.uid !== pod.metadata.uid && isReady(p) && nodeOf(p) !== node;
    }, 300_000);
    expect(sim.errors).toEqual([]);
    sim.stop();
  });
});
