// ids: RFC 4122 v4 layout, upstream's suffix alphabet, generateName truncation, determinism.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_GENERATED_NAME_LENGTH,
  SUFFIX_ALPHABET,
  SeededRandom,
  flatString,
  generateName,
  hexFrom,
  randomSuffix,
  uuidFrom,
} from '../../sim/core/index.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidFrom', () => {
  it('has the RFC 4122 version-4 layout for any seed', () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.string()), (seed) => UUID_V4.test(uuidFrom(new SeededRandom(seed)))));
  });

  it('is reproducible per seed and unique along a stream', () => {
    const a = new SeededRandom('uids');
    const b = new SeededRandom('uids');
    const first = Array.from({ length: 1000 }, () => uuidFrom(a));
    expect(Array.from({ length: 1000 }, () => uuidFrom(b))).toEqual(first);
    expect(new Set(first).size).toBe(1000);
  });

  it('lays the stream\'s words out in order, most significant digit first (uids in journals stay the same)', () => {
    const r = new SeededRandom(1);
    expect(uuidFrom(r)).toBe('a26f2091-92fe-4b5d-b70f-300a2f58300b');
    const words = new SeededRandom(1);
    const [a, b, c, d] = [words.uint32(), words.uint32(), words.uint32(), words.uint32()].map((w) => (w >>> 0).toString(16).padStart(8, '0'));
    expect(uuidFrom(new SeededRandom(1)).replaceAll('-', '')).toBe(`${a}${b!.slice(0, 4)}4${b!.slice(5)}${(parseInt(c!.slice(0, 1), 16) & 3 | 8).toString(16)}${c!.slice(1)}${d}`);
  });
});

describe('randomSuffix', () => {
  it('uses exactly upstream alphabet (no vowels, no 0 1 3)', () => {
    expect(SUFFIX_ALPHABET).toBe('bcdfghjklmnpqrstvwxz2456789');
    const r = new SeededRandom(1);
    const s = randomSuffix(r, 5000);
    expect(new Set(s)).toEqual(new Set(SUFFIX_ALPHABET));
  });

  it.each([0, 1, 5, 10])('has length %d', (n) => {
    expect(randomSuffix(new SeededRandom(2), n)).toHaveLength(n);
  });

  it.each([-1, 1.5])('rejects length %p', (n) => {
    expect(() => randomSuffix(new SeededRandom(2), n)).toThrow(RangeError);
  });
});

describe('generateName', () => {
  it.each([
    ['guidance-7d9c5b-', 16],
    ['x'.repeat(80), MAX_GENERATED_NAME_LENGTH],
    ['', 0],
  ])('keeps at most 58 characters of %p and adds 5', (base, kept) => {
    const name = generateName(new SeededRandom(3), base);
    expect(name).toHaveLength(kept + 5);
    expect(name.startsWith(base.slice(0, kept))).toBe(true);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name.slice(kept)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('hexFrom', () => {
  it('gives 8 lowercase hex digits per word of the stream, most significant first', () => {
    const words = new SeededRandom(9);
    const expected = Array.from({ length: 8 }, () => words.uint32().toString(16).padStart(8, '0')).join('');
    expect(hexFrom(new SeededRandom(9), 8)).toBe(expected);
    expect(hexFrom(new SeededRandom(9), 0)).toBe('');
  });

  it('refuses a length its buffer cannot hold, rather than a short id', () => {
    expect(() => hexFrom(new SeededRandom(1), 33)).toThrow(/words must be an integer from 0 to 32/);
    expect(() => hexFrom(new SeededRandom(1), 1.5)).toThrow(RangeError);
  });
});

describe('flatString', () => {
  it('round-trips any character codes, ASCII through the shared buffer and the rest without it', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      const codes = Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
      expect(flatString(codes)).toBe(s);
    }));
  });

  it('does not mix one call\'s characters into the next (the buffer is reused)', () => {
    expect(flatString([97, 98, 99, 100])).toBe('abcd');
    expect(flatString([120])).toBe('x');
    expect(uuidFrom(new SeededRandom(1))).toHaveLength(36);
    expect(flatString([121, 122])).toBe('yz');
  });
});
