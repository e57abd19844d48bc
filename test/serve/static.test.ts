// Static serving of the built app: content types, the SPA fallback, and no way out of the root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveHub, resolveStatic, startWebServer, type WebServer } from '../../sim/serve/index.ts';

const root = mkdtempSync(join(tmpdir(), 'kis-static-'));
const dist = join(root, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>kis</title>');
writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
writeFileSync(join(dist, 'assets', 'app-1234.css'), 'body{}');
writeFileSync(join(root, 'secret.txt'), 'do not serve');

let server: WebServer;
beforeAll(async () => {
  server = await startWebServer({ hub: LiveHub.replay({ kind: 'header', format: 'kis-journal', version: 1 }, []), distDir: dist });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw GET: node's http client sends the path as given (fetch would normalise "..") */
function get(path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('static files', () => {
  it.each([
    ['/', 200, 'text/html; charset=utf-8', '<!doctype'],
    ['/replay/some/route', 200, 'text/html; charset=utf-8', '<!doctype'],
    ['/?token=abc', 200, 'text/html; charset=utf-8', '<!doctype'],
    ['/assets/app-1234.js', 200, 'text/javascript; charset=utf-8', 'console.log'],
    ['/assets/app-1234.css', 200, 'text/css; charset=utf-8', 'body'],
    ['/assets/missing.js', 404, 'text/plain; charset=utf-8', 'not found'],
    ['/../secret.txt', 400, 'text/plain; charset=utf-8', 'traversal'],
    ['/assets/..%2f..%2fsecret.txt', 400, 'text/plain; charset=utf-8', 'traversal'],
    ['/%2e%2e/secret.txt', 400, 'text/plain; charset=utf-8', 'traversal'],
    ['/assets%5c..%5c..%5csecret.txt', 400, 'text/plain; charset=utf-8', 'bad path'],
    ['/x%00.js', 400, 'text/plain; charset=utf-8', 'bad path'],
    ['/%E0%A4%A', 400, 'text/plain; charset=utf-8', 'bad escape'],
  ])('GET %s → %i %s', async (path, status, type, body) => {
    const r = await get(path);
    expect([r.status, r.type]).toEqual([status, type]);
    expect(r.body).toContain(body);
    expect(r.body).not.toContain('do not serve');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await get('/assets/app-1234.js', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get('/', 'DELETE')).status).toBe(405);
  });

  it('never maps any URL path outside the root (property)', () => {
    const base = resolve(dist);
    const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2E.', '..%2f', '%5c', 'a', 'assets', ''), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(segment, { maxLength: 6 }), (segs) => {
      const t = resolveStatic(dist, `/${segs.join('/')}`);
      if ('file' in t) expect(t.file === join(base, 'index.html') || t.file.startsWith(base + sep)).toBe(true);
    }), { numRuns: 2000 });
  });
});
