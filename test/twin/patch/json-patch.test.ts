// JSON patch against the RFC 6902 Appendix A examples, plus the statuses kube-apiserver answers failures with.
import { describe, expect, it } from 'vitest';
import { PatchError, applyJsonPatch } from '../../../sim/twin/patch/index.ts';

const invalid = { status: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request' };

function failure(fn: () => unknown): PatchError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PatchError) return e;
    throw e;
  }
  throw new Error('expected a PatchError');
}

describe('applyJsonPatch: RFC 6902 Appendix A', () => {
  it.each([
    ['A.1 add an object member', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], { baz: 'qux', foo: 'bar' }],
    ['A.2 add an array element', { foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }], { foo: ['bar', 'qux', 'baz'] }],
    ['A.3 remove an object member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    ['A.4 remove an array element', { foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], { foo: ['bar', 'baz'] }],
    ['A.5 replace a value', { baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }], { baz: 'boo', foo: 'bar' }],
    [
      'A.6 move a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    [
      'A.7 move an array element',
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
      { foo: ['all', 'cows', 'eat', 'grass'] },
    ],
    [
      'A.8 test a value: success',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [{ op: 'test', path: '/baz', value: 'qux' }, { op: 'test', path: '/foo/1', value: 2 }],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
    ['A.10 add a nested member object', { foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }], { foo: 'bar', child: { grandchild: {} } }],
    ['A.11 ignore unrecognized elements', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }], { foo: 'bar', baz: 'qux' }],
    ['A.14 ~ escape ordering', { '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }], { '/': 9, '~1': 10 }],
    ['A.16 add an array value', { foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }], { foo: ['bar', ['abc', 'def']] }],
    ['copy', { a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }], { a: { b: 1 }, c: { b: 1 } }],
    ['~1 in a key', { 'a/b': 1 }, [{ op: 'replace', path: '/a~1b', value: 2 }], { 'a/b': 2 }],
    // evanphx/json-patch v4 quirks the API server inherits:
    ['negative index counts from the end', { a: [1, 2, 3] }, [{ op: 'remove', path: '/a/-1' }], { a: [1, 2] }],
    ['missing value adds null', { a: 1 }, [{ op: 'add', path: '/b' }], { a: 1, b: null }],
    ['test null against a missing member passes', { a: 1 }, [{ op: 'test', path: '/b', value: null }], { a: 1 }],
  ])('%s', (_name, doc, ops, expected) => {
    expect(applyJsonPatch(doc, ops)).toEqual(expected);
  });

  it.each([
    ['A.9 failed test', { baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }]],
    ['A.12 add to a nonexistent target', { foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }]],
    ['A.15 string vs number', { '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }]],
    ['remove a missing member', { a: 1 }, [{ op: 'remove', path: '/b' }]],
    ['replace a missing member', { a: 1 }, [{ op: 'replace', path: '/b', value: 2 }]],
    ['index past the end', { a: [1] }, [{ op: 'add', path: '/a/5', value: 2 }]],
    ['non-numeric index', { a: [1] }, [{ op: 'replace', path: '/a/x', value: 2 }]],
    ['unknown op', { a: 1 }, [{ op: 'frobnicate', path: '/a' }]],
    ['missing path', { a: 1 }, [{ op: 'add', value: 1 }]],
    ['empty path', { a: 1 }, [{ op: 'remove', path: '' }]],
    ['move from a missing member', { a: 1 }, [{ op: 'move', from: '/x', path: '/y' }]],
  ])('%s → 422 Invalid', (_name, doc, ops) => {
    expect(failure(() => applyJsonPatch(doc, ops))).toMatchObject(invalid);
  });

  it('keeps the real cause in detail', () => {
    expect(failure(() => applyJsonPatch({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }])).detail).toBe(
      'testing value /baz failed: test failed',
    );
  });

  it.each([
    [{ op: 'add', path: '/a', value: 1 }, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['nope', 'json: cannot unmarshal string into Go value of type jsonpatch.Patch'],
    [[1], 'json: cannot unmarshal number into Go value of type jsonpatch.Operation'],
  ])('an undecodable patch %j → 400', (ops, message) => {
    expect(failure(() => applyJsonPatch({}, ops))).toMatchObject({ status: 400, reason: 'BadRequest', message });
  });

  it('rejects more than 10000 operations with 413, as upstream', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/a', value: 1 }));
    expect(failure(() => applyJsonPatch({ a: 1 }, ops))).toMatchObject({
      status: 413,
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    });
    expect(applyJsonPatch({ a: 1 }, ops.slice(1))).toEqual({ a: 1 });
  });

  it('applies all operations or none, and never mutates its inputs', () => {
    const doc = Object.freeze({ a: Object.freeze([1, 2]) });
    const ops = [{ op: 'add', path: '/a/-', value: 3 }, { op: 'test', path: '/a/0', value: 9 }];
    expect(() => applyJsonPatch(doc, ops)).toThrow(PatchError);
    expect(doc).toEqual({ a: [1, 2] });
    expect(applyJsonPatch(doc, [ops[0]])).toEqual({ a: [1, 2, 3] });
  });
});
