// The DaemonSet controller on a lockstep twin; scheduler and kubelets faked.
import { describe, expect, it } from 'vitest';
import { daemonSetController } from '../../../../sim/twin/controllers/daemonset.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';
import { startSim, type Sim } from '../../../helpers/sim.ts';
import { addNodes, isTerminating, podTemplate, podsOf, startFakeCluster } from './fake-cluster.ts';

function createDs(sim: Sim, name: string, extra: Record<string, unknown> = {}, templateSpec: Record<string, unknown> = {}): KubeObject {
  const t = podTemplate({ app: name });
  return sim.registry.create(sim.res('daemonsets.apps'), 'kube-system', {
    metadata: { name },
    spec: { selector: { matchLabels: { app: name } }, template: { ...t, spec: { ...t.spec, ...templateSpec } }, ...extra },
  });
}

function setTaints(sim: Sim, nodeName: string, taints: { key: string; value?: string; effect: string }[]): void {
  const n = sim.get('nodes', '', nodeName)!;
  sim.registry.commitUpdate(sim.res('nodes'), { ...n, spec: { ...(n.spec as object), taints } }, n);
}

const dsStatus = (sim: Sim, name: string) => sim.get('daemonsets.apps', 'kube-system', name)!.status as Record<string, unknown>;
const live = (sim: Sim) => podsOf(sim, 'kube-system', (p) => !isTerminating(p));
const nodeOf = (p: KubeObject) => (p.spec as { nodeName?: string }).nodeName;

describe('DaemonSet controller', () => {
  it('runs one pod per eligible node, pinned by matchFields affinity, with daemon tolerations', async () => {
    const sim = startSim({ controllers: [daemonSetController] });
    addNodes(sim, [
      { name: 'n1', labels: { 'kis.dev/stage': 's1' } },
      { name: 'n2', labels: { 'kis.dev/stage': 's1' } },
      { name: 'n3', labels: { 'kis.dev/stage': 's2' } },
      { name: 'n4', labels: { 'kis.dev/stage': 's1' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
    ]);
    const fake = startFakeCluster(sim, { nodes: [] });
    createDs(sim, 'agent', {}, { nodeSelector: { 'kis.dev/stage': 's1' } });
    await sim.advance(5_000);
    const pods = live(sim);
    expect(pods.map(nodeOf).sort()).toEqual(['n1', 'n2']);
    const p = pods[0]!;
    expect(p.metadata.name).toMatch(/^agent-[a-z0-9]{5}$/);
    expect((p.spec as { affinity: unknown }).affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeOf(p)] }] }] } } });
    const tolerations = (p.spec as { tolerations: { key: string; effect: string; tolerationSeconds?: number }[] }).tolerations;
    expect(tolerations.find((t) => t.key === 'node.kubernetes.io/unreachable')).toEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' });
    expect(tolerations.filter((t) => t.tolerationSeconds !== undefined)).toEqual([]);
    expect(p.metadata.labels).toMatchObject({ app: 'agent', 'pod-template-generation': '1' });
    expect(dsStatus(sim, 'agent')).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2, numberMisscheduled: 0, numberUnavailable: 0, observedGeneration: 1 });
    fake.stop();
    sim.stop();
  });

  it('follows nodes: a new node gets a pod, NoSchedule leaves it (misscheduled), NoExecute removes it', async () => {
    const sim = startSim({ controllers: [daemonSetController] });
    addNodes(sim, [{ name: 'n1' }]);
    const fake = startFakeCluster(sim, { nodes: [] });
    createDs(sim, 'agent');
    await sim.advance(5_000);
    addNodes(sim, [{ name: 'n2', internalIP: '10.0.0.2' }]);
    await sim.advance(5_000);
    expect(live(sim).map(nodeOf).sort()).toEqual(['n1', 'n2']);
    setTaints(sim, 'n2', [{ key: 'maintenance', effect: 'NoSchedule' }]);
    await sim.advance(5_000);
    expect(live(sim).map(nodeOf).sort()).toEqual(['n1', 'n2']);
    expect(dsStatus(sim, 'agent')).toMatchObject({ desiredNumberScheduled: 1, numberMisscheduled: 1 });
    setTaints(sim, 'n2', [{ key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }]);
    await sim.advance(5_000);
    expect(live(sim).map(nodeOf)).toEqual(['n1']);
    expect(dsStatus(sim, 'agent')).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0 });
    fake.stop();
    sim.stop();
  });

  it('keeps running on cordoned and unreachable nodes (upstream tolerates only NoExecute unreachable)', async () => {
    const sim = startSim({ controllers: [daemonSetController] });
    addNodes(sim, [{ name: 'n1' }, { name: 'n2' }]);
    const fake = startFakeCluster(sim, { nodes: [] });
    createDs(sim, 'agent');
    await sim.advance(5_000);
    setTaints(sim, 'n1', [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
    setTaints(sim, 'n2', [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]);
    await sim.advance(5_000);
    expect(live(sim).map(nodeOf).sort()).toEqual(['n1', 'n2']);
    expect(dsStatus(sim, 'agent')).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1 });
    fake.stop();
    sim.stop();
  });

  it('rolls a new template out one node at a time (maxUnavailable 1)', async () => {
    const sim = startSim({ controllers: [daemonSetController] });
    addNodes(sim, [{ name: 'n1' }, { name: 'n2' }, { name: 'n3' }]);
    let maxDown = 0;
    const fake = startFakeCluster(sim, {
      nodes: [],
      readyAfterMs: 1_000,
      terminateAfterMs: 1_000,
      onPodEvent: () => {
        const readyNodes = new Set(live(sim).filter((p) => ((p.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')).map(nodeOf));
        if (checking) maxDown = Math.max(maxDown, 3 - readyNodes.size);
      },
    });
    let checking = false;
    createDs(sim, 'agent');
    await sim.until('up', () => dsStatus(sim, 'agent')?.numberAvailable === 3);
    checking = true;
    const ds = sim.get('daemonsets.apps', 'kube-system', 'agent')!;
    const spec = ds.spec as { template: ReturnType<typeof podTemplate> };
    sim.registry.commitUpdate(sim.res('daemonsets.apps'), { ...ds, spec: { ...spec, template: podTemplate({ app: 'agent' }, 'agent:2') } }, ds);
    await sim.until('rolled', () => dsStatus(sim, 'agent').updatedNumberScheduled === 3 && dsStatus(sim, 'agent').numberAvailable === 3 && podsOf(sim, 'kube-system').length === 3);
    expect(maxDown).toBe(1);
    expect(podsOf(sim, 'kube-system').every((p) => (p.spec as { containers: { image: string }[] }).containers[0]!.image === 'agent:2')).toBe(true);
    fake.stop();
    sim.stop();
  });
});
