// The web view in real Chromium: a replay from ?journal=, seek, pick, log click, keyboard; a live
// run over the scripted socket (hello, records, reconnect + resume, instructor console, trainee).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { JournalHeader, JournalRecord } from '../../../hal/signals/index.ts';
import { chromiumAvailable, launchChromium, type Browser } from '../../helpers/browser.ts';
import { BACKGROUND } from '../../../web/scene/palette.ts';
import { decodePng, pixelStats } from '../e2e/pixels.ts';
import { buildWeb, servePage, type PageServer } from './page-server.ts';

const JOURNAL = 'test/fixtures/golden/falcon9-leo.journal.ndjson';
const ARTIFACTS = 'test-artifacts/web-ui';

/** The page's window.kisView, as the tests use it (web/main.ts KisView). */
type Hook = {
  ready: boolean;
  model: { startMs: number; endMs: number; recordCount: number; log(): { t: number; category: string }[] } | undefined;
  seek(t: number): void;
  select(s: { kind: 'node' | 'pod'; key: string } | undefined): void;
  time(): number;
  state(): { stages: { name: string; separatedAt?: number; nodes: string[] }[]; nodes: Map<string, { present: boolean; attached: boolean; stage?: string }> } | undefined;
  scene: { screenPositionOf(s: { kind: 'node' | 'pod'; key: string }): { x: number; y: number } | undefined } | undefined;
};
const hook = (p: Page) => ({
  eval: <T>(fn: (k: Hook) => T) => p.evaluate(`(${fn.toString()})(window.kisView)`) as Promise<T>,
});
const text = (p: Page, id: string) => p.locator(`[data-testid="${id}"]`).first().innerText();

function readJournal(): { header: JournalHeader; records: JournalRecord[] } {
  const [head, ...rest] = readFileSync(JOURNAL, 'utf8').trim().split('\n');
  return { header: JSON.parse(head!) as JournalHeader, records: rest.map((l) => JSON.parse(l) as JournalRecord) };
}

describe.skipIf(!chromiumAvailable())('web view in Chromium', () => {
  let dist: string;
  let srv: PageServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dist = await buildWeb();
    srv = await servePage(dist, JOURNAL);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  async function open(query: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${srv.url}/${query}`);
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }

  it('replays a journal from ?journal=: renders, seeks past separation, picks a node, seeks from the log', async () => {
    const page = await open('?journal=/journal.ndjson');
    const k = hook(page);
    await page.waitForFunction('window.kisView && window.kisView.ready');
    expect(await text(page, 'vehicle')).toContain('falcon9');
    expect(await text(page, 'mission-clock')).toBe('T-00:00:10');
    expect(await page.locator('[data-testid="expectations-list"] li').count()).toBeGreaterThan(0);
    for (const id of ['chart-altitude', 'chart-velocity', 'chart-dynamic-pressure', 'chart-bus-volts', 'chart-pods-ready']) {
      await page.locator(`[data-testid="${id}"]`).waitFor();
    }
    // A rendered scene: a good share of the view is not background, in many colours.
    const shot = await page.locator('[data-testid="scene"]').screenshot({ path: `${ARTIFACTS}/replay-start.png` });
    const drawn = pixelStats(decodePng(shot), BACKGROUND);
    expect(drawn.drawn).toBeGreaterThan(0.03); // the drawn scene is ~6% of this view at the start; a blank canvas is 0
    expect(drawn.colours).toBeGreaterThan(20);

    // Seek past the first separation: that stage's nodes have left.
    const sep = await k.eval((v) => v.model && (v.seek(v.model.endMs), v.state()!.stages.find((s) => s.separatedAt !== undefined)));
    expect(sep?.separatedAt).toBeDefined();
    await k.eval((v) => v.seek(0));
    const target = sep!.separatedAt! + 30_000;
    await page.evaluate(`window.kisView.seek(${target})`);
    await page.waitForFunction(`window.kisView.time() === ${target}`);
    const gone = await page.evaluate(`[...window.kisView.state().nodes.values()].filter((n) => ${JSON.stringify(sep!.nodes)}.includes(n.name) && n.present && n.attached).length`);
    expect(gone).toBe(0);
    await page.waitForFunction(`document.querySelector('[data-testid="mission-clock"]').textContent !== 'T-00:00:10'`);

    // Click a node that stays on the vehicle and read its details.
    const remaining = await page.evaluate(`[...window.kisView.state().nodes.values()].find((n) => n.present && n.attached)?.name`);
    expect(typeof remaining).toBe('string');
    const pos = await page.evaluate(`window.kisView.scene.screenPositionOf({ kind: 'node', key: ${JSON.stringify(remaining)} })`) as { x: number; y: number } | undefined;
    const box = (await page.locator('[data-testid="scene"]').boundingBox())!;
    if (pos) await page.mouse.click(box.x + pos.x, box.y + pos.y);
    // Picking lands on the node or one of its pods; both show in Details. Without a position, select directly.
    const title = page.locator('[data-testid="details-title"]');
    if (!pos || (await title.count()) === 0) await page.evaluate(`window.kisView.select({ kind: 'node', key: ${JSON.stringify(remaining)} })`);
    await title.waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/replay-details.png` });
    expect(await page.locator('[data-testid="details"]').innerText()).toMatch(/Recent events/);

    // A log line seeks to its moment. Lines at the very moment the view is on leave the time where it is (in
    // lockstep many happen at one instant), so click down the list until one moves it.
    const rows = page.locator('.log-row');
    expect(await rows.first().locator('.time').innerText()).toMatch(/^T[+-]/);
    let t = target;
    for (let i = 0; i < Math.min(20, await rows.count()) && t === target; i++) {
      await rows.nth(i).click();
      t = await k.eval((v) => v.time());
    }
    expect(t).not.toBe(target);

    // Keyboard: space plays (time moves on), space again pauses; arrow steps one second.
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await k.eval((v) => v.seek(0));
    await page.keyboard.press('Space');
    await page.waitForFunction('window.kisView.time() > 0');
    await page.keyboard.press('Space');
    const paused = await k.eval((v) => v.time());
    await page.keyboard.press('ArrowRight');
    expect(await k.eval((v) => v.time())).toBe(Math.min(paused + 1000, await k.eval((v) => v.model!.endMs)));
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('opens a journal picked with the file input', async () => {
    // No live server answers /live with a hello: the page falls back to waiting for a file.
    srv.onConnection((c) => c.close());
    const page = await open('');
    await page.locator('[data-testid="welcome"]').waitFor();
    await page.locator('[data-testid="file-input"]').setInputFiles(JOURNAL);
    await page.waitForFunction('window.kisView.ready && window.kisView.model');
    expect(await text(page, 'connection')).toContain('falcon9-leo.journal.ndjson');
    // Dropping another journal on the page replaces it.
    const other = readFileSync('test/fixtures/golden/electron-small.journal.ndjson', 'utf8');
    const dt = await page.evaluateHandle((body) => {
      const d = new DataTransfer();
      d.items.add(new File([body], 'electron.ndjson', { type: 'application/x-ndjson' }));
      return d;
    }, other);
    for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('#app', type, { dataTransfer: dt });
    await expect.poll(() => text(page, 'connection')).toContain('electron.ndjson');
    expect(await text(page, 'vehicle')).toContain('electron');
    await page.close();
  });

  it('live: streams records, reconnects and resumes, instructor injects and sees the reply', async () => {
    const { header, records } = readJournal();
    const half = Math.floor(records.length / 2);
    srv.onConnection((c) => {
      const first = srv.connections.filter((x) => x.token === 'sekret').length === 1;
      c.send({ type: 'hello', mode: 'live', role: 'instructor', header, recordCount: first ? half : records.length });
      if (first) {
        c.send({ type: 'records', from: 0, records: records.slice(0, half) });
        // Drop the connection: the page must reconnect and resume from what it holds.
        setTimeout(() => c.close(), 300);
      }
    });
    const page = await open('?token=sekret');
    await page.waitForFunction(`window.kisView.model && window.kisView.model.recordCount === ${half}`);
    expect(await text(page, 'role')).toBe('instructor');
    expect(await text(page, 'mode')).toBe('live');
    // Second connection: the client asks to resume from what it holds.
    await expect.poll(() => srv.connections.filter((x) => x.token === 'sekret').length, { timeout: 15_000 }).toBe(2);
    const second = srv.connections.filter((x) => x.token === 'sekret')[1]!;
    await expect.poll(() => second.received, { timeout: 10_000 }).toContainEqual({ type: 'resume', from: half });
    second.send({ type: 'records', from: half, records: records.slice(half) });
    await page.waitForFunction(`window.kisView.model.recordCount === ${records.length}`);
    // Following the head of a live run.
    await page.waitForFunction('window.kisView.time() === window.kisView.model.endMs');
    // Scrubbing back leaves the head; the live button says how far behind and returns to it.
    await page.evaluate('window.kisView.seek(0)');
    await expect.poll(() => text(page, 'go-live')).toMatch(/LIVE −\d+:\d\d/);
    await page.click('[data-testid="go-live"]');
    await page.waitForFunction('window.kisView.time() === window.kisView.model.endMs');
    expect(await text(page, 'go-live')).toBe('● LIVE');

    // Instructor console: crash a node.
    await page.locator('[data-testid="instructor"]').waitFor();
    const node = await page.locator('[data-testid="inj-node"]').inputValue();
    await page.click('[data-testid="inj-crash"]');
    await expect.poll(() => second.received.find((m) => m.type === 'inject')).toBeDefined();
    const inject = second.received.find((m) => m.type === 'inject')!;
    expect(inject).toMatchObject({ type: 'inject', signal: { type: 'node-fault', node, fault: 'crash' } });
    if (inject.type !== 'inject') throw new Error('unreachable');
    second.send({ type: 'injected', requestId: inject.requestId, signal: { ...inject.signal, source: 'instructor', t: 1 } as never });
    await page.locator('[data-testid="inj-replies"] li.injected').waitFor();
    // A refusal shows too.
    await page.fill('[data-testid="inj-volts"]', '21');
    await page.click('[data-testid="inj-brownout"]');
    await expect.poll(() => second.received.filter((m) => m.type === 'inject').length).toBe(2);
    const again = second.received.filter((m) => m.type === 'inject')[1]!;
    expect(again).toMatchObject({ signal: { type: 'power', millivolts: 21_000 } });
    second.send({ type: 'refused', requestId: (again as { requestId: string }).requestId, reason: 'disarmed' });
    await page.locator('[data-testid="inj-replies"] li.refused').waitFor();
    expect(await text(page, 'inj-replies')).toContain('disarmed');
    await page.screenshot({ path: `${ARTIFACTS}/live-instructor.png` });
    await page.close();
  });

  it('live: a trainee sees no console', async () => {
    const { header, records } = readJournal();
    srv.onConnection((c) => {
      c.send({ type: 'hello', mode: 'live', role: 'trainee', header, recordCount: records.length });
      c.send({ type: 'records', from: 0, records });
    });
    const page = await open('');
    await page.waitForFunction('window.kisView.model && window.kisView.model.recordCount > 0');
    expect(await text(page, 'role')).toBe('trainee');
    expect(await page.locator('[data-testid="instructor"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/live-trainee.png` });
    await page.close();
  });
});
