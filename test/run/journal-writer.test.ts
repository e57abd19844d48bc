// The journal writer: never overwrites, writes whole lines, readable after an unflushed stop.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../hal/signals/index.ts';
import { JournalWriter } from '../../sim/run/journal-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'kis-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const header = { kind: 'header', format: 'kis-journal', version: 1, profile: 'test' } as const;

describe('JournalWriter', () => {
  it('writes a parseable journal and refuses to overwrite one', () => {
    const path = join(dir, 'a.ndjson');
    const w = new JournalWriter(path, header, 100);
    for (let i = 0; i < 50; i++) w.append({ t: i * 1000, kind: 'log', level: 'info', message: `line ${i}` });
    w.close();
    const parsed = parseJournal(readFileSync(path, 'utf8'));
    expect(parsed.records).toHaveLength(50);
    expect(() => new JournalWriter(path, header)).toThrow(/EEXIST/);
  });

  it('leaves whole lines on disk up to the last flush when the process stops without closing', () => {
    const path = join(dir, 'b.ndjson');
    const w = new JournalWriter(path, header, 1000);
    for (let i = 0; i < 20; i++) w.append({ t: i, kind: 'log', level: 'info', message: `record number ${i}` });
    // No close(): what is on disk must still parse.
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const parsed = parseJournal(text);
    expect(parsed.records.length).toBeGreaterThan(0);
    expect(parsed.records.length).toBeLessThan(20);
    w.close();
    expect(parseJournal(readFileSync(path, 'utf8')).records).toHaveLength(20);
  });
});
