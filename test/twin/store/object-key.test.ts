// keyOfObject: the "namespace/name" key, one string instance per object across its versions.
import { describe, expect, it } from 'vitest';
import { keyOfObject, namesOfKey, objectKey, rememberedKey } from '../../../sim/twin/store/index.ts';

describe('keyOfObject', () => {
  it('is objectKey of the namespace and name', () => {
    expect(keyOfObject({ metadata: { namespace: 'ns', name: 'a', uid: 'k-u1' } })).toBe('ns/a');
    expect(keyOfObject({ metadata: { name: 'node-1', uid: 'k-u2' } })).toBe('node-1');
    expect(keyOfObject({ metadata: { namespace: 'ns', name: 'no-uid' } })).toBe(objectKey('ns', 'no-uid'));
  });

  it('gives every version of an object (same uid) the same remembered entry', () => {
    const v1 = { metadata: { namespace: 'ns', name: 'p', uid: 'k-u3', resourceVersion: '1' } };
    const v2 = { metadata: { ...v1.metadata, resourceVersion: '2' } };
    expect(rememberedKey(v2.metadata)).toBe(rememberedKey(v1.metadata));
  });

  it('builds a fresh key when a reused uid comes with other names (objects built by hand)', () => {
    expect(keyOfObject({ metadata: { namespace: 'ns', name: 'first', uid: 'k-u4' } })).toBe('ns/first');
    expect(keyOfObject({ metadata: { namespace: 'ns', name: 'second', uid: 'k-u4' } })).toBe('ns/second');
    expect(keyOfObject({ metadata: { namespace: 'other', name: 'second', uid: 'k-u4' } })).toBe('other/second');
    expect(keyOfObject({ metadata: { name: 'second', uid: 'k-u4' } })).toBe('second');
  });
});

describe('namesOfKey', () => {
  it('gives back the namespace and name of a remembered key as the object\'s own strings', () => {
    const meta = { namespace: 'ns', name: 'pod-x', uid: 'k-u5' };
    const names = namesOfKey(keyOfObject({ metadata: meta }));
    expect(names).toMatchObject({ namespace: 'ns', name: 'pod-x' });
  });

  it('splits any other key at its slash (cluster-scoped keys have none)', () => {
    expect(namesOfKey('never-remembered/name-1')).toMatchObject({ namespace: 'never-remembered', name: 'name-1' });
    expect(namesOfKey('node-9')).toMatchObject({ namespace: '', name: 'node-9' });
  });
});
