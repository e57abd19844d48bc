import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffDelay } from '../../../web/live/index.ts';

describe('backoffDelay', () => {
  it.each([
    [0, 0, 250],
    [0, 0.999999, 500],
    [1, 0, 500],
    [2, 0.5, 1500],
    [5, 1, 10_000],
    [50, 0, 5_000],
    [-3, 0, 250],
  ])('attempt %d with random %d waits %d ms', (attempt, r, want) => {
    expect(backoffDelay(attempt, () => r)).toBe(want);
  });

  it('stays within [cap/2, cap] and never shrinks as attempts grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.baseMs / 2);
        expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
        expect(backoffDelay(attempt + 1, () => 0)).toBeGreaterThanOrEqual(backoffDelay(attempt, () => 0));
      }),
    );
  });
});
