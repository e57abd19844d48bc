// Every shipped sample profile validates, and carries the timing and shape its comment promises.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadProfile, profileImages, type Profile } from '../../sim/profile/index.ts';
import { PROFILES_DIR, SAMPLES } from './paths.ts';

const load = (name: string): Profile => loadProfile(join(PROFILES_DIR, name));
const at = (p: Profile, pred: (e: Profile['timeline'][number]) => boolean): number[] => p.timeline.filter(pred).map((e) => e.atMs);

describe('sample profiles', () => {
  it('ships the five samples the issue asks for', () => {
    expect(SAMPLES).toEqual(['electron-small.yaml', 'falcon9-leo.yaml', 'large-benchmark.yaml', 'leo-passes.yaml', 'station-outage.yaml']);
  });

  it.each(SAMPLES)('%s loads without errors', (name) => {
    const p = load(name);
    expect(p.metadata.name).toBe(name.replace(/\.yaml$/, ''));
    expect(p.vehicle.nodes.length).toBeGreaterThan(0);
    expect(p.expectations.length).toBeGreaterThan(0);
    for (let i = 1; i < p.timeline.length; i++) {
      expect(p.timeline[i]!.atMs).toBeGreaterThanOrEqual(p.timeline[i - 1]!.atMs);
    }
  });

  it('falcon9-leo has Falcon 9-like timing and the control plane on the second stage', () => {
    const p = load('falcon9-leo.yaml');
    expect(at(p, (e) => e.event === 'maxQ')).toEqual([78_000]);
    expect(at(p, (e) => e.event === 'separation')).toEqual([150_000]);
    const phase = (n: string): number[] => at(p, (e) => e.event === 'phase' && e.name === n);
    expect(phase('MECO')).toEqual([150_000]);
    expect(phase('second-stage-ignition')).toEqual([156_000]);
    expect(phase('fairing')).toEqual([202_000]);
    expect(phase('SECO')).toEqual([498_000]);
    const drain = p.timeline.find((e) => e.event === 'prepareSeparation');
    expect(drain && drain.atMs < 150_000 && drain.event === 'prepareSeparation' && drain.stage).toBe('stage1');
    const cp = p.vehicle.nodes.filter((n) => n.role === 'control-plane');
    expect(cp.length).toBeGreaterThanOrEqual(3);
    expect(new Set(cp.map((n) => n.stage))).toEqual(new Set(['stage2']));
    expect(p.vehicle.stages.map((s) => s.nodes.length).every((n) => n > 0)).toBe(true);
    const guidance = p.expectations.find((x) => x.type === 'minReady' && x.workload === 'guidance');
    expect(guidance).toBeDefined();
    expect(p.startMs).toBe(-10_000);
  });

  it('electron-small separates near T+150s and deploys its payload near T+510s', () => {
    const p = load('electron-small.yaml');
    const [sep] = at(p, (e) => e.event === 'separation');
    expect(Math.abs(sep! - 150_000)).toBeLessThanOrEqual(5_000);
    expect(at(p, (e) => e.event === 'phase' && e.name === 'payload-deploy')).toEqual([510_000]);
  });

  it('station-outage cuts every bus and restores it', () => {
    const p = load('station-outage.yaml');
    const buses = p.vehicle.powerBuses.map((b) => b.name).sort();
    expect(p.timeline.filter((e) => e.event === 'powerLoss').map((e) => e.event === 'powerLoss' && e.bus).sort()).toEqual(buses);
    expect(p.timeline.filter((e) => e.event === 'powerRestore').map((e) => e.event === 'powerRestore' && e.bus).sort()).toEqual(buses);
  });

  it('leo-passes rolls out while no ground station sees the vehicle', () => {
    const p = load('leo-passes.yaml');
    const rollout = p.timeline.find((e) => e.event === 'rollout')!;
    const windows = p.vehicle.links.flatMap((l) => l.groundStations.flatMap((g) => g.windows));
    expect(windows.length).toBeGreaterThan(1);
    expect(windows.some((w) => rollout.atMs >= w.fromMs && rollout.atMs < w.toMs)).toBe(false);
    expect(profileImages(p)).toContain('registry.example.org/eo/image-processor:1.5.0');
  });

  it('large-benchmark has >= 500 nodes, >= 10,000 pods and lasts one hour', () => {
    const p = load('large-benchmark.yaml');
    const nodes = p.vehicle.nodes.length;
    const pods = p.workloads.reduce((sum, w) => sum + (w.kind === 'DaemonSet' ? nodes : w.replicas), 0);
    expect(nodes).toBeGreaterThanOrEqual(500);
    expect(pods).toBeGreaterThanOrEqual(10_000);
    expect(p.durationMs).toBe(3_600_000);
    expect(new Set(p.vehicle.nodes.map((n) => n.name)).size).toBe(nodes);
  });
});
