// Ascent physics sanity: Max-Q timing, climb, staging, speed at orbit insertion, atmosphere values.
import { describe, expect, it } from 'vitest';
import { airAt, ascentModel, BOOSTER_BURNOUT_CLIMB_DEG, burnSchedule, solveKick, type AscentModel } from '../../sim/vehicle/index.ts';
import { sample, tinyProfile } from './helpers.ts';

const models = new Map<string, AscentModel>();
const model = (name: string): AscentModel => {
  let m = models.get(name);
  if (!m) {
    m = ascentModel(sample(name));
    if (!m) throw new Error(`${name} has no ascent`);
    models.set(name, m);
  }
  return m;
};

describe('atmosphere (US Standard Atmosphere 1976)', () => {
  // upstream: U.S. Standard Atmosphere 1976, Table I (geometric altitude, density kg/m³, temperature K)
  it.each([
    [0, 1.225, 288.15],
    [5_000, 0.7364, 255.68],
    [11_000, 0.3639, 216.77],
    [20_000, 0.08891, 216.65],
    [32_000, 0.01355, 228.49],
    [50_000, 0.001027, 270.65],
    [80_000, 1.846e-5, 198.64],
  ])('at %i m: density %f, temperature %f', (z, rho, temp) => {
    const air = airAt(z);
    expect(air.densityKgM3 / rho).toBeCloseTo(1, 2);
    expect(air.temperatureK).toBeCloseTo(temp, 0);
  });

  it('thins out monotonically to 1000 km and treats below sea level as the pad', () => {
    let last = Infinity;
    for (let z = 0; z <= 1_000_000; z += 1_000) {
      const rho = airAt(z).densityKgM3;
      expect(rho).toBeLessThan(last);
      last = rho;
    }
    expect(airAt(-50).densityKgM3).toBe(airAt(0).densityKgM3);
  });
});

describe('ascent model', () => {
  it('is undefined without an ascent block', () => {
    expect(ascentModel(sample('leo-passes'))).toBeUndefined();
    expect(ascentModel(tinyProfile({}))).toBeUndefined();
  });

  it.each([
    // profile, Max-Q window (s), speed at the upper-stage cutoff (m/s), altitude then (km)
    ['falcon9-leo', [60, 90], [7_300, 8_000], [150, 400], 498],
    ['electron-small', [40, 80], [7_200, 8_000], [150, 450], 510],
  ] as const)('%s: Max-Q in %j s, speed and altitude at insertion plausible', (name, q, v, alt, secoS) => {
    const m = model(name);
    expect(m.maxQ.tMs / 1000).toBeGreaterThanOrEqual(q[0]);
    expect(m.maxQ.tMs / 1000).toBeLessThanOrEqual(q[1]);
    // Max-Q of a real launcher is 25-60 kPa, around 10-15 km up.
    expect(m.maxQ.dynamicPressurePa).toBeGreaterThan(20_000);
    expect(m.maxQ.dynamicPressurePa).toBeLessThan(70_000);
    expect(m.maxQ.altitudeM).toBeGreaterThan(7_000);
    expect(m.maxQ.altitudeM).toBeLessThan(20_000);
    const seco = m.stateAt(secoS * 1000);
    expect(seco.velocityMps).toBeGreaterThan(v[0]);
    expect(seco.velocityMps).toBeLessThan(v[1]);
    expect(seco.altitudeM / 1000).toBeGreaterThan(alt[0]);
    expect(seco.altitudeM / 1000).toBeLessThan(alt[1]);
    expect(Math.abs(seco.flightPathDeg)).toBeLessThan(3);
  });

  it.each(['falcon9-leo', 'electron-small'])('%s: altitude and speed rise all through the booster burn', (name) => {
    const m = model(name);
    const s = burnSchedule(sample(name))!;
    const booster = s.burns.find((b) => b.liftoffBurn)!;
    let last = m.stateAt(booster.startMs);
    for (let t = booster.startMs + 1000; t < booster.endMs; t += 1000) {
      const now = m.stateAt(t);
      expect(now.phase).toBe('powered');
      expect(now.altitudeM).toBeGreaterThan(last.altitudeM);
      expect(now.velocityMps).toBeGreaterThan(last.velocityMps);
      last = now;
    }
  });

  it.each(['falcon9-leo', 'electron-small'])('%s: the upper stage never sinks back below 60 km and never hits the ground', (name) => {
    const m = model(name);
    expect(m.events.some((e) => e.kind === 'impact')).toBe(false);
    const p = sample(name);
    const upper = burnSchedule(p)!.burns.find((b) => !b.liftoffBurn)!;
    for (let t = upper.startMs; t <= p.durationMs; t += 5000) expect(m.stateAt(t).altitudeM).toBeGreaterThan(60_000);
  });

  it.each([
    ['falcon9-leo', 150_000, 'stage1', 25_600],
    ['electron-small', 152_000, 'booster', 950],
  ] as const)('%s: mass drops by at least the dry stage at separation (T+%i ms)', (name, sepMs, stage, dry) => {
    const m = model(name);
    const before = m.stateAt(sepMs - 1);
    const after = m.stateAt(sepMs);
    expect(before.massKg - after.massKg).toBeGreaterThanOrEqual(dry);
    expect(m.events).toContainEqual({ tMs: sepMs, kind: 'stage-dropped', stage });
  });

  it('stands on the pad, fully fuelled, before ignition', () => {
    const p = sample('falcon9-leo');
    const s = model('falcon9-leo').stateAt(-5000);
    const a = p.vehicle.ascent!;
    const full = a.payloadMassKg + a.stages.reduce((m, st) => m + st.dryMassKg + st.propellantMassKg, 0);
    expect(s).toMatchObject({ phase: 'pad', altitudeM: 0, velocityMps: 0, dynamicPressurePa: 0 });
    expect(s.massKg).toBeCloseTo(full, 6);
  });

  it('reports a flame-out when the tanks run dry before the scheduled cutoff', () => {
    // At 7607 kN the booster's 395.7 t last 395.7 t / (7607 kN / (283 s · g0)) = 144.4 s, short of T+150 s.
    const p = sample('falcon9-leo');
    const hot = { ...p, vehicle: { ...p.vehicle, ascent: { ...p.vehicle.ascent!, stages: p.vehicle.ascent!.stages.map((s, i) => (i === 0 ? { ...s, thrustN: 7_607_000, massFlowKgPerS: 7_607_000 / ((s.ispS ?? 283) * 9.80665) } : s)) } } };
    const m = ascentModel(hot as typeof p)!;
    const ev = m.events.filter((e) => e.stage === 'stage1' && (e.kind === 'flame-out' || e.kind === 'cutoff'));
    expect(ev).toHaveLength(1);
    expect(ev[0]!.kind).toBe('flame-out');
    expect(ev[0]!.tMs).toBeGreaterThan(144_000);
    expect(ev[0]!.tMs).toBeLessThan(145_000);
    expect(m.stateAt(146_000).phase).toBe('coast');
    // The sample's burn-averaged thrust lasts to the scheduled cutoff.
    expect(model('falcon9-leo').events.find((e) => e.stage === 'stage1' && e.kind === 'flame-out')).toBeUndefined();
  });

  // The telemetry's recorded precision (sim/vehicle/telemetry.ts rounds to these decimals).
  const DECIMALS = { altitudeM: 1, velocityMps: 2, accelerationMps2: 3, dynamicPressurePa: 1, machApprox: 3, massKg: 1, downrangeM: 1, flightPathDeg: 2 } as const;
  /** Largest difference between two models at whole seconds, in units of the recorded last digit, per field. */
  const worstUnits = (a: AscentModel, b: AscentModel, endMs: number): Record<string, number> => {
    const worst: Record<string, number> = {};
    for (let t = 0; t <= endMs; t += 1000) {
      const x = a.stateAt(t);
      const y = b.stateAt(t);
      for (const [k, d] of Object.entries(DECIMALS)) {
        const units = Math.abs(Math.round(x[k as keyof typeof DECIMALS] * 10 ** d) - Math.round(y[k as keyof typeof DECIMALS] * 10 ** d));
        worst[k] = Math.max(worst[k] ?? 0, units);
      }
    }
    return worst;
  };

  it.each(['falcon9-leo', 'electron-small'])('%s: the model step gives the converged telemetry to within one unit of its recorded last digit', (name) => {
    const p = sample(name);
    const reference = ascentModel(p, 10)!;
    const worst = worstUnits(model(name), reference, p.durationMs);
    for (const units of Object.values(worst)) expect(units).toBeLessThanOrEqual(1);
  });

  it.each(['falcon9-leo', 'electron-small'])('%s: fourth order: a 1 s step stays within 100 m of the converged altitude', (name) => {
    // A thrust, mass or guidance-mode change seen inside a step (by RK4's last stage) makes the error shrink
    // only linearly with the step: that bug put the 1 s trajectory ~100 km off, and the 100 ms one ~1 km.
    const p = sample(name);
    const worst = worstUnits(ascentModel(p, 1000)!, ascentModel(p, 10)!, p.durationMs);
    expect(worst.altitudeM! / 10).toBeLessThan(100);
    expect(worst.velocityMps! / 100).toBeLessThan(5);
  });

  it.each(['falcon9-leo', 'electron-small'])('%s: the solved kick makes the booster burn out 30° above the horizon', (name) => {
    const p = sample(name);
    const s = burnSchedule(p)!;
    const burnout = Math.max(...s.burns.filter((b) => b.liftoffBurn).map((b) => b.endMs));
    expect(model(name).kickDeg).toBe(solveKick(s));
    expect(ascentModel(p, 10)!.stateAt(burnout).flightPathDeg).toBeCloseTo(BOOSTER_BURNOUT_CLIMB_DEG, 1);
  });

  it('gives the same trajectory twice', () => {
    const a = ascentModel(sample('falcon9-leo'))!;
    const b = ascentModel(sample('falcon9-leo'))!;
    for (let t = 0; t <= 600_000; t += 7_300) expect(a.stateAt(t)).toEqual(b.stateAt(t));
  });
});
