// Telemetry records sampled on a fixed grid: the ascent state, every bus and every link.
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
        kind: 'telemetry', t, channel: 'vehicle',
        values: {
          altitudeM: round(s.altitudeM, 1),
          velocityMps: round(s.velocityMps, 2),
          accelerationMps2: round(s.accelerationMps2, 3),
          dynamicPressurePa: round(s.dynamicPressurePa, 1),
          mach: round(s.machApprox, 3),
          massKg: round(s.massKg, 1),
          downrangeM: round(s.downrangeM, 1),
          flightPathDeg: round(s.flightPathDeg, 2),
        },
      });
    }
    for (const bus of src.power.buses) {
      const b = bus.stateAt(t);
      out.push({
        kind: 'telemetry', t, channel: `bus/${bus.bus}`,
        values: {
          volts: round(b.volts, 3),
          powered: b.powered ? 1 : 0,
          ...(b.stateOfChargePercent !== undefined ? { stateOfChargePercent: round(b.stateOfChargePercent, 2) } : {}),
          loadWatts: round(b.loadWatts, 1),
          solarWatts: round(b.solarWatts, 1),
        },
      });
    }
    for (const link of src.links.links) {
      const l = link.stateAt(t);
      out.push({ kind: 'telemetry', t, channel: `link/${link.link}`, values: { up: l.up ? 1 : 0, ...(l.up && l.latencyMs !== undefined ? { latencyMs: l.latencyMs } : {}) } });
    }
  }
  return out;
}
