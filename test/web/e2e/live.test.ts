// End to end, in real Chromium against a live run (issue 6): electron-small flown on the twin in real time with
// the web view served beside it as `kis run --serve` serves it. The instructor separates the booster from the
// console and sees it in the event log and in the twin; a trainee has no console, and a forged injection over
// the WebSocket or POST /api/inject is refused and changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../hal/signals/index.ts';
import type { RunControl } from '../../../sim/run/live.ts';
import { chromiumAvailable, launchChromium, type Browser } from '../../helpers/browser.ts';
import { builtWebApp, startLiveRun, type LiveRun } from '../../helpers/web-server.ts';
import { ARTIFACTS, browserSuite, kis, openView, testidText } from './page.ts';

const PROFILE = 'profiles/electron-small.yaml';
/** Its own separation comes at T+152s: long after these tests, so every separation seen here is the instructor's. */
const BOOSTER = ['b-ctl-1', 'b-ctl-2'];
const POLL = { timeout: 30_000, interval: 200 };

const instructorSignals = (records: readonly JournalRecord[]) => records.filter((r) => r.kind === 'signal' && r.signal.source === 'instructor');

describe.skipIf(!chromiumAvailable())(browserSuite('a live run in Chromium'), () => {
  let dir = '';
  let run: LiveRun | undefined;
  let control: RunControl;
  let core: k8s.CoreV1Api;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kis-e2e-live-'));
    const webDir = await builtWebApp();
    run = await startLiveRun({ profilePath: PROFILE, outDir: join(dir, 'run'), webDir, speed: 1 });
    control = await run.control;
    browser = await launchChromium();
    const kc = new k8s.KubeConfig();
    kc.loadFromString(control.kubeconfig('admin')!);
    core = kc.makeApiClient(k8s.CoreV1Api);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await run?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const attachedBooster = async () => {
    const nodes = await core.listNode();
    return nodes.items.filter((n) => BOOSTER.includes(n.metadata!.name!) && n.metadata?.annotations?.['sim.kis.dev/attached'] !== 'false').map((n) => n.metadata!.name);
  };

  it('a trainee has no console; forged injections over the socket and POST /api/inject are refused', async () => {
    const { page, errors } = await openView(browser!, run!.server.url);
    await page.locator('[data-testid="role"]', { hasText: /trainee/i }).waitFor();
    expect(await testidText(page, 'mode')).toMatch(/live/i);
    expect(await page.locator('[data-testid="instructor"]').count()).toBe(0);
    await page.waitForFunction('window.kisView.model.endMs > 0');
    await page.screenshot({ path: join(ARTIFACTS, 'live-trainee.png') });

    const signal = { type: 'separation', plane: 'booster', stage: 'booster', state: 'separated' };
    // From the trainee's page, as a curious trainee would: no token, then a made-up one.
    for (const query of ['', '?token=0123456789abcdef0123456789abcdef']) {
      const reply = await page.evaluate(`new Promise((done) => {
        const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/live${query}');
        ws.onmessage = (e) => {
          const m = JSON.parse(e.data);
          if (m.type === 'hello') ws.send(JSON.stringify({ type: 'inject', requestId: 'forged', signal: ${JSON.stringify(signal)} }));
          if (m.type === 'refused' || m.type === 'injected') { ws.close(); done(m); }
        };
      })`);
      expect(reply, `socket ${query || 'without a token'}`).toEqual({ type: 'refused', requestId: 'forged', reason: 'instructor token required' });
    }
    const post = (headers: Record<string, string>) => fetch(new URL('api/inject', run!.server.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(signal) });
    const anonymous = await post({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await post({ authorization: 'Bearer 0123456789abcdef0123456789abcdef' })).status).toBe(403);

    // Nothing reached the run: no instructor signal journalled, the booster still attached in the twin.
    expect(instructorSignals(run!.records)).toEqual([]);
    expect(await attachedBooster()).toEqual(BOOSTER);
    expect(errors).toEqual([]);
  }, 60_000);

  it('the instructor separates the booster from the console: in the event log, the journal and the twin', async () => {
    const { page, errors } = await openView(browser!, run!.server.instructorUrl);
    await page.locator('[data-testid="role"]', { hasText: /instructor/i }).waitFor();
    await page.locator('[data-testid="instructor"]').waitFor();
    // Injections are refused before T0: wait for the countdown to end (telemetry after liftoff).
    await page.waitForFunction('window.kisView.model && window.kisView.model.endMs > 0');
    await page.locator('[data-testid="inj-stage"] option[value="booster"]').waitFor({ state: 'attached' });
    await page.selectOption('[data-testid="inj-stage"]', 'booster');
    await page.click('[data-testid="inj-separate"]');
    await page.locator('[data-testid="inj-replies"] li.injected').waitFor();

    // The event log, filtered to the instructor's lines.
    await page.fill('[data-testid="log-filter"]', 'instructor');
    const line = page.locator('[data-testid="log"] .log-row', { hasText: /separation booster separated.*\(instructor\)/ });
    await line.first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'live-instructor-separated.png') });

    // The journal: one signal with source instructor, decided by the wiring and applied by the HAL.
    const signals = instructorSignals(run!.records);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ kind: 'signal', signal: { id: 'instructor:1', type: 'separation', stage: 'booster', state: 'separated' } });
    await expect.poll(() => run!.records.some((r) => r.kind === 'action' && r.action.type === 'detach-stage' && r.action.cause === 'instructor:1' && r.status === 'applied'), POLL).toBe(true);
    // The twin: the booster's nodes have left the vehicle (annotated detached, then deleted).
    await expect.poll(attachedBooster, POLL).toEqual([]);
    // And the page's own state agrees once the records arrive.
    await page.waitForFunction(`${JSON.stringify(BOOSTER)}.every((n) => { const x = window.kisView.state().nodes.get(n); return !x || !x.present || !x.attached; })`);
    expect(await kis(page, (v) => v.state()?.stages.find((s) => s.name === 'booster')?.separatedAt)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
