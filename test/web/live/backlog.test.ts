// The page's backlog reader against responses built here: any split of the body parses as the whole text
// does; a response that is not a kis backlog, or whose count is off, gives the reason (the socket takes over).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalHeader, JournalRecord } from '../../../hal/signals/index.ts';
import { fetchBacklog, JOURNAL_COUNT_HEADER, JOURNAL_MODE_HEADER, readBacklog, type BacklogResponse } from '../../../web/live/index.ts';
import { parseJournalText } from '../../../web/model/index.ts';

const header: JournalHeader = { kind: 'header', format: 'kis-journal', version: 1, profile: 'p' };
const log = (t: number): JournalRecord => ({ t, kind: 'log', level: 'info', message: `é${t}✓` });
const journal = (rs: readonly JournalRecord[]): string => [header, ...rs].map((x) => JSON.stringify(x)).join('\n') + '\n';

/** A response whose body arrives in the given byte pieces. */
function response(pieces: readonly Uint8Array[], headers: Record<string, string>, status = 200): BacklogResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
    body: new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of pieces) c.enqueue(p);
        c.close();
      },
    }),
  };
}

const ok = (count: number, mode = 'replay') => ({ [JOURNAL_COUNT_HEADER]: String(count), [JOURNAL_MODE_HEADER]: mode });

function split(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

describe('readBacklog', () => {
  it('any split of the body (inside lines, inside multi-byte characters) reads as the whole text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 20 }), fc.array(fc.nat(), { maxLength: 12 }), async (n, cuts) => {
        const records = Array.from({ length: n }, (_, i) => log(i));
        const bytes = new TextEncoder().encode(journal(records));
        const seen: number[] = [];
        const got = await readBacklog(response(split(bytes, cuts), ok(n)), (p) => void seen.push(p.stream.records.length));
        expect(got).toEqual({ ...parseJournalText(journal(records)), mode: 'replay', count: n });
        // Progress only grows, and ends at the whole count.
        expect(seen).toEqual([...seen].sort((a, b) => a - b));
        expect(seen.at(-1)).toBe(n);
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ['a 404 (an older server)', response([], {}, 404), /HTTP 404/],
    ['no count header (a static host)', response([new TextEncoder().encode(journal([]))], { [JOURNAL_MODE_HEADER]: 'replay' }), /not a kis backlog/],
    ['an unknown mode', response([new TextEncoder().encode(journal([]))], ok(0, 'fast')), /not a kis backlog/],
    ['a count the body does not hold', response([new TextEncoder().encode(journal([log(0)]))], ok(2)), /held 1 readable records, the server said 2/],
    ['a line the page cannot read', response([new TextEncoder().encode(`${journal([log(0)])}{"t":1}\n`)], ok(2)), /held 1 readable/],
    ['not a journal', response([new TextEncoder().encode('<!doctype html>\n')], ok(0)), /backlog: line 1/],
  ])('%s: no backlog, with the reason', async (_what, res, reason) => {
    const got = await readBacklog(res, () => {});
    expect('reason' in got && got.reason).toMatch(reason);
  });

  it('a failed request is no backlog either', async () => {
    const got = await fetchBacklog('http://x/api/journal', () => {}, () => Promise.reject(new Error('connection refused')));
    expect(got).toEqual({ reason: 'no backlog: connection refused' });
  });
});
