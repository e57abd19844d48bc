// The timeline entries that map one-to-one onto signals (phases, separations, faults, rollouts,
// scale, custom); power and link entries go through their models, which know the bus and link state.
import type { Signal } from '../../hal/signals/index.ts';
import type { TimelineEntry } from '../profile/index.ts';

/** The custom signal carrying a flight phase marker (liftoff, max-q, MECO, …); hal/wiring acts on none. */
export const FLIGHT_PHASE_SIGNAL = 'flight-phase';
/** hal/wiring's PREPARE_SEPARATION (decide-separation.ts); sim/vehicle may not import hal/wiring. */
export const PREPARE_SEPARATION_SIGNAL = 'prepare-separation';

/** Stable signal id of a timeline entry: its own id when it has one, else its position. */
export function entryId(e: TimelineEntry): string {
  return `profile:${e.id ?? `timeline-${e.index}`}`;
}

/**
 * The separation plane a profile's stage leaves by. A profile has no switches, so the plane is named
 * after the stage; the signal also carries `stage`, which is what hal/wiring acts on.
 */
export function separationPlane(stage: string): string {
  return stage;
}

/** undefined for power and link entries (the models emit those). */
export function timelineSignal(e: TimelineEntry): Signal | undefined {
  const base = { source: 'profile' as const, t: e.atMs, id: entryId(e) };
  switch (e.event) {
    case 'liftoff': return { ...base, type: 'custom', name: FLIGHT_PHASE_SIGNAL, data: { phase: 'liftoff' } };
    case 'maxQ': return { ...base, type: 'custom', name: FLIGHT_PHASE_SIGNAL, data: { phase: 'max-q' } };
    case 'phase': return { ...base, type: 'custom', name: FLIGHT_PHASE_SIGNAL, data: { phase: e.name } };
    case 'prepareSeparation': return { ...base, type: 'custom', name: PREPARE_SEPARATION_SIGNAL, data: { stage: e.stage } };
    case 'separation':
      return { ...base, type: 'separation', plane: separationPlane(e.stage), stage: e.stage, state: 'separated' };
    case 'nodeFault': return { ...base, type: 'node-fault', node: e.node, fault: e.fault };
    case 'rollout': return { ...base, type: 'rollout', workload: e.workload, image: e.image };
    case 'scale': return { ...base, type: 'scale', workload: e.workload, replicas: e.replicas };
    case 'signal': return { ...base, type: 'custom', name: e.name, data: { ...e.data } };
    case 'powerLevel':
    case 'powerLoss':
    case 'powerRestore':
    case 'linkDown':
    case 'linkUp':
      return undefined;
    default: {
      const never: never = e;
      throw new TypeError(`timelineSignal: unknown timeline event ${JSON.stringify(never)}`);
    }
  }
}
