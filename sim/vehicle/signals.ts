// vehicleSignals: the whole vehicle as one time-ordered stream of journal-ready records — timeline
// signals, bus and link changes from their models, and telemetry — for the runner to schedule.
import type { Signal, SignalRecord } from '../../hal/signals/index.ts';
import type { Profile } from '../profile/index.ts';
import { ascentModel } from './ascent.ts';
import { linkModel } from './link.ts';
import { flightPhases } from './phases.ts';
import { powerModel } from './power.ts';
import { telemetry } from './telemetry.ts';
import { entryId, timelineSignal } from './timeline-signals.ts';
import type { AscentModel, FlightPhases, LinkEvent, LinkModel, PowerEvent, PowerModel, VehicleRecord, VehicleSignalsOptions } from './types.ts';

export interface VehicleModel {
  /** undefined when the profile has no ascent block. */
  readonly ascent: AscentModel | undefined;
  readonly phases: FlightPhases;
  readonly power: PowerModel;
  readonly links: LinkModel;
  /** The merged stream; computed on each call (the models are built once). */
  records(options?: Pick<VehicleSignalsOptions, 'telemetryEveryMs'>): VehicleRecord[];
}

const DEFAULT_TELEMETRY_MS = 1000;

function idFor(e: { timelineIndex?: number; timelineId?: string }, profile: Profile): string | undefined {
  if (e.timelineIndex === undefined) return undefined;
  const entry = profile.timeline.find((x) => x.index === e.timelineIndex);
  return entry ? entryId(entry) : undefined;
}

function powerSignals(profile: Profile, events: readonly PowerEvent[]): Signal[] {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  return events.map((e): Signal => {
    const fromEntry = idFor(e, profile);
    let id: string;
    if (fromEntry !== undefined && e.cause === 'script-end') id = `${fromEntry}:end`;
    else if (fromEntry !== undefined) id = seen.has(fromEntry) ? `${fromEntry}:${e.kind}` : fromEntry;
    else {
      const n = counts.get(e.bus) ?? 0;
      counts.set(e.bus, n + 1);
      id = `profile:power/${e.bus}:${n}`;
    }
    seen.add(id);
    const base = { source: 'profile' as const, t: e.tMs, id };
    if (e.kind === 'reading') return { ...base, type: 'power', bus: e.bus, millivolts: e.millivolts };
    return { ...base, type: 'power-state', bus: e.bus, state: e.kind };
  });
}

function linkSignals(profile: Profile, events: readonly LinkEvent[]): Signal[] {
  const counts = new Map<string, number>();
  return events.map((e): Signal => {
    let id = idFor(e, profile);
    if (id === undefined) {
      const n = counts.get(e.link) ?? 0;
      counts.set(e.link, n + 1);
      id = `profile:link/${e.link}:${n}`;
    }
    return {
      source: 'profile', t: e.tMs, id, type: 'link', link: e.link, state: e.up ? 'up' : 'down',
      ...(e.up && e.latencyMs !== undefined ? { latencyMs: e.latencyMs } : {}),
    };
  });
}

/** Builds every model of the profile's vehicle once. Pure: no clock, no I/O. */
export function vehicleModel(profile: Profile, options: Pick<VehicleSignalsOptions, 'powerReadingStepMillivolts'> = {}): VehicleModel {
  const ascent = ascentModel(profile);
  const phases = flightPhases(profile, ascent);
  const power = powerModel(profile, options.powerReadingStepMillivolts !== undefined ? { readingStepMillivolts: options.powerReadingStepMillivolts } : {});
  const links = linkModel(profile);

  function records(opts: Pick<VehicleSignalsOptions, 'telemetryEveryMs'> = {}): VehicleRecord[] {
    const every = opts.telemetryEveryMs ?? DEFAULT_TELEMETRY_MS;
    if (!(every >= 0) || !Number.isFinite(every)) throw new RangeError(`vehicleSignals: telemetryEveryMs must be >= 0 (0 = off), got ${every}`);
    // Changes the models derive on their own stop at the mission end; the profile's own entries never do.
    const keep = (s: Signal, fromTimeline: boolean): boolean => fromTimeline || s.t < profile.durationMs;
    const streams: VehicleRecord[][] = [
      profile.timeline.flatMap((e) => {
        const s = timelineSignal(e);
        return s ? [s] : [];
      }).map(sig),
      powerSignals(profile, power.events).filter((s, i) => keep(s, power.events[i]!.timelineIndex !== undefined)).map(sig),
      linkSignals(profile, links.events).filter((s, i) => keep(s, links.events[i]!.timelineIndex !== undefined)).map(sig),
      telemetry(profile, { ...(ascent ? { ascent } : {}), power, links }, every),
    ];
    return mergeStreams(streams);
  }

  return { ascent, phases, power, links, records };
}

const sig = (signal: Signal): SignalRecord => ({ kind: 'signal', t: signal.t, signal });

/**
 * Stable merge by time; at equal times signals come before telemetry (a sample shows the state after
 * the change), then the streams' order: timeline signals, power, links.
 */
export function mergeStreams(streams: readonly (readonly VehicleRecord[])[]): VehicleRecord[] {
  const rank = (r: VehicleRecord): number => (r.kind === 'signal' ? 0 : 1);
  const sorted = (list: readonly VehicleRecord[]) => list.every((r, i) => i === 0 || list[i - 1]!.t <= r.t);
  if (streams.every((list) => sorted(list) && list.every((r) => rank(r) === rank(list[0]!)))) return mergeSorted(streams, rank);
  const all: { r: VehicleRecord; s: number; i: number }[] = [];
  streams.forEach((list, s) => list.forEach((r, i) => all.push({ r, s, i })));
  all.sort((a, b) => a.r.t - b.r.t || rank(a.r) - rank(b.r) || a.s - b.s || a.i - b.i);
  return all.map((x) => x.r);
}

/**
 * The same order when every stream is time-ordered and of one rank (the usual case: telemetry is ~99% of a run's
 * records and comes out of its sampler in order): repeatedly take the least head by time, rank, then stream.
 */
function mergeSorted(streams: readonly (readonly VehicleRecord[])[], rank: (r: VehicleRecord) => number): VehicleRecord[] {
  const at = streams.map(() => 0);
  const out: VehicleRecord[] = [];
  for (;;) {
    let best = -1;
    for (let s = 0; s < streams.length; s++) {
      const r = streams[s]![at[s]!];
      if (r === undefined) continue;
      const b = best < 0 ? undefined : streams[best]![at[best]!]!;
      if (!b || r.t < b.t || (r.t === b.t && rank(r) < rank(b))) best = s;
    }
    if (best < 0) return out;
    out.push(streams[best]![at[best]!++]!);
  }
}

/** The merged, time-ordered stream of the profile's vehicle: signals (source 'profile') and telemetry. */
export function vehicleSignals(profile: Profile, options: VehicleSignalsOptions = {}): VehicleRecord[] {
  const model = vehicleModel(profile, options.powerReadingStepMillivolts !== undefined ? { powerReadingStepMillivolts: options.powerReadingStepMillivolts } : {});
  return model.records(options.telemetryEveryMs !== undefined ? { telemetryEveryMs: options.telemetryEveryMs } : {});
}
