// Chart arithmetic, no canvas: linear scales, "nice" ticks, time ticks, extents and per-pixel
// min/max downsampling so an hour of telemetry draws as a few hundred segments.

export interface Scale {
  (v: number): number;
  invert(px: number): number;
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps everything to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0;
  const f = ((v: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0))) as Scale;
  f.invert = (px: number) => (r1 === r0 ? d0 : d0 + ((px - r0) / (r1 - r0)) * span);
  return f;
}

/**
 * A step of 1, 2 or 5 × 10^k giving about `count` ticks across [min, max]; the thresholds are d3's
 * (√50, √10, √2), so the tick count errs by at most a factor √2 either way.
 */
export function niceStep(min: number, max: number, count: number): number {
  const span = Math.abs(max - min);
  if (!Number.isFinite(span) || span === 0 || count < 1) return 1;
  const raw = span / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const n = raw / mag;
  return (n >= Math.SQRT2 * Math.sqrt(25) ? 10 : n >= Math.sqrt(10) ? 5 : n >= Math.SQRT2 ? 2 : 1) * mag;
}

export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  if (lo === hi) return [lo];
  const step = niceStep(lo, hi, count);
  const ticks: number[] = [];
  // Rounding to the step's precision keeps 0.1 + 0.2 from showing as 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toFixed(digits)));
  return ticks;
}

/** Time steps people read on a mission clock (ms): seconds, then minutes, then hours. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map((s) => s * 1000);

export function timeTicks(startMs: number, endMs: number, count = 6): number[] {
  const span = endMs - startMs;
  if (!(span > 0)) return [startMs];
  const step = TIME_STEPS.find((s) => span / s <= count) ?? TIME_STEPS[TIME_STEPS.length - 1]!;
  const ticks: number[] = [];
  // `+ 0` turns -0 (ceil of a small negative) into 0, which would otherwise label as "T-0:00".
  for (let t = Math.ceil(startMs / step) * step + 0; t <= endMs; t += step) ticks.push(t);
  return ticks;
}

export interface SeriesLike {
  readonly t: readonly number[];
  readonly v: readonly number[];
}

/**
 * Min and max of the values; padded when flat so a constant line sits mid-chart, and widened to at
 * least `minRelSpan` of the magnitude so a 0.1 V drift on a 28 V bus does not fill the chart like a
 * collapse. Zero is included when near.
 */
export function valueExtent(series: readonly SeriesLike[], minRelSpan = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) for (const v of s.v) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  if (lo === Infinity) return [0, 1];
  return widen(lo, hi, minRelSpan);
}

/** Counts (pods): from zero to a whole number above the top, so "2 of 2" sits below the chart's top. */
export function countExtent(series: readonly SeriesLike[]): [number, number] {
  let hi = 0;
  for (const s of series) for (const v of s.v) if (Number.isFinite(v)) hi = Math.max(hi, v);
  return [0, Math.max(1, Math.ceil(hi * 1.1))];
}

function widen(lo: number, hi: number, minRelSpan: number): [number, number] {
  if (lo === hi) return lo === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
  // Non-negative quantities (altitude, pods) read best from zero.
  if (lo >= 0 && lo <= hi - lo) lo = 0;
  const minSpan = Math.max(Math.abs(lo), Math.abs(hi)) * minRelSpan;
  if (hi - lo < minSpan) {
    const mid = (lo + hi) / 2;
    return [mid - minSpan / 2, mid + minSpan / 2];
  }
  return [lo, hi];
}

/** Index of the first sample with t >= the given time. */
export function lowerBound(ts: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Points to draw for [t0, t1] on `columns` pixels: every sample when few, else per column its first,
 * min, max and last value (in time order) — spikes survive, the path stays short. Includes one
 * sample either side so the line reaches the edges.
 */
export function downsample(s: SeriesLike, t0: number, t1: number, columns: number): { t: number[]; v: number[] } {
  const from = Math.max(0, lowerBound(s.t, t0) - 1);
  const to = Math.min(s.t.length, lowerBound(s.t, t1) + 1);
  const out = { t: [] as number[], v: [] as number[] };
  if (to - from <= columns * 4 || columns < 1) {
    for (let i = from; i < to; i++) out.t.push(s.t[i]!), out.v.push(s.v[i]!);
    return out;
  }
  const width = (t1 - t0) / columns;
  let i = from;
  while (i < to) {
    const col = Math.floor((s.t[i]! - t0) / width);
    let j = i;
    let minI = i;
    let maxI = i;
    while (j < to && Math.floor((s.t[j]! - t0) / width) === col) {
      if (s.v[j]! < s.v[minI]!) minI = j;
      if (s.v[j]! > s.v[maxI]!) maxI = j;
      j++;
    }
    for (const k of [...new Set([i, minI, maxI, j - 1])].sort((a, b) => a - b)) out.t.push(s.t[k]!), out.v.push(s.v[k]!);
    i = j;
  }
  return out;
}

/** The value shown at time t: the last sample at or before it (telemetry holds until the next one). */
export function valueAt(s: SeriesLike, t: number): number | undefined {
  const i = lowerBound(s.t, t + 1e-9) - 1;
  return i >= 0 ? s.v[i] : undefined;
}

/**
 * The sum of step series (each value holds until its next sample; 0 before its first): one line
 * for "pods Ready" when there are too many workloads to draw each. Samples at the same instant
 * are summed once.
 */
export function sumSeries(series: readonly SeriesLike[]): { t: number[]; v: number[] } {
  // Every sample's change (v - the series' previous v) lands on its instant among the distinct instants;
  // the running total of the changes is the sum. Typed arrays and a binary search instead of one tuple per
  // sample and a sort of them: a one-hour journal's ~200 workloads hold ~300k samples.
  let n = 0;
  for (const s of series) n += s.t.length;
  const all = new Float64Array(n);
  let k = 0;
  for (const s of series) for (let i = 0; i < s.t.length; i++) all[k++] = s.t[i]!;
  all.sort();
  let u = 0;
  for (let i = 0; i < n; i++) if (i === 0 || all[i] !== all[u - 1]) all[u++] = all[i]!;
  const times = all.subarray(0, u);
  const delta = new Float64Array(u);
  for (const s of series) {
    let prev = 0;
    for (let i = 0; i < s.t.length; i++) {
      const v = s.v[i]!;
      const j = lowerBound(times, s.t[i]!);
      delta[j] = delta[j]! + v - prev;
      prev = v;
    }
  }
  const out = { t: Array.from(times), v: new Array<number>(u) };
  let sum = 0;
  for (let i = 0; i < u; i++) out.v[i] = sum += delta[i]!;
  return out;
}
