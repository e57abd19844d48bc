import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JournalTextError, JournalTextStream, parseJournalText } from '../../../web/model/index.ts';

const header = '{"kind":"header","format":"kis-journal","version":1}';
const lines = fc.constantFrom(
  '{"t":1,"kind":"log","level":"info","message":"a"}',
  '{"t":2,"kind":"log","level":"info","message":"é ✓"}',
  '',
  '   ',
  '{"t":3,"kind":"bogus"}',
  '{"t":4,"kind":"log"',
);

describe('JournalTextStream', () => {
  it('fed in any pieces, reads as parseJournalText reads the whole (line numbers, errors, a last line without newline)', () => {
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), (body, eol, trailing, cuts) => {
        const text = [header, ...body].join(eol) + (trailing ? eol : '');
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const stream = new JournalTextStream();
        let from = 0;
        for (const c of [...at, text.length]) {
          stream.push(text.slice(from, c));
          from = c;
        }
        expect(stream.finish()).toEqual(parseJournalText(text));
      }),
    );
  });

  it('knows the header as soon as its line is in', () => {
    const s = new JournalTextStream();
    s.push(header.slice(0, 10));
    expect(s.header).toBeUndefined();
    s.push(`${header.slice(10)}\n{"t":1,"kind":"lo`);
    expect(s.header).toEqual({ kind: 'header', format: 'kis-journal', version: 1 });
    expect(s.records).toEqual([]);
  });

  it('throws on a first line that is no header, like parseJournalText', () => {
    expect(() => new JournalTextStream().push('<html>\n')).toThrow(JournalTextError);
    expect(() => new JournalTextStream().finish()).toThrow(/no header line/);
  });
});
