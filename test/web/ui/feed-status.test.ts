import { describe, expect, it } from 'vitest';
import type { JournalHeader } from '../../../hal/signals/index.ts';
import { INITIAL_LIVE_STATE } from '../../../web/live/index.ts';
import { fileInfo, liveInfo, showsConsole } from '../../../web/ui/feed-status.ts';

const header: JournalHeader = { kind: 'header', format: 'kis-journal', version: 1, vehicle: 'v' };

describe('feed status', () => {
  it('live state → header info', () => {
    expect(liveInfo(INITIAL_LIVE_STATE)).toEqual({ mode: 'live', connection: 'connecting', behind: 0 });
    expect(liveInfo({ ...INITIAL_LIVE_STATE, connection: 'open', mode: 'replay', role: 'trainee', header, held: 3, known: 10, problem: 'gap' })).toEqual({
      mode: 'replay',
      connection: 'open',
      behind: 7,
      role: 'trainee',
      header,
      problem: 'gap',
    });
  });

  it('file info sums up skipped lines', () => {
    expect(fileInfo(header, 'j.ndjson', [])).toEqual({ mode: 'file', behind: 0, header, fileName: 'j.ndjson' });
    expect(fileInfo(header, 'j.ndjson', [{ line: 9, message: 'not JSON' }, { line: 12, message: 'x' }]).problem).toBe('2 bad line(s) skipped (first at line 9: not JSON)');
  });

  it.each([
    ['instructor', 'live', true],
    ['instructor', 'replay', false],
    ['trainee', 'live', false],
    [undefined, undefined, false],
  ] as const)('%s on a %s run gets the console: %s', (role, mode, want) => {
    expect(showsConsole({ role, mode })).toBe(want);
  });
});
