// Registration, the node Lease cadence and node-status reporting, in lockstep virtual time.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
import { SIM_START } from '../../helpers/sim.ts';
import { nodeObject } from '../../../sim/twin/nodes.ts';
import { kubeletSim } from './harness.ts';

type AnyRec = Record<string, any>;
const status = (o: KubeObject | undefined) => (o?.status ?? {}) as AnyRec;
const ready = (node: KubeObject | undefined) => (status(node).conditions as AnyRec[]).find((c) => c.type === 'Ready')!;

describe('registration', () => {
  it('creates a Ready Node with a boot id, a Lease owned by it, and upstream start-up events', async () => {
    const k = await kubeletSim([{ name: 'n1', cpu: '2' }]);
    const node = k.node('n1')!;
    expect(ready(node)).toMatchObject({ status: 'True', reason: 'KubeletReady', lastHeartbeatTime: '2026-01-01T00:00:00Z' });
    expect(status(node).capacity).toMatchObject({ cpu: '2', pods: '110' });
    expect(status(node).nodeInfo.bootID).toMatch(/^[0-9a-f-]{36}$/);
    const lease = k.lease('n1')!;
    expect(lease.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'n1', uid: node.metadata.uid }]);
    expect(lease.spec).toEqual({ holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:00.000000Z' });
    expect(k.events()).toEqual([
      '0 Starting n1: Starting kubelet.',
      '0 NodeAllocatableEnforced n1: Updated Node Allocatable limit across pods',
      '0 NodeHasSufficientMemory n1: Node n1 status is now: NodeHasSufficientMemory',
      '0 NodeHasNoDiskPressure n1: Node n1 status is now: NodeHasNoDiskPressure',
      '0 NodeHasSufficientPID n1: Node n1 status is now: NodeHasSufficientPID',
      '0 NodeReady n1: Node n1 status is now: NodeReady',
    ]);
    // upstream: the kubelet's node reference carries the node name as its UID.
    expect(k.sim.list('events').every((e: AnyRec) => e.involvedObject.uid === 'n1' && e.source.component === 'kubelet' && e.source.host === 'n1')).toBe(true);
    expect(k.sim.errors).toEqual([]);
    k.sim.stop();
  });

  it('adopts a Node registered before it: keeps taints, annotations and extra labels, updates the status', async () => {
    const pre = nodeObject({ name: 'n1', labels: { 'kis.dev/stage': 's1' }, taints: [{ key: 'x', effect: 'NoSchedule' }] }, 0, '2025-12-31T00:00:00Z');
    // A sim with no kubelet yet; the Node is registered statically, then a kubelet starts for it.
    const k = await kubeletSim([]);
    k.sim.registry.create(k.sim.res('nodes'), '', { ...pre, metadata: { ...pre.metadata, annotations: { keep: 'me' } } });
    const { kubeletsController } = await import('../../../sim/twin/kubelet/index.ts');
    k.sim.manager.start([kubeletsController([{ name: 'n1' }])]);
    await k.sim.clock.settle();
    const node = k.node('n1')!;
    expect(node.metadata.annotations).toMatchObject({ keep: 'me' });
    expect(node.metadata.labels).toMatchObject({ 'kis.dev/stage': 's1', 'kubernetes.io/hostname': 'n1' });
    expect((node.spec as AnyRec).taints).toEqual([{ key: 'x', effect: 'NoSchedule' }]);
    expect(ready(node).lastHeartbeatTime).toBe('2026-01-01T00:00:00Z');
    expect(ready(node).lastTransitionTime).toBe('2025-12-31T00:00:00Z'); // was Ready already: no transition
    k.sim.stop();
  });
});

describe('lease and node status cadence', () => {
  it('renews the lease every 10 s plus up to 4% jitter, and posts an unchanged status only every 5 min', async () => {
    const k = await kubeletSim([{ name: 'n1' }]);
    const renewals: number[] = [];
    const nodeWrites: number[] = [];
    k.sim.store.watch('leases.coordination.k8s.io', undefined, k.sim.store.resourceVersion(), (ev) => renewals.push(Date.parse((ev.object.spec as AnyRec).renewTime) - SIM_START));
    k.sim.store.watch('nodes', undefined, k.sim.store.resourceVersion(), () => nodeWrites.push(k.t()));
    await k.sim.advance(11 * 60_000);
    const gaps = renewals.map((t, i) => t - (renewals[i - 1] ?? 0));
    expect(renewals.length).toBeGreaterThanOrEqual(63);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_450); // 10 s + 4%, rounded up to the 50 ms heartbeat grid
    expect(renewals.every((t) => t % 50 === 0)).toBe(true);
    // Status is computed every ~10 s, posted when 5 min have passed since the last post: at the first
    // status tick at or after 300 s, then 300 s after that post.
    expect(nodeWrites).toHaveLength(2);
    expect(nodeWrites[0]).toBeGreaterThanOrEqual(300_000);
    expect(nodeWrites[0]).toBeLessThan(310_400);
    expect(nodeWrites[1]! - nodeWrites[0]!).toBeGreaterThanOrEqual(300_000);
    expect(ready(k.node('n1')).lastHeartbeatTime).toBe(new Date(SIM_START + nodeWrites[1]!).toISOString().replace(/\.\d+Z$/, 'Z'));
    k.sim.stop();
  });

  it('posts Ready=True at its next status sync when the control plane marked the node Unknown', async () => {
    const k = await kubeletSim([{ name: 'n1' }]);
    await k.sim.advance(60_000);
    const stored = k.node('n1')!;
    const conditions = (status(stored).conditions as AnyRec[]).map((c) => ({ ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }));
    k.sim.registry.commitUpdate(k.sim.res('nodes'), { ...stored, status: { ...status(stored), conditions } }, stored);
    const marked = k.t();
    const took = await k.sim.until('Ready again', () => ready(k.node('n1')).status === 'True', 20_000, 100);
    expect(took).toBeLessThanOrEqual(10_400);
    expect(ready(k.node('n1')).reason).toBe('KubeletReady');
    // The recorder folds the repeat into the first Event (count 2), as client-go's correlator does.
    const events = k.sim.list('events').filter((e) => (e as AnyRec).reason === 'NodeReady') as AnyRec[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ count: 2, firstTimestamp: '2026-01-01T00:00:00Z' });
    const last = Date.parse(events[0]!.lastTimestamp) - SIM_START;
    expect(last).toBeGreaterThanOrEqual(Math.floor(marked / 1000) * 1000);
    expect(last).toBeLessThanOrEqual(marked + took);
    k.sim.stop();
  });

  it('with a status period shorter than the lease period, each keeps its own cadence on one loop', async () => {
    const k = await kubeletSim([{ name: 'n1' }], { config: { nodeStatusUpdateMs: 2_000, leaseRenewIntervalMs: 10_000 } });
    const renewals: number[] = [];
    k.sim.store.watch('leases.coordination.k8s.io', undefined, k.sim.store.resourceVersion(), () => renewals.push(k.t()));
    await k.sim.advance(60_000);
    const gaps = renewals.map((t, i) => t - (renewals[i - 1] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(9_000); // due within half a (2 s) tick of 10 s
    expect(Math.max(...gaps)).toBeLessThanOrEqual(12_000);
    const stored = k.node('n1')!;
    const conditions = (status(stored).conditions as AnyRec[]).map((c) => ({ ...c, status: 'Unknown' }));
    k.sim.registry.commitUpdate(k.sim.res('nodes'), { ...stored, status: { ...status(stored), conditions } }, stored);
    const took = await k.sim.until('Ready again', () => ready(k.node('n1')).status === 'True', 20_000, 10);
    expect(took).toBeLessThanOrEqual(2_100); // 2 s + 4% on the 50 ms grid
    k.sim.stop();
  });

  it('spreads 50 nodes over the renew interval on the heartbeat grid', async () => {
    const names = Array.from({ length: 50 }, (_, i) => ({ name: `n${i}` }));
    const k = await kubeletSim(names);
    await k.sim.advance(120_000);
    const times = names.map((n) => Date.parse((k.lease(n.name)!.spec as AnyRec).renewTime));
    expect(new Set(times).size).toBeGreaterThan(15);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(1_000);
    expect(k.sim.errors).toEqual([]);
    k.sim.stop();
  });
});
