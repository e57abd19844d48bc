import { describe, expect, it } from 'vitest';
import { Fifo } from '../../sim/core/index.ts';

describe('Fifo', () => {
  it('gives items back in the order they came, then undefined', () => {
    const q = new Fifo<string>();
    expect(q.take()).toBeUndefined();
    q.push('a');
    q.push('b');
    expect(q.peek()).toBe('a');
    expect(q.length).toBe(2);
    expect(q.take()).toBe('a');
    q.push('c');
    expect([q.take(), q.take(), q.take()]).toEqual(['b', 'c', undefined]);
    expect(q.length).toBe(0);
  });

  it('keeps order across the reclaiming of taken slots, interleaving pushes and takes', () => {
    const q = new Fifo<number>();
    const taken: number[] = [];
    let next = 0;
    // Push 3, take 2, repeatedly: the head passes the 1,024 reclaim threshold many times with items left behind it.
    for (let round = 0; round < 5_000; round++) {
      q.push(next++);
      q.push(next++);
      q.push(next++);
      taken.push(q.take()!, q.take()!);
      expect(q.length).toBe(next - taken.length);
    }
    while (q.length) taken.push(q.take()!);
    expect(taken).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  it('clear empties it', () => {
    const q = new Fifo<number>();
    for (let i = 0; i < 10; i++) q.push(i);
    q.take();
    q.clear();
    expect(q.length).toBe(0);
    expect(q.peek()).toBeUndefined();
  });
});
