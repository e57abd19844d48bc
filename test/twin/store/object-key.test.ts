// keyOfObject: the "namespace/name" key, one string instance per stored object across its versions.
import { describe, expect, it } from 'vitest';
import { keyOfObject, OBJECT_KEY, objectKey, rememberedKey } from '../../../sim/twin/store/index.ts';
import { newStore, pod } from './helpers.ts';

describe('keyOfObject', () => {
  it('is objectKey of the namespace and name, for stored objects and objects built by hand', () => {
    const { store } = newStore();
    expect(keyOfObject(store.create('pods', pod('ns', 'a')))).toBe('ns/a');
    expect(keyOfObject(store.create('nodes', { metadata: { name: 'node-1' } }))).toBe('node-1');
    expect(keyOfObject({ metadata: { namespace: 'ns', name: 'by-hand' } })).toBe(objectKey('ns', 'by-hand'));
  });

  it('gives every stored version of an object the same key entry, and the deleted last state too', () => {
    const { store } = newStore();
    const v1 = store.create('pods', pod('ns', 'p'));
    const v2 = store.update('pods', { ...v1, spec: { nodeName: 'n1' } });
    const v3 = store.update('pods', { ...v2, metadata: { ...v2.metadata, labels: { a: 'b' } } });
    const last = store.delete('pods', 'ns', 'p');
    expect(v2).not.toBe(v1);
    for (const v of [v2, v3, last]) expect(rememberedKey(v.metadata)).toBe(rememberedKey(v1.metadata));
  });

  it('stays out of JSON and of the object\'s own keys', () => {
    const { store } = newStore();
    const p = store.create('pods', pod('ns', 'quiet'));
    expect(Object.keys(p.metadata)).not.toContain(String(OBJECT_KEY));
    expect(JSON.parse(JSON.stringify(p)).metadata).toEqual(Object.fromEntries(Object.entries(p.metadata)));
  });

  it('a copy with other names (a stored pod respread under a new name) gets its own key, in and out of the store', () => {
    const { store } = newStore();
    const a = store.create('pods', pod('ns', 'first'));
    const renamed = { ...a, metadata: { namespace: 'ns', name: 'second', [OBJECT_KEY]: rememberedKey(a.metadata) } };
    expect(keyOfObject(renamed)).toBe('ns/second');
    expect(keyOfObject({ ...a, metadata: { ...a.metadata, namespace: 'other' } })).toBe('other/first');
    const b = store.create('pods', { ...pod('ns', 'second'), metadata: { ...pod('ns', 'second').metadata, [OBJECT_KEY]: rememberedKey(a.metadata) } });
    expect(keyOfObject(b)).toBe('ns/second');
    expect(rememberedKey(b.metadata)).not.toBe(rememberedKey(a.metadata));
  });
});
