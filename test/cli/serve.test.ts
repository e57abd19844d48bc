// `kis run --serve` and `kis serve` as a user runs them: the live view during and after the run, instructor
// injections over POST /api/inject journalled with source "instructor", kubeconfigs for trainees.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../hal/signals/index.ts';
import { eventually } from '../helpers/twin.ts';
import { connectLive } from '../serve/live-client.ts';
import { kis, spawnKis } from './kis-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'kis-serve-'));
const web = join(dir, 'web');
mkdirSync(web);
writeFileSync(join(web, 'index.html'), '<!doctype html><title>kis test page</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TINY = 'test/fixtures/profiles/run-tiny-ok.yaml';

describe('kis run --serve', () => {
  it('serves the run live, then the finished journal until Ctrl-C; exit code as without --serve', async () => {
    const out = join(dir, 'run');
    const p = spawnKis(['run', TINY, '--serve', '--port', '0', '--web', web, '--out', out]);
    const [, url] = await p.waitFor(/live view at (http:\/\/127\.0\.0\.1:\d+\/)/);
    const [, token] = await p.waitFor(/instructor: http:\S+\?token=([0-9a-f]{32})/);
    await p.waitFor(/the run is over; still serving/, 120_000);
    const c = await connectLive(`${url!.replace('http', 'ws')}live?token=${token}`);
    expect(await c.waitFor('hello')).toMatchObject({ mode: 'live', role: 'instructor' });
    const end = await c.waitFor('end');
    const journal = parseJournal(readFileSync(join(out, 'journal.ndjson'), 'utf8'));
    expect(end.recordCount).toBe(journal.records.length);
    c.send({ type: 'inject', requestId: 'late', signal: { type: 'link', link: 'x', state: 'down' } });
    expect((await c.waitFor('refused')).reason).toBe('the run is over');
    await c.close();
    expect(await p.stop()).toBe(0);
  }, 150_000);

  it('exits 2 for --port without --serve', async () => {
    const r = await kis(['run', TINY, '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port, --host and --web go with --serve');
  });
});

describe('kis serve', () => {
  it('flies the profile, writes kubeconfigs, takes an instructor separation and keeps serving', async () => {
    const out = join(dir, 'training');
    const kc = join(dir, 'kc', 'train.kubeconfig');
    const p = spawnKis(['serve', '--profile', TINY, '--speed', '4', '--port', '0', '--web', web, '--out', out, '--kubeconfig-out', kc]);
    try {
      const [, url] = await p.waitFor(/live view at (http:\/\/127\.0\.0\.1:\d+\/)/);
      const [, token] = await p.waitFor(/instructor: http:\S+\?token=([0-9a-f]{32})/);
      await p.waitFor(/read-only: .*train-viewer\.kubeconfig/);
      expect(readFileSync(kc, 'utf8')).toContain('server: https://');
      const inject = (auth?: string) => fetch(`${url}api/inject`, {
        method: 'POST', headers: auth ? { authorization: `Bearer ${auth}` } : {},
        body: JSON.stringify({ type: 'separation', plane: 'booster', stage: 'booster', state: 'separated' }),
      });
      expect((await inject()).status).toBe(401);
      expect((await inject('f'.repeat(32))).status).toBe(403);
      // 409 until T0 (pre-launch): the workloads come up first.
      const accepted = await eventually('the injection to be accepted', async () => {
        const r = await inject(token);
        return r.status === 202 ? ((await r.json()) as { signal: { id: string; t: number } }) : undefined;
      }, 60_000);
      expect(accepted?.signal.id).toBe('instructor:1');
      await p.waitFor(/the run is over; still serving/, 120_000);
      expect(existsSync(kc)).toBe(false);
      const journal = parseJournal(readFileSync(join(out, 'journal.ndjson'), 'utf8'));
      expect(journal.header.clock).toBe('scaled');
      expect(journal.records.find((r) => r.kind === 'signal' && r.signal.source === 'instructor')).toMatchObject({ signal: { id: 'instructor:1', type: 'separation' } });
      expect(journal.records.some((r) => r.kind === 'action' && r.status === 'applied' && r.action.type === 'detach-stage' && r.action.cause === 'instructor:1')).toBe(true);
    } finally {
      expect(await p.stop()).toBe(0);
    }
  }, 150_000);

  it.each([
    [['--port', 'x'], /--port must be a whole number/],
    [['--speed', '0'], /--speed must be a number above 0/],
    [['--profile', 'test/fixtures/profiles/bad-references.yaml'], /bad-references\.yaml:\d+:\d+: /],
  ])('exits 2 for %j', async (args, message) => {
    const r = await kis(['serve', ...args, '--web', web]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('with --broker, a device\'s MQTT separation joins the run through the same wiring', async () => {
    const out = join(dir, 'training-mqtt');
    const p = spawnKis(['serve', '--profile', TINY, '--speed', '4', '--port', '0', '--web', web, '--out', out,
      '--kubeconfig-out', join(dir, 'kc2', 'a.kubeconfig'), '--broker', '--broker-port', '0']);
    try {
      const [, mqttUrl] = await p.waitFor(/devices connect to (mqtt:\/\/127\.0\.0\.1:\d+)/);
      const [, password] = await p.waitFor(/^ {2}booster +(\S+) +publishes kis\/tiny\/signal\/\+\/booster$/m);
      const [, url] = await p.waitFor(/live view at (http:\/\/127\.0\.0\.1:\d+\/)/);
      const live = await connectLive(`${url!.replace('http', 'ws')}live`);
      await live.waitFor('records', (m) => m.records.some((r) => r.kind === 'signal' && r.signal.id === 'profile:liftoff'));
      const mqtt = await import('mqtt');
      const client = await mqtt.connectAsync(mqttUrl!, { username: 'booster', password: password!, clientId: 'booster', reconnectPeriod: 0 });
      await client.publishAsync('kis/tiny/signal/separation/booster', JSON.stringify({ state: 'separated' }));
      await client.endAsync();
      await p.waitFor(/the run is over; still serving/, 120_000);
      await live.close();
      const journal = parseJournal(readFileSync(join(out, 'journal.ndjson'), 'utf8'));
      const sig = journal.records.find((r) => r.kind === 'signal' && r.signal.source !== 'profile' && r.signal.type === 'separation');
      expect(sig, p.output()).toMatchObject({ signal: { type: 'separation', plane: 'booster', state: 'separated' } });
      const id = sig?.kind === 'signal' ? sig.signal.id : undefined;
      expect(journal.records.some((r) => r.kind === 'action' && r.status === 'applied' && r.action.type === 'detach-stage' && r.action.cause === id)).toBe(true);
    } finally {
      expect(await p.stop()).toBe(0);
    }
  }, 150_000);
});
