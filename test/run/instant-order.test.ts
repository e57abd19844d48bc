import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../hal/signals/index.ts';
import { InstantBuffer } from '../../sim/run/instant-order.ts';

const log = (message: string, t = 0): JournalRecord => ({ t, kind: 'log', level: 'info', message });
const cluster = (name: string, t = 0): JournalRecord => ({ t, kind: 'cluster', event: 'added', object: { kind: 'Pod', name } } as unknown as JournalRecord);
const label = (r: JournalRecord) => (r.kind === 'log' ? `log:${(r as { message: string }).message}` : `cluster:${(r as unknown as { object: { name: string } }).object.name}`);

describe('InstantBuffer', () => {
  it.each([
    { name: 'the runner first, the cluster after, each in arrival order', at: [0, 0, 0, 0], input: [cluster('a'), log('x'), cluster('b'), log('y')], out: ['log:x', 'log:y', 'cluster:a', 'cluster:b'] },
    { name: 'instants never mix: a later instant waits for its own end', at: [0, 0, 5, 5], input: [cluster('a'), log('x'), cluster('b'), log('y')], out: ['log:x', 'cluster:a', 'log:y', 'cluster:b'] },
    { name: 'only cluster records', at: [1, 1], input: [cluster('b'), cluster('a')], out: ['cluster:b', 'cluster:a'] },
  ])('$name', ({ at, input, out }) => {
    let now = 0;
    const emitted: string[] = [];
    const buffer = new InstantBuffer(() => now, (r) => emitted.push(label(r)));
    input.forEach((r, i) => {
      now = at[i]!;
      buffer.add(r);
    });
    buffer.flush();
    expect(emitted).toEqual(out);
  });

  it('emits an instant when the clock has moved on, before the next record joins the buffer', () => {
    let now = 0;
    const emitted: string[] = [];
    const buffer = new InstantBuffer(() => now, (r) => emitted.push(label(r)));
    buffer.add(cluster('a'));
    expect(emitted).toEqual([]);
    now = 10;
    buffer.add(log('x'));
    expect(emitted).toEqual(['cluster:a']);
    buffer.flush();
    buffer.flush();
    expect(emitted).toEqual(['cluster:a', 'log:x']);
  });
});

describe('InstantBuffer, flushed when its instant is over', () => {
  it('emits at the requested moment, and a stale request does not cut a later instant short', () => {
    let now = 0;
    const emitted: string[] = [];
    const requests: (() => void)[] = [];
    const buffer = new InstantBuffer(() => now, (r) => emitted.push(label(r)), (flush) => requests.push(flush));
    buffer.add(cluster('a'));
    buffer.add(log('x'));
    requests[0]!();
    expect(emitted).toEqual(['log:x', 'cluster:a']);
    now = 1;
    buffer.add(cluster('b'));
    now = 2;
    buffer.add(cluster('c'));
    expect(emitted).toEqual(['log:x', 'cluster:a', 'cluster:b']);
    buffer.add(log('y'));
    requests[1]!(); // instant 1's request, late: instant 2 must stay whole
    expect(emitted).toHaveLength(3);
    requests[2]!();
    expect(emitted).toEqual(['log:x', 'cluster:a', 'cluster:b', 'log:y', 'cluster:c']);
  });
});
