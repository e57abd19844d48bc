import { describe, expect, it } from 'vitest';
import { ObjectStore, StoreError, isStoreError, objectKey, type KubeObject } from '../../../sim/twin/store/index.ts';
import { newStore, pod } from './helpers.ts';

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isStoreError(e)) return e.reason;
    throw e;
  }
  return 'no error';
}

describe('ObjectStore create/get', () => {
  it('fills system metadata and bumps the global resourceVersion', () => {
    const { store, clock } = newStore();
    clock.advance(1_234); // sub-second part must be truncated
    expect(store.resourceVersion()).toBe('1');
    const created = store.create('pods', pod('default', 'a'));
    expect(created.metadata).toMatchObject({
      name: 'a',
      namespace: 'default',
      uid: 'uid-1',
      resourceVersion: '2',
      generation: 1,
      creationTimestamp: '2026-01-01T00:00:01Z',
    });
    expect(store.resourceVersion()).toBe('2');
    expect(store.get('pods', 'default', 'a')).toBe(created);
    expect(store.get('pods', 'other', 'a')).toBeUndefined();
    expect(store.get('services', 'default', 'a')).toBeUndefined();
  });

  it('does not modify the object passed in, and clears client-sent deletion fields', () => {
    const { store } = newStore();
    const input: KubeObject = pod('ns', 'x');
    input.metadata.deletionTimestamp = '2020-01-01T00:00:00Z';
    input.metadata.uid = 'client-uid';
    const created = store.create('pods', input);
    expect(input.metadata).toEqual({ namespace: 'ns', name: 'x', deletionTimestamp: '2020-01-01T00:00:00Z', uid: 'client-uid' });
    expect(created.metadata.deletionTimestamp).toBeUndefined();
    expect(created.metadata.uid).toBe('uid-1');
  });

  it('keeps cluster-scoped objects without a namespace field', () => {
    const { store } = newStore();
    const node = store.create('nodes', { metadata: { name: 'n1' } });
    expect('namespace' in node.metadata).toBe(false);
    expect(store.get('nodes', '', 'n1')).toBe(node);
  });

  it.each<[string, KubeObject, string]>([
    ['no name', { metadata: {} }, 'Invalid'],
    ['slash in name', { metadata: { name: 'a/b' } }, 'Invalid'],
    ['dot-dot name', { metadata: { name: '..' } }, 'Invalid'],
    ['percent in namespace', { metadata: { name: 'a', namespace: 'x%y' } }, 'Invalid'],
    ['resourceVersion set', { metadata: { name: 'a', resourceVersion: '5' } }, 'Invalid'],
    ['metadata missing', { metadata: null } as unknown as KubeObject, 'Invalid'],
  ])('rejects %s without changing state', (_, obj, reason) => {
    const { store } = newStore();
    expect(reasonOf(() => store.create('pods', obj))).toBe(reason);
    expect(store.resourceVersion()).toBe('1');
    expect(store.stats()).toEqual({ objects: 0, historyLength: 0, watchers: 0 });
  });

  it('refuses a duplicate with AlreadyExists (409) and leaves the first', () => {
    const { store } = newStore();
    const first = store.create('pods', pod('d', 'a'));
    let err: unknown;
    try {
      store.create('pods', pod('d', 'a'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).reason).toBe('AlreadyExists');
    expect((err as StoreError).httpStatus).toBe(409);
    expect(store.get('pods', 'd', 'a')).toBe(first);
    expect(store.resourceVersion()).toBe('2');
  });

  it('same name in another namespace or resource is fine', () => {
    const { store } = newStore();
    store.create('pods', pod('a', 'x'));
    store.create('pods', pod('b', 'x'));
    store.create('configmaps', pod('a', 'x'));
    expect(store.stats().objects).toBe(3);
  });
});

describe('generateName', () => {
  it('appends 5 chars from the upstream alphabet', () => {
    const { store } = newStore();
    for (let i = 0; i < 50; i++) {
      const o = store.create('pods', { metadata: { namespace: 'd', generateName: 'web-' } });
      expect(o.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(o.metadata.generateName).toBe('web-');
    }
    expect(store.stats().objects).toBe(50);
  });

  it('truncates a long base to 58 chars', () => {
    const { store } = newStore();
    const o = store.create('pods', { metadata: { generateName: 'x'.repeat(70) } });
    expect(o.metadata.name).toHaveLength(63);
  });

  it('retries on collision, and gives up with AlreadyExists after 8 tries', () => {
    const { clock } = newStore();
    // random() draws: "bbbbb" for the first create; "bbbbb" (taken) then "ccccc" for the second.
    const draws = [...Array(5).fill(0), ...Array(5).fill(0), ...Array(5).fill(1 / 27 + 1e-9)];
    let i = 0;
    const store = new ObjectStore({
      clock,
      random: () => draws[i++ % draws.length] as number,
    });
    expect(store.create('pods', { metadata: { generateName: 'p-' } }).metadata.name).toBe('p-bbbbb');
    expect(store.create('pods', { metadata: { generateName: 'p-' } }).metadata.name).toBe('p-ccccc');

    const stuck = new ObjectStore({
      clock,
      random: () => 0,
    });
    stuck.create('pods', { metadata: { generateName: 'p-' } });
    expect(reasonOf(() => stuck.create('pods', { metadata: { generateName: 'p-' } }))).toBe('AlreadyExists');
  });
});

describe('update', () => {
  it('replaces the object, keeps uid and creationTimestamp, bumps RV', () => {
    const { store, clock } = newStore();
    const a = store.create('pods', pod('d', 'a'));
    clock.advance(5_000);
    const b = store.update('pods', {
      ...a,
      metadata: { ...a.metadata, uid: undefined, creationTimestamp: 'bogus', labels: { x: '1' } },
    });
    expect(b).not.toBe(a);
    expect(b.metadata).toMatchObject({ uid: 'uid-1', creationTimestamp: a.metadata.creationTimestamp, resourceVersion: '3' });
    expect(b.metadata.labels).toEqual({ x: '1' });
    expect(store.get('pods', 'd', 'a')).toBe(b);
    // The old object was not mutated: writes replace.
    expect(a.metadata.resourceVersion).toBe('2');
    expect(a.metadata.labels).toBeUndefined();
  });

  it('conflicts on a stale resourceVersion, accepts a missing one (unconditional)', () => {
    const { store } = newStore();
    const a = store.create('pods', pod('d', 'a'));
    store.update('pods', { ...a, metadata: { ...a.metadata, labels: { v: '1' } } });
    const stale = { ...a, metadata: { ...a.metadata, labels: { v: '2' } } };
    expect(reasonOf(() => store.update('pods', stale))).toBe('Conflict');
    expect(store.get('pods', 'd', 'a')?.metadata.labels).toEqual({ v: '1' });
    const blind = store.update('pods', { ...a, metadata: { ...a.metadata, resourceVersion: undefined, labels: { v: '3' } } });
    expect(blind.metadata.labels).toEqual({ v: '3' });
  });

  it.each<[string, KubeObject, string]>([
    ['missing object', pod('d', 'nope'), 'NotFound'],
    ['missing name', { metadata: { namespace: 'd' } }, 'Invalid'],
    ['changed uid', { ...pod('d', 'a'), metadata: { namespace: 'd', name: 'a', uid: 'other' } }, 'Invalid'],
  ])('rejects %s', (_, obj, reason) => {
    const { store } = newStore();
    store.create('pods', pod('d', 'a'));
    expect(reasonOf(() => store.update('pods', obj))).toBe(reason);
    expect(store.resourceVersion()).toBe('2');
  });

  it.each<[string, (o: KubeObject) => KubeObject, number]>([
    ['spec change', (o) => ({ ...o, spec: { nodeName: 'n1' } }), 2],
    ['new top-level field', (o) => ({ ...o, data: { a: 'b' } }), 2],
    ['status change', (o) => ({ ...o, status: { phase: 'Running' } }), 1],
    ['label change', (o) => ({ ...o, metadata: { ...o.metadata, labels: { a: 'b' } } }), 1],
    ['client-sent generation', (o) => ({ ...o, metadata: { ...o.metadata, generation: 42, labels: { a: 'c' } } }), 1],
  ])('generation after %s is %d', (_, change, generation) => {
    const { store } = newStore();
    const a = store.create('pods', pod('d', 'a'));
    expect(store.update('pods', change(a)).metadata.generation).toBe(generation);
  });

  it('a no-op update returns the stored object without a write', () => {
    const { store } = newStore();
    const a = store.create('pods', { ...pod('d', 'a'), status: { phase: 'Pending' } });
    const events: string[] = [];
    store.watch('pods', undefined, undefined, (e) => events.push(e.type));
    // A structurally equal copy, with key order changed and RV omitted.
    const same: KubeObject = { status: { phase: 'Pending' }, spec: { nodeName: '' }, kind: 'Pod', apiVersion: 'v1', metadata: { name: 'a', namespace: 'd' } };
    expect(store.update('pods', same)).toBe(a);
    expect(store.resourceVersion()).toBe('2');
    expect(events).toEqual([]);
  });

  it('never removes a deletionTimestamp once set', () => {
    const { store } = newStore();
    const a = store.create('pods', pod('d', 'a'));
    const b = store.update('pods', { ...a, metadata: { ...a.metadata, deletionTimestamp: '2026-01-01T00:01:00Z', deletionGracePeriodSeconds: 30 } });
    const c = store.update('pods', { ...b, metadata: { ...b.metadata, deletionTimestamp: undefined, deletionGracePeriodSeconds: undefined, labels: { a: 'b' } } });
    expect(c.metadata.deletionTimestamp).toBe('2026-01-01T00:01:00Z');
    expect(c.metadata.deletionGracePeriodSeconds).toBe(30);
  });

  it('stored objects are shallow-frozen so in-place edits throw', () => {
    const { store } = newStore();
    const a = store.create('pods', pod('d', 'a'));
    expect(() => {
      (a.metadata as { name: string }).name = 'b';
    }).toThrow(TypeError);
    expect(() => {
      a.spec = {};
    }).toThrow(TypeError);
  });
});

describe('delete', () => {
  it('removes the object and returns it stamped with the deletion RV', () => {
    const { store } = newStore();
    const a = store.create('pods', pod('d', 'a'));
    const gone = store.delete('pods', 'd', 'a');
    expect(gone.metadata.resourceVersion).toBe('3');
    expect(gone.metadata.uid).toBe(a.metadata.uid);
    expect(a.metadata.resourceVersion).toBe('2');
    expect(store.get('pods', 'd', 'a')).toBeUndefined();
    expect(store.stats().objects).toBe(0);
    expect(reasonOf(() => store.delete('pods', 'd', 'a'))).toBe('NotFound');
  });

  it.each<[string, { uid?: string; resourceVersion?: string }, string]>([
    ['matching uid', { uid: 'uid-1' }, 'no error'],
    ['matching rv', { resourceVersion: '2' }, 'no error'],
    ['wrong uid', { uid: 'uid-9' }, 'Conflict'],
    ['wrong rv', { resourceVersion: '1' }, 'Conflict'],
    ['right uid wrong rv', { uid: 'uid-1', resourceVersion: '7' }, 'Conflict'],
  ])('preconditions: %s', (_, pre, reason) => {
    const { store } = newStore();
    store.create('pods', pod('d', 'a'));
    expect(reasonOf(() => store.delete('pods', 'd', 'a', pre))).toBe(reason);
    expect(store.get('pods', 'd', 'a') === undefined).toBe(reason === 'no error');
  });

  it('a name can be reused after delete, with a new uid', () => {
    const { store } = newStore();
    store.create('pods', pod('d', 'a'));
    store.delete('pods', 'd', 'a');
    expect(store.create('pods', pod('d', 'a')).metadata.uid).toBe('uid-2');
  });
});

describe('objectKey', () => {
  it.each([
    ['', 'n1', 'n1'],
    ['default', 'p', 'default/p'],
  ])('(%j, %j) = %j', (ns, name, key) => {
    expect(objectKey(ns, name)).toBe(key);
  });
});
