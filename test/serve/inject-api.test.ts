// POST /api/inject: 401 without a token, 403 with a wrong one, 202 with the journalled signal, and the rest.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampInjection } from '../../sim/run/live.ts';
import { LiveHub, startWebServer, type WebServer } from '../../sim/serve/index.ts';

const dist = mkdtempSync(join(tmpdir(), 'kis-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html>');
const header = { kind: 'header', format: 'kis-journal', version: 1 } as const;
let live: WebServer;
let replay: WebServer;
beforeAll(async () => {
  const hub = new LiveHub('live');
  hub.header(header);
  hub.injector = (s) => stampInjection(s, 1000, 1);
  live = await startWebServer({ hub, distDir: dist });
  replay = await startWebServer({ hub: LiveHub.replay(header, []), distDir: dist, instructorToken: live.instructorToken });
});
afterAll(async () => {
  await live.close();
  await replay.close();
  rmSync(dist, { recursive: true, force: true });
});

const sep = JSON.stringify({ type: 'separation', plane: 's1', state: 'separated' });
const post = (s: WebServer, body: string, auth?: string, method = 'POST') =>
  fetch(`${s.url}api/inject`, { method, ...(method === 'POST' ? { body } : {}), headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) } });

describe('POST /api/inject', () => {
  it('202 with the instructor token, and the signal as journalled', async () => {
    const r = await post(live, sep, `Bearer ${live.instructorToken}`);
    expect(r.status).toBe(202);
    expect(await r.json()).toEqual({ signal: { type: 'separation', plane: 's1', state: 'separated', source: 'instructor', t: 1000, id: 'instructor:1' } });
  });

  it.each([
    ['no Authorization', undefined, sep, 401],
    ['a Basic one', 'Basic dXNlcjpwYXNz', sep, 401],
    ['a wrong token', 'Bearer 0123456789abcdef0123456789abcdef', sep, 403],
    ['a prefix of the token', 'PREFIX', sep, 403],
    ['not JSON', 'TOKEN', '{', 400],
    ['an array', 'TOKEN', '[]', 400],
    ['an invalid signal', 'TOKEN', JSON.stringify({ type: 'separation', plane: 's1' }), 400],
    ['too large a body', 'TOKEN', JSON.stringify({ type: 'custom', name: 'x', data: 'y'.repeat(70_000) }), 413],
  ])('%s → %i', async (_what, auth, body, status) => {
    const a = auth === 'TOKEN' ? `Bearer ${live.instructorToken}` : auth === 'PREFIX' ? `Bearer ${live.instructorToken.slice(0, 16)}` : auth;
    const r = await post(live, body, a);
    expect(r.status).toBe(status);
    if (status === 401) expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await r.json()).toHaveProperty('error');
  });

  it('405 for GET; a replay answers 409 even to the instructor', async () => {
    expect((await post(live, '', `Bearer ${live.instructorToken}`, 'GET')).status).toBe(405);
    const r = await post(replay, sep, `Bearer ${replay.instructorToken}`);
    expect(r.status).toBe(409);
    expect((await r.json()).error).toMatch(/replay/);
  });

  it('prints a 128-bit token in the instructor URL', () => {
    expect(live.instructorToken).toMatch(/^[0-9a-f]{32}$/);
    expect(live.instructorUrl).toBe(`${live.url}?token=${live.instructorToken}`);
  });
});
