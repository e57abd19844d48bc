// BoundedMap: a memo's Map that starts over when full.
import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../sim/core/index.ts';

describe('BoundedMap', () => {
  it('remembers up to its limit, then forgets everything and keeps the new entry', () => {
    const m = new BoundedMap<string, number>(3);
    expect(m.set('a', 1)).toBe(1);
    m.set('b', 2);
    m.set('c', 3);
    expect([m.get('a'), m.size]).toEqual([1, 3]);
    m.set('d', 4);
    expect([m.get('a'), m.get('d'), m.size]).toEqual([undefined, 4, 1]);
  });

  it('replacing a remembered key when full keeps the rest', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    m.set('a', 3);
    expect([m.get('a'), m.get('b')]).toEqual([3, 2]);
  });

  it('rejects a limit below one', () => {
    expect(() => new BoundedMap(0)).toThrow(/limit/);
  });
});
