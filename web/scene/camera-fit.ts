// Where the camera starts: the whole stack, the pending tray and the ground station in view (pure).

export interface CameraFit {
  readonly target: readonly [number, number, number];
  readonly position: readonly [number, number, number];
}

/**
 * A three-quarter view from the front and a little above, far enough back that a box of half-width
 * `halfWidth` and height `height` (from y = 0) fits the vertical field of view `fovDeg` at `aspect`.
 */
export function fitCamera(height: number, halfWidth: number, fovDeg: number, aspect: number): CameraFit {
  const tan = Math.tan((fovDeg * Math.PI) / 360);
  const halfH = height / 2 + 2;
  const dist = 1.1 * Math.max(halfH / tan, halfWidth / (tan * Math.max(0.2, aspect)));
  const cy = height * 0.45;
  const elev = 0.28;
  return {
    target: [0, cy, 0],
    position: [dist * 0.35, cy + dist * elev, dist * Math.sqrt(1 - 0.35 * 0.35 - elev * elev)],
  };
}
