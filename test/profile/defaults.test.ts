// A minimal profile gets every default: upstream Kubernetes' where one exists.

import { describe, expect, it } from 'vitest';
import { parseProfile, type Profile } from '../../sim/profile/index.ts';

const MINIMAL = `
apiVersion: kis.dev/v1
kind: FlightProfile
metadata: { name: minimal }
vehicle:
  name: sat
  stages:
    - name: bus
      nodes:
        - name: n1
        - { count: 2, namePrefix: cp-, role: control-plane, powerBus: main }
  powerBuses:
    - { name: main, nominalVolts: 28, brownoutVolts: 24, cutoffVolts: 20, battery: { capacityWh: 100 } }
  links:
    - name: radio
      groundStations: [{ name: gs, windows: [{ from: T+1m, to: T+2m }] }]
workloads:
  - { name: app, kind: Deployment, pdb: { maxUnavailable: "50%" }, spreadAcrossStages: true }
  - { name: agent, kind: DaemonSet, tolerations: [{ operator: Exists }] }
timeline:
  - { at: T+30s, event: separation, stage: bus }
  - { at: T-5s, event: linkUp, link: radio }
expectations:
  - { name: up, type: minReady, workload: app, count: 1 }
  - { name: back, type: recoverWithin, workload: app, count: 1, within: 90s, after: T+30s }
`;

function parse(text: string): Profile {
  const { profile, errors } = parseProfile(text, 'minimal.yaml');
  expect(errors).toEqual([]);
  return profile as Profile;
}

describe('defaults', () => {
  const p = parse(MINIMAL.replace('  - { at: T-5s, event: linkUp, link: radio }\n', ''));

  it('cluster knobs are upstream Kubernetes defaults', () => {
    expect(p.cluster).toEqual({
      seed: 1,
      nodeMonitorGracePeriodMs: 50_000,
      nodeMonitorPeriodMs: 5_000,
      leaseDurationMs: 40_000,
      leaseRenewIntervalMs: 10_000,
      defaultTolerationSeconds: 300,
      podStartDelay: { imagePullMs: 0, startMs: 1_000, readinessMs: 1_000, jitterMs: 500 },
      bootDelayMs: 30_000,
      controlPlaneQuorum: true,
    });
  });

  it('nodes get default size, role, maxPods and kis labels', () => {
    expect(p.vehicle.nodes.map((n) => n.name)).toEqual(['n1', 'cp-1', 'cp-2']);
    const [n1, cp1] = p.vehicle.nodes;
    expect(n1).toMatchObject({ role: 'worker', cpu: { text: '2', millicores: 2000 }, memory: { text: '4Gi', bytes: 4 * 2 ** 30 }, maxPods: 110 });
    expect(n1!.powerBus).toBeUndefined();
    expect(n1!.labels).toEqual({ 'kis.dev/vehicle': 'sat', 'kis.dev/stage': 'bus', 'kis.dev/role': 'worker' });
    expect(cp1!.labels).toEqual({
      'kis.dev/vehicle': 'sat', 'kis.dev/stage': 'bus', 'kis.dev/role': 'control-plane', 'kis.dev/power-bus': 'main',
      'node-role.kubernetes.io/control-plane': '',
    });
    expect(p.vehicle.stages[0]!.order).toBe(1);
  });

  it('buses, links and workloads get their defaults', () => {
    expect(p.vehicle.powerBuses[0]).toEqual({
      name: 'main', nominalVolts: 28, brownoutVolts: 24, cutoffVolts: 20, hysteresisVolts: 0.5,
      battery: { capacityWh: 100, initialChargePercent: 100 },
    });
    expect(p.vehicle.links[0]).toEqual({
      name: 'radio', kind: 'radio', latencyMs: 50,
      groundStations: [{ name: 'gs', latencyMs: 50, windows: [{ fromMs: 60_000, toMs: 120_000 }] }],
    });
    expect(p.workloads[0]).toEqual({
      name: 'app', kind: 'Deployment', replicas: 1, image: 'registry.k8s.io/pause:3.10',
      requests: { cpu: { text: '100m', millicores: 100 }, memory: { text: '64Mi', bytes: 64 * 2 ** 20 } },
      pdb: { maxUnavailable: '50%' },
      spread: { topologyKey: 'kis.dev/stage', maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' },
      nodeSelector: {}, tolerations: [], service: false,
    });
    expect(p.workloads[1]).not.toHaveProperty('replicas');
    expect(p.workloads[1]!.tolerations).toEqual([{ key: '', operator: 'Exists', value: '', effect: '' }]);
  });

  it('timeline, expectations and duration', () => {
    expect(p.timeline).toEqual([{ event: 'separation', stage: 'bus', planned: true, atMs: 30_000, index: 0 }]);
    expect(p.durationMs).toBe(30_000 + 5 * 60_000);
    expect(p.startMs).toBe(0);
    expect(p.expectations[0]).toEqual({ name: 'up', type: 'minReady', workload: 'app', count: 1, during: 'always' });
    expect(p.expectations[1]).toMatchObject({ type: 'recoverWithin', withinMs: 90_000, after: { atMs: 30_000 } });
  });

  it('sorts the timeline stably and starts the mission at the first T- entry', () => {
    const { errors } = parseProfile(MINIMAL, 'x.yaml');
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('timeline is out of order')]);
    const ok = parse(MINIMAL.replace('  - { at: T-5s, event: linkUp, link: radio }\n', '').replace('timeline:\n', 'timeline:\n  - { at: T-5s, event: linkUp, link: radio }\n'));
    expect(ok.startMs).toBe(-5_000);
    expect(ok.timeline[0]).toMatchObject({ event: 'linkUp', latencyMs: 50, index: 0 });
  });

  it("resolves an expectation's after to its timeline entry", () => {
    const text = MINIMAL.replace('stage: bus }', 'stage: bus, id: sep }').replace('after: T+30s', 'after: sep').replace('  - { at: T-5s, event: linkUp, link: radio }\n', '');
    expect(parse(text).expectations[1]).toMatchObject({ after: { atMs: 30_000, eventId: 'sep' } });
  });
});
