import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../../hal/sources/serial/index.ts';

describe('Backoff', () => {
  it('doubles from 100 ms up to 5 s, then stays there', () => {
    const b = new Backoff();
    expect(Array.from({ length: 9 }, () => b.next())).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
    expect(b.attempts).toBe(9);
  });

  it('starts over after reset()', () => {
    const b = new Backoff({ initialMs: 50, maxMs: 300, factor: 3 });
    expect([b.next(), b.next(), b.next()]).toEqual([50, 150, 300]);
    b.reset();
    expect(b.next()).toBe(50);
  });

  it('stays finite after a very long outage', () => {
    const b = new Backoff({ factor: 1000 });
    for (let i = 0; i < 10_000; i++) b.next();
    expect(b.next()).toBe(5000);
  });

  it.each([
    [{ initialMs: 0 }, /initialMs/],
    [{ initialMs: 100, maxMs: 50 }, /maxMs/],
    [{ factor: 0.5 }, /factor/],
    [{ initialMs: Number.NaN }, /initialMs/],
  ])('rejects %j', (options, message) => {
    expect(() => new Backoff(options)).toThrow(message);
  });
});
