import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../hal/signals/index.ts';
import { NdjsonChunks } from '../../sim/serve/ndjson-chunks.ts';

const log = (t: number): JournalRecord => ({ t, kind: 'log', level: 'info', message: `m${t}` });
const text = (chunks: Iterable<Buffer>): string => Buffer.concat([...chunks]).toString('utf8');
const want = (rs: readonly JournalRecord[]): string => rs.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('NdjsonChunks', () => {
  it('any prefix of a growing journal is its records as NDJSON, whatever the chunk size and the order of asks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }), (per, asks) => {
        const records: JournalRecord[] = [];
        const chunks = new NdjsonChunks(records, per);
        for (const n of asks) {
          while (records.length < n) records.push(log(records.length));
          const count = Math.min(n, records.length);
          expect(text(chunks.upTo(count))).toBe(want(records.slice(0, count)));
        }
      }),
    );
  });

  it('serialises a full chunk once: a second ask gets the same bytes', () => {
    const records = Array.from({ length: 5 }, (_, i) => log(i));
    const chunks = new NdjsonChunks(records, 2);
    const a = [...chunks.upTo(5)];
    const b = [...chunks.upTo(5)];
    expect(b[0]).toBe(a[0]);
    expect(b[1]).toBe(a[1]);
    // The partial tail is built per ask (a live run's tail grows).
    expect(b[2]).not.toBe(a[2]);
    expect(b[2]!.equals(a[2]!)).toBe(true);
  });
});
