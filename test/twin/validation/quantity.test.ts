// resource.Quantity parsing, table from upstream k8s.io/apimachinery/pkg/api/resource/quantity_test.go TestQuantityParse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, QuantityError, quantityError } from '../../../sim/twin/validation/index.ts';

const close = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));

describe('parseQuantity', () => {
  it.each([
    ['0', 0], ['0n', 0], ['0u', 0], ['0m', 0], ['0Ki', 0], ['0k', 0], ['0Mi', 0], ['0M', 0], ['0Gi', 0], ['0G', 0], ['0Ti', 0], ['0T', 0],
    // binary suffixes
    ['1Ki', 1024], ['8Ki', 8 * 1024], ['7Mi', 7 * 2 ** 20], ['6Gi', 6 * 2 ** 30], ['5Ti', 5 * 2 ** 40], ['4Pi', 4 * 2 ** 50], ['3Ei', 3 * 2 ** 60],
    ['10Ti', 10 * 2 ** 40], ['100Ti', 100 * 2 ** 40],
    // decimal suffixes
    ['5n', 5e-9], ['4u', 4e-6], ['3m', 3e-3], ['9', 9], ['8k', 8e3], ['50k', 5e4], ['7M', 7e6], ['6G', 6e9], ['5T', 5e12], ['40T', 4e13],
    ['300T', 3e14], ['2P', 2e15], ['1E', 1e18],
    // decimal exponents
    ['1E-3', 1e-3], ['1e3', 1e3], ['1E6', 1e6], ['1e9', 1e9], ['1E12', 1e12], ['1e15', 1e15], ['1E18', 1e18],
    // nonstandard but still parsable
    ['1e14', 1e14], ['1e13', 1e13], ['100.035k', 100035],
    // things that look like floating point
    ['0.001', 1e-3], ['0.0005k', 0.5], ['0.005', 5e-3], ['0.05', 5e-2], ['0.5', 0.5], ['0.00050k', 0.5], ['0.00500', 5e-3], ['0.05000', 5e-2],
    ['0.50000', 0.5], ['0.5e0', 0.5], ['0.5e-1', 0.05], ['0.5e-2', 0.005], ['0.5e-3', 0.0005], ['10.035M', 10035000], ['1.2e3', 1200],
    ['1.3E+6', 1.3e6], ['1.40e9', 1.4e9], ['1.53E+12', 1.53e12], ['1.6e15', 1.6e15], ['1.7E+18', 1.7e18],
    ['9.01', 9.01], ['8.1k', 8100], ['7.123456M', 7123456], ['6.987654321G', 6987654321], ['5.444T', 5.444e12], ['40.1T', 4.01e13],
    ['300.2T', 3.002e14], ['2.5P', 2.5e15], ['1.01E', 1.01e18],
    // signs, and the brief's examples
    ['-1', -1], ['+1', 1], ['-5n', -5e-9], ['-100m', -0.1], ['100m', 0.1], ['1Gi', 2 ** 30], ['1.G', 1e9],
    [2, 2], [0.25, 0.25],
  ] as const)('%j → %d', (q, expected) => {
    const v = parseQuantity(q);
    expect(close(v, expected), `${v} vs ${expected}`).toBe(true);
  });

  const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  const SUFFIX = "unable to parse quantity's suffix";
  it.each([
    ['1.1.M', FORMAT], ['1+1.0M', FORMAT], ['0.1mi', SUFFIX], ['0.1am', FORMAT], ['aoeu', FORMAT], ['.5i', SUFFIX], ['1i', SUFFIX],
    ['-3.01i', SUFFIX], ['-3.01e-', SUFFIX], [' 1', FORMAT], ['1 ', FORMAT], ['', FORMAT], ['1K', SUFFIX], ['2 Gi', FORMAT],
  ])('%j is rejected with upstream message', (q, message) => {
    expect(() => parseQuantity(q)).toThrow(QuantityError);
    expect(() => parseQuantity(q)).toThrow(message);
    expect(quantityError(q)).toBe(message);
  });

  it('rejects non-finite numbers', () => {
    expect(() => parseQuantity(Number.NaN)).toThrow('unable to parse numeric part of quantity');
  });

  it('never throws anything but QuantityError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          expect(typeof parseQuantity(s)).toBe('number');
        } catch (e) {
          expect(e).toBeInstanceOf(QuantityError);
        }
      }),
    );
  });

  it('scales integers by every suffix', () => {
    const mult: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, Ki: 1024, Mi: 2 ** 20, Gi: 2 ** 30 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(...Object.keys(mult)), (n, suffix) => {
        expect(close(parseQuantity(`${n}${suffix}`), n * mult[suffix]!)).toBe(true);
      }),
    );
  });
});
