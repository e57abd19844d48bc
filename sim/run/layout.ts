// The journal header's layout: the vehicle and the run's plan, from the profile (pure), so a replay can
// draw the vehicle and list phases and expectations without the profile file.
import type { JournalLayout, LayoutStage } from '../../hal/signals/index.ts';
import type { Profile } from '../profile/index.ts';
import type { AscentModel, FlightPhases } from '../vehicle/index.ts';

/** What the layout needs of the vehicle model (the runner has built it already; tests pass a stub). */
export interface LayoutModel {
  readonly ascent: AscentModel | undefined;
  readonly phases: FlightPhases;
}

export function journalLayout(profile: Profile, model: LayoutModel): JournalLayout {
  const ascentStages = new Map((profile.vehicle.ascent?.stages ?? []).map((s) => [s.stage, s]));
  const stages = profile.vehicle.stages.map((s): LayoutStage => {
    const a = ascentStages.get(s.name);
    return {
      name: s.name,
      order: s.order,
      nodes: s.nodes.map((n) => ({
        name: n.name,
        role: n.role,
        ...(n.powerBus !== undefined ? { bus: n.powerBus } : {}),
        cpuMillicores: n.cpu.millicores,
        memoryBytes: n.memory.bytes,
      })),
      // Fully fuelled: what stands on the pad.
      ...(a ? { massKg: a.dryMassKg + a.propellantMassKg } : {}),
    };
  });
  return {
    startMs: profile.startMs,
    durationMs: profile.durationMs,
    stages,
    buses: profile.vehicle.powerBuses.map((b) => ({ name: b.name, nominalVolts: b.nominalVolts, brownoutVolts: b.brownoutVolts, cutoffVolts: b.cutoffVolts })),
    links: profile.vehicle.links.map((l) => ({ name: l.name, groundStations: l.groundStations.map((g) => g.name) })),
    workloads: profile.workloads.map((w) => ({
      name: w.name,
      kind: w.kind,
      ...(w.kind !== 'DaemonSet' ? { replicas: w.replicas } : {}),
      ...(w.priorityClass !== undefined ? { priorityClass: w.priorityClass } : {}),
    })),
    expectations: profile.expectations.map((e) => ({ name: e.name, type: e.type })),
    phases: phaseMarkers(model.phases),
  };
}

/**
 * The timeline's markers and the ascent model's (ignition, cutoff, stage-dropped, impact), a stage's named
 * with it ("separation s1"). The model's own Max-Q is left out when the timeline names one: one Max-Q on the scrubber.
 */
function phaseMarkers(phases: FlightPhases): { t: number; name: string }[] {
  const fromTimeline = new Set(phases.markers.filter((m) => m.source === 'timeline').map((m) => m.name));
  return phases.markers
    .filter((m) => m.source === 'timeline' || !fromTimeline.has(m.name))
    .map((m) => ({ t: m.tMs, name: m.stage !== undefined ? `${m.name} ${m.stage}` : m.name }));
}
