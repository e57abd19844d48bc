// The radio link drawn as a line from the vehicle's top to a ground station: whole when up, broken
// in the middle when lost (pure: segment endpoints).

export type Point = readonly [number, number, number];

/** Ground stations stand off to the front left of the stack, one behind another for more links. */
export function stationPosition(index: number, stackRadius: number): Point {
  return [-(stackRadius * 2 + 8) - index * 3, 0, 4 + index * 3];
}

/**
 * Segments (pairs of points) of a link from `from` to `to`: one when up; when down two stubs that
 * stop short of each other — the gap is the cut, a third of the way.
 */
export function linkSegments(from: Point, to: Point, up: boolean): Point[] {
  if (up) return [from, to];
  const at = (f: number): Point => [from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f, from[2] + (to[2] - from[2]) * f];
  return [from, at(0.35), at(0.65), to];
}
