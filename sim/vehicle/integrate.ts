// The equations of motion and their fixed-step RK4 integration, for one given pitch kick.
import { airAt, airDensityAt, EARTH_GM, EARTH_RADIUS_M } from './atmosphere.ts';
import { burningAt, isBurning, massAt, type BurnSchedule } from './burns.ts';
import { PITCH_KICK_S, steer, VERTICAL_RISE_S, type GuidanceInput, type Vec } from './guidance.ts';
import type { AscentPhase, AscentState } from './types.ts';

/** [x, y, vx, vy] in the Earth-centred launch plane (launch site at +y), m and m/s. */
export type Y = [number, number, number, number];

/**
 * The equations of motion with what stays constant over one integration step fixed at the step's start: the
 * burns thrusting, the stages attached and the pitch programme's mode. Thrust, mass and guidance mode change
 * only at breakpoints, where a step starts; a change seen by the last RK4 stage alone (at the step's end)
 * would cost RK4 its fourth order. One instance per integration, reused for every evaluation: the kick search
 * and the ascent make ~20,000 of them, cold, at the start of every run, so nothing is allocated per call.
 */
class Dynamics {
  /** Outputs of accel(): total acceleration (gravity included) and what an accelerometer senses. */
  ax = 0;
  ay = 0;
  sensed = 0;
  private startMs = 0;
  private thrustN = 0;
  private liftoff = false;
  /** End of the latest upper-stage burn thrusting in this step (-Infinity when none). */
  private upperEndMs = -Infinity;
  private readonly guide: GuidanceInput = { pos: { x: 0, y: 0 }, vel: { x: 0, y: 0 }, sinceIgnitionS: 0, modeAtS: 0, kickDeg: 0, liftoffBurn: false, thrustAccel: 0, timeToGoS: 0 };
  private readonly dir: Vec = { x: 0, y: 0 };

  constructor(
    private readonly s: BurnSchedule,
    kickDeg: number,
  ) {
    this.guide.kickDeg = kickDeg;
  }

  /** Fixes the step's regime at tMs (the burns thrusting: burningAt's, without building its list). */
  beginStep(tMs: number): void {
    this.startMs = tMs;
    this.thrustN = 0;
    this.liftoff = false;
    this.upperEndMs = -Infinity;
    for (const b of this.s.burns) {
      if (!isBurning(b, tMs)) continue;
      this.thrustN += b.thrustN;
      if (b.liftoffBurn) this.liftoff = true;
      else this.upperEndMs = Math.max(this.upperEndMs, b.endMs);
    }
  }

  accel(tMs: number, x: number, y: number, vx: number, vy: number): void {
    const s = this.s;
    const r = Math.sqrt(x * x + y * y);
    const m = massAt(s, tMs, this.startMs);
    const speed = Math.sqrt(vx * vx + vy * vy);
    // Drag ½ρv²·Cd·A against the velocity (a non-rotating atmosphere: air speed = inertial speed).
    const dragPerMass = (0.5 * airDensityAt(r - EARTH_RADIUS_M) * speed * s.dragCoefficient * s.dragAreaM2) / m;
    let fx = -dragPerMass * vx;
    let fy = -dragPerMass * vy;
    if (this.thrustN > 0) {
      const g = this.guide;
      g.pos.x = x;
      g.pos.y = y;
      g.vel.x = vx;
      g.vel.y = vy;
      g.sinceIgnitionS = (tMs - s.ignitionMs) / 1000;
      g.modeAtS = (this.startMs - s.ignitionMs) / 1000;
      g.liftoffBurn = this.liftoff;
      g.thrustAccel = this.thrustN / m;
      g.timeToGoS = (Math.max(tMs, this.upperEndMs) - tMs) / 1000;
      steer(g, this.dir);
      fx += g.thrustAccel * this.dir.x;
      fy += g.thrustAccel * this.dir.y;
    }
    const gravity = -EARTH_GM / (r * r * r);
    this.ax = fx + gravity * x;
    this.ay = fy + gravity * y;
    this.sensed = Math.sqrt(fx * fx + fy * fy);
  }

  /** One classical RK4 step of dtMs from the step's start, in place. */
  rk4(y: Y, dtMs: number): void {
    const t = this.startMs;
    const h = dtMs / 1000;
    const [x, yy, vx, vy] = y;
    this.accel(t, x, yy, vx, vy);
    const k1x = vx, k1y = vy, k1vx = this.ax, k1vy = this.ay;
    this.accel(t + dtMs / 2, x + (h / 2) * k1x, yy + (h / 2) * k1y, vx + (h / 2) * k1vx, vy + (h / 2) * k1vy);
    const k2x = vx + (h / 2) * k1vx, k2y = vy + (h / 2) * k1vy, k2vx = this.ax, k2vy = this.ay;
    this.accel(t + dtMs / 2, x + (h / 2) * k2x, yy + (h / 2) * k2y, vx + (h / 2) * k2vx, vy + (h / 2) * k2vy);
    const k3x = vx + (h / 2) * k2vx, k3y = vy + (h / 2) * k2vy, k3vx = this.ax, k3vy = this.ay;
    this.accel(t + dtMs, x + h * k3x, yy + h * k3y, vx + h * k3vx, vy + h * k3vy);
    const k4x = vx + h * k3vx, k4y = vy + h * k3vy, k4vx = this.ax, k4vy = this.ay;
    y[0] = x + (h / 6) * (k1x + 2 * k2x + 2 * k3x + k4x);
    y[1] = yy + (h / 6) * (k1y + 2 * k2y + 2 * k3y + k4y);
    y[2] = vx + (h / 6) * (k1vx + 2 * k2vx + 2 * k3vx + k4vx);
    y[3] = vy + (h / 6) * (k1vy + 2 * k2vy + 2 * k3vy + k4vy);
  }
}

/** The state at tMs (right after any jump there: a stage dropped at tMs is gone). */
function describe(s: BurnSchedule, dyn: Dynamics, tMs: number, y: Y, held: AscentPhase | undefined): AscentState {
  const [x, yy, vx, vy] = y;
  const r = Math.hypot(x, yy);
  const altitudeM = Math.max(0, r - EARTH_RADIUS_M);
  const speed = Math.hypot(vx, vy);
  const air = airAt(altitudeM);
  const burns = held ? [] : burningAt(s, tMs);
  if (!held) {
    dyn.beginStep(tMs);
    dyn.accel(tMs, x, yy, vx, vy);
  }
  const vr = (vx * x + vy * yy) / r;
  return {
    tMs,
    altitudeM,
    velocityMps: speed,
    accelerationMps2: held ? 0 : dyn.sensed,
    dynamicPressurePa: dynamicPressure(altitudeM, speed),
    machApprox: speed / air.speedOfSoundMps,
    massKg: massAt(s, tMs),
    downrangeM: EARTH_RADIUS_M * Math.atan2(x, yy),
    flightPathDeg: speed > 0 ? (Math.asin(Math.max(-1, Math.min(1, vr / speed))) * 180) / Math.PI : 90,
    phase: held ?? (burns.length > 0 ? 'powered' : 'coast'),
    burning: burns.map((b) => b.stage),
  };
}

/** ½ρv² at an altitude (m, >= 0) and speed (m/s): one formula for Max-Q's search and the states it reports. */
const dynamicPressure = (altitudeM: number, speed: number): number => 0.5 * airDensityAt(altitudeM) * speed * speed;

/**
 * The integration's samples: ignition, then the end of every step. Full states are built on demand and kept: the
 * telemetry reads one sample in four (whole seconds of a 250 ms step), and each costs another evaluation of the
 * dynamics, so building all of them up front was a third of a run's cold start. The Max-Q search needs only ½ρv²,
 * kept for every sample.
 */
export class Samples {
  /** Sample instants, ascending. */
  readonly times: number[] = [];
  /** Dynamic pressure at each sample, Pa (as its state reports it). */
  readonly dynamicPressurePa: number[] = [];
  private readonly ys: number[] = [];
  private readonly held: (AscentPhase | undefined)[] = [];
  private readonly states: (AscentState | undefined)[] = [];
  private readonly dyn: Dynamics;

  constructor(
    private readonly s: BurnSchedule,
    kickDeg: number,
  ) {
    // describe() fixes the step regime itself, so its own instance leaves the integration's untouched.
    this.dyn = new Dynamics(s, kickDeg);
  }

  get length(): number {
    return this.times.length;
  }

  add(tMs: number, y: Y, held: AscentPhase | undefined): void {
    this.times.push(tMs);
    this.ys.push(y[0], y[1], y[2], y[3]);
    this.held.push(held);
    this.dynamicPressurePa.push(dynamicPressure(Math.max(0, Math.hypot(y[0], y[1]) - EARTH_RADIUS_M), Math.hypot(y[2], y[3])));
  }

  /** The full state at sample i. */
  at(i: number): AscentState {
    let state = this.states[i];
    if (!state) {
      const y: Y = [this.ys[4 * i]!, this.ys[4 * i + 1]!, this.ys[4 * i + 2]!, this.ys[4 * i + 3]!];
      state = describe(this.s, this.dyn, this.times[i]!, y, this.held[i]);
      this.states[i] = state;
    }
    return state;
  }
}

export interface Trajectory {
  samples: Samples;
  impactMs?: number;
}

/**
 * Steps from first ignition to `endMs`, landing exactly on every breakpoint so thrust and mass jump
 * between steps, never inside one. `sample` false skips recording samples (the kick search only needs y).
 */
export function integrate(s: BurnSchedule, kickDeg: number, endMs: number, stepMs: number, sample = true): Trajectory & { y: Y } {
  const y: Y = [0, EARTH_RADIUS_M, 0, 0];
  let held: AscentPhase | undefined = 'pad';
  let t = s.ignitionMs;
  const dyn = new Dynamics(s, kickDeg);
  const samples = new Samples(s, kickDeg);
  if (sample) samples.add(t, y, 'pad');
  let impactMs: number | undefined;
  let bp = 0;
  const breakpoints = stepBreakpoints(s);
  while (t < endMs) {
    while (bp < breakpoints.length && breakpoints[bp]! <= t) bp++;
    // Back on the grid (multiples of stepMs from ignition) after a breakpoint off it, so whole-second samples
    // stay integration points rather than interpolations.
    const grid = s.ignitionMs + (Math.floor((t - s.ignitionMs) / stepMs) + 1) * stepMs;
    const next = Math.min(grid, endMs, breakpoints[bp] ?? Infinity);
    dyn.beginStep(t);
    // Held down until thrust beats weight: the pad pushes back and nothing moves.
    if (held === 'pad') {
      dyn.accel(t, y[0], y[1], y[2], y[3]);
      if (dyn.ay > 0) held = undefined;
    }
    if (!held) {
      dyn.rk4(y, next - t);
      if (Math.hypot(y[0], y[1]) < EARTH_RADIUS_M) {
        held = 'impact';
        impactMs = next;
      }
    }
    t = next;
    if (sample) samples.add(t, y, held);
  }
  return { samples, y: [y[0], y[1], y[2], y[3]], ...(impactMs !== undefined ? { impactMs } : {}) };
}

/** Where a step must end: thrust and mass jumps (the schedule's) and the lift-off programme's mode changes. */
function stepBreakpoints(s: BurnSchedule): number[] {
  const guidance = [VERTICAL_RISE_S, VERTICAL_RISE_S + PITCH_KICK_S].map((x) => s.ignitionMs + x * 1000);
  return [...new Set([...s.breakpointsMs, ...guidance])].sort((a, b) => a - b);
}

/** Angle of the velocity above the local horizontal, degrees. */
export function flightPathDeg(y: Y): number {
  const r = Math.hypot(y[0], y[1]);
  const speed = Math.hypot(y[2], y[3]);
  if (speed === 0) return 90;
  return (Math.asin((y[2] * y[0] + y[3] * y[1]) / (r * speed)) * 180) / Math.PI;
}
