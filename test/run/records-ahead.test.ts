// Records known ahead are handed on once the clock reaches their instant, in order, each exactly once.
import { describe, expect, it } from 'vitest';
import { RecordsAhead } from '../../sim/run/records-ahead.ts';

const batches = [
  { at: 10, records: ['a', 'b'] },
  { at: 20, records: ['c'] },
  { at: 20, records: ['d'] },
  { at: 35, records: ['e'] },
];

describe('RecordsAhead', () => {
  it.each([
    { name: 'nothing before the first instant', calls: [5], out: [[]] },
    { name: 'a batch due exactly now', calls: [10], out: [['a', 'b']] },
    { name: 'everything passed in one jump', calls: [100], out: [['a', 'b', 'c', 'd', 'e']] },
    { name: 'each once, however often asked', calls: [10, 10, 20, 21, 34, 35, 35], out: [['a', 'b'], [], ['c', 'd'], [], [], ['e'], []] },
    { name: 'a clock that seems to go back adds nothing', calls: [20, 15], out: [['a', 'b', 'c', 'd'], []] },
  ])('$name', ({ calls, out }) => {
    const got: string[] = [];
    const ahead = new RecordsAhead(batches, (r) => got.push(r));
    const per = calls.map((now) => {
      const before = got.length;
      ahead.upTo(now);
      return got.slice(before);
    });
    expect(per).toEqual(out);
  });

  it('rejects batches out of order', () => {
    expect(() => new RecordsAhead([{ at: 2, records: [1] }, { at: 1, records: [2] }], () => undefined)).toThrow(/batch 1 at 1 comes before/);
  });
});
