// Flight phase markers: what the timeline says (lift-off, Max-Q, separations, named phases) and,
// beside it, what the ascent model computed (ignitions, cutoffs, its own Max-Q).
import type { Profile, TimelineEntry } from '../profile/index.ts';
import type { AscentModel, FlightPhases, PhaseMarker } from './types.ts';

/** The phase before the first marker: on the pad when the profile lifts off, else just the mission. */
export const PRE_LAUNCH = 'pre-launch';
export const MISSION = 'mission';

function fromTimeline(e: TimelineEntry): PhaseMarker | undefined {
  const base = { tMs: e.atMs, source: 'timeline' as const, timelineIndex: e.index, ...(e.id !== undefined ? { timelineId: e.id } : {}) };
  switch (e.event) {
    case 'liftoff': return { ...base, name: 'liftoff' };
    case 'maxQ': return { ...base, name: 'max-q' };
    case 'prepareSeparation': return { ...base, name: 'prepare-separation', stage: e.stage };
    case 'separation': return { ...base, name: 'separation', stage: e.stage };
    case 'phase': return { ...base, name: e.name };
    default: return undefined;
  }
}

const ASCENT_NAMES = { ignition: 'ignition', cutoff: 'cutoff', 'flame-out': 'cutoff', 'stage-dropped': 'stage-dropped', 'max-q': 'max-q', impact: 'impact' } as const;

/**
 * Timeline markers in timeline order, then the ascent model's (when given), merged by time; at equal
 * times the timeline's come first. phaseAt reads only the timeline's: the profile names the phases.
 */
export function flightPhases(profile: Profile, ascent?: AscentModel): FlightPhases {
  const timeline = profile.timeline.map(fromTimeline).filter((m): m is PhaseMarker => m !== undefined);
  const computed = (ascent?.events ?? []).map((e): PhaseMarker => ({
    tMs: e.tMs,
    name: ASCENT_NAMES[e.kind],
    source: 'ascent',
    ...(e.stage !== undefined ? { stage: e.stage } : {}),
  }));
  const markers = [...timeline, ...computed].sort((a, b) => a.tMs - b.tMs);
  const initial = profile.timeline.some((e) => e.event === 'liftoff') ? PRE_LAUNCH : MISSION;
  function phaseAt(tMs: number): string {
    let name = initial;
    for (const m of timeline) {
      if (m.tMs > tMs) break;
      name = m.name;
    }
    return name;
  }
  return { markers, phaseAt };
}
