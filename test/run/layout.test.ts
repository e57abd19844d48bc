// The header layout from a profile: stages bottom first with their nodes, buses, links, workloads,
// expectations and phase markers; JSON-clean so the journal codec accepts it.
import { describe, expect, it } from 'vitest';
import { formatJournalRecord } from '../../hal/signals/index.ts';
import { loadProfile } from '../../sim/profile/index.ts';
import { journalLayout } from '../../sim/run/layout.ts';
import { vehicleModel } from '../../sim/vehicle/index.ts';

const layoutOf = (path: string) => {
  const profile = loadProfile(path);
  return { profile, layout: journalLayout(profile, vehicleModel(profile)) };
};

describe('journalLayout', () => {
  it.each(['falcon9-leo', 'electron-small', 'station-outage', 'leo-passes'])('%s: every node once, on its stage, in stage order', (name) => {
    const { profile, layout } = layoutOf(`profiles/${name}.yaml`);
    expect(layout.stages.map((s) => s.order)).toEqual([...layout.stages.map((s) => s.order)].sort((a, b) => a - b));
    expect(layout.stages.flatMap((s) => s.nodes.map((n) => n.name)).sort()).toEqual(profile.vehicle.nodes.map((n) => n.name).sort());
    for (const s of layout.stages) for (const n of s.nodes) expect(profile.vehicle.nodes.find((x) => x.name === n.name)?.stage).toBe(s.name);
    expect(layout.expectations.map((e) => e.name)).toEqual(profile.expectations.map((e) => e.name));
    expect(layout.workloads.map((w) => w.name)).toEqual(profile.workloads.map((w) => w.name));
    expect([layout.startMs, layout.durationMs]).toEqual([profile.startMs, profile.durationMs]);
    // A header carrying it must pass the codec (JSON values only, no undefined).
    expect(() => formatJournalRecord({ kind: 'header', format: 'kis-journal', version: 1, layout })).not.toThrow();
  });

  it('electron-small: sizes, buses, masses and the phases a scrubber shows', () => {
    const { profile, layout } = layoutOf('profiles/electron-small.yaml');
    const booster = layout.stages.find((s) => s.name === 'booster')!;
    const asc = profile.vehicle.ascent!.stages.find((s) => s.stage === 'booster')!;
    expect(booster.massKg).toBe(asc.dryMassKg + asc.propellantMassKg);
    const n = profile.vehicle.nodes[0]!;
    expect(layout.stages.flatMap((s) => s.nodes).find((x) => x.name === n.name)).toEqual({
      name: n.name, role: n.role, ...(n.powerBus ? { bus: n.powerBus } : {}), cpuMillicores: n.cpu.millicores, memoryBytes: n.memory.bytes,
    });
    expect(layout.buses.map((b) => b.name)).toEqual(profile.vehicle.powerBuses.map((b) => b.name));
    const names = layout.phases.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['liftoff', 'max-q', 'MECO', 'separation booster', 'payload-deploy']));
    expect(names.filter((x) => x === 'max-q')).toHaveLength(1);
    expect(layout.phases.find((p) => p.name === 'separation booster')?.t).toBe(152_000);
    expect(layout.phases.map((p) => p.t)).toEqual([...layout.phases.map((p) => p.t)].sort((a, b) => a - b));
  });
});
