// Simulation control: power off/on, detach, crash and partition, and writes refused for lack of quorum.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
import { deleteObject, errors } from '../../../sim/twin/api/index.ts';
import { SIM_START } from '../../helpers/sim.ts';
import { kubeletSim, type KubeletSim } from './harness.ts';

type AnyRec = Record<string, any>;
const st = (o: KubeObject | undefined) => (o?.status ?? {}) as AnyRec;
const config = { podStartDelay: { imagePullMs: 0, startMs: 1_000, readinessMs: 1_000, jitterMs: 0 }, bootDelayMs: 30_000 };
const renewTime = (k: KubeletSim, n = 'n1') => Date.parse((k.lease(n)!.spec as AnyRec).renewTime) - SIM_START;
const bootId = (k: KubeletSim) => st(k.node('n1')).nodeInfo.bootID as string;

async function withRunningPod(): Promise<KubeletSim> {
  const k = await kubeletSim([{ name: 'n1' }], { config });
  k.createPod('web', 'n1', { containers: [{ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }] });
  await k.sim.advance(20_000);
  expect(st(k.pod('web')).containerStatuses[0].ready).toBe(true);
  return k;
}

describe('power', () => {
  it('off: no lease, no status, pods frozen as last reported; on: boot delay, re-register, pods restarted', async () => {
    const k = await withRunningPod();
    const boot0 = bootId(k);
    k.annotate('n1', { 'sim.kis.dev/power': 'off' });
    const offAt = k.t();
    await k.sim.advance(1);
    const frozen = { lease: k.lease('n1')!.metadata.resourceVersion, node: k.node('n1')!.metadata.resourceVersion, pod: k.pod('web')!.metadata.resourceVersion };
    await k.sim.advance(120_000);
    expect({ lease: k.lease('n1')!.metadata.resourceVersion, node: k.node('n1')!.metadata.resourceVersion, pod: k.pod('web')!.metadata.resourceVersion }).toEqual(frozen);
    expect(st(k.pod('web')).phase).toBe('Running'); // the API still shows it running
    expect(k.kc.kubelet('n1')!.state.mode).toBe('down');

    k.annotate('n1', { 'sim.kis.dev/power': 'on' });
    const onAt = k.t();
    k.podLog.length = 0;
    await k.sim.advance(29_999);
    expect(k.lease('n1')!.metadata.resourceVersion).toBe(frozen.lease);
    await k.sim.advance(1);
    expect(renewTime(k)).toBe(onAt + 30_000);
    expect(bootId(k)).not.toBe(boot0);
    expect(k.events((e) => e.reason === 'Rebooted')).toEqual([`${Math.floor((onAt + 30_000) / 1000) * 1000} Rebooted n1: Node n1 has been rebooted, boot id: ${bootId(k)}`]);
    await k.sim.advance(5_000);
    // upstream after a reboot: the pod keeps phase Running while its container is recreated (restartCount+1).
    expect(k.podLog).toEqual([
      `${onAt + 30_000} MODIFIED web Running app:waiting(ContainerCreating)#0`,
      `${onAt + 31_000} MODIFIED web Running app:running#1`,
      `${onAt + 32_000} MODIFIED web Running app:running+ready#1`,
    ]);
    expect(st(k.pod('web')).containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown', startedAt: '2026-01-01T00:00:01Z', finishedAt: new Date(SIM_START + offAt).toISOString().replace(/\.\d+Z$/, 'Z') });
    expect(k.events((e) => e.reason === 'SandboxChanged')).toEqual([`${Math.floor((onAt + 30_000) / 1000) * 1000} SandboxChanged web: Pod sandbox changed, it will be killed and re-created.`]);
    expect(k.sim.errors).toEqual([]);
    k.sim.stop();
  });

  it('pods the control plane removed while the node was off are not restarted; pods deleted gracefully go at boot', async () => {
    const k = await withRunningPod();
    k.createPod('slow', 'n1');
    await k.sim.advance(20_000);
    k.annotate('n1', { 'sim.kis.dev/power': 'off' });
    await k.sim.advance(10_000);
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'web', { gracePeriodSeconds: 0 }); // e.g. out-of-service
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'slow'); // graceful: waits for the kubelet
    await k.sim.advance(60_000);
    expect(k.pod('slow')!.metadata.deletionTimestamp).toBeDefined();
    k.annotate('n1', { 'sim.kis.dev/power': 'on' });
    await k.sim.advance(31_000);
    expect(k.pod('web')).toBeUndefined();
    expect(k.pod('slow')).toBeUndefined();
    expect(k.kc.kubelet('n1')!.pods.size).toBe(0);
    expect(k.sim.errors).toEqual([]);
    k.sim.stop();
  });

  it('a node powered off before the kubelets start stays down until powered on', async () => {
    const k0 = await kubeletSim([], { config });
    const { nodeObject } = await import('../../../sim/twin/nodes.ts');
    const pre = nodeObject({ name: 'n1' }, 0, '2026-01-01T00:00:00Z');
    k0.sim.registry.create(k0.sim.res('nodes'), '', { ...pre, metadata: { ...pre.metadata, annotations: { 'sim.kis.dev/power': 'off' } } });
    const { kubeletsController } = await import('../../../sim/twin/kubelet/index.ts');
    k0.sim.manager.start([kubeletsController([{ name: 'n1' }])]);
    await k0.sim.advance(60_000);
    expect(k0.lease('n1')).toBeUndefined();
    k0.annotate('n1', { 'sim.kis.dev/power': 'on' });
    await k0.sim.advance(30_000);
    expect(renewTime(k0)).toBe(90_000);
    k0.sim.stop();
  });
});

describe('detach', () => {
  it('is gone for good: no heartbeat ever again, even powered and re-attached', async () => {
    const k = await withRunningPod();
    k.annotate('n1', { 'sim.kis.dev/attached': 'false' });
    await k.sim.advance(1);
    const rv = k.lease('n1')!.metadata.resourceVersion;
    await k.sim.advance(60_000);
    k.annotate('n1', { 'sim.kis.dev/attached': undefined, 'sim.kis.dev/power': 'on' });
    await k.sim.advance(120_000);
    expect(k.lease('n1')!.metadata.resourceVersion).toBe(rv);
    expect(k.kc.kubelet('n1')!.state.mode).toBe('detached');
    expect(st(k.pod('web')).phase).toBe('Running'); // frozen as last reported
    k.sim.stop();
  });
});

describe('crash fault', () => {
  it('stops heartbeats until cleared, then restarts like a power-on: boot delay and restartCount+1', async () => {
    const k = await withRunningPod();
    k.annotate('n1', { 'sim.kis.dev/fault': 'crash' });
    await k.sim.advance(1);
    const rv = k.lease('n1')!.metadata.resourceVersion;
    await k.sim.advance(60_000);
    expect(k.lease('n1')!.metadata.resourceVersion).toBe(rv);
    k.annotate('n1', { 'sim.kis.dev/fault': undefined });
    const clearedAt = k.t();
    await k.sim.advance(35_000);
    expect(renewTime(k)).toBeGreaterThanOrEqual(clearedAt + 30_000);
    expect(st(k.pod('web')).containerStatuses[0]).toMatchObject({ restartCount: 1, ready: true, state: { running: {} } });
    k.sim.stop();
  });
});

describe('partition fault', () => {
  it('heartbeats and pod statuses stop reaching the API while pods keep running; healing syncs at once', async () => {
    const k = await kubeletSim([{ name: 'n1' }], { config });
    k.createPod('web', 'n1');
    await k.sim.advance(1_500); // started (1 s), not yet ready (2 s)
    expect(st(k.pod('web')).phase).toBe('Running');
    k.annotate('n1', { 'sim.kis.dev/fault': 'partition' });
    await k.sim.advance(1);
    const frozen = { lease: k.lease('n1')!.metadata.resourceVersion, pod: k.pod('web')!.metadata.resourceVersion };
    k.createPod('late', 'n1'); // bound while the node is cut off: the kubelet cannot see it
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'web'); // nor this
    await k.sim.advance(100_000);
    expect(k.lease('n1')!.metadata.resourceVersion).toBe(frozen.lease);
    expect(st(k.pod('late')).containerStatuses).toBeUndefined();
    expect(k.pod('web')!.metadata.deletionTimestamp).toBeDefined();
    expect(k.kc.kubelet('n1')!.state).toMatchObject({ mode: 'up', partitioned: true });

    k.annotate('n1', { 'sim.kis.dev/fault': undefined });
    const healedAt = k.t();
    await k.sim.advance(1);
    expect(renewTime(k)).toBe(healedAt); // renewed on reconnect
    await k.sim.advance(3_000);
    expect(k.pod('web')).toBeUndefined(); // the graceful delete it missed, finished
    expect(st(k.pod('late'))).toMatchObject({ phase: 'Running' });
    expect(st(k.pod('late')).containerStatuses[0].restartCount).toBe(0); // no reboot: nothing restarted
    expect(k.sim.errors).toEqual([]);
    k.sim.stop();
  });

  it('a pod that became ready during the partition is reported ready once healed', async () => {
    const k = await kubeletSim([{ name: 'n1' }], { config });
    k.createPod('web', 'n1');
    await k.sim.advance(1_500);
    k.annotate('n1', { 'sim.kis.dev/fault': 'partition' });
    await k.sim.advance(5_000);
    expect(st(k.pod('web')).containerStatuses[0].ready).toBe(false);
    k.annotate('n1', { 'sim.kis.dev/fault': undefined });
    await k.sim.advance(1);
    expect(st(k.pod('web')).containerStatuses[0].ready).toBe(true);
    k.sim.stop();
  });
});

describe('quorum loss', () => {
  it('writes answered 503 are retried on the next beat; the kubelet never crashes', async () => {
    const k = await kubeletSim([{ name: 'n1' }], { config });
    await k.sim.advance(5_000);
    k.createPod('web', 'n1');
    let refuse = true;
    k.sim.registry.setWriteGate((w) => {
      if (refuse && (w.resource.key !== 'nodes' || w.before?.metadata.annotations === w.after?.metadata.annotations)) {
        throw errors.unavailable('etcdserver: no leader');
      }
    });
    await k.sim.advance(60_000);
    expect(st(k.pod('web')).containerStatuses).toBeUndefined();
    expect(renewTime(k)).toBe(0);
    refuse = false;
    await k.sim.advance(10_500);
    expect(renewTime(k)).toBeGreaterThan(65_000);
    expect(st(k.pod('web')).containerStatuses[0]).toMatchObject({ ready: true }); // the status manager resent it
    // Only the event recorder logs the Events it lost; the kubelet itself reports nothing as a bug.
    expect(k.sim.errors.filter((e) => e.where !== 'events')).toEqual([]);
    k.sim.stop();
  });
});
