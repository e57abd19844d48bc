// `kis replay` as a user runs it: a golden journal served (page, /live hello → records → end, injections
// refused), and bad input — missing journal, torn journal, bad or taken port — exits 2 saying what was wrong.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectLive } from '../serve/live-client.ts';
import { kis, spawnKis } from './kis-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'kis-replay-'));
const web = join(dir, 'web');
const GOLDEN = 'test/fixtures/golden/electron-small.journal.ndjson';
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(web);
writeFileSync(join(web, 'index.html'), '<!doctype html><title>kis test page</title>');

describe('kis replay', () => {
  it('serves a journal: the page, and /live from hello to end; injections refused', async () => {
    const lines = readFileSync(GOLDEN, 'utf8').trimEnd().split('\n').length;
    const p = spawnKis(['replay', GOLDEN, '--port', '0', '--web', web]);
    try {
      const [, url] = await p.waitFor(/open (http:\/\/127\.0\.0\.1:\d+\/)/);
      expect(p.output()).toContain(`${lines - 1} records`);
      expect(await (await fetch(url!)).text()).toContain('kis test page');
      const c = await connectLive(`${url!.replace('http', 'ws')}live`);
      expect(await c.waitFor('hello')).toMatchObject({ mode: 'replay', role: 'trainee', recordCount: lines - 1, header: { profile: 'electron-small' } });
      expect((await c.waitFor('end')).recordCount).toBe(lines - 1);
      c.send({ type: 'inject', requestId: 'r', signal: { type: 'link', link: 'uhf', state: 'down' } });
      expect((await c.waitFor('refused')).reason).toMatch(/replay/);
      await c.close();
    } finally {
      expect(await p.stop()).toBe(0);
    }
    expect(p.output()).toContain('kis replay: stopped (SIGINT)');
  });

  it.each([
    ['a missing journal', () => [join(dir, 'nope.ndjson')], /nope\.ndjson: no such file/],
    ['a torn journal', () => {
      const torn = join(dir, 'torn.ndjson');
      const text = readFileSync(GOLDEN, 'utf8');
      writeFileSync(torn, text.slice(0, text.indexOf('\n', 5000) + 40));
      return [torn];
    }, /torn\.ndjson:\d+: not valid JSON .*\(the last line is cut short/],
    ['a file that is not a journal', () => {
      const f = join(dir, 'other.ndjson');
      writeFileSync(f, '{"kind":"header","format":"kis-journal","version":1}\n{"t":1,"kind":"bogus"}\n');
      return [f];
    }, /other\.ndjson:2: kind: expected header/],
    ['a port out of range', () => [GOLDEN, '--port', '70000'], /--port must be a whole number from 0 to 65535/],
    ['no journal', () => [], /name exactly one journal/],
  ])('exits 2 for %s', async (_what, args, message) => {
    const r = await kis(['replay', ...args(), '--web', web]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await kis(['replay', GOLDEN, '--port', String(port), '--web', web]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
