import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_PITCH, layoutStack, nodesPerRing, ringSlots, stackRadius } from '../../../web/scene/stack-layout.ts';

const names = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('layoutStack', () => {
  it('stacks stages by order, 1 at the bottom, whatever the input order', () => {
    const g = layoutStack([
      { name: 'upper', order: 2, nodes: names('u', 3) },
      { name: 'booster', order: 1, nodes: names('b', 4) },
      { name: 'payload', order: 3, nodes: names('p', 1) },
    ]);
    expect(g.stages.map((s) => s.name)).toEqual(['booster', 'upper', 'payload']);
    expect(g.stages[0]!.baseY).toBe(0);
    for (let i = 1; i < g.stages.length; i++) {
      const below = g.stages[i - 1]!;
      expect(g.stages[i]!.baseY).toBeGreaterThanOrEqual(below.baseY + below.height);
    }
    expect(g.height).toBeCloseTo(g.stages[2]!.baseY + g.stages[2]!.height);
  });

  it('sizes stages by mass when the layout has masses (heavier is taller)', () => {
    const g = layoutStack([
      { name: 's1', order: 1, nodes: names('a', 2), massKg: 400_000 },
      { name: 's2', order: 2, nodes: names('b', 2), massKg: 100_000 },
    ]);
    expect(g.stages[0]!.height).toBeGreaterThan(g.stages[1]!.height);
  });

  it('sizes stages by node count without masses', () => {
    const g = layoutStack([
      { name: 's1', order: 1, nodes: names('a', 400) },
      { name: 's2', order: 2, nodes: names('b', 20) },
    ]);
    expect(g.stages[0]!.height).toBeGreaterThan(g.stages[1]!.height);
  });

  it.each([
    [1, 2.4],
    [10, 2.4],
    [333, 8],
  ])('radius for %i nodes on the busiest stage is at least %f', (n, min) => {
    expect(stackRadius(n)).toBeGreaterThanOrEqual(min);
  });

  it('gives every node a slot on the skin, none overlapping, inside its stage', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 4 }), (counts) => {
        const g = layoutStack(counts.map((n, i) => ({ name: `s${i}`, order: i + 1, nodes: names(`s${i}`, n) })));
        g.stages.forEach((stage, i) => {
          expect(stage.slots.size).toBe(counts[i]);
          const slots = [...stage.slots.values()];
          for (const s of slots) {
            expect(Math.hypot(s.x, s.z)).toBeGreaterThan(stage.radius);
            expect(Math.abs(s.y) + NODE_PITCH.y / 2).toBeLessThanOrEqual(stage.height / 2 + 1e-9);
          }
          for (let a = 0; a < slots.length; a++)
            for (let b = a + 1; b < Math.min(slots.length, a + 60); b++) {
              const p = slots[a]!;
              const q = slots[b]!;
              expect(Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z)).toBeGreaterThan(Math.min(NODE_PITCH.x, NODE_PITCH.y) * 0.9);
            }
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('ringSlots', () => {
  it('packs a part-filled ring around the front (+z) with the box facing out', () => {
    const slots = ringSlots(['a', 'b', 'c'], nodesPerRing(2.4), 2.4);
    const b = slots.get('b')!;
    expect(b.x).toBeCloseTo(0);
    expect(b.z).toBeGreaterThan(2.4);
    // yaw turns the box's +z onto the outward direction (sin yaw, cos yaw) = (x, z) / r.
    for (const s of slots.values()) {
      const r = Math.hypot(s.x, s.z);
      expect(Math.sin(s.yaw)).toBeCloseTo(s.x / r);
      expect(Math.cos(s.yaw)).toBeCloseTo(s.z / r);
    }
    expect(slots.get('a')!.x).toBeLessThan(0);
    expect(slots.get('c')!.x).toBeGreaterThan(0);
  });
});
