// The equations of motion and their fixed-step RK4 integration, for one given pitch kick.
import { airAt, EARTH_GM, EARTH_RADIUS_M } from './atmosphere.ts';
import { burningAt, massAt, type Burn, type BurnSchedule } from './burns.ts';
import { thrustDirection, type Vec } from './guidance.ts';
import type { AscentPhase, AscentState } from './types.ts';

/** [x, y, vx, vy] in the Earth-centred launch plane (launch site at +y), m and m/s. */
export type Y = [number, number, number, number];

interface Forces {
  accel: Vec;
  /** Non-gravitational acceleration magnitude. */
  sensed: number;
}

function forces(s: BurnSchedule, kickDeg: number, burns: readonly Burn[], tMs: number, y: Y): Forces {
  const [x, yy, vx, vy] = y;
  const r = Math.hypot(x, yy);
  const m = massAt(s, tMs);
  const speed = Math.hypot(vx, vy);
  const air = airAt(r - EARTH_RADIUS_M);
  // Drag ½ρv²·Cd·A against the velocity (a non-rotating atmosphere: air speed = inertial speed).
  const dragPerMass = (0.5 * air.densityKgM3 * speed * s.dragCoefficient * s.dragAreaM2) / m;
  let fx = -dragPerMass * vx;
  let fy = -dragPerMass * vy;
  let thrust = 0;
  let liftoff = false;
  let upperEnd = tMs;
  for (const b of burns) {
    thrust += b.thrustN;
    if (b.liftoffBurn) liftoff = true;
    else upperEnd = Math.max(upperEnd, b.endMs);
  }
  if (thrust > 0) {
    const dir = thrustDirection({
      pos: { x, y: yy },
      vel: { x: vx, y: vy },
      sinceIgnitionS: (tMs - s.ignitionMs) / 1000,
      kickDeg,
      liftoffBurn: liftoff,
      thrustAccel: thrust / m,
      timeToGoS: (upperEnd - tMs) / 1000,
    });
    fx += (thrust / m) * dir.x;
    fy += (thrust / m) * dir.y;
  }
  const g = -EARTH_GM / (r * r * r);
  return { accel: { x: fx + g * x, y: fy + g * yy }, sensed: Math.hypot(fx, fy) };
}

function rk4(s: BurnSchedule, kickDeg: number, burns: readonly Burn[], tMs: number, y: Y, dtMs: number): Y {
  const h = dtMs / 1000;
  const f = (t: number, v: Y): Y => {
    const a = forces(s, kickDeg, burns, t, v).accel;
    return [v[2], v[3], a.x, a.y];
  };
  const add = (v: Y, k: Y, c: number): Y => [v[0] + c * k[0], v[1] + c * k[1], v[2] + c * k[2], v[3] + c * k[3]];
  const k1 = f(tMs, y);
  const k2 = f(tMs + dtMs / 2, add(y, k1, h / 2));
  const k3 = f(tMs + dtMs / 2, add(y, k2, h / 2));
  const k4 = f(tMs + dtMs, add(y, k3, h));
  const out: Y = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) out[i] = y[i]! + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
  return out;
}

function describe(s: BurnSchedule, kickDeg: number, tMs: number, y: Y, held: AscentPhase | undefined): AscentState {
  const [x, yy, vx, vy] = y;
  const r = Math.hypot(x, yy);
  const altitudeM = Math.max(0, r - EARTH_RADIUS_M);
  const speed = Math.hypot(vx, vy);
  const air = airAt(altitudeM);
  const burns = held ? [] : burningAt(s, tMs);
  const vr = (vx * x + vy * yy) / r;
  return {
    tMs,
    altitudeM,
    velocityMps: speed,
    accelerationMps2: held ? 0 : forces(s, kickDeg, burns, tMs, y).sensed,
    dynamicPressurePa: 0.5 * air.densityKgM3 * speed * speed,
    machApprox: speed / air.speedOfSoundMps,
    massKg: massAt(s, tMs),
    downrangeM: EARTH_RADIUS_M * Math.atan2(x, yy),
    flightPathDeg: speed > 0 ? (Math.asin(Math.max(-1, Math.min(1, vr / speed))) * 180) / Math.PI : 90,
    phase: held ?? (burns.length > 0 ? 'powered' : 'coast'),
    burning: burns.map((b) => b.stage),
  };
}

export interface Trajectory {
  samples: AscentState[];
  impactMs?: number;
}

/**
 * Steps from first ignition to `endMs`, landing exactly on every breakpoint so thrust and mass jump
 * between steps, never inside one. `sample` false skips building states (the kick search only needs y).
 */
export function integrate(s: BurnSchedule, kickDeg: number, endMs: number, stepMs: number, sample = true): Trajectory & { y: Y } {
  let y: Y = [0, EARTH_RADIUS_M, 0, 0];
  let held: AscentPhase | undefined = 'pad';
  let t = s.ignitionMs;
  const samples: AscentState[] = sample ? [describe(s, kickDeg, t, y, 'pad')] : [];
  let impactMs: number | undefined;
  let bp = 0;
  while (t < endMs) {
    while (bp < s.breakpointsMs.length && s.breakpointsMs[bp]! <= t) bp++;
    const next = Math.min(t + stepMs, endMs, s.breakpointsMs[bp] ?? Infinity);
    const burns = burningAt(s, t);
    // Held down until thrust beats weight: the pad pushes back and nothing moves.
    if (held === 'pad' && forces(s, kickDeg, burns, t, y).accel.y > 0) held = undefined;
    if (!held) {
      y = rk4(s, kickDeg, burns, t, y, next - t);
      if (Math.hypot(y[0], y[1]) < EARTH_RADIUS_M) {
        held = 'impact';
        impactMs = next;
      }
    }
    t = next;
    if (sample) samples.push(describe(s, kickDeg, t, y, held));
  }
  return { samples, y, ...(impactMs !== undefined ? { impactMs } : {}) };
}

/** Angle of the velocity above the local horizontal, degrees. */
export function flightPathDeg(y: Y): number {
  const r = Math.hypot(y[0], y[1]);
  const speed = Math.hypot(y[2], y[3]);
  if (speed === 0) return 90;
  return (Math.asin((y[2] * y[0] + y[3] * y[1]) / (r * speed)) * 180) / Math.PI;
}
