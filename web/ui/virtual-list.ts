// Which rows of a long fixed-height list to put in the DOM: only those in view, plus a margin,
// so a one-hour journal's thousands of log lines scroll smoothly.

export interface RowWindow {
  readonly first: number;
  /** Exclusive. */
  readonly last: number;
  /** Pixel offset of row `first`. */
  readonly offsetPx: number;
  readonly totalPx: number;
}

export function visibleRows(scrollTop: number, viewportPx: number, rowPx: number, count: number, overscan = 8): RowWindow {
  const total = Math.max(0, count) * rowPx;
  if (count <= 0 || rowPx <= 0) return { first: 0, last: 0, offsetPx: 0, totalPx: 0 };
  const top = Math.max(0, Math.min(scrollTop, total));
  const first = Math.max(0, Math.floor(top / rowPx) - overscan);
  const last = Math.min(count, Math.ceil((top + Math.max(0, viewportPx)) / rowPx) + overscan);
  return { first, last, offsetPx: first * rowPx, totalPx: total };
}

/** The scrollTop that shows row `index` in the middle of the viewport. */
export function scrollToCenter(index: number, viewportPx: number, rowPx: number, count: number): number {
  const max = Math.max(0, count * rowPx - viewportPx);
  return Math.min(max, Math.max(0, index * rowPx - viewportPx / 2 + rowPx / 2));
}
