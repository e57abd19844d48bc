import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AT_REST, separationPose } from '../../../web/scene/separation.ts';

describe('separationPose', () => {
  it.each([[-5000], [0], [Number.NaN]])('is at rest %f ms from separation', (since) => {
    expect(separationPose(since, 1)).toBe(AT_REST);
  });

  it('is a function of mission time alone (a seek shows what playing showed)', () => {
    expect(separationPose(4321, 1)).toEqual(separationPose(4321, 1));
  });

  it('moves away and tumbles more as time passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 59_000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 4 }), (t, dt, order) => {
        const a = separationPose(t, order);
        const b = separationPose(t + dt, order);
        expect(Math.hypot(b.dx, b.dy, b.dz)).toBeGreaterThan(Math.hypot(a.dx, a.dy, a.dz));
        expect(Math.abs(b.rx)).toBeGreaterThan(Math.abs(a.rx));
        expect(b.fade).toBeGreaterThanOrEqual(a.fade);
        expect(b.dy).toBeLessThan(0);
      }),
    );
  });

  it('fades deleted nodes over a few seconds and stops drawing the stage after a minute', () => {
    expect(separationPose(500, 1).fade).toBe(0);
    expect(separationPose(3000, 1).fade).toBeGreaterThan(0);
    expect(separationPose(10_000, 1).fade).toBe(1);
    expect(separationPose(59_000, 1).visible).toBe(true);
    expect(separationPose(61_000, 1).visible).toBe(false);
  });

  it('sends consecutive stages to opposite sides', () => {
    expect(Math.sign(separationPose(5000, 1).dx)).toBe(-Math.sign(separationPose(5000, 2).dx));
  });
});
