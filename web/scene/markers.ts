// Small flat bars on a node's face that say what its body colour cannot: control plane, cordoned,
// tainted, and the state of the bus that powers it (pure: boxes in node-local coordinates).
import type { BusState } from '../model/types.ts';
import type { NodeLook } from './node-look.ts';
import { BUS_COLOR, MARKER_COLOR } from './palette.ts';
import { NODE_SIZE } from './stack-layout.ts';

export interface MarkerBox {
  /** Centre (x along the skin, y up, z outward) and size, node-local. */
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly sx: number;
  readonly sy: number;
  readonly sz: number;
  readonly color: number;
}

const { w, h, d } = NODE_SIZE;
const BAR = 0.09;

/**
 * Control plane: a gold cap along the top edge. Cordoned: a yellow bar across the bottom.
 * Tainted: an orange bar down the left edge. Bus: a small square tab at the right edge.
 */
export function nodeMarkers(look: NodeLook, bus: BusState | undefined): MarkerBox[] {
  const out: MarkerBox[] = [];
  if (look.controlPlane) out.push({ x: 0, y: h / 2 + BAR / 2, z: 0, sx: w, sy: BAR, sz: d * 1.2, color: MARKER_COLOR.controlPlane });
  if (look.cordoned) out.push({ x: 0, y: -h / 2 - BAR / 2, z: 0, sx: w, sy: BAR, sz: d * 1.2, color: MARKER_COLOR.cordoned });
  if (look.tainted) out.push({ x: -w / 2 - BAR / 2, y: 0, z: 0, sx: BAR, sy: h, sz: d * 1.2, color: MARKER_COLOR.tainted });
  if (bus !== undefined) out.push({ x: w / 2 + BAR / 2, y: -h / 2 + 0.12, z: 0, sx: BAR, sy: 0.2, sz: d * 1.2, color: BUS_COLOR[bus] });
  return out;
}
