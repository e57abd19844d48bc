// The twin's certificate cache: reused while whole, consistent and valid; minted again otherwise; private to its user.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cachedPki, defaultCacheDir, usable } from '../../sim/run/pki-cache.ts';
import { ManualClock } from '../../sim/core/index.ts';
import { startTwin } from '../../sim/twin/index.ts';
import { createPki, type Pki } from '../../sim/twin/tls/index.ts';

const HOSTS = ['127.0.0.1', 'localhost'];
const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kis-pki-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A cache call that counts how often it had to mint. */
function counting(dir: string, hosts = HOSTS, now = NOW) {
  let minted = 0;
  const get = () => cachedPki({ dir, hosts, now, mint: () => (minted++, createPki({ hosts, notBefore: now })) });
  return { get, minted: () => minted };
}

describe('cachedPki', () => {
  it('mints once, then serves the same set from a 0600 file', async () => {
    const dir = join(tmp(), 'nested', 'kis');
    const c = counting(dir);
    const first = await c.get();
    const second = await c.get();
    expect(c.minted()).toBe(1);
    expect(second).toEqual(first);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // The CA's private key is never stored: only the leaf's key is.
    expect(readFileSync(join(dir, files[0]!), 'utf8').match(/PRIVATE KEY-----/g)).toHaveLength(2);
  });

  it.each([
    ['not JSON', 'garbage'],
    ['a field missing', JSON.stringify({ caCertPem: 'x', certPem: 'y' })],
    ['PEMs that do not parse', JSON.stringify({ caCertPem: 'x', certPem: 'y', keyPem: 'z' })],
  ])('mints again over a corrupt cache (%s)', async (_name, content) => {
    const dir = tmp();
    const c = counting(dir);
    await c.get();
    const file = join(dir, readdirSync(dir)[0]!);
    writeFileSync(file, content);
    const pki = await c.get();
    expect(c.minted()).toBe(2);
    expect(usable(pki, HOSTS, NOW)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(pki);
  });

  it('mints again when the cached set nears expiry, and for other hosts', async () => {
    const dir = tmp();
    await counting(dir).get();
    const later = counting(dir, HOSTS, new Date(NOW.getTime() + 360 * DAY));
    await later.get();
    expect(later.minted()).toBe(1);
    const other = counting(dir, ['127.0.0.1', 'localhost', 'twin.example']);
    await other.get();
    expect(other.minted()).toBe(1);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('still serves when the cache cannot be written', async () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, '');
    const c = counting(join(file, 'kis'));
    expect(usable(await c.get(), HOSTS, NOW)).toBe(true);
    await c.get();
    expect(c.minted()).toBe(2);
  });
});

describe('the twin serving a cached certificate', () => {
  it('asks for certificates for its hosts, serves the cached set, and a client trusting the cached CA connects', async () => {
    const dir = tmp();
    const asked: (readonly string[])[] = [];
    const start = () =>
      startTwin({
        clock: new ManualClock(NOW.getTime()),
        wallNow: new Date(),
        port: 0,
        certificates: (hosts, mint) => (asked.push(hosts), cachedPki({ dir, hosts, now: new Date(), mint })),
      });
    const first = await start();
    await first.close();
    const twin = await start();
    try {
      expect(asked).toEqual([HOSTS, HOSTS]);
      expect(twin.pki).toEqual(first.pki);
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = request(`${twin.url}/version`, { ca: twin.pki.caCertPem, headers: { authorization: `Bearer ${twin.tokens.admin}` } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject).end();
      });
      expect(status).toBe(200);
      // The runner's client reads the JSON form: the same document as the YAML one kis twin writes.
      for (const role of ['admin', 'viewer'] as const) expect(JSON.parse(twin.kubeconfig(role, 'json'))).toEqual(parseYaml(twin.kubeconfig(role)));
    } finally {
      await twin.close();
    }
  });
});

describe('usable', () => {
  let a: Pki;
  let b: Pki;
  beforeAll(async () => {
    [a, b] = await Promise.all([createPki({ hosts: HOSTS, notBefore: NOW }), createPki({ hosts: HOSTS, notBefore: NOW })]);
  });

  it.each<[string, () => Pki, readonly string[], Date, boolean]>([
    ['a fresh set', () => a, HOSTS, NOW, true],
    ['a subset of its hosts', () => a, ['localhost'], NOW, true],
    ['a host it does not name', () => a, ['10.1.2.3'], NOW, false],
    ['a DNS name it does not name', () => a, ['twin.example'], NOW, false],
    ['before it is valid', () => a, HOSTS, new Date(NOW.getTime() - 2 * 3600_000), false],
    ['within a week of expiry', () => a, HOSTS, new Date(NOW.getTime() + 360 * DAY), false],
    ['a key that is not the leaf\'s', () => ({ ...a, keyPem: b.keyPem }), HOSTS, NOW, false],
    ['a leaf another CA signed', () => ({ ...a, certPem: b.certPem, keyPem: b.keyPem }), HOSTS, NOW, false],
    ['a leaf given as the CA', () => ({ ...a, caCertPem: a.certPem }), HOSTS, NOW, false],
  ])('%s: %s', (_name, pki, hosts, now, ok) => {
    expect(usable(pki(), hosts, now)).toBe(ok);
  });
});

describe('defaultCacheDir', () => {
  it.each([
    [{ XDG_CACHE_HOME: '/var/cache/me' }, '/var/cache/me/kis'],
    // The spec ignores a relative path.
    [{ XDG_CACHE_HOME: 'relative' }, join(homedir(), '.cache', 'kis')],
    [{}, join(homedir(), '.cache', 'kis')],
  ])('%j → %s', (env, want) => {
    expect(defaultCacheDir(env)).toBe(want);
  });
});
