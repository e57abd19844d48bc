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
  const r = Math.hypot(g.pos.x, g.pos.y);
  const up = { x: g.pos.x / r, y: g.pos.y / r };
  const horizontal = { x: up.y, y: -up.x };
  if (g.liftoffBurn) {
    if (g.sinceIgnitionS < VERTICAL_RISE_S) return up;
    const speed = Math.hypot(g.vel.x, g.vel.y);
    if (g.sinceIgnitionS < VERTICAL_RISE_S + PITCH_KICK_S || speed < 1) {
      const k = (g.kickDeg * Math.PI) / 180;
      return { x: Math.cos(k) * up.x + Math.sin(k) * horizontal.x, y: Math.cos(k) * up.y + Math.sin(k) * horizontal.y };
    }
    return { x: g.vel.x / speed, y: g.vel.y / speed };
  }
  const vr = g.vel.x * up.x + g.vel.y * up.y;
  const vt = g.vel.x * horizontal.x + g.vel.y * horizontal.y;
  const gravity = EARTH_GM / (r * r);
  const tgo = Math.max(MIN_TIME_TO_GO_S, g.timeToGoS);
  // Radial acceleration wanted: null v_r over the time to go, against gravity less centrifugal.
  const want = -vr / tgo + gravity - (vt * vt) / r;
  const s = Math.min(MAX_SIN_PITCH, Math.max(MIN_SIN_PITCH, g.thrustAccel > 0 ? want / g.thrustAccel : 0));
  const c = Math.sqrt(1 - s * s);
  return { x: s * up.x + c * horizontal.x, y: s * up.y + c * horizontal.y };
}
