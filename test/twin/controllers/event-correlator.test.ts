// client-go's EventCorrelator as the twin reproduces it: repeats count, similar events aggregate, spam is throttled.
import { describe, expect, it } from 'vitest';
import { EventCorrelator, type EventFacts } from '../../../sim/twin/controllers/event-correlator.ts';
import { LruCache } from '../../../sim/twin/controllers/lru.ts';

const facts = (over: Partial<EventFacts> = {}): EventFacts => ({
  component: 'replicaset-controller', host: '', kind: 'ReplicaSet', namespace: 'ns', name: 'web-1', uid: 'u1', apiVersion: 'apps/v1',
  type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: web-1-a', ...over,
});

const namer = () => {
  let n = 0;
  return () => `ev-${++n}`;
};

describe('EventCorrelator', () => {
  it('counts an identical repeat on the first Event', () => {
    const c = new EventCorrelator();
    const name = namer();
    expect(c.correlate(facts(), 0, name)).toEqual({ kind: 'write', name: 'ev-1', count: 1, message: 'Created pod: web-1-a' });
    expect(c.correlate(facts(), 1_000, name)).toEqual({ kind: 'write', name: 'ev-1', count: 2, message: 'Created pod: web-1-a' });
  });

  it('aggregates the 10th similar event (same object and reason, new message) into one combined Event', () => {
    const c = new EventCorrelator();
    const name = namer();
    const out = Array.from({ length: 14 }, (_, i) => c.correlate(facts({ message: `Created pod: web-1-${i}` }), i, name));
    expect(out.slice(0, 9).map((r) => r.kind === 'write' && r.count)).toEqual(Array(9).fill(1));
    expect(new Set(out.slice(0, 9).map((r) => r.kind === 'write' && r.name)).size).toBe(9);
    expect(out[9]).toEqual({ kind: 'write', name: 'ev-10', count: 1, message: '(combined from similar events): Created pod: web-1-9' });
    expect(out[13]).toEqual({ kind: 'write', name: 'ev-10', count: 5, message: '(combined from similar events): Created pod: web-1-13' });
  });

  it.each([
    ['another reason', facts({ reason: 'SuccessfulDelete', message: 'x' })],
    ['another object', facts({ name: 'web-2', uid: 'u2', message: 'x' })],
    ['another source host', facts({ host: 'node-1', message: 'x' })],
  ])('does not aggregate across %s', (_, other) => {
    const c = new EventCorrelator();
    const name = namer();
    for (let i = 0; i < 9; i++) c.correlate(facts({ message: `m${i}` }), i, name);
    expect(c.correlate(other, 10, name)).toMatchObject({ count: 1, message: 'x' });
  });

  it('starts a fresh aggregation window after 10 minutes of quiet', () => {
    const c = new EventCorrelator();
    const name = namer();
    for (let i = 0; i < 9; i++) c.correlate(facts({ message: `m${i}` }), 0, name);
    expect(c.correlate(facts({ message: 'late' }), 600_001, name)).toMatchObject({ count: 1, message: 'late' });
  });

  it('lets a source say 25 things about one object, then one more every 5 minutes', () => {
    const c = new EventCorrelator({ aggregateMaxEvents: 1_000 });
    const name = namer();
    const kinds = Array.from({ length: 27 }, (_, i) => c.correlate(facts({ message: `m${i}` }), 0, name).kind);
    expect(kinds.filter((k) => k === 'write')).toHaveLength(25);
    expect(c.correlate(facts({ message: 'later' }), 299_000, name).kind).toBe('skip');
    expect(c.correlate(facts({ message: 'later' }), 300_000, name)).toMatchObject({ kind: 'write', count: 2 });
    expect(c.correlate(facts({ name: 'other', uid: 'u9' }), 300_000, name).kind).toBe('write');
  });

  it('forgets objects not talked about for a while past its cache size, so memory stays bounded', () => {
    const c = new EventCorrelator({ cacheSize: 8 });
    const name = namer();
    // Distinct objects have distinct uids (the key is by uid when there is one).
    const say = (o: string) => c.correlate(facts({ name: o, uid: `u${o}` }), 0, name);
    say('a');
    say('b');
    say('a'); // a used again
    for (const o of ['c', 'd', 'e']) say(o);
    expect(say('a')).toMatchObject({ name: 'ev-1', count: 3 });
    for (const o of ['f', 'g', 'h', 'i', 'j', 'k', 'l', 'm']) say(o);
    expect(say('b')).toMatchObject({ count: 1 });
  });

  it('tells objects apart by uid, or by kind, namespace and name when an object has no uid', () => {
    const c = new EventCorrelator();
    const name = namer();
    expect(c.correlate(facts({ uid: 'u1' }), 0, name)).toMatchObject({ count: 1 });
    expect(c.correlate(facts({ uid: 'u2' }), 0, name)).toMatchObject({ count: 1 });
    expect(c.correlate(facts({ uid: 'u1' }), 0, name)).toMatchObject({ count: 2 });
    expect(c.correlate(facts({ uid: '', name: 'x' }), 0, name)).toMatchObject({ count: 1 });
    expect(c.correlate(facts({ uid: '', name: 'y' }), 0, name)).toMatchObject({ count: 1 });
    expect(c.correlate(facts({ uid: '', name: 'x', kind: 'Pod' }), 0, name)).toMatchObject({ count: 1 });
    expect(c.correlate(facts({ uid: '', name: 'x' }), 0, name)).toMatchObject({ count: 2 });
    expect(c.correlate(facts({ uid: 'u1', host: 'node-1' }), 0, name)).toMatchObject({ count: 1 });
  });
});

describe('EventCorrelator memory per object', () => {
  it('keeps the 64 newest observations of an object, so a long-lived one cannot grow without bound', () => {
    const c = new EventCorrelator({ spamBurst: 1_000 });
    const name = namer();
    const say = (reason: string) => c.correlate(facts({ reason, message: `said ${reason}` }), 0, name);
    for (let i = 0; i < 70; i++) expect(say(`R${i}`)).toMatchObject({ count: 1 });
    // The six oldest were forgotten: said again, they start over under a new name; the newest still count on.
    expect(say('R0')).toMatchObject({ count: 1, name: 'ev-71' });
    expect(say('R69')).toMatchObject({ count: 2, name: 'ev-70' });
    expect(say('R10')).toMatchObject({ count: 2, name: 'ev-11' });
  });

  it('keeps each source\'s counts and spam budget apart for one object, however many sources speak', () => {
    const c = new EventCorrelator({ spamBurst: 2 });
    const name = namer();
    const from = (host: string) => c.correlate(facts({ component: 'kubelet', host }), 0, name);
    expect([from('n1'), from('n2'), from('n3')].map((r) => r.kind === 'write' && r.count)).toEqual([1, 1, 1]);
    expect(from('n2')).toMatchObject({ kind: 'write', count: 2 });
    expect(from('n2').kind).toBe('skip');
    expect(from('n3')).toMatchObject({ kind: 'write', count: 2 });
  });

  it('keeps only the values of the facts it is given, so a caller may refill one facts object', () => {
    const c = new EventCorrelator();
    const name = namer();
    const f = facts();
    expect(c.correlate(f, 0, name)).toMatchObject({ name: 'ev-1', count: 1 });
    Object.assign(f, { reason: 'Killing', message: 'Stopping container' });
    expect(c.correlate(f, 0, name)).toMatchObject({ name: 'ev-2', count: 1, message: 'Stopping container' });
    Object.assign(f, facts());
    expect(c.correlate(f, 0, name)).toMatchObject({ name: 'ev-1', count: 2, message: 'Created pod: web-1-a' });
  });

  it('passes the object\'s name to the namer of a new Event', () => {
    const c = new EventCorrelator();
    const r = c.correlate(facts({ name: 'web-9' }), 0, (object) => `${object}.1`);
    expect(r).toMatchObject({ name: 'web-9.1' });
  });
});

describe('LruCache', () => {
  it('keeps an entry for capacity/2 − 1 insertions after its last use, and never holds more than its capacity', () => {
    const l = new LruCache<string, number>(8);
    for (let round = 0; round < 50; round++) {
      l.set('hot', round);
      for (let i = 0; i < 3; i++) {
        l.set(`k${round}-${i}`, i);
        expect(l.size).toBeLessThanOrEqual(8);
      }
      expect(l.get('hot')).toBe(round);
    }
    for (let i = 0; i < 8; i++) l.set(`cold-${i}`, i);
    expect(l.get('hot')).toBeUndefined();
  });

  it('updates a value in place without growing', () => {
    const l = new LruCache<string, number>(10);
    l.set('a', 1);
    l.set('a', 2);
    expect([l.get('a'), l.size]).toEqual([2, 1]);
  });

  it('works with a capacity of one', () => {
    const l = new LruCache<string, number>(1);
    l.set('a', 1);
    l.set('b', 2);
    expect(l.get('b')).toBe(2);
    expect(l.size).toBeLessThanOrEqual(1);
  });

  it('rejects a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(/capacity/);
  });
});
