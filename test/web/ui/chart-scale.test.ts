import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countExtent, downsample, linearScale, niceTicks, sumSeries, timeTicks, valueAt, valueExtent } from '../../../web/ui/chart-scale.ts';

describe('chart scales', () => {
  it('linear scale maps and inverts (y axis upside down)', () => {
    const y = linearScale(0, 100, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(y.invert(150)).toBe(25);
    expect(linearScale(5, 5, 0, 10)(5)).toBe(5);
  });

  it.each([
    [0, 100, 5, [0, 20, 40, 60, 80, 100]],
    [0, 1, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [-3, 7, 4, [-2, 0, 2, 4, 6]],
    [27.5, 28.2, 4, [27.6, 27.8, 28, 28.2]],
    [5, 5, 5, [5]],
    [0, Number.NaN, 5, []],
  ])('niceTicks(%d, %d, %d)', (lo, hi, n, want) => {
    expect(niceTicks(lo, hi, n)).toEqual(want);
  });

  it('nice ticks stay inside the range and are few', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (lo, span) => {
        const ticks = niceTicks(lo, lo + span, 5);
        expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.length).toBeLessThanOrEqual(11);
        for (const t of ticks) expect(t).toBeGreaterThanOrEqual(lo - span * 1e-6);
      }),
    );
  });

  it.each([
    [0, 60_000, 6, [0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]],
    [-10_000, 600_000, 6, [0, 120_000, 240_000, 360_000, 480_000, 600_000]],
    [0, 3_600_000, 6, [0, 600_000, 1_200_000, 1_800_000, 2_400_000, 3_000_000, 3_600_000]],
  ])('timeTicks(%d, %d, %d)', (a, b, n, want) => {
    expect(timeTicks(a, b, n)).toEqual(want);
  });

  it.each([
    [[[1, 2, 3]], [0, 3]],
    [[[27, 28]], [26.8, 28.2]],
    [[[20, 28]], [20, 28]],
    [[[27.9, 28]], [27.25, 28.65]],
    [[[28, 28]], [25.2, 30.8]],
    [[[0, 0]], [0, 1]],
    [[[]], [0, 1]],
    [[[-5, 5]], [-5, 5]],
  ])('valueExtent(%j) = %j', (vs, want) => {
    const [lo, hi] = valueExtent(vs.map((v) => ({ t: v.map((_, i) => i), v })));
    expect(lo).toBeCloseTo(want[0]!);
    expect(hi).toBeCloseTo(want[1]!);
  });

  it('downsampling keeps spikes and the edges, and shortens long series', () => {
    const n = 100_000;
    const s = { t: Array.from({ length: n }, (_, i) => i), v: Array.from({ length: n }, (_, i) => (i === 54_321 ? 1000 : Math.sin(i / 1000))) };
    const d = downsample(s, 0, n, 200);
    expect(d.t.length).toBeLessThan(1000);
    expect(Math.max(...d.v)).toBe(1000);
    expect(d.t[0]).toBe(0);
    expect(d.t[d.t.length - 1]).toBe(n - 1);
    for (let i = 1; i < d.t.length; i++) expect(d.t[i]!).toBeGreaterThan(d.t[i - 1]!);
  });

  it('short series are drawn whole within the window (plus one each side)', () => {
    const s = { t: [0, 10, 20, 30, 40], v: [1, 2, 3, 4, 5] };
    expect(downsample(s, 15, 25, 100)).toEqual({ t: [10, 20, 30], v: [2, 3, 4] });
  });

  it.each([
    [-1, undefined],
    [0, 1],
    [15, 2],
    [40, 5],
  ])('valueAt(%d) holds the last sample', (t, want) => {
    expect(valueAt({ t: [0, 10, 20, 30, 40], v: [1, 2, 3, 4, 5] }, t)).toBe(want);
  });
});

describe('sumSeries', () => {
  it('adds step series, holding values and counting 0 before a first sample', () => {
    const a = { t: [0, 10, 20], v: [1, 2, 0] };
    const b = { t: [10, 15], v: [5, 4] };
    expect(sumSeries([a, b])).toEqual({ t: [0, 10, 15, 20], v: [1, 7, 6, 4] });
    expect(sumSeries([])).toEqual({ t: [], v: [] });
  });

  it('equals the sum of the series at every instant any of them has a sample (against a plain reference)', () => {
    const at = (x: { t: number[]; v: number[] }, t: number): number => {
      let v = 0;
      for (let i = 0; i < x.t.length && x.t[i]! <= t; i++) v = x.v[i]!;
      return v;
    };
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.integer({ min: -5, max: 100 }), fc.integer({ min: 0, max: 50 }))), { maxLength: 6 }), (raw) => {
        const series = raw.map((pts) => {
          const sorted = [...pts].sort((x, y) => x[0] - y[0]);
          return { t: sorted.map((p) => p[0]), v: sorted.map((p) => p[1]) };
        });
        const instants = [...new Set(series.flatMap((x) => x.t))].sort((a, b) => a - b);
        expect(sumSeries(series)).toEqual({ t: instants, v: instants.map((t) => series.reduce((s, x) => s + at(x, t), 0)) });
      }),
    );
  });

  it('the last value equals the sum of last values', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 50 })), { minLength: 1 }), { maxLength: 6 }), (raw) => {
        const series = raw.map((pts) => {
          const sorted = [...pts].sort((x, y) => x[0] - y[0]);
          return { t: sorted.map((p) => p[0]), v: sorted.map((p) => p[1]) };
        });
        const sum = sumSeries(series);
        const want = series.reduce((s, x) => s + x.v[x.v.length - 1]!, 0);
        expect(sum.v[sum.v.length - 1] ?? 0).toBe(want);
      }),
    );
  });
});

describe('countExtent', () => {
  it.each([
    [[[2, 2]], [0, 3]],
    [[[0, 0]], [0, 1]],
    [[[10, 4], [3]], [0, 11]],
    [[[]], [0, 1]],
  ])('countExtent(%j) = %j', (vs, want) => {
    expect(countExtent(vs.map((v) => ({ t: v.map((_, i) => i), v })))).toEqual(want);
  });
});
