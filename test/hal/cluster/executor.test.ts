// ActionExecutor against a real twin over HTTPS: drains that wait out a PDB, the scope guard with
// foreign nodes present, the arming interlock, idempotence, and dry-run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealClock } from '../../../sim/core/index.ts';
import type { Action } from '../../../hal/signals/index.ts';
import { ActionExecutor, KubeCluster, type ArmSource, type Cluster, type NodeInfo } from '../../../hal/cluster/index.ts';
import { eventually, startTestTwin, type TestTwin } from '../../helpers/twin.ts';
import { Seeder, VEHICLE, vehicleNodes } from './seed.ts';

let t: TestTwin;
let cluster: KubeCluster;
let seed: Seeder;
const armed: ArmSource = { armed: true };
const safe: ArmSource = { armed: false, status: () => ({ reason: 'key box0 SAFE' }) };
const exec = (arm: ArmSource, extra: { dryRun?: boolean; timeoutMs?: number } = {}) =>
  new ActionExecutor({
    cluster, vehicle: VEHICLE, clock: new RealClock(), arm, dryRun: extra.dryRun ?? false,
    drain: { retryIntervalMs: 30, timeoutMs: extra.timeoutMs ?? 10_000 },
  });

beforeAll(async () => {
  t = await startTestTwin({ nodes: vehicleNodes() });
  cluster = new KubeCluster(t.kc);
  seed = new Seeder(t.kc);
  await seed.namespace('flight');
  await seed.priorityClass('critical', 1_000_000);
  await seed.priorityClass('low', 100);
  await seed.runningPod('flight', 'gnc-1', 's1-a', { app: 'gnc' });
  await seed.runningPod('flight', 'tlm-1', 's1-b', { app: 'tlm' });
  await seed.runningPod('flight', 'foreign-pod', 'other-1', { app: 'tlm' });
  await seed.pdb('flight', 'gnc', { app: 'gnc' }, 0);
  await seed.runningPod('flight', 'crit-1', 's2-a', { app: 'crit' }, 'critical');
  await seed.runningPod('flight', 'low-1', 's2-a', { app: 'low' }, 'low');
  await seed.runningPod('flight', 'low-2', 's2-b', { app: 'low' }, 'low');
});
afterAll(() => t.stop());

const terminating = async (name: string) =>
  (await seed.core.readNamespacedPod({ namespace: 'flight', name }).catch(() => undefined))?.metadata?.deletionTimestamp !== undefined;

describe('drain', () => {
  it('dry-run lists the cordons and evictions and changes nothing', async () => {
    const r = await exec(armed, { dryRun: true }).apply({ type: 'drain-stage', stage: 'stage1' });
    expect(r.status).toBe('dry-run');
    expect(r.steps).toEqual(['cordon node s1-a', 'cordon node s1-b']);
    expect(r.detail).toBe('would evict flight/gnc-1, flight/tlm-1');
    expect((await cluster.getNode('s1-a'))?.unschedulable).toBe(false);
    expect(await terminating('gnc-1')).toBe(false);
  });

  it('gives up (failed) when a PDB still refuses at the deadline', async () => {
    const r = await exec(armed, { timeoutMs: 100 }).apply({ type: 'drain-stage', stage: 'stage1' });
    expect(r.status).toBe('failed');
    expect(r.detail).toMatch(/PodDisruptionBudgets still refuse flight\/gnc-1/);
    expect(await terminating('gnc-1')).toBe(false);
    expect(await terminating('tlm-1')).toBe(true);
  });

  it('honours a PDB 429, then succeeds once the PDB allows a disruption — and leaves foreign nodes alone', async () => {
    const pending = exec(armed).apply({ type: 'drain-stage', stage: 'stage1' });
    await new Promise((r) => setTimeout(r, 150)); // several 429 passes
    expect(await terminating('gnc-1')).toBe(false);
    await seed.setPdbAllowed('flight', 'gnc', 1);
    const r = await pending;
    expect(r.status).toBe('applied');
    expect(r.steps).toContain('evict pod flight/gnc-1');
    expect(await terminating('gnc-1')).toBe(true);
    expect((await cluster.getNode('s1-a'))?.unschedulable).toBe(true);
    expect(await terminating('foreign-pod')).toBe(false);
    expect((await cluster.getNode('other-1'))?.unschedulable).toBe(false);
    expect(r.alarms.map((a) => [a.alarm, a.subject])).toEqual([['scope-violation', 'other-1']]);
  });
});

describe('interlock, scope guard, idempotence', () => {
  it('refuses a detach while SAFE: no node removed, an alarm says why', async () => {
    const r = await exec(safe).apply({ type: 'detach-stage', stage: 'stage1', cause: 'ser0:1' });
    expect(r.status).toBe('refused');
    expect(r.alarms).toEqual([expect.objectContaining({ alarm: 'refused-safe', cause: 'ser0:1', message: expect.stringMatching(/key box0 SAFE/) })]);
    expect(await cluster.getNode('s1-a')).toBeDefined();
  });

  it('runs non-destructive actions while SAFE', async () => {
    const r = await exec(safe).apply({ type: 'brownout-taint', target: { by: 'power-bus', name: 's2-bus' } });
    expect(r.status).toBe('applied');
    expect((await cluster.getNode('s2-a'))?.taints).toEqual([{ key: 'kis.dev/power', value: 'degraded', effect: 'NoSchedule' }]);
  });

  it('refuses a node of another vehicle by name, with a scope-violation alarm', async () => {
    const r = await exec(armed).apply({ type: 'power-off', target: { by: 'node', name: 'other-1' } });
    expect(r.status).toBe('refused');
    expect(r.alarms[0]).toMatchObject({ alarm: 'scope-violation', subject: 'other-1' });
    expect((await cluster.getNode('other-1'))?.annotations['sim.kis.dev/power']).toBeUndefined();
  });

  it.each<[string, Action, (x: KubeCluster) => Promise<unknown>, unknown]>([
    ['power-off', { type: 'power-off', target: { by: 'power-bus', name: 's2-bus' } },
      async (c) => (await c.getNode('s2-b'))?.annotations['sim.kis.dev/power'], 'off'],
    ['link-lost', { type: 'link-lost', link: 's-band', target: { by: 'stage', name: 'stage2' } },
      async (c) => (await c.getNode('s2-a'))?.annotations['sim.kis.dev/link-s-band'], 'lost'],
    ['node-fault crash', { type: 'node-fault', target: { by: 'node', name: 's2-a' }, fault: 'crash' },
      async (c) => (await c.getNode('s2-a'))?.annotations['sim.kis.dev/fault'], 'crash'],
    ['label-node', { type: 'label-node', target: { by: 'node', name: 's2-b' }, labels: { 'x.test/a': 'b' } },
      async (c) => (await c.getNode('s2-b'))?.labels['x.test/a'], 'b'],
    ['brownout-taint', { type: 'brownout-taint', target: { by: 'node', name: 's2-b' } },
      async (c) => (await c.getNode('s2-b'))?.taints.length, 1],
    ['event', { type: 'emit-event', target: { by: 'stage', name: 'stage2' }, reason: 'PowerBrownout', eventType: 'Warning', message: 'sag' },
      async (c) => (await c.nodeEvents()).filter((e) => e.message === 'sag').map((e) => e.node).sort(), ['s2-a', 's2-b']],
  ])('%s applied twice is applied once', async (_n, action, read, want) => {
    const e = exec(armed);
    expect((await e.apply(action, 'k-1')).status).toBe('applied');
    expect((await e.apply(action, 'k-1')).status).toBe('applied');
    expect(await read(cluster)).toEqual(want);
  });

  it('sheds pods below a priority on a bus, sparing the critical ones', async () => {
    const r = await exec(armed).apply({ type: 'shed-pods', target: { by: 'power-bus', name: 's2-bus' }, belowPriority: 1000 });
    expect(r.status).toBe('applied');
    expect(r.steps.slice().sort()).toEqual(['evict pod flight/low-1', 'evict pod flight/low-2']);
    expect(await terminating('crit-1')).toBe(false);
  });

  it('detaches a stage when armed: out-of-service taint, attached=false, nodes deleted; foreign node untouched', async () => {
    const r = await exec(armed).apply({ type: 'detach-stage', stage: 'stage1' });
    expect(r.status).toBe('applied');
    expect(r.steps).toEqual([
      'taint node s1-a node.kubernetes.io/out-of-service', 'annotate node s1-a sim.kis.dev/attached=false', 'delete node s1-a',
      'taint node s1-b node.kubernetes.io/out-of-service', 'annotate node s1-b sim.kis.dev/attached=false', 'delete node s1-b',
    ]);
    await eventually('stage1 nodes gone', async () => (await cluster.listNodes('kis.dev/stage=stage1')).map((n) => n.name).join() === 'other-1');
    expect((await cluster.getNode('other-1'))?.annotations['sim.kis.dev/attached']).toBeUndefined();
    const again = await exec(armed).apply({ type: 'detach-stage', stage: 'stage1' });
    expect(again.detail).toMatch(/refused: only foreign nodes/);
  });

  it('scales and rolls out in the default namespace given', async () => {
    await seed.deployment('flight', 'payload', 0);
    const e = new ActionExecutor({ cluster, vehicle: VEHICLE, clock: new RealClock(), arm: safe, namespace: 'flight' });
    expect((await e.apply({ type: 'scale-workload', workload: 'payload', replicas: 2 })).status).toBe('applied');
    expect((await e.apply({ type: 'rollout-image', workload: 'payload', image: 'payload:2' })).status).toBe('applied');
    const d = await seed.apps.readNamespacedDeployment({ namespace: 'flight', name: 'payload' });
    expect([d.spec?.replicas, d.spec?.template.spec?.containers[0]?.image]).toEqual([2, 'payload:2']);
  });
});

describe('parallel writes', () => {
  // A stand-in cluster whose annotate() builds its request at once and puts it on the wire a nextTick
  // later, as RawApi over a pooled socket does: the first node's request must leave before the next is built.
  it.each([2, 3, 6])('%i nodes: each request is on the wire before the next one is built; all are written', async (count) => {
    const order: string[] = [];
    const nodes: NodeInfo[] = Array.from({ length: count }, (_, i) => ({
      name: `n${i}`, uid: `u${i}`, labels: { 'kis.dev/vehicle': VEHICLE, 'kis.dev/stage': 'st' }, annotations: {}, taints: [], unschedulable: false,
    }));
    const lister = { listNodes: async () => nodes, getNode: async (name: string) => nodes.find((n) => n.name === name) };
    const fake = {
      ...lister,
      annotate: (name: string) => {
        order.push(`build ${name}`);
        return new Promise<void>((resolve) => process.nextTick(() => {
          order.push(`wire ${name}`);
          resolve();
        }));
      },
    } as unknown as Cluster;
    const r = await new ActionExecutor({ cluster: fake, nodes: lister, vehicle: VEHICLE, clock: new RealClock(), arm: armed, parallel: true })
      .apply({ type: 'link-lost', link: 'uhf', target: { by: 'stage', name: 'st' } });
    expect(r.status).toBe('applied');
    expect(order).toEqual(nodes.flatMap((n) => [`build ${n.name}`, `wire ${n.name}`]));
  });
});
