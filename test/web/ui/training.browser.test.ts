// The web view on a real training session (`kis serve` on the twin): the instructor crashes a node from
// the console and sees the reply, the signal (source instructor) and the HAL's applied action in the
// event log; a trainee's page has no console and the server refuses its injections.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../../helpers/browser.ts';
import { spawnKis } from '../../cli/kis-process.ts';
import { buildWeb } from './page-server.ts';

const TINY = 'test/fixtures/profiles/run-tiny-ok.yaml';
const ARTIFACTS = 'test-artifacts/web-ui';

describe.skipIf(!chromiumAvailable())('web view on kis serve', () => {
  const out = join(tmpdir(), `kis-ui-training-${process.pid}`);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('instructor injects a crash and sees it journalled and applied; a trainee is refused', async () => {
    const dist = await buildWeb();
    const p = spawnKis(['serve', '--profile', TINY, '--speed', '2', '--port', '0', '--web', dist, '--out', join(out, 'run'), '--kubeconfig-out', join(out, 'kc', 'train.kubeconfig')]);
    const browser = await launchChromium();
    try {
      const [, url] = await p.waitFor(/live view at (http:\/\/127\.0\.0\.1:\d+\/)/);
      const [, token] = await p.waitFor(/instructor: http:\S+\?token=([0-9a-f]{32})/);
      const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
      await page.goto(`${url}?token=${token}`);
      await page.locator('[data-testid="instructor"]').waitFor();
      expect(await page.locator('[data-testid="role"]').innerText()).toBe('instructor');
      // The server refuses injections until the mission starts (the workloads come up first): retry
      // until accepted, as an instructor would.
      const node = await page.locator('[data-testid="inj-node"]').inputValue();
      // The console keeps only its last few replies, so a new one is told by a mark on the old ones, not a count.
      const fresh = page.locator('[data-testid="inj-replies"] li:is(.injected, .refused):not([data-seen])');
      for (let attempt = 0; ; attempt++) {
        await page.evaluate(() => document.querySelectorAll('[data-testid="inj-replies"] li').forEach((li) => li.setAttribute('data-seen', '')));
        await page.click('[data-testid="inj-crash"]');
        await expect.poll(() => fresh.count(), { timeout: 20_000 }).toBeGreaterThan(0);
        const latest = await fresh.first().innerText();
        if (latest.startsWith('injected')) break;
        expect(latest).toMatch(/not started/);
        expect(attempt).toBeLessThan(60);
        await page.waitForTimeout(500);
      }
      await page.fill('[data-testid="log-filter"]', `crash ${node}`);
      const log = page.locator('[data-testid="log"]');
      await expect.poll(() => log.innerText(), { timeout: 30_000 }).toContain('(instructor)');
      await expect.poll(() => log.innerText(), { timeout: 30_000 }).toMatch(new RegExp(`applied node-fault crash ${node}`));
      await page.screenshot({ path: `${ARTIFACTS}/training-instructor.png` });

      const trainee = await browser.newPage();
      await trainee.goto(url!);
      await trainee.waitForFunction('window.kisView && window.kisView.model');
      expect(await trainee.locator('[data-testid="role"]').innerText()).toBe('trainee');
      expect(await trainee.locator('[data-testid="instructor"]').count()).toBe(0);
      // Even a hand-made inject from the trainee's page is refused by the server.
      const refused = await trainee.evaluate(`new Promise((resolve) => {
        const ws = new WebSocket(location.origin.replace('http', 'ws') + '/live');
        ws.onopen = () => ws.send(JSON.stringify({ type: 'inject', requestId: 'x', signal: { type: 'link', link: 's-band', state: 'down' } }));
        ws.onmessage = (e) => { const m = JSON.parse(e.data); if (m.type === 'refused') { ws.close(); resolve(m.reason); } };
      })`);
      expect(String(refused)).toMatch(/instructor/);
    } finally {
      await browser.close();
      await p.stop();
      rmSync(dist, { recursive: true, force: true });
    }
  }, 180_000);
});
