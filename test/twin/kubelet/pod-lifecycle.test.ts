// Pods bound to a simulated kubelet: Pending → ContainerCreating → Running → Ready with exact virtual timings,
// upstream's events and status shape, and graceful termination honouring the grace period.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
import { deleteObject } from '../../../sim/twin/api/index.ts';
import { kubeletSim } from './harness.ts';

type AnyRec = Record<string, any>;
const st = (o: KubeObject | undefined) => (o?.status ?? {}) as AnyRec;
const noJitter = { podStartDelay: { imagePullMs: 2_000, startMs: 1_000, readinessMs: 3_000, jitterMs: 0 } };

describe('pod start', () => {
  it('walks a pod through pull, start and readiness at exact virtual times, with upstream events', async () => {
    const k = await kubeletSim([{ name: 'n1' }], { config: noJitter });
    k.createPod('web', 'n1', { containers: [{ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }] });
    await k.sim.advance(10_000);
    expect(k.podLog).toEqual([
      '0 ADDED web Pending ',
      '0 MODIFIED web Pending app:waiting(ContainerCreating)#0',
      '3000 MODIFIED web Running app:running#0', // pull 2 s + start 1 s
      '6000 MODIFIED web Running app:running+ready#0', // + readiness 3 s
    ]);
    expect(k.events((e) => e.involvedObject.kind === 'Pod')).toEqual([
      '0 Pulling web: Pulling image "nginx:1.27"',
      '2000 Pulled web: Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 52428800 bytes.',
      '3000 Created web: Created container: app',
      '3000 Started web: Started container app',
    ]);
    const status = st(k.pod('web'));
    expect(status).toMatchObject({
      phase: 'Running',
      hostIP: '10.64.0.1',
      hostIPs: [{ ip: '10.64.0.1' }],
      podIP: '10.244.0.2',
      podIPs: [{ ip: '10.244.0.2' }],
      startTime: '2026-01-01T00:00:00Z',
      qosClass: 'BestEffort',
    });
    expect(status.conditions.map((c: AnyRec) => [c.type, c.status, c.lastTransitionTime])).toEqual([
      ['PodReadyToStartContainers', 'True', '2026-01-01T00:00:03Z'],
      ['Initialized', 'True', '2026-01-01T00:00:00Z'],
      ['Ready', 'True', '2026-01-01T00:00:06Z'],
      ['ContainersReady', 'True', '2026-01-01T00:00:06Z'],
    ]);
    expect(status.containerStatuses[0]).toMatchObject({
      name: 'app',
      state: { running: { startedAt: '2026-01-01T00:00:03Z' } },
      lastState: {},
      ready: true,
      started: true,
      restartCount: 0,
      image: 'docker.io/library/nginx:1.27',
      imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
      containerID: expect.stringMatching(/^kis:\/\/[0-9a-f]{64}$/),
    });
    // The image is on the node now: the next pod skips the pull.
    k.createPod('web2', 'n1', { containers: [{ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }] });
    await k.sim.advance(5_000);
    expect(k.events((e) => e.involvedObject.name === 'web2')).toEqual([
      '10000 Pulled web2: Container image "nginx:1.27" already present on machine',
      '11000 Created web2: Created container: app',
      '11000 Started web2: Started container app',
    ]);
    expect(st(k.pod('web2')).podIP).toBe('10.244.0.3');
    expect(k.sim.errors).toEqual([]);
    k.sim.stop();
  });

  it('shows the not-ready conditions upstream shows while containers are created', async () => {
    const k = await kubeletSim([{ name: 'n1' }], { config: noJitter });
    k.createPod('two', 'n1', { containers: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'busybox' }] });
    await k.sim.advance(100);
    const status = st(k.pod('two'));
    expect(status.phase).toBe('Pending');
    expect(status.podIP).toBeUndefined();
    expect(status.conditions.find((c: AnyRec) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [a b]' });
    expect(status.containerStatuses.map((c: AnyRec) => [c.image, c.imageID, c.started])).toEqual([['busybox', '', false], ['busybox', '', false]]);
    k.sim.stop();
  });

  it('runs init containers to completion first and reports them', async () => {
    const k = await kubeletSim([{ name: 'n1' }], { config: noJitter });
    k.createPod('init', 'n1', { initContainers: [{ name: 'setup', image: 'busybox:1' }], containers: [{ name: 'app', image: 'nginx:1.27' }] });
    await k.sim.advance(100);
    let s = st(k.pod('init'));
    expect(s.conditions.find((c: AnyRec) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [setup]' });
    expect(s.containerStatuses[0].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    await k.sim.advance(10_000);
    s = st(k.pod('init'));
    expect(s.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.conditions.find((c: AnyRec) => c.type === 'Initialized').status).toBe('True');
    expect(s.containerStatuses[0].ready).toBe(true);
    k.sim.stop();
  });

  it('uses the node IP for hostNetwork pods and ignores pods bound elsewhere or already terminal', async () => {
    const k = await kubeletSim([{ name: 'n1' }], { config: noJitter });
    k.createPod('hn', 'n1', { hostNetwork: true });
    k.createPod('other', 'elsewhere');
    k.createPod('unbound', undefined);
    await k.sim.advance(10_000);
    expect(st(k.pod('hn')).podIP).toBe('10.64.0.1');
    expect(st(k.pod('other')).phase).toBe('Pending');
    expect(st(k.pod('other')).containerStatuses).toBeUndefined();
    expect(st(k.pod('unbound')).containerStatuses).toBeUndefined();
    k.sim.stop();
  });

  it('jitters each delay within [delay, delay + jitterMs] from the node stream', async () => {
    const cfg = { podStartDelay: { imagePullMs: 0, startMs: 1_000, readinessMs: 1_000, jitterMs: 500 } };
    const k = await kubeletSim([{ name: 'n1' }], { config: cfg });
    for (let i = 0; i < 20; i++) k.createPod(`p${i}`, 'n1', { containers: [{ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }] });
    await k.sim.advance(10_000);
    const running = (name: string) => Date.parse(st(k.pod(name)).containerStatuses[0].state.running.startedAt);
    const readyAt = (name: string) => Date.parse(st(k.pod(name)).conditions.find((c: AnyRec) => c.type === 'Ready').lastTransitionTime);
    const starts = Array.from({ length: 20 }, (_, i) => running(`p${i}`) - Date.UTC(2026, 0, 1));
    // Whole seconds in the API (metav1.Time): the first pod pulls (0–500 ms), all start 1000–1500 ms later.
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...starts)).toBeLessThanOrEqual(2_000);
    for (let i = 0; i < 20; i++) expect(readyAt(`p${i}`) - running(`p${i}`)).toBeLessThanOrEqual(2_000);
    const writes = k.podLog.filter((l) => l.includes('+ready')).map((l) => Number(l.split(' ')[0]));
    expect(new Set(writes).size).toBeGreaterThan(10); // spread, not all in one instant
    k.sim.stop();
  });
});

describe('graceful termination', () => {
  async function runningPod(options = {}, spec: Record<string, unknown> = {}) {
    const k = await kubeletSim([{ name: 'n1' }], { config: noJitter, options });
    k.createPod('web', 'n1', spec);
    await k.sim.advance(10_000);
    expect(st(k.pod('web')).phase).toBe('Running');
    return k;
  }

  it('stops a well-behaved container quickly, posts Succeeded, then deletes the pod (grace 0)', async () => {
    const k = await runningPod();
    k.podLog.length = 0;
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'web');
    await k.sim.advance(5_000);
    expect(k.podLog).toEqual([
      '10000 MODIFIED web Running app:running+ready#0 deleting',
      '11000 MODIFIED web Succeeded app:terminated#0 deleting', // containerStopMs 1 s < grace 30 s
      '11000 DELETED web Succeeded app:terminated#0 deleting',
    ]);
    expect(k.events((e) => e.reason === 'Killing')).toEqual(['10000 Killing web: Stopping container app']);
    expect(k.sim.errors).toEqual([]);
    k.sim.stop();
  });

  it('honours terminationGracePeriodSeconds: a slow container is killed (137) when the grace runs out', async () => {
    const k = await runningPod({ containerStopMs: 120_000 }, { terminationGracePeriodSeconds: 7 });
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'web');
    let last: AnyRec | undefined;
    k.sim.store.watch('pods', undefined, k.sim.store.resourceVersion(), (ev) => (last = ev.object.status as AnyRec));
    const took = await k.sim.until('pod gone', () => !k.pod('web'), 60_000, 100);
    expect(took).toBe(7_000);
    expect(last).toMatchObject({ phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 137, reason: 'Error' } } }] });
    k.sim.stop();
  });

  it('a second delete with a shorter grace period shortens the wait', async () => {
    const k = await runningPod({ containerStopMs: 120_000 });
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'web'); // 30 s
    await k.sim.advance(2_000);
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'web', { gracePeriodSeconds: 3 });
    const took = await k.sim.until('pod gone', () => !k.pod('web'), 60_000, 100);
    expect(took).toBe(1_000); // 3 s from the start of termination, 2 s of which had passed
    k.sim.stop();
  });

  it('a force delete (grace 0) drops the pod at once and frees its IP', async () => {
    const k = await runningPod();
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'web', { gracePeriodSeconds: 0 });
    await k.sim.advance(1_000);
    expect(k.pod('web')).toBeUndefined();
    expect(k.kc.kubelet('n1')!.pods.size).toBe(0);
    k.createPod('next', 'n1');
    await k.sim.advance(10_000);
    expect(st(k.pod('next')).podIP).toBe('10.244.0.3'); // host-local goes on from the last one given
    k.sim.stop();
  });

  it('a pod deleted before it started is deleted without Killing', async () => {
    const k = await kubeletSim([{ name: 'n1' }], { config: noJitter });
    k.createPod('web', 'n1');
    await k.sim.advance(500);
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'web');
    await k.sim.advance(100);
    expect(k.pod('web')).toBeUndefined();
    expect(k.events((e) => e.reason === 'Killing' || e.reason === 'Started')).toEqual([]);
    k.sim.stop();
  });

  it('a StatefulSet-style replacement under the same name on another node starts afresh', async () => {
    const k = await kubeletSim([{ name: 'n1' }, { name: 'n2' }], { config: noJitter });
    k.createPod('db-0', 'n1');
    await k.sim.advance(10_000);
    deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'db-0', { gracePeriodSeconds: 0 });
    k.createPod('db-0', 'n2');
    await k.sim.advance(10_000);
    expect(st(k.pod('db-0'))).toMatchObject({ phase: 'Running', hostIP: '10.64.0.2', podIP: '10.244.1.2' });
    expect(k.kc.kubelet('n1')!.pods.size).toBe(0);
    expect(k.kc.kubelet('n2')!.pods.size).toBe(1);
    k.sim.stop();
  });
});
