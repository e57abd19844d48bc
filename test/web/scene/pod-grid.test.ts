import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridCapacity, podGrid, podOffset } from '../../../web/scene/pod-grid.ts';
import { NODE_SIZE } from '../../../web/scene/stack-layout.ts';

describe('podGrid', () => {
  it.each([
    [8, 3, 3],
    [32, 7, 5],
    [1, 1, 1],
  ])('%i pods on a node face: %i columns × %i rows', (cap, cols, rows) => {
    const g = podGrid(cap);
    expect([g.cols, g.rows]).toEqual([cols, rows]);
  });

  it('always fits the face and holds the capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.double({ min: 0.5, max: 10, noNaN: true }), fc.double({ min: 0.5, max: 10, noNaN: true }), (cap, w, h) => {
        const g = podGrid(cap, w, h);
        expect(g.cols * g.rows).toBeGreaterThanOrEqual(cap);
        expect(g.cols * g.cell).toBeLessThanOrEqual(w + 1e-9);
        expect(g.rows * g.cell).toBeLessThanOrEqual(h + 1e-9);
        for (const slot of [0, cap - 1]) {
          const [x, y] = podOffset(slot, g, 0);
          expect(Math.abs(x) + g.cell / 2).toBeLessThanOrEqual(w / 2 + 1e-9);
          expect(Math.abs(y) + g.cell / 2).toBeLessThanOrEqual(h / 2 + 1e-9);
        }
      }),
    );
  });

  it('fills from the top left, row by row, in front of the face', () => {
    const g = podGrid(8);
    const [x0, y0, z0] = podOffset(0, g);
    const [x1] = podOffset(1, g);
    const [, y4] = podOffset(g.cols, g);
    expect(x1).toBeGreaterThan(x0);
    expect(y4).toBeLessThan(y0);
    expect(z0).toBeGreaterThan(NODE_SIZE.d / 2);
  });
});

describe('gridCapacity', () => {
  it.each([
    [0, 8],
    [8, 8],
    [9, 16],
    [30, 32],
    [33, 64],
  ])('the busiest node with %i pods → capacity %i', (n, cap) => {
    expect(gridCapacity(n)).toBe(cap);
  });
});
