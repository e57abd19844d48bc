import { describe, expect, it } from 'vitest';
import { decodeContinue, encodeContinue } from '../../../sim/twin/store/continue-token.ts';
import { equalExcept, jsonEqual } from '../../../sim/twin/store/deep-equal.ts';
import { History } from '../../../sim/twin/store/history.ts';
import { NamespaceBucket } from '../../../sim/twin/store/namespace-bucket.ts';
import { generateName } from '../../../sim/twin/store/names.ts';

describe('jsonEqual', () => {
  it.each<[unknown, unknown, boolean]>([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, u: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    [{ a: '1' }, { a: 1 }, false],
    [null, null, true],
    [null, {}, false],
  ])('%j vs %j → %s', (a, b, eq) => {
    expect(jsonEqual(a, b)).toBe(eq);
    expect(jsonEqual(b, a)).toBe(eq);
  });

  it('equalExcept ignores the named members only', () => {
    const skip = new Set(['metadata', 'status']);
    expect(equalExcept({ metadata: 1, status: 2, spec: 3 }, { metadata: 9, spec: 3 }, skip)).toBe(true);
    expect(equalExcept({ spec: 3 }, { spec: 3, extra: 0 }, skip)).toBe(false);
    expect(equalExcept({ spec: 3, extra: 0 }, { spec: 3 }, skip)).toBe(false);
  });
});

describe('continue token', () => {
  it('round-trips and uses the upstream shape', () => {
    const token = encodeContinue({ rv: 42, lastKey: 'ns/pod-1' });
    expect(JSON.parse(Buffer.from(token, 'base64url').toString())).toEqual({ v: 'meta.k8s.io/v1', rv: 42, start: 'ns/pod-1\u0000' });
    expect(decodeContinue(token)).toEqual({ rv: 42, lastKey: 'ns/pod-1' });
  });
});

describe('NamespaceBucket', () => {
  it('indexAfter is the first name strictly greater', () => {
    const b = new NamespaceBucket();
    for (const n of ['c', 'a', 'e']) b.set(n, { metadata: { name: n } });
    expect([b.indexAfter(''), b.indexAfter('a'), b.indexAfter('b'), b.indexAfter('e'), b.indexAfter('z')]).toEqual([0, 1, 1, 3, 3]);
  });

  it('set says whether the name was new; a replaced name is listed once', () => {
    const b = new NamespaceBucket();
    expect(b.set('a', { metadata: { name: 'a' } })).toBe(true);
    expect(b.set('a', { metadata: { name: 'a', labels: {} } })).toBe(false);
    expect(b.set('b', { metadata: { name: 'b' } })).toBe(true);
    b.delete('a');
    expect(b.set('a', { metadata: { name: 'a' } })).toBe(true);
    expect([b.size, b.sortedNames()]).toEqual([2, ['a', 'b']]);
  });
});

describe('History', () => {
  it('keeps the last N entries and reports the oldest usable RV', () => {
    const h = new History(3, 1);
    const ev = { type: 'ADDED' as const, object: { metadata: {} } };
    for (let rv = 2; rv <= 6; rv++) h.push({ rv, resource: 'r', namespace: '', name: 'x', event: ev, prev: undefined });
    expect(h.size).toBe(3);
    expect(h.oldestUsableRv()).toBe(3);
    const seen: number[] = [];
    h.forEachAfter(0, (e) => seen.push(e.rv));
    expect(seen).toEqual([4, 5, 6]);
    expect(() => h.push({ rv: 9, resource: 'r', namespace: '', name: 'x', event: ev, prev: undefined })).toThrow();
    expect(() => new History(0, 1)).toThrow(RangeError);
  });
});

describe('generateName', () => {
  it('maps random() onto the 27-char alphabet without going out of range', () => {
    expect(generateName('x-', () => 0)).toBe('x-bbbbb');
    expect(generateName('x-', () => 0.999999999)).toBe('x-99999');
  });
});
