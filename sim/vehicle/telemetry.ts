// Telemetry records sampled on a fixed grid: the ascent state, every bus and every link. Built with their keys in
// the journal's canonical order (t, kind, then alphabetical, at every depth: hal/signals journal-codec.ts), so the
// journal writer stringifies them as they are instead of copying and sorting each of the ~2,400 a run writes.
import type { TelemetryRecord } from '../../hal/signals/index.ts';
import type { Profile } from '../profile/index.ts';
import type { AscentModel, LinkModel, PowerModel } from './types.ts';

/** Rounded so journals stay short and readable; the grid, not the rounding, carries the precision. */
const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

export interface TelemetrySources {
  ascent?: AscentModel;
  power: PowerModel;
  links: LinkModel;
}

/** Samples at every multiple of everyMs from the mission start to its end, inclusive. */
export function telemetry(profile: Profile, src: TelemetrySources, everyMs: number): TelemetryRecord[] {
  const out: TelemetryRecord[] = [];
  if (everyMs <= 0) return out;
  for (let t = Math.ceil(profile.startMs / everyMs) * everyMs; t <= profile.durationMs; t += everyMs) {
    if (src.ascent) {
      const s = src.ascent.stateAt(t);
      out.push({
        t, kind: 'telemetry', channel: 'vehicle',
        values: {
          accelerationMps2: round(s.accelerationMps2, 3),
          altitudeM: round(s.altitudeM, 1),
          downrangeM: round(s.downrangeM, 1),
          dynamicPressurePa: round(s.dynamicPressurePa, 1),
          flightPathDeg: round(s.flightPathDeg, 2),
          mach: round(s.machApprox, 3),
          massKg: round(s.massKg, 1),
          velocityMps: round(s.velocityMps, 2),
        },
      });
    }
    for (const bus of src.power.buses) {
      const b = bus.stateAt(t);
      out.push({
        t, kind: 'telemetry', channel: `bus/${bus.bus}`,
        values: {
          loadWatts: round(b.loadWatts, 1),
          powered: b.powered ? 1 : 0,
          solarWatts: round(b.solarWatts, 1),
          ...(b.stateOfChargePercent !== undefined ? { stateOfChargePercent: round(b.stateOfChargePercent, 2) } : {}),
          volts: round(b.volts, 3),
        },
      });
    }
    for (const link of src.links.links) {
      const l = link.stateAt(t);
      out.push({ t, kind: 'telemetry', channel: `link/${link.link}`, values: { ...(l.up && l.latencyMs !== undefined ? { latencyMs: l.latencyMs } : {}), up: l.up ? 1 : 0 } });
    }
  }
  return out;
}
