import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrollToCenter, visibleRows } from '../../../web/ui/virtual-list.ts';

describe('virtual list', () => {
  it.each([
    [0, 100, 20, 1000, 0, { first: 0, last: 5, offsetPx: 0, totalPx: 20_000 }],
    [400, 100, 20, 1000, 2, { first: 18, last: 27, offsetPx: 360, totalPx: 20_000 }],
    [1e9, 100, 20, 10, 0, { first: 10, last: 10, offsetPx: 200, totalPx: 200 }],
    [0, 100, 20, 0, 8, { first: 0, last: 0, offsetPx: 0, totalPx: 0 }],
  ])('visibleRows(%d, %d, %d, %d, %d)', (top, vp, row, count, over, want) => {
    expect(visibleRows(top, vp, row, count, over)).toEqual(want);
  });

  it('always covers the viewport and stays in bounds', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 50 }), fc.nat(10_000), (top, vp, row, count) => {
        const w = visibleRows(top, vp, row, count);
        expect(w.first).toBeGreaterThanOrEqual(0);
        expect(w.last).toBeLessThanOrEqual(count);
        const firstShown = Math.floor(Math.min(top, count * row) / row);
        if (firstShown < count) expect(w.first).toBeLessThanOrEqual(firstShown);
        expect(w.last).toBeGreaterThanOrEqual(Math.min(count, Math.ceil((Math.min(top, count * row) + vp) / row)));
      }),
    );
  });

  it('centres a row, clamped to the list', () => {
    expect(scrollToCenter(50, 100, 20, 1000)).toBe(960);
    expect(scrollToCenter(0, 100, 20, 1000)).toBe(0);
    expect(scrollToCenter(999, 100, 20, 1000)).toBe(19_900);
  });
});
