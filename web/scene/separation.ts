// The pose of a separated stage as a function of mission time since separation (pure and
// deterministic, so a seek shows the same pose as playing up to it).

export interface SeparationPose {
  /** Offset from the stage's place in the stack (world units). */
  readonly dx: number;
  readonly dy: number;
  readonly dz: number;
  /** Tumble (radians, Euler XYZ). */
  readonly rx: number;
  readonly ry: number;
  readonly rz: number;
  /** How far the stage's deleted nodes have faded (0 = as they were, 1 = gone). */
  readonly fade: number;
  /** False once the stage is far out of the picture: the scene stops drawing it. */
  readonly visible: boolean;
}

export const AT_REST: SeparationPose = { dx: 0, dy: 0, dz: 0, rx: 0, ry: 0, rz: 0, fade: 0, visible: true };

/** Springs push the stage off at this speed (units/s); then the vehicle accelerates away from it. */
const PUSH_SPEED = 0.5;
const RELATIVE_ACCEL = 0.3;
const DRIFT_SPEED = 0.6;
const TUMBLE_RATE = 0.14;
const FADE_START_S = 1;
const FADE_S = 5;
const HIDE_AFTER_S = 60;

/**
 * `sinceMs` = mission time − separatedAt; negative (a seek before separation) is at rest. Stages
 * drift to alternate sides by `order`, so two separations do not overlap on screen.
 */
export function separationPose(sinceMs: number, order: number): SeparationPose {
  if (!(sinceMs > 0)) return AT_REST;
  const s = sinceMs / 1000;
  const side = order % 2 === 1 ? -1 : 1;
  return {
    dx: side * DRIFT_SPEED * s,
    dy: -(PUSH_SPEED * s + 0.5 * RELATIVE_ACCEL * s * s),
    dz: 0.25 * DRIFT_SPEED * s,
    rx: side * TUMBLE_RATE * s,
    ry: 0.5 * TUMBLE_RATE * s,
    rz: -side * 0.6 * TUMBLE_RATE * s,
    fade: Math.min(1, Math.max(0, (s - FADE_START_S) / FADE_S)),
    visible: s < HIDE_AFTER_S,
  };
}
