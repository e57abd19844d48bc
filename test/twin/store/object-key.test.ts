// keyOfObject: the "namespace/name" key, carried by every stored version of an object.
import { describe, expect, it } from 'vitest';
import { keyOfObject, OBJECT_KEY, objectKey } from '../../../sim/twin/store/index.ts';
import { newStore, pod } from './helpers.ts';

describe('keyOfObject', () => {
  it('is objectKey of the namespace and name, for stored objects and objects built by hand', () => {
    const { store } = newStore();
    expect(keyOfObject(store.create('pods', pod('ns', 'a')))).toBe('ns/a');
    expect(keyOfObject(store.create('nodes', { metadata: { name: 'node-1' } }))).toBe('node-1');
    expect(keyOfObject({ metadata: { namespace: 'ns', name: 'by-hand' } })).toBe(objectKey('ns', 'by-hand'));
  });

  it('every stored version of an object, and its deleted last state, carries the key', () => {
    const { store } = newStore();
    const v1 = store.create('pods', pod('ns', 'p'));
    const v2 = store.update('pods', { ...v1, spec: { nodeName: 'n1' } });
    const v3 = store.update('pods', { ...v2, metadata: { ...v2.metadata, labels: { a: 'b' } } });
    const last = store.delete('pods', 'ns', 'p');
    for (const v of [v1, v2, v3, last]) expect(v.metadata[OBJECT_KEY as never]).toBe('ns/p');
  });

  it('stays out of JSON and of the object\'s own keys', () => {
    const { store } = newStore();
    const p = store.create('pods', pod('ns', 'quiet'));
    expect(JSON.parse(JSON.stringify(p)).metadata).toEqual(Object.fromEntries(Object.entries(p.metadata)));
    expect(Object.keys(p.metadata).some((k) => k.includes('objectKey'))).toBe(false);
  });

  it.each([
    ['another name', { namespace: 'ns', name: 'second' }, 'ns/second'],
    ['another namespace', { namespace: 'other', name: 'first' }, 'other/first'],
    ['names that split the key elsewhere', { namespace: 'ns/fi', name: 'rst' }, 'ns/fi/rst'],
    ['no namespace', { name: 'first' }, 'first'],
  ])('a copy carrying a key built for other names (%s) gets its own, in and out of the store', (_what, names, want) => {
    const { store } = newStore();
    const a = store.create('pods', pod('ns', 'first'));
    expect(keyOfObject({ metadata: { ...a.metadata, ...names, namespace: (names as { namespace?: string }).namespace } })).toBe(want);
  });

  it('the store replaces a stale carried key when it stores a copy under another name', () => {
    const { store } = newStore();
    const a = store.create('pods', pod('ns', 'first'));
    const b = store.create('pods', { ...pod('ns', 'second'), metadata: { namespace: 'ns', name: 'second', [OBJECT_KEY]: 'ns/first' } as never });
    expect(keyOfObject(b)).toBe('ns/second');
    expect(b.metadata[OBJECT_KEY as never]).toBe('ns/second');
    expect(keyOfObject(a)).toBe('ns/first');
  });
});
