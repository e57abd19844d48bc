// SeededRandom: reference vectors, reproducibility, fork independence, ranges and helpers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../sim/core/index.ts';

const draw = (r: SeededRandom, n: number): number[] => Array.from({ length: n }, () => r.uint32());

describe('SeededRandom', () => {
  it('matches the xoshiro128** reference implementation from state {1,2,3,4}', () => {
    // Output of prng.di.unimi.it/xoshiro128starstar.c compiled with gcc, s = {1, 2, 3, 4}.
    expect(draw(SeededRandom.fromState([1, 2, 3, 4]), 8)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849,
    ]);
  });

  it.each([0, 1, 42, -7, 2 ** 40 + 3, 'falcon9-leo', ''])('repeats its sequence for seed %p', (seed) => {
    expect(draw(new SeededRandom(seed), 50)).toEqual(draw(new SeededRandom(seed), 50));
  });

  it.each([
    [1, 2],
    [0, 2 ** 32],
    [7, '7'],
    ['a', 'b'],
    [-1, 2 ** 32 - 1],
  ])('gives different sequences for seeds %p and %p', (a, b) => {
    expect(draw(new SeededRandom(a), 4)).not.toEqual(draw(new SeededRandom(b), 4));
  });

  it('rejects seeds that are not safe integers or strings', () => {
    expect(() => new SeededRandom(1.5)).toThrow(RangeError);
    expect(() => SeededRandom.fromState([0, 0, 0, 0])).toThrow(RangeError);
  });

  describe('fork', () => {
    it('is deterministic and independent of how much the parent has drawn', () => {
      const a = new SeededRandom(42);
      const b = new SeededRandom(42);
      draw(b, 1000);
      expect(draw(a.fork('kubelet/node-1'), 20)).toEqual(draw(b.fork('kubelet/node-1'), 20));
    });

    it('does not disturb the parent or sibling streams', () => {
      const plain = new SeededRandom(42);
      const forked = new SeededRandom(42);
      const sibling = forked.fork('scheduler');
      draw(forked.fork('kubelet/node-1'), 100); // a new controller starts drawing…
      expect(draw(forked, 20)).toEqual(draw(plain, 20)); // …the parent is unchanged
      expect(draw(sibling, 20)).toEqual(draw(new SeededRandom(42).fork('scheduler'), 20));
    });

    it('gives different streams for different labels, seeds and depths', () => {
      const root = new SeededRandom(42);
      const streams = [
        root.fork('a'),
        root.fork('b'),
        new SeededRandom(43).fork('a'),
        root.fork('a').fork('a'),
        root.fork('a/a'),
        root,
      ].map((r) => draw(r, 4).join());
      expect(new Set(streams).size).toBe(streams.length);
    });

    it('names its stream path', () => {
      expect(new SeededRandom(42).fork('kubelet').fork('node-3').path).toBe('42/kubelet/node-3');
    });
  });

  it('next() stays in [0, 1) and int() in [lo, hi)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (seed, lo, width) => {
          const r = new SeededRandom(seed);
          const x = r.next();
          const n = r.int(lo, lo + width);
          return x >= 0 && x < 1 && Number.isInteger(n) && n >= lo && n < lo + width;
        },
      ),
    );
  });

  it('int() draws exactly as rejection sampling over uint32 with float arithmetic (streams, and so runs, unchanged)', () => {
    const reference = (r: SeededRandom, lo: number, hi: number): number => {
      const range = hi - lo;
      const limit = 2 ** 32 - (2 ** 32 % range);
      for (;;) {
        const u = r.uint32();
        if (u < limit) return lo + (u % range);
      }
    };
    const a = new SeededRandom('int');
    const b = new SeededRandom('int');
    for (const range of [1, 2, 3, 7, 100, 421, 65_537, 1e9 + 7, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 3e9, 2 ** 32]) {
      for (let i = 0; i < 200; i++) expect(a.int(5, 5 + range)).toBe(reference(b, 5, 5 + range));
    }
  });

  it('int() covers a small range evenly (loose bounds)', () => {
    const r = new SeededRandom('uniformity');
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[r.int(0, 6)]!++;
    for (const c of counts) {
      expect(c).toBeGreaterThan(9_000);
      expect(c).toBeLessThan(11_000);
    }
  });

  it.each([
    [0, 0],
    [5, 5],
    [3, 1],
    [0.5, 2],
  ])('int(%p, %p) is rejected', (lo, hi) => {
    expect(() => new SeededRandom(1).int(lo, hi)).toThrow(RangeError);
  });

  it.each([
    [10_000, 0.2, 10_000, 12_000],
    [10_000, 0, 10_000, 20_000], // upstream: maxFactor <= 0 means 1.0
    [1000, -1, 1000, 2000],
  ])('jitter(%d, %d) lies in [%d, %d)', (ms, fraction, lo, hi) => {
    const r = new SeededRandom(9);
    for (let i = 0; i < 1000; i++) {
      const j = r.jitter(ms, fraction);
      expect(j).toBeGreaterThanOrEqual(lo);
      expect(j).toBeLessThan(hi);
    }
  });

  it('pick() returns members and refuses an empty array', () => {
    const r = new SeededRandom(3);
    const items = ['stage1', 'stage2', 'payload'] as const;
    const seen = new Set(Array.from({ length: 100 }, () => r.pick(items)));
    expect([...seen].sort()).toEqual(['payload', 'stage1', 'stage2']);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('shuffle() returns a permutation and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 50 }), (seed, items) => {
        const copy = [...items];
        const out = new SeededRandom(seed).shuffle(items);
        expect(items).toEqual(copy);
        expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('chance() honours its extremes', () => {
    const r = new SeededRandom(5);
    expect(Array.from({ length: 100 }, () => r.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => r.chance(1)).every(Boolean)).toBe(true);
  });
});
