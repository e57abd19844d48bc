// The kubelet's pure pieces, table-style: image names, Go durations, pod IPs, power steps, pod decisions, node conditions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HEALTHY, PodIpAllocator, decidePod, desiredOf, goDuration, imageId, needsPull, nodeConditions, normalizeImage,
  newPodRun, podStatusFor, powerStep, resolveKubeletOptions, shouldReportStatus, type KubeletMode, type PodAction,
} from '../../../sim/twin/kubelet/index.ts';

describe('images', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/redis', 'docker.io/bitnami/redis:latest'],
    ['ghcr.io/acme/guidance:v2', 'ghcr.io/acme/guidance:v2'],
    ['localhost/app', 'localhost/app:latest'],
    ['registry:5000/app', 'registry:5000/app:latest'],
    ['nginx@sha256:abc', 'docker.io/library/nginx@sha256:abc'],
  ])('normalizes %s → %s', (image, want) => expect(normalizeImage(image)).toBe(want));

  it('gives a stable sha256 imageID per image', () => {
    expect(imageId('nginx')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(imageId('nginx')).toBe(imageId('docker.io/library/nginx:latest'));
    expect(imageId('nginx:1.27')).not.toBe(imageId('nginx'));
  });

  it.each([
    [0, '0s'], [140, '140ms'], [1000, '1s'], [1500, '1.5s'], [1234, '1.234s'], [1050, '1.05s'],
    [60_000, '1m0s'], [123_004, '2m3.004s'], [3_600_000, '1h0m0s'], [3_661_500, '1h1m1.5s'],
  ])('formats %d ms as Go does: %s', (ms, want) => expect(goDuration(ms)).toBe(want));

  it.each([
    ['Always', true, true], ['Always', false, true], ['IfNotPresent', true, false], ['IfNotPresent', false, true],
    ['Never', false, false], [undefined, false, true],
  ])('policy %s, present %s → pull %s', (policy, present, want) => expect(needsPull(policy, present)).toBe(want));
});

describe('PodIpAllocator', () => {
  it('hands out .2 upwards, reuses a key, skips used, wraps after the end', () => {
    const a = new PodIpAllocator('10.244.3.0/29'); // .2 … .6 assignable (.1 gateway, .7 broadcast)
    expect(['a', 'b', 'c'].map((k) => a.allocate(k))).toEqual(['10.244.3.2', '10.244.3.3', '10.244.3.4']);
    expect(a.allocate('a')).toBe('10.244.3.2');
    a.release('b');
    expect(a.allocate('d')).toBe('10.244.3.5');
    expect(a.allocate('e')).toBe('10.244.3.6');
    expect(a.allocate('f')).toBe('10.244.3.3'); // wrapped to the freed one
    expect(a.allocate('g')).toBeUndefined();
    expect(a.inUse).toBe(5);
  });

  it.each(['10.0.0.0', '10.0.0.0/31', '300.0.0.0/24', 'fd00::/64'])('rejects %s', (cidr) => {
    expect(() => new PodIpAllocator(cidr)).toThrow(/podCIDR/);
  });

  it('never gives one address to two keys (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 20 })), { maxLength: 200 }), (ops) => {
      const a = new PodIpAllocator('10.1.0.0/28');
      const held = new Map<string, string>();
      for (const [alloc, k] of ops) {
        const key = `k${k}`;
        if (alloc) {
          const ip = a.allocate(key);
          if (ip) held.set(key, ip);
        } else {
          a.release(key);
          held.delete(key);
        }
      }
      expect(new Set(held.values()).size).toBe(held.size);
      expect(a.inUse).toBe(held.size);
    }));
  });
});

describe('power', () => {
  const node = (a: Record<string, string>) => ({ metadata: { annotations: a } });
  it.each([
    [{}, { running: true, partitioned: false, detached: false }],
    [{ 'sim.kis.dev/power': 'off' }, { running: false, partitioned: false, detached: false }],
    [{ 'sim.kis.dev/fault': 'crash' }, { running: false, partitioned: false, detached: false }],
    [{ 'sim.kis.dev/fault': 'partition' }, { running: true, partitioned: true, detached: false }],
    [{ 'sim.kis.dev/attached': 'false' }, { running: true, partitioned: false, detached: true }],
  ])('annotations %j → %j', (a, want) => expect(desiredOf(node(a))).toEqual(want));

  const on = { running: true, partitioned: false, detached: false };
  const off = { ...on, running: false };
  const gone = { ...on, detached: true };
  it.each<[KubeletMode, typeof on, string]>([
    ['up', on, 'none'], ['up', off, 'stop'], ['booting', off, 'stop'], ['down', off, 'none'], ['down', on, 'boot'],
    ['booting', on, 'none'], ['up', gone, 'detach'], ['down', gone, 'detach'], ['detached', on, 'none'], ['detached', gone, 'none'],
  ])('%s wanting %j → %s', (mode, want, step) => expect(powerStep(mode, want)).toBe(step));
});

describe('decidePod', () => {
  const facts = (deleting: boolean, phase?: string, hasRunningContainers = false) => ({ deleting, phase, hasRunningContainers });
  it.each<[ReturnType<typeof facts>, Parameters<typeof decidePod>[1], boolean, PodAction]>([
    [facts(false, 'Pending'), undefined, false, 'admit'],
    [facts(false, 'Running', true), undefined, false, 'admit'],
    [facts(false, 'Running', true), undefined, true, 'adopt'],
    [facts(false, 'Running', false), undefined, true, 'admit'],
    [facts(false, 'Running'), 'running', false, 'none'],
    [facts(false, 'Pending'), 'creating', false, 'none'],
    [facts(true, 'Running'), 'running', false, 'kill'],
    [facts(true, 'Pending'), 'creating', false, 'kill'],
    [facts(true, 'Running'), 'terminating', false, 'shorten'],
    [facts(true, 'Succeeded'), 'terminated', false, 'finalize'],
    [facts(true, 'Pending'), undefined, false, 'finalize'],
    [facts(false, 'Failed'), undefined, false, 'ignore'],
    [facts(false, 'Succeeded'), 'running', false, 'ignore'],
    [facts(true, 'Failed'), undefined, false, 'finalize'],
  ])('%j with run %s (adopt %s) → %s', (f, stage, adopt, want) => expect(decidePod(f, stage, adopt)).toBe(want));
});

describe('node conditions', () => {
  const T0 = '2026-01-01T00:00:00Z';
  const T1 = '2026-01-01T00:00:10Z';
  it('registers all four with upstream reasons and one event each', () => {
    const r = nodeConditions(undefined, HEALTHY, T0);
    expect(r.conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'True', 'KubeletReady'],
    ]);
    expect(r.events).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady']);
    expect(r.changed).toBe(true);
  });

  it('a heartbeat alone is no change; transition times stay', () => {
    const first = nodeConditions(undefined, HEALTHY, T0).conditions;
    const r = nodeConditions(first, HEALTHY, T1);
    expect(r.changed).toBe(false);
    expect(r.events).toEqual([]);
    expect(r.conditions.every((c) => c.lastHeartbeatTime === T1 && c.lastTransitionTime === T0)).toBe(true);
  });

  it('Unknown written by the node lifecycle controller is a change, with events, and others are kept', () => {
    const first = nodeConditions(undefined, HEALTHY, T0).conditions;
    const unknown = [{ type: 'NetworkUnavailable', status: 'False' }, ...first.map((c) => ({ ...c, status: 'Unknown', reason: 'NodeStatusUnknown' }))];
    const r = nodeConditions(unknown, HEALTHY, T1);
    expect(r.changed).toBe(true);
    expect(r.events).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady']);
    expect(r.conditions[0]).toEqual({ type: 'NetworkUnavailable', status: 'False' });
    expect(r.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: T1 });
  });

  it.each([
    [false, undefined, 0, true], [true, 0, 10_000, true], [false, 0, 290_000, false], [false, 0, 300_000, true],
  ])('changed %s, last report %s, now %d → report %s', (changed, last, now, want) => {
    expect(shouldReportStatus(changed, last, now, 300_000)).toBe(want);
  });
});

describe('options', () => {
  it('rejects nonsense up front', () => {
    expect(() => resolveKubeletOptions({ containerStopMs: -1 })).toThrow(/containerStopMs/);
    expect(() => resolveKubeletOptions({ nodeStatusReportFrequencyMs: 0 })).toThrow(/nodeStatusReportFrequencyMs/);
    expect(resolveKubeletOptions({}).nodeStatusReportFrequencyMs).toBe(300_000);
  });
});

describe('podStatusFor phase (upstream getPhase, restartPolicy Always)', () => {
  const pod = { metadata: { name: 'p', namespace: 'd', uid: 'u' }, spec: { containers: [{ name: 'a', image: 'x' }] }, status: { qosClass: 'BestEffort' } };
  const base = () => newPodRun(pod, Date.UTC(2026, 0, 1));
  it.each<[string, (r: ReturnType<typeof base>) => void, string]>([
    ['new, creating', () => undefined, 'Pending'],
    ['recreated after a reboot', (r) => { r.restarted = true; }, 'Running'],
    ['running', (r) => { r.stage = 'running'; r.startedAtMs = r.admittedAtMs; r.containers[0]!.startedAtMs = r.admittedAtMs; }, 'Running'],
    ['terminated, exit 0', (r) => { r.stage = 'terminated'; r.containers[0]!.terminated = { exitCode: 0, reason: 'Completed', finishedAtMs: 0 }; }, 'Succeeded'],
    ['terminated, killed', (r) => { r.stage = 'terminated'; r.containers[0]!.terminated = { exitCode: 137, reason: 'Error', finishedAtMs: 0 }; }, 'Failed'],
  ])('%s → %s', (_what, tweak, phase) => {
    const run = base();
    tweak(run);
    const s = podStatusFor(pod, run, '10.0.0.1');
    expect(s['phase']).toBe(phase);
    expect(s['qosClass']).toBe('BestEffort');
  });
});

describe('podStatusFor shared parts', () => {
  const podNamed = (name: string) => ({ metadata: { name, namespace: 'd', uid: `u-${name}` }, spec: { containers: [{ name: 'a', image: 'x' }] } });
  const running = (name: string, at: number) => {
    const pod = podNamed(name);
    const run = newPodRun(pod, at);
    run.stage = 'running';
    run.startedAtMs = at;
    run.containers[0]!.startedAtMs = at;
    run.containers[0]!.containerId = `kis://${name}`;
    return podStatusFor(pod, run, '10.0.0.1') as { conditions: object[]; hostIPs: object; containerStatuses: { state: object; lastState: object; containerID: string }[] };
  };

  it('pods started in the same second share frozen conditions, running state and hostIPs; their own parts stay their own', () => {
    const at = Date.UTC(2026, 0, 1, 0, 0, 5);
    const a = running('a', at);
    const b = running('b', at + 300);
    expect(b.conditions).toEqual(a.conditions);
    b.conditions.forEach((c, i) => expect(c).toBe(a.conditions[i]));
    expect(b.hostIPs).toBe(a.hostIPs);
    expect(b.containerStatuses[0]!.state).toBe(a.containerStatuses[0]!.state);
    expect(b.containerStatuses[0]!.containerID).not.toBe(a.containerStatuses[0]!.containerID);
    for (const shared of [a.conditions[0], a.hostIPs, a.containerStatuses[0]!.state, a.containerStatuses[0]!.lastState]) expect(Object.isFrozen(shared)).toBe(true);
  });

  it('shares the conditions list itself when every condition in it is shared, and not otherwise', () => {
    const at = Date.UTC(2026, 0, 1, 0, 0, 5);
    const scheduled = Object.freeze({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:05Z' });
    const statusWith = (name: string, others: object[]) => {
      const pod = { ...podNamed(name), status: { conditions: others } };
      const run = newPodRun(pod, at);
      return podStatusFor(pod, run, '10.0.0.1') as { conditions: object[]; containerStatuses: { state: object }[] };
    };
    const a = statusWith('a', [scheduled]);
    const b = statusWith('b', [scheduled]);
    expect(b.conditions).toBe(a.conditions);
    expect(Object.isFrozen(a.conditions)).toBe(true);
    expect(a.conditions.at(-1)).toBe(scheduled);
    expect(b.containerStatuses[0]!.state).toBe(a.containerStatuses[0]!.state);
    expect(a.containerStatuses[0]!.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    // A pod's own (unfrozen) condition: a list of its own, still with the shared kubelet conditions in it.
    const own = { type: 'DisruptionTarget', status: 'True' };
    const c = statusWith('c', [scheduled, own]);
    const d = statusWith('d', [scheduled, own]);
    expect(c.conditions).not.toBe(d.conditions);
    expect(Object.isFrozen(c.conditions)).toBe(false);
    expect(c.conditions.slice(0, 4)).toEqual(a.conditions.slice(0, 4));
    expect(c.conditions.slice(4)).toEqual([scheduled, own]);
  });

  it('another second, node or readiness gives other objects with the right values', () => {
    const at = Date.UTC(2026, 0, 1, 0, 0, 5);
    const a = running('a', at);
    const later = running('c', at + 1_000);
    expect(later.conditions[0]).not.toBe(a.conditions[0]);
    expect(later.conditions[0]).toMatchObject({ lastTransitionTime: '2026-01-01T00:00:06Z' });
    expect(a.conditions.find((c) => (c as { type: string }).type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [a]' });
  });
});
