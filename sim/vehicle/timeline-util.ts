// Small helpers over time-stamped arrays: a stable merge by time and a step-hold lookup.

/** Merges lists already in time order; at equal times the earlier list, then list order, wins. */
export function byTime<T extends { tMs: number }>(lists: readonly (readonly T[])[]): T[] {
  const all: { item: T; list: number; pos: number }[] = [];
  lists.forEach((l, list) => l.forEach((item, pos) => all.push({ item, list, pos })));
  all.sort((a, b) => a.item.tMs - b.item.tMs || a.list - b.list || a.pos - b.pos);
  return all.map((x) => x.item);
}

/** The last sample at or before t (samples in time order, at least one); the first one before it. */
export function lastAtOrBefore<T extends { tMs: number }>(samples: readonly T[], tMs: number): T {
  let lo = 0;
  let hi = samples.length - 1;
  if (samples[hi]!.tMs <= tMs) return samples[hi]!;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (samples[mid]!.tMs <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return samples[lo]!;
}
