import { describe, expect, it } from 'vitest';
import { JournalTextError, parseJournalText } from '../../../web/model/index.ts';
import { header, node, toText } from './journal-fixture.ts';

const GOOD = toText(header(), [node(0, 'a1'), node(1000, 'a2')]);

describe('parseJournalText', () => {
  it('reads the header and every record', () => {
    const p = parseJournalText(GOOD);
    expect(p.header.layout?.stages).toHaveLength(2);
    expect(p.records.map((r) => r.t)).toEqual([0, 1000]);
    expect(p.errors).toEqual([]);
  });

  it('reports a torn last line (a live or crashed run) as an error entry, keeping the rest', () => {
    const torn = GOOD + '{"t":2000,"kind":"cluster","op":"add';
    const p = parseJournalText(torn);
    expect(p.records).toHaveLength(2);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]!.line).toBe(4);
    expect(p.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it.each([
    ['an unknown kind', '{"t":1,"kind":"gossip"}', /unknown record kind/],
    ['no t', '{"kind":"log","level":"info","message":"x"}', /t must be a finite number/],
    ['a second header', '{"kind":"header","format":"kis-journal","version":1}', /second header/],
    ['a cluster record without a name', '{"t":1,"kind":"cluster","op":"added","resource":"pods"}', /resource and name/],
    ['a bad op', '{"t":1,"kind":"cluster","op":"patched","resource":"pods","name":"p"}', /op must be/],
    ['an expect with no status', '{"t":1,"kind":"expect","name":"x"}', /status/],
    ['telemetry without values', '{"t":1,"kind":"telemetry","channel":"vehicle"}', /values/],
    ['a signal without type', '{"t":1,"kind":"signal","signal":{}}', /type/],
    ['an action without status', '{"t":1,"kind":"action","action":{"type":"alarm"}}', /status/],
    ['an array', '[1,2]', /JSON object/],
  ])('skips %s in the middle with an error naming its line', (_what, line, message) => {
    const p = parseJournalText(GOOD.replace('\n', `\n${line}\n`));
    expect(p.records).toHaveLength(2);
    expect(p.errors).toEqual([{ line: 2, message: expect.stringMatching(message) }]);
  });

  it('skips blank lines and accepts CRLF', () => {
    const p = parseJournalText(GOOD.replaceAll('\n', '\r\n\r\n'));
    expect(p.records).toHaveLength(2);
    expect(p.errors).toEqual([]);
  });

  it.each([
    ['empty text', '', 1, /no header/],
    ['a record first', '\n{"t":0,"kind":"log","level":"info","message":"x"}\n', 2, /not a journal header/],
    ['another format', '{"kind":"header","format":"other","version":1}\n', 1, /format "other"/],
    ['a newer version', '{"kind":"header","format":"kis-journal","version":2}\n', 1, /version 2/],
    ['not JSON', 'hello\n', 1, /not valid JSON/],
  ])('throws on %s, with the line', (_what, text, line, message) => {
    let thrown: unknown;
    try {
      parseJournalText(text);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(JournalTextError);
    expect((thrown as JournalTextError).line).toBe(line);
    expect((thrown as JournalTextError).message).toMatch(message);
  });
});
