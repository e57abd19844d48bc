// Binary search shared by seeking, phases and per-subject events: how many leading items satisfy a monotone test.

/** The number of leading indexes i in [0, length) for which `holds(i)` is true, given it holds for a prefix. */
export function countPrefix(length: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
