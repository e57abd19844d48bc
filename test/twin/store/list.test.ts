import { describe, expect, it } from 'vitest';
import { isStoreError, type KubeObject } from '../../../sim/twin/store/index.ts';
import { newStore, pod } from './helpers.ts';

const keys = (items: KubeObject[]): string[] => items.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

/** Follows continue tokens to the end, running `between` after each page. */
function allPages(
  list: (cont: string | undefined) => { items: KubeObject[]; continue?: string; resourceVersion: string; remainingItemCount?: number },
  between: (page: number) => void = () => undefined,
): { pages: string[][]; rvs: string[]; remaining: (number | undefined)[] } {
  const pages: string[][] = [];
  const rvs: string[] = [];
  const remaining: (number | undefined)[] = [];
  let cont: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const r = list(cont);
    pages.push(keys(r.items));
    rvs.push(r.resourceVersion);
    remaining.push(r.remainingItemCount);
    if (r.continue === undefined) return { pages, rvs, remaining };
    cont = r.continue;
    between(page);
  }
  throw new Error('list never ended');
}

describe('list', () => {
  it('returns etcd key order: namespace prefix, then name', () => {
    const { store } = newStore();
    for (const [ns, name] of [['b', 'x'], ['a', 'z'], ['a-b', 'y'], ['a', 'b'], ['b', 'a'], ['a', 'a10'], ['a', 'a9']] as const) {
      store.create('pods', pod(ns, name));
    }
    store.create('services', pod('a', 'svc'));
    // "a-b/" sorts before "a/" in bytes ('-' < '/'), as in etcd.
    expect(keys(store.list('pods', undefined).items)).toEqual(['a-b/y', 'a/a10', 'a/a9', 'a/b', 'a/z', 'b/a', 'b/x']);
    expect(keys(store.list('pods', 'a').items)).toEqual(['a/a10', 'a/a9', 'a/b', 'a/z']);
    expect(store.list('pods', 'zzz').items).toEqual([]);
    expect(store.list('nothing', undefined)).toEqual({ items: [], resourceVersion: store.resourceVersion() });
  });

  it('stays sorted through interleaved creates, deletes and re-creates', () => {
    const { store } = newStore();
    const live = new Set<string>();
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 400; i++) {
      const name = `p${rnd(60)}`;
      if (live.has(name)) {
        store.delete('pods', 'd', name);
        live.delete(name);
      } else {
        store.create('pods', pod('d', name));
        live.add(name);
      }
      if (i % 37 === 0) expect(keys(store.list('pods', 'd').items)).toEqual([...live].sort().map((n) => `d/${n}`));
    }
    expect(keys(store.list('pods', undefined).items)).toEqual([...live].sort().map((n) => `d/${n}`));
  });

  it('filter keeps matching items only, and limit counts matches', () => {
    const { store } = newStore();
    for (let i = 0; i < 10; i++) store.create('pods', { ...pod('d', `p${i}`), spec: { nodeName: i % 2 === 0 ? 'n1' : 'n2' } });
    const onN1 = (o: KubeObject): boolean => (o.spec as { nodeName: string }).nodeName === 'n1';
    expect(keys(store.list('pods', 'd', { filter: onN1 }).items)).toEqual(['d/p0', 'd/p2', 'd/p4', 'd/p6', 'd/p8']);
    const { pages, remaining } = allPages((c) => store.list('pods', 'd', { filter: onN1, limit: 2, continue: c }));
    expect(pages).toEqual([['d/p0', 'd/p2'], ['d/p4', 'd/p6'], ['d/p8']]);
    // upstream: no remainingItemCount when a selector filtered the list.
    expect(remaining).toEqual([undefined, undefined, undefined]);
  });

  it.each([1, 2, 3, 7, 10, 11, 100])('limit %d pages through every item once, with remainingItemCount', (limit) => {
    const { store } = newStore();
    const all: string[] = [];
    for (const ns of ['x', 'a', 'm']) for (let i = 0; i < 4; i++) store.create('pods', pod(ns, `p${i}`));
    for (const ns of ['a', 'm', 'x']) for (let i = 0; i < 4; i++) all.push(`${ns}/p${i}`);
    const { pages, rvs, remaining } = allPages((c) => store.list('pods', undefined, { limit, continue: c }));
    expect(pages.flat()).toEqual(all);
    expect(pages.every((p) => p.length <= limit)).toBe(true);
    expect(new Set(rvs)).toEqual(new Set([store.resourceVersion()]));
    const expectRemaining = pages.map((_, i) => (i === pages.length - 1 ? undefined : all.length - limit * (i + 1)));
    expect(remaining).toEqual(expectRemaining);
  });

  it('an exact-fit last page has no continue token', () => {
    const { store } = newStore();
    for (let i = 0; i < 4; i++) store.create('pods', pod('d', `p${i}`));
    const r = store.list('pods', 'd', { limit: 4 });
    expect(r.items).toHaveLength(4);
    expect(r.continue).toBeUndefined();
  });

  it('continued pages show the snapshot of the first page despite writes in between', () => {
    const { store } = newStore();
    for (let i = 0; i < 10; i++) store.create('pods', { ...pod('d', `p${i}`), spec: { v: 0 } });
    const firstRv = store.resourceVersion();
    const seen = new Map<string, unknown>();
    const { pages, rvs, remaining } = allPages(
      (c) => {
        const r = store.list('pods', 'd', { limit: 3, continue: c });
        for (const o of r.items) seen.set(o.metadata.name as string, (o.spec as { v: number }).v);
        return r;
      },
      (page) => {
        if (page === 0) {
          store.delete('pods', 'd', 'p5'); // deleted after the snapshot: still listed
          store.create('pods', pod('d', 'p55')); // created after: not listed
          const p7 = store.get('pods', 'd', 'p7') as KubeObject;
          store.update('pods', { ...p7, spec: { v: 1 } }); // updated after: listed as it was
          store.delete('pods', 'd', 'p1'); // already returned: irrelevant
          store.create('pods', pod('d', 'p00')); // sorts before the cursor: irrelevant
        }
      },
    );
    expect(pages.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `d/p${i}`));
    expect(seen.get('p7')).toBe(0);
    expect(new Set(rvs)).toEqual(new Set([firstRv]));
    expect(remaining).toEqual([7, 4, 1, undefined]);
    // A fresh list sees the present.
    expect(keys(store.list('pods', 'd').items)).toEqual(['d/p0', 'd/p00', 'd/p2', 'd/p3', 'd/p4', 'd/p55', 'd/p6', 'd/p7', 'd/p8', 'd/p9']);
  });

  it('a continue token older than the retained history is Expired', () => {
    const { store } = newStore(5);
    for (let i = 0; i < 4; i++) store.create('pods', pod('d', `p${i}`));
    const r = store.list('pods', 'd', { limit: 2 });
    // Exactly historyLimit writes later, the snapshot can still be rebuilt; one more and it cannot.
    for (let i = 0; i < 5; i++) store.create('configmaps', pod('d', `c${i}`));
    expect(keys(store.list('pods', 'd', { limit: 2, continue: r.continue }).items)).toEqual(['d/p2', 'd/p3']);
    store.create('configmaps', pod('d', 'c5'));
    let reason = '';
    try {
      store.list('pods', 'd', { limit: 2, continue: r.continue });
    } catch (e) {
      if (isStoreError(e)) reason = e.reason;
    }
    expect(reason).toBe('Expired');
  });

  it.each(['garbage!', Buffer.from('{"v":"x","rv":1,"start":"a\\u0000"}').toString('base64url'), Buffer.from('[]').toString('base64url')])(
    'a malformed continue token %s is Invalid',
    (token) => {
      const { store } = newStore();
      store.create('pods', pod('d', 'a'));
      expect(() => store.list('pods', 'd', { continue: token })).toThrow(/continue token is not valid/);
    },
  );

  it('list hands out the stored objects themselves (no clones)', () => {
    const { store } = newStore();
    const a = store.create('pods', pod('d', 'a'));
    expect(store.list('pods', 'd').items[0]).toBe(a);
  });
});
