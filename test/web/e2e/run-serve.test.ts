// End to end, in real Chromium against `kis run --serve` (issue 6): a small profile flown at ×4 with the view
// open from the first record to the end. The page follows the run, the verdicts arrive with the end and turn
// green, the finished journal stays on view (a page opened afterwards gets all of it), and Ctrl-C exits 0.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../../hal/signals/index.ts';
import { spawnKis, type KisChild } from '../../cli/kis-process.ts';
import { chromiumAvailable, launchChromium, type Browser } from '../../helpers/browser.ts';
import { builtWebApp } from '../../helpers/web-server.ts';
import { ARTIFACTS, browserSuite, kis, openView, testidText } from './page.ts';

/** Two stages, a separation at T+20s, 40 s of mission and three expectations, all met. */
const PROFILE = 'test/fixtures/profiles/run-tiny-ok.yaml';
const EXPECTATIONS = ['guidance always ready', 'telemetry back within 30s', 'control-plane quorum'];

describe.skipIf(!chromiumAvailable())(browserSuite('kis run --serve in Chromium'), () => {
  let dir = '';
  let run: KisChild | undefined;
  let browser: Browser | undefined;
  let url = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kis-e2e-run-serve-'));
    const webDir = await builtWebApp();
    run = spawnKis(['run', PROFILE, '--speed', '4', '--serve', '--port', '0', '--web', webDir, '--out', join(dir, 'run')]);
    url = (await run.waitFor(/live view at (http:\/\/\S+)/))[1]!;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    // Ctrl-C while the finished journal is on view: the run's own status, 0 as every expectation was met.
    const code = await run?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  it('follows the run to its end: verdicts green, and the finished journal stays on view', async () => {
    const { page, errors } = await openView(browser!, url);
    expect(await testidText(page, 'mode')).toMatch(/live/i);
    // While it flies the expectations wait for their verdicts.
    expect(await page.locator('[data-testid="expectations-list"] li.pending').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="connection"]', { hasText: /run ended/ }).waitFor({ timeout: 100_000 });
    for (const name of EXPECTATIONS) await page.locator(`[data-testid="expect-${name}"].pass`).waitFor({ state: 'attached' });
    expect(await testidText(page, 'expectations-summary')).toMatch(/3 passed, 0 failed/);
    await page.screenshot({ path: join(ARTIFACTS, 'run-serve-ended.png') });

    // The journal on disk is what the page holds, record for record.
    await run!.waitFor(/still serving its journal/);
    const journal = parseJournal(readFileSync(join(dir, 'run', 'journal.ndjson'), 'utf8'));
    expect(await kis(page, (v) => v.model?.recordCount)).toBe(journal.records.length);
    // A page opened after the end is sent all of it, and can seek into it.
    const late = await openView(browser!, url);
    await late.page.locator('[data-testid="connection"]', { hasText: /run ended/ }).waitFor();
    expect(await kis(late.page, (v) => v.model?.recordCount)).toBe(journal.records.length);
    expect(await kis(late.page, (v) => v.model?.endMs)).toBeGreaterThanOrEqual(40_000);
    expect([...errors, ...late.errors]).toEqual([]);
  }, 120_000);
});
