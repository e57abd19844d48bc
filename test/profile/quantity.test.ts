// Kubernetes quantities, as upstream resource.ParseQuantity reads them.

import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../sim/profile/index.ts';
import { toBytes, toMillicores } from '../../sim/profile/quantity.ts';

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5], ['2', 2], [2, 2], ['0.1', 0.1], ['1k', 1000], ['8Gi', 8 * 2 ** 30], ['256Mi', 256 * 2 ** 20],
    ['1e3', 1000], ['1.5G', 1.5e9], ['.5', 0.5],
  ] as const)('%s → %d', (input, value) => {
    expect(parseQuantity(input)).toBeCloseTo(value, 9);
  });

  it.each(['', '2 cores', '8GB', '-1', 'Gi', '1.2.3', null, -1])('%j is not a quantity', (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it.each([[0.1, 100], [0.0001, 1], [2, 2000], [0.5, 500]] as const)('%d cores → %i millicores (rounded up)', (cores, milli) => {
    expect(toMillicores(cores)).toBe(milli);
  });

  it('bytes round up', () => {
    expect(toBytes(0.5)).toBe(1);
    expect(toBytes(1024)).toBe(1024);
  });
});
