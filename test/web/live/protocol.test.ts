import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as server from '../../../hal/signals/index.ts';
import { LIVE_PATH as SERVER_PATH } from '../../../hal/signals/index.ts';
import * as page from '../../../web/live/index.ts';
import { LIVE_PATH, journalUrl, liveUrl, parseServerMessage, tokenFrom } from '../../../web/live/index.ts';

const header = { kind: 'header', format: 'kis-journal', version: 1 };

describe('live protocol (browser side)', () => {
  it('uses the same path as the server', () => {
    expect(LIVE_PATH).toBe(SERVER_PATH);
  });

  it.each(['JOURNAL_PATH', 'JOURNAL_COUNT_HEADER', 'JOURNAL_MODE_HEADER'] as const)('copies %s from the server side', (name) => {
    expect(page[name]).toBe(server[name]);
  });

  it.each([
    [{ protocol: 'http:', host: 'h:1', search: '' }, 7, 'ws://h:1/live?from=7'],
    [{ protocol: 'http:', host: 'h:1', search: '?token=t' }, 7, 'ws://h:1/live?token=t&from=7'],
    [{ protocol: 'http:', host: 'h:1', search: '?token=t' }, 0, 'ws://h:1/live?token=t'],
  ])('liveUrl(%j, from %i) = %s', (loc, from, want) => {
    expect(liveUrl(loc, from)).toBe(want);
  });

  it('journalUrl is the page server\'s backlog path', () => {
    expect(journalUrl({ protocol: 'https:', host: 'kis.lab', search: '?token=x' })).toBe('https://kis.lab/api/journal');
  });

  it.each([
    [{ protocol: 'http:', host: 'localhost:8080', search: '' }, 'ws://localhost:8080/live'],
    [{ protocol: 'https:', host: 'kis.lab', search: '?journal=x' }, 'wss://kis.lab/live'],
    [{ protocol: 'http:', host: '127.0.0.1:1', search: '?token=a b&x=1' }, 'ws://127.0.0.1:1/live?token=a%20b'],
    [{ protocol: 'http:', host: 'h', search: '?token=' }, 'ws://h/live'],
  ])('liveUrl(%j) = %s', (page, want) => {
    expect(liveUrl(page)).toBe(want);
  });

  it('reads the token', () => {
    expect(tokenFrom('?token=s3cret')).toBe('s3cret');
    expect(tokenFrom('')).toBeUndefined();
  });

  it.each([
    [{ type: 'hello', mode: 'live', role: 'instructor', header, recordCount: 3 }, true],
    [{ type: 'hello', mode: 'fast', role: 'instructor', header, recordCount: 3 }, false],
    [{ type: 'hello', mode: 'live', role: 'root', header, recordCount: 3 }, false],
    [{ type: 'hello', mode: 'live', role: 'trainee', header, recordCount: -1 }, false],
    [{ type: 'records', from: 0, records: [{ t: 0, kind: 'log', level: 'info', message: 'x' }] }, true],
    [{ type: 'records', from: 0, records: [{ kind: 'log' }] }, false],
    [{ type: 'records', from: 1.5, records: [] }, false],
    [{ type: 'end', recordCount: 9 }, true],
    [{ type: 'injected', requestId: 'r1', signal: { type: 'link', link: 'l', state: 'down', source: 'instructor', t: 1 } }, true],
    [{ type: 'injected', requestId: 'r1' }, false],
    [{ type: 'refused', reason: 'no token' }, true],
    [{ type: 'refused' }, false],
    [{ type: 'nope' }, false],
    [[1, 2], false],
  ])('parses %j → ok=%s', (msg, ok) => {
    expect(parseServerMessage(JSON.stringify(msg)).ok).toBe(ok);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ type: 'records', from: 0, records: [v] }))), (text) => {
        const r = parseServerMessage(text);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
