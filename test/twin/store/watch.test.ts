import { describe, expect, it } from 'vitest';
import { isStoreError, type KubeObject, type WatchEvent } from '../../../sim/twin/store/index.ts';
import { newStore, pod } from './helpers.ts';

const brief = (e: WatchEvent): string => `${e.type} ${e.object.metadata.name ?? ''}@${e.object.metadata.resourceVersion}`;

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isStoreError(e)) return e.reason;
    throw e;
  }
  return 'no error';
}

describe('watch', () => {
  it('from now: only live events, for its resource and namespace', () => {
    const { store } = newStore();
    store.create('pods', pod('a', 'before'));
    const all: string[] = [];
    const inA: string[] = [];
    store.watch('pods', undefined, undefined, (e) => all.push(brief(e)));
    store.watch('pods', 'a', '0', (e) => inA.push(brief(e)));
    const x = store.create('pods', pod('a', 'x'));
    store.create('pods', pod('b', 'y'));
    store.create('services', pod('a', 'svc'));
    store.update('pods', { ...x, spec: { nodeName: 'n1' } });
    store.delete('pods', 'a', 'x');
    expect(all).toEqual(['ADDED x@3', 'ADDED y@4', 'MODIFIED x@6', 'DELETED x@7']);
    expect(inA).toEqual(['ADDED x@3', 'MODIFIED x@6', 'DELETED x@7']);
  });

  it('from a resourceVersion: replays history after it, then continues live, in order', () => {
    const { store } = newStore();
    const a = store.create('pods', pod('d', 'a')); // rv 2
    store.update('pods', { ...a, spec: { nodeName: 'n' } }); // rv 3
    store.create('pods', pod('d', 'b')); // rv 4
    const got: string[] = [];
    store.watch('pods', undefined, '2', (e) => got.push(brief(e)));
    expect(got).toEqual(['MODIFIED a@3', 'ADDED b@4']);
    store.delete('pods', 'd', 'b');
    expect(got).toEqual(['MODIFIED a@3', 'ADDED b@4', 'DELETED b@5']);
  });

  it('list then watch from the list RV misses nothing and repeats nothing', () => {
    const { store } = newStore();
    for (let i = 0; i < 5; i++) store.create('pods', pod('d', `p${i}`));
    const listed = store.list('pods', 'd');
    store.create('pods', pod('d', 'late'));
    const got: string[] = [];
    store.watch('pods', 'd', listed.resourceVersion, (e) => got.push(brief(e)));
    expect(got).toEqual(['ADDED late@7']);
  });

  it.each([
    ['garbage', 'abc', 'Invalid'],
    ['negative', '-1', 'Invalid'],
    ['future', '99', 'Timeout'],
    ['current', '12', 'no error'],
    ['oldest still retained', '7', 'no error'],
    ['evicted', '6', 'Expired'],
    ['initial', '1', 'Expired'],
  ])('watch from a %s RV (%s): %s', (_, rv, reason) => {
    const { store } = newStore(5);
    for (let i = 0; i < 11; i++) store.create('pods', pod('d', `p${i}`)); // rv 2..12, history keeps 8..12
    expect(reasonOf(() => store.watch('pods', undefined, rv, () => undefined))).toBe(reason);
  });

  it('an Expired error is HTTP 410 with upstream wording', () => {
    const { store } = newStore(2);
    for (let i = 0; i < 5; i++) store.create('pods', pod('d', `p${i}`));
    try {
      store.watch('pods', undefined, '2', () => undefined);
      expect.unreachable();
    } catch (e) {
      expect(isStoreError(e, 'Expired') && e.httpStatus).toBe(410);
      expect((e as Error).message).toMatch(/too old resource version/);
    }
  });

  it('history is bounded by historyLimit', () => {
    const { store } = newStore(100);
    for (let i = 0; i < 250; i++) store.create('pods', pod('d', `p${i}`));
    expect(store.stats()).toEqual({ objects: 250, historyLength: 100, watchers: 0 });
    const got: WatchEvent[] = [];
    store.watch('pods', undefined, String(251 - 100), (e) => got.push(e));
    expect(got).toHaveLength(100);
    expect(got[0]?.object.metadata.name).toBe('p150');
  });

  it('stop() ends delivery and unregisters', () => {
    const { store } = newStore();
    const got: string[] = [];
    const w = store.watch('pods', undefined, undefined, (e) => got.push(brief(e)));
    expect(store.stats().watchers).toBe(1);
    store.create('pods', pod('d', 'a'));
    w.stop();
    w.stop();
    store.create('pods', pod('d', 'b'));
    expect(got).toEqual(['ADDED a@2']);
    expect(store.stats().watchers).toBe(0);
  });

  it('a throwing handler is stopped; the writer and other watchers carry on', () => {
    const { store } = newStore();
    let bad = 0;
    const good: string[] = [];
    store.watch('pods', undefined, undefined, () => {
      bad++;
      throw new Error('boom');
    });
    store.watch('pods', undefined, undefined, (e) => good.push(brief(e)));
    expect(() => store.create('pods', pod('d', 'a'))).not.toThrow();
    store.create('pods', pod('d', 'b'));
    expect(bad).toBe(1);
    expect(good).toEqual(['ADDED a@2', 'ADDED b@3']);
    expect(store.stats().watchers).toBe(1);
    expect(store.get('pods', 'd', 'b')).toBeDefined();
  });

  it('a handler that throws during replay is stopped before watch returns', () => {
    const { store } = newStore();
    store.create('pods', pod('d', 'a'));
    store.watch('pods', undefined, '1', () => {
      throw new Error('boom');
    });
    expect(store.stats().watchers).toBe(0);
  });

  it('handlers that write back keep one global order for every watcher', () => {
    const { store } = newStore();
    const seenByFirst: string[] = [];
    const seenByLast: string[] = [];
    // A "controller": every ADDED pod gets a label — a nested write from inside delivery.
    store.watch('pods', undefined, undefined, (e) => {
      seenByFirst.push(brief(e));
      if (e.type === 'ADDED') store.update('pods', { ...e.object, metadata: { ...e.object.metadata, labels: { seen: 'yes' } } });
    });
    store.watch('pods', undefined, undefined, (e) => seenByLast.push(brief(e)));
    store.create('pods', pod('d', 'a'));
    store.create('pods', pod('d', 'b'));
    const expected = ['ADDED a@2', 'MODIFIED a@3', 'ADDED b@4', 'MODIFIED b@5'];
    expect(seenByFirst).toEqual(expected);
    expect(seenByLast).toEqual(expected);
  });

  it('a watch opened from inside a handler sees no duplicates', () => {
    const { store } = newStore();
    const inner: string[] = [];
    let opened = false;
    store.watch('pods', undefined, undefined, (e) => {
      if (!opened) {
        opened = true;
        store.watch('pods', undefined, '1', (ev) => inner.push(brief(ev)));
        store.create('pods', pod('d', 'nested'));
      }
      void e;
    });
    store.create('pods', pod('d', 'a'));
    store.create('pods', pod('d', 'b'));
    expect(inner).toEqual(['ADDED a@2', 'ADDED nested@3', 'ADDED b@4']);
  });

  it('100 watchers × 2,000 writes: every watcher gets every event, in RV order', () => {
    const { store } = newStore();
    const logs: number[][] = Array.from({ length: 100 }, () => []);
    logs.forEach((log) => store.watch('pods', undefined, undefined, (e) => log.push(Number(e.object.metadata.resourceVersion))));
    let last: KubeObject | undefined;
    for (let i = 0; i < 2_000; i++) {
      if (i % 3 === 2 && last !== undefined) {
        last = store.update('pods', { ...last, status: { n: i } });
      } else {
        last = store.create('pods', pod(`ns${i % 7}`, `p${i}`));
      }
    }
    const expected = Array.from({ length: 2_000 }, (_, i) => i + 2);
    for (const log of logs) expect(log).toEqual(expected);
  });
});

describe('bookmarks', () => {
  it('arrive every interval of clock time with only the current resourceVersion', () => {
    const { store, clock } = newStore();
    const got: WatchEvent[] = [];
    const w = store.watch('pods', undefined, undefined, (e) => got.push(e), { bookmarks: true });
    clock.advance(59_999);
    expect(got).toEqual([]);
    clock.advance(1);
    expect(got).toEqual([{ type: 'BOOKMARK', object: { metadata: { resourceVersion: '1' } } }]);
    store.create('pods', pod('d', 'a'));
    clock.advance(60_000);
    expect(got.map((e) => `${e.type}@${e.object.metadata.resourceVersion}`)).toEqual(['BOOKMARK@1', 'ADDED@2', 'BOOKMARK@2']);
    w.stop();
    expect(clock.pending).toBe(0);
    clock.advance(600_000);
    expect(got).toHaveLength(3);
  });

  it('honour bookmarkIntervalMs and are off unless asked for', () => {
    const { store, clock } = newStore();
    let marks = 0;
    let plain = 0;
    store.watch('pods', undefined, undefined, (e) => (marks += e.type === 'BOOKMARK' ? 1 : 0), { bookmarks: true, bookmarkIntervalMs: 1_000 });
    store.watch('pods', undefined, undefined, () => plain++);
    clock.advance(10_000);
    expect(marks).toBe(10);
    expect(plain).toBe(0);
  });

  it('a bad bookmarkIntervalMs is rejected before the watch is registered', () => {
    const { store } = newStore();
    expect(reasonOf(() => store.watch('pods', undefined, undefined, () => undefined, { bookmarks: true, bookmarkIntervalMs: 0 }))).toBe('Invalid');
    expect(store.stats().watchers).toBe(0);
  });

  it('a handler throwing on a bookmark is stopped and its timer cleared', () => {
    const { store, clock } = newStore();
    store.watch('pods', undefined, undefined, () => {
      throw new Error('boom');
    }, { bookmarks: true });
    clock.advance(60_000);
    expect(store.stats().watchers).toBe(0);
    expect(clock.pending).toBe(0);
  });
});
