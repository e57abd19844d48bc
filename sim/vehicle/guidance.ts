// The pitch programme: where the engines point. A lift-off burn rises vertically, kicks over a few
// degrees and then flies a gravity turn (thrust along velocity: zero angle of attack through Max-Q);
// upper stages steer so the radial velocity reaches zero at burnout, a cut-down linear-tangent /
// Powered Explicit Guidance that ends near-horizontal at orbital speed.
import { EARTH_GM } from './atmosphere.ts';

/** Seconds of vertical rise before the pitch-over (tower clearance). */
export const VERTICAL_RISE_S = 8;
/** Duration (s) of the pitch kick that starts the gravity turn; its angle is solved per vehicle. */
export const PITCH_KICK_S = 6;
/** The upper-stage guidance never plans over less than this, so it does not chase v_r near burnout. */
const MIN_TIME_TO_GO_S = 40;
/** Bounds on the upper-stage pitch above the local horizontal, as sin(θ). */
const MIN_SIN_PITCH = -0.3;
const MAX_SIN_PITCH = 0.9;

export interface Vec {
  x: number;
  y: number;
}

export interface GuidanceInput {
  pos: Vec;
  vel: Vec;
  /** Seconds since first ignition. */
  sinceIgnitionS: number;
  /**
   * Seconds since ignition that choose the lift-off programme's mode (vertical, kick, gravity turn); default
   * sinceIgnitionS. The integrator passes its step's start so no RK4 stage sees a different mode than the
   * step began in: a mode switch inside a step costs RK4 its order (the error then shrinks only with h).
   */
  modeAtS?: number;
  /** Pitch kick, degrees from vertical (ascent.ts solves it so the lift-off burn ends at a set climb angle). */
  kickDeg: number;
  liftoffBurn: boolean;
  /** Thrust acceleration, m/s². */
  thrustAccel: number;
  /** Seconds until the current upper-stage burn ends. */
  timeToGoS: number;
}

/** Unit thrust direction in the Earth-centred plane (launch site at +y, downrange towards +x). */
export function thrustDirection(g: GuidanceInput): Vec {
  const out = { x: 0, y: 0 };
  steer(g, out);
  return out;
}

/** thrustDirection into `out`: the integrator calls it four times a step and allocates nothing per call. */
export function steer(g: GuidanceInput, out: Vec): void {
  const r = Math.sqrt(g.pos.x * g.pos.x + g.pos.y * g.pos.y);
  // up = pos / r; horizontal (downrange) = (up.y, -up.x).
  const ux = g.pos.x / r;
  const uy = g.pos.y / r;
  if (g.liftoffBurn) {
    const modeAt = g.modeAtS ?? g.sinceIgnitionS;
    if (modeAt < VERTICAL_RISE_S) {
      out.x = ux;
      out.y = uy;
      return;
    }
    const speed = Math.sqrt(g.vel.x * g.vel.x + g.vel.y * g.vel.y);
    if (modeAt < VERTICAL_RISE_S + PITCH_KICK_S || speed < 1) {
      const k = (g.kickDeg * Math.PI) / 180;
      out.x = Math.cos(k) * ux + Math.sin(k) * uy;
      out.y = Math.cos(k) * uy - Math.sin(k) * ux;
      return;
    }
    out.x = g.vel.x / speed;
    out.y = g.vel.y / speed;
    return;
  }
  const vr = g.vel.x * ux + g.vel.y * uy;
  const vt = g.vel.x * uy - g.vel.y * ux;
  const gravity = EARTH_GM / (r * r);
  const tgo = Math.max(MIN_TIME_TO_GO_S, g.timeToGoS);
  // Radial acceleration wanted: null v_r over the time to go, against gravity less centrifugal.
  const want = -vr / tgo + gravity - (vt * vt) / r;
  const s = Math.min(MAX_SIN_PITCH, Math.max(MIN_SIN_PITCH, g.thrustAccel > 0 ? want / g.thrustAccel : 0));
  const c = Math.sqrt(1 - s * s);
  out.x = s * ux + c * uy;
  out.y = s * uy - c * ux;
}
