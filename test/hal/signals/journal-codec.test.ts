import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JournalError,
  formatJournalRecord,
  parseJournal,
  parseJournalLine,
  type JournalEntry,
} from '../../../hal/signals/index.ts';
import { entry, reorderKeys } from './arbitraries.ts';

const header = '{"kind":"header","format":"kis-journal","version":1,"seed":7}';
const sep = '{"t":1200,"kind":"signal","signal":{"t":1150,"type":"separation","plane":"s1-s2","source":"serial","state":"separated"}}';

describe('formatJournalRecord / parseJournalLine', () => {
  it('round-trips every valid entry', () => {
    fc.assert(
      fc.property(entry, (e) => {
        const line = formatJournalRecord(e);
        expect(line).not.toContain('\n');
        expect(parseJournalLine(line, 1)).toEqual(JSON.parse(JSON.stringify(e)));
        // Formatting is a fixed point: parse + format gives the same bytes.
        expect(formatJournalRecord(parseJournalLine(line, 1))).toBe(line);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the same bytes whatever the key order the record was built in', () => {
    fc.assert(
      fc.property(entry, fc.nat(10), (e, seed) => {
        expect(formatJournalRecord(reorderKeys(e, seed) as JournalEntry)).toBe(formatJournalRecord(e));
      }),
    );
  });

  it('gives the bytes of a plain sort of every object at every depth (a canonical record is not copied, but reads the same)', () => {
    const LEADING = ['t', 'kind', 'type', 'format', 'version'];
    const rank = (k: string) => (LEADING.includes(k) ? LEADING.indexOf(k) : Infinity);
    const reference = (v: unknown): unknown => {
      if (Object.is(v, -0)) return 0;
      if (Array.isArray(v)) return v.map(reference);
      if (v === null || typeof v !== 'object') return v;
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort((a, b) => rank(a) - rank(b) || (rank(a) === Infinity ? (a < b ? -1 : a > b ? 1 : 0) : 0));
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const k of keys) out[k] = reference(o[k]);
      return out;
    };
    fc.assert(
      fc.property(entry, fc.nat(10), (e, seed) => {
        const shuffled = reorderKeys(e, seed) as JournalEntry;
        expect(formatJournalRecord(shuffled)).toBe(JSON.stringify(reference(shuffled)));
        expect(formatJournalRecord(e)).toBe(JSON.stringify(reference(e)));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    [{ kind: 'header', version: 1, format: 'kis-journal', seed: 7 }, header],
    [
      { signal: { state: 'separated', source: 'serial', t: 1150, plane: 's1-s2', type: 'separation' }, kind: 'signal', t: 1200 },
      sep,
    ],
    [
      { kind: 'log', message: 'hi', level: 'info', t: -10_000, module: undefined },
      '{"t":-10000,"kind":"log","level":"info","message":"hi"}',
    ],
  ] as const)('puts t, kind, type first and the rest alphabetically: %j', (e, expected) => {
    expect(formatJournalRecord(e as unknown as JournalEntry)).toBe(expected);
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['[1,2]', 'expected a JSON object'],
    ['{"t":1,"kind":"nope"}', 'kind: expected header | signal'],
    ['{"kind":"signal","signal":{}}', 't: required field is missing'],
    ['{"t":"1","kind":"log","level":"info","message":"x"}', 't: expected a finite number'],
    ['{"t":1,"kind":"log","level":"loud","message":"x"}', 'level: expected one of debug | info | warn | error'],
    ['{"t":1,"kind":"log","level":"info","message":"x","extra":1}', 'extra: unknown field'],
    ['{"t":1,"kind":"signal","signal":{"type":"warp","source":"x","t":1}}', 'signal.type: expected one of separation'],
    ['{"t":1,"kind":"signal","signal":{"type":"separation","source":"x","t":1,"state":"separated"}}', 'signal.plane: required field is missing'],
    ['{"t":1,"kind":"signal","signal":{"type":"power","source":"x","t":1,"bus":"a","millivolts":1.5}}', 'signal.millivolts: expected an integer'],
    ['{"t":1,"kind":"signal","signal":{"type":"scale","source":"x","t":1,"workload":"w","replicas":-1}}', 'signal.replicas: expected an integer >= 0'],
    ['{"t":1,"kind":"action","status":"applied","action":{"type":"power-off","target":{"by":"rack","name":"n1"}}}', 'action.target.by: expected one of node | stage | power-bus'],
    ['{"t":1,"kind":"action","status":"applied","action":{"type":"emit-event","target":{"by":"node","name":"n1"},"reason":"Boom","eventType":"Normal","message":""}}', 'action.reason: expected one of StageSeparated'],
    ['{"t":1,"kind":"action","status":"maybe","action":{"type":"power-on","target":{"by":"node","name":"n1"}}}', 'status: expected one of decided'],
    ['{"t":1,"kind":"telemetry","channel":"c","values":{"v":"high"}}', 'values.v: expected a finite number'],
    ['{"kind":"header","format":"kis-journal","version":2}', 'unsupported journal version 2'],
    ['{"kind":"header","format":"other","version":1}', 'format: expected one of kis-journal'],
  ])('rejects %s with a message naming the line', (line, problem) => {
    let caught: unknown;
    try {
      parseJournalLine(line, 17);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(JournalError);
    expect((caught as JournalError).lineNumber).toBe(17);
    expect((caught as JournalError).message).toMatch(/^line 17: /);
    expect((caught as JournalError).message).toContain(problem);
  });

  it('refuses to format what it could not read back', () => {
    const bad = { t: Number.NaN, kind: 'log', level: 'info', message: 'x' } as unknown as JournalEntry;
    expect(() => formatJournalRecord(bad)).toThrow(JournalError);
  });

  it('keeps unknown header fields and a "__proto__" key as data', () => {
    const line = '{"kind":"header","format":"kis-journal","version":1,"__proto__":{"x":1},"host":"lab"}';
    const parsed = parseJournalLine(line, 1);
    expect(formatJournalRecord(parsed)).toBe('{"kind":"header","format":"kis-journal","version":1,"__proto__":{"x":1},"host":"lab"}');
  });
});

describe('parseJournal', () => {
  it('reads a header and records, skipping blank lines and CRLF', () => {
    const j = parseJournal(`${header}\r\n${sep}\n\n`);
    expect(j.header.seed).toBe(7);
    expect(j.records).toHaveLength(1);
  });

  it.each([
    ['', 'line 1: empty journal'],
    [sep, 'line 1: a signal record before the header'],
    [`${header}\n${header}`, 'line 2: a second header'],
    [`${header}\n${sep}\n{"t":1}`, 'line 3: kind:'],
  ])('rejects %j', (text, message) => {
    expect(() => parseJournal(text)).toThrow(message);
  });
});
