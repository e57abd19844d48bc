// JSON merge patch against the RFC 7386 Appendix A examples, and kube-apiserver's top-level rejections.
import { describe, expect, it } from 'vitest';
import { PatchError, applyMergePatch } from '../../../sim/twin/patch/index.ts';

describe('applyMergePatch: RFC 7386 Appendix A', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j → %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });

  // RFC examples 11 and 12 (a null or string patch replaces the document) are where kube-apiserver differs:
  // evanphx/json-patch rejects them and the handler answers 400 BadRequest "Invalid JSON Patch".
  it.each([[null], ['bar'], [42], [true]])('rejects a top-level %j patch with 400', (patch) => {
    let caught: unknown;
    try {
      applyMergePatch({ a: 'foo' }, patch);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PatchError);
    expect(caught).toMatchObject({ status: 400, reason: 'BadRequest', message: 'Invalid JSON Patch' });
  });

  it('does not mutate its inputs', () => {
    const target = Object.freeze({ a: Object.freeze({ b: 1 }) });
    const patch = Object.freeze({ a: Object.freeze({ c: 2 }) });
    expect(applyMergePatch(target, patch)).toEqual({ a: { b: 1, c: 2 } });
    expect(target).toEqual({ a: { b: 1 } });
  });
});
