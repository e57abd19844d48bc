// GET /api/journal over a real server: the backlog in one NDJSON response (header line, records), its count and
// mode in headers; a replay's file text sent as it is; a live run's records so far; 404 before a header.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_COUNT_HEADER, JOURNAL_MODE_HEADER, JOURNAL_PATH, type JournalHeader, type JournalRecord } from '../../hal/signals/index.ts';
import { journalFromBytes, LiveHub, replayHub, startWebServer, type WebServer } from '../../sim/serve/index.ts';
import { parseJournalText } from '../../web/model/index.ts';

const dist = mkdtempSync(join(tmpdir(), 'kis-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>kis</title>');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const header: JournalHeader = { kind: 'header', format: 'kis-journal', version: 1, profile: 'p' };
const log = (t: number): JournalRecord => ({ t, kind: 'log', level: 'info', message: `m${t} ✓` });

let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function get(hub: LiveHub, method = 'GET'): Promise<{ status: number; count: string | null; mode: string | null; body: string }> {
  server = await startWebServer({ hub, distDir: dist });
  const res = await fetch(`${server.url.slice(0, -1)}${JOURNAL_PATH}`, { method });
  return { status: res.status, count: res.headers.get(JOURNAL_COUNT_HEADER), mode: res.headers.get(JOURNAL_MODE_HEADER), body: await res.text() };
}

describe('GET /api/journal', () => {
  it.each([0, 1, 1999, 2000, 2001, 4500])('a replay of %i records: header line, then every record, count and mode in headers', async (n) => {
    const records = Array.from({ length: n }, (_, i) => log(i));
    const r = await get(LiveHub.replay(header, records));
    expect(r).toMatchObject({ status: 200, count: String(n), mode: 'replay' });
    const parsed = parseJournalText(r.body);
    expect(parsed).toEqual({ header, records, errors: [] });
  });

  it("a replay from a file sends the file's own record lines (blank lines, CRLF and all), after the hub's header line", async () => {
    const text = `\n${JSON.stringify(header)}\r\n${JSON.stringify(log(0))}\r\n\n${JSON.stringify(log(1))}`;
    const journal = journalFromBytes(Buffer.from(text), 'j.ndjson');
    const r = await get(replayHub(journal));
    expect(r).toMatchObject({ status: 200, count: '2', mode: 'replay' });
    expect(r.body).toBe(`${JSON.stringify(journal.header)}\n${JSON.stringify(log(0))}\r\n\n${JSON.stringify(log(1))}`);
    expect(parseJournalText(r.body).records).toEqual(journal.records);
  });

  it('a live run: the records so far, and more after a later request', async () => {
    const hub = new LiveHub('live');
    hub.header(header);
    for (let i = 0; i < 3; i++) hub.record(log(i), i);
    const first = await get(hub);
    expect(first).toMatchObject({ status: 200, count: '3', mode: 'live' });
    expect(parseJournalText(first.body).records).toEqual([log(0), log(1), log(2)]);
    hub.record(log(3), 3);
    const res = await fetch(`${server!.url}api/journal`);
    expect(res.headers.get(JOURNAL_COUNT_HEADER)).toBe('4');
    expect(parseJournalText(await res.text()).records).toHaveLength(4);
  });

  it('before the run has a header: 404, and the page falls back to the socket', async () => {
    const r = await get(new LiveHub('live'));
    expect(r.status).toBe(404);
    expect(r.body).toMatch(/no journal yet/);
  });

  it.each([
    ['HEAD', 200, ''],
    ['POST', 405, 'method not allowed\n'],
  ])('%s answers %i', async (method, status, body) => {
    const r = await get(LiveHub.replay(header, [log(0)]), method);
    expect(r.status).toBe(status);
    expect(r.body).toBe(body);
  });
});
