// The /live WebSocket over a real server and a real ws client: hello, records in batches, end, resume,
// and injections — accepted from the instructor's token only, refused to trainees and by replays.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { JournalHeader, JournalRecord } from '../../hal/signals/index.ts';
import { stampInjection } from '../../sim/run/live.ts';
import { LiveHub, startWebServer, type WebServer } from '../../sim/serve/index.ts';
import { connectLive, type LiveTestClient } from './live-client.ts';

const dist = mkdtempSync(join(tmpdir(), 'kis-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>kis</title>');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const header: JournalHeader = { kind: 'header', format: 'kis-journal', version: 1, profile: 'p' };
const log = (t: number): JournalRecord => ({ t, kind: 'log', level: 'info', message: `m${t}` });

let open: { server: WebServer; clients: LiveTestClient[] } | undefined;
afterEach(async () => {
  for (const c of open?.clients ?? []) await c.close();
  await open?.server.close();
  open = undefined;
});

async function serve(hub: LiveHub) {
  const server = await startWebServer({ hub, distDir: dist });
  open = { server, clients: [] };
  const live = (token?: string, from?: number) => {
    const q = new URLSearchParams({ ...(token !== undefined ? { token } : {}), ...(from !== undefined ? { from: String(from) } : {}) });
    return connectLive(`${server.url.replace('http', 'ws')}live?${q}`).then((c) => (open!.clients.push(c), c));
  };
  return { server, live };
}

describe('the live hub over WebSocket', () => {
  it('replays a journal: hello, every record once in order (in batches), then end', async () => {
    const records = Array.from({ length: 23 }, (_, i) => log(i));
    const { live } = await serve(LiveHub.replay(header, records, { batchRecords: 5 }));
    const c = await live();
    const end = await c.waitFor('end');
    expect(end.recordCount).toBe(23);
    expect(c.messages[0]).toEqual({ type: 'hello', mode: 'replay', role: 'trainee', header, recordCount: 23 });
    expect(c.indexes()).toEqual(records.map((_, i) => i));
    const batches = c.messages.filter((m) => m.type === 'records');
    expect(batches.length).toBe(5);
    expect(batches.flatMap((m) => (m.type === 'records' ? m.records : []))).toEqual(records);
  });

  it('streams a live run as records are appended, and ends when the run does', async () => {
    const hub = new LiveHub('live');
    const { live, server } = await serve(hub);
    const early = await live(server.instructorToken); // before the header: hello waits for it
    hub.header(header);
    hub.record(log(0), 0);
    const hello = await early.waitFor('hello');
    expect(hello).toMatchObject({ mode: 'live', role: 'instructor' });
    await early.waitFor('records', (m) => m.from === 0);
    for (let i = 1; i < 10; i++) hub.record(log(i), i);
    hub.end(10);
    await early.waitFor('end');
    expect(early.indexes()).toEqual([...Array(10).keys()]);
    const late = await live();
    await late.waitFor('end');
    expect(late.indexes()).toEqual([...Array(10).keys()]);
  });

  it('resumes after a reconnect: ?from= and a resume message send only the records not held', async () => {
    const hub = LiveHub.replay(header, Array.from({ length: 8 }, (_, i) => log(i)));
    const { live } = await serve(hub);
    const again = await live(undefined, 5);
    await again.waitFor('end');
    expect(again.indexes()).toEqual([5, 6, 7]);
    again.send({ type: 'resume', from: 6 });
    await again.waitFor('records', (m) => m.from === 6);
    expect(again.indexes()).toEqual([5, 6, 7, 6, 7]);
    expect(again.messages.filter((m) => m.type === 'end')).toHaveLength(2);
  });

  it('takes injections from the instructor only, stamping them as the run does', async () => {
    const hub = new LiveHub('live');
    let n = 0;
    hub.injector = (s) => stampInjection(s, 42_000, ++n);
    hub.header(header);
    const { live, server } = await serve(hub);
    const instructor = await live(server.instructorToken);
    const trainee = await live();
    const wrong = await live('0'.repeat(32));
    const sep = { type: 'separation', plane: 's1', stage: 's1', state: 'separated' } as const;
    instructor.send({ type: 'inject', requestId: 'a', signal: sep });
    expect(await instructor.waitFor('injected')).toEqual({ type: 'injected', requestId: 'a', signal: { ...sep, source: 'instructor', t: 42_000, id: 'instructor:1' } });
    for (const c of [trainee, wrong]) {
      expect((await c.waitFor('hello')).role).toBe('trainee');
      c.send({ type: 'inject', requestId: 'b', signal: sep });
      expect(await c.waitFor('refused')).toEqual({ type: 'refused', requestId: 'b', reason: 'instructor token required' });
    }
    instructor.send({ type: 'inject', requestId: 'c', signal: { type: 'separation', plane: 7 } });
    expect((await instructor.waitFor('refused', (m) => m.requestId === 'c')).reason).toMatch(/^not a valid signal: signal\.plane/);
    expect(n).toBe(2);
  });

  it('a replay refuses every injection, even the instructor\'s', async () => {
    const { live, server } = await serve(LiveHub.replay(header, [log(0)]));
    const c = await live(server.instructorToken);
    c.send({ type: 'inject', requestId: 'x', signal: { type: 'link', link: 'uhf', state: 'down' } });
    expect((await c.waitFor('refused')).reason).toMatch(/replay/);
  });

  it.each([
    ['not json', 'not a JSON message'],
    [JSON.stringify([1]), 'expected a JSON object'],
    [JSON.stringify({ type: 'resume', from: -1 }), 'resume needs from'],
    [JSON.stringify({ type: 'inject', signal: {} }), 'inject needs requestId'],
    [JSON.stringify({ type: 'nope', requestId: 'q' }), 'unknown message type "nope"'],
  ])('answers a bad message %s with refused', async (text, reason) => {
    const { live } = await serve(LiveHub.replay(header, []));
    const c = await live();
    await c.waitFor('end');
    c.sendRaw(text);
    expect((await c.waitFor('refused')).reason).toContain(reason);
  });
});
