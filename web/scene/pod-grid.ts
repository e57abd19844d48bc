// Pods on a node's outward face: a grid of cells, one pod a cell, with a stable slot per pod (pure).
import { NODE_SIZE } from './stack-layout.ts';

export interface PodGrid {
  readonly capacity: number;
  readonly cols: number;
  readonly rows: number;
  /** Edge of one cell; the pod cube is a little smaller so neighbours stay apart. */
  readonly cell: number;
}

/**
 * The grid for `capacity` pods on a face `width` × `height`: columns chosen so cells come out square
 * and as large as the face allows.
 */
export function podGrid(capacity: number, width: number = NODE_SIZE.w, height: number = NODE_SIZE.h): PodGrid {
  const cap = Math.max(1, Math.ceil(capacity));
  let best: PodGrid = { capacity: cap, cols: cap, rows: 1, cell: Math.min(width / cap, height) };
  for (let cols = 1; cols <= cap; cols++) {
    const rows = Math.ceil(cap / cols);
    const cell = Math.min(width / cols, height / rows);
    if (cell > best.cell) best = { capacity: cap, cols, rows, cell };
  }
  return best;
}

/**
 * Capacity for the busiest node: powers of two from 8, so a pod more or less does not re-lay every
 * pod in the scene (only crossing a power does).
 */
export function gridCapacity(maxPodsOnANode: number): number {
  let cap = 8;
  while (cap < maxPodsOnANode) cap *= 2;
  return cap;
}

/**
 * Centre of cell `slot` in node-local coordinates (x along the skin, y up, z outward), filled
 * row by row from the top left, so a lightly loaded node shows its pods along its top edge.
 */
export function podOffset(slot: number, grid: PodGrid, faceZ: number = NODE_SIZE.d / 2): [number, number, number] {
  const col = slot % grid.cols;
  const row = Math.floor(slot / grid.cols);
  const x = (col - (grid.cols - 1) / 2) * grid.cell;
  const y = ((grid.rows - 1) / 2 - row) * grid.cell;
  return [x, y, faceZ + grid.cell * 0.35];
}
