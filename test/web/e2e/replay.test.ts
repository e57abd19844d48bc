// End to end, in real Chromium against `kis replay` (issue 6): a journal flown in lockstep here, replayed by the
// CLI; the canvas renders, a seek past the separation removes the booster's nodes and re-places its pods, and a
// click on a node shows its labels, taints and conditions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, type Browser } from '../../helpers/browser.ts';
import { spawnKis, type KisChild } from '../../cli/kis-process.ts';
import { builtWebApp, journalOfRun } from '../../helpers/web-server.ts';
import { browserSuite, kis, openView, pagePositionOf, pickWhere, sceneShot, seekTo, testidText, type OpenedView } from './page.ts';
import { pixelDiff, pixelStats } from './pixels.ts';

const PROFILE = 'profiles/electron-small.yaml';
/** The scene's background (web/scene/palette.ts BACKGROUND). */
const BACKGROUND = 0x0a0f1c;
/** electron-small: max-q at T+70s, the booster (b-ctl-1, b-ctl-2, carrying booster-recorder) separates at T+152s. */
const BEFORE = 100_000;
const SEPARATION = 152_000;
const AFTER = 170_000;
const BOOSTER = ['b-ctl-1', 'b-ctl-2'];

describe.skipIf(!chromiumAvailable())(browserSuite('kis replay in Chromium'), () => {
  let dir = '';
  let replay: KisChild | undefined;
  let browser: Browser | undefined;
  let view: OpenedView;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kis-e2e-replay-'));
    const [webDir, { journal }] = await Promise.all([builtWebApp(), journalOfRun(PROFILE, join(dir, 'run'))]);
    replay = spawnKis(['replay', journal, '--port', '0', '--web', webDir]);
    const [, url] = await replay.waitFor(/\bopen (http:\/\/\S+)/);
    browser = await launchChromium();
    view = await openView(browser, url!);
    page = view.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    // Ctrl-C ends a replay with status 0.
    const code = await replay?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  it('opens the replay: header, timeline and a canvas that is not blank', async () => {
    expect(await testidText(page, 'mode')).toMatch(/replay/i);
    expect(await testidText(page, 'vehicle')).toContain('electron');
    // The journal came in one backlog response (GET /api/journal), the progress card is gone, and the socket
    // that followed was asked only for what comes after it.
    expect(await page.evaluate(() => performance.getEntriesByName('kis:backlog').length)).toBe(1);
    expect(await page.locator('[data-testid="loading"]').isHidden()).toBe(true);
    await expect.poll(() => testidText(page, 'connection'), { timeout: 10_000 }).toBe('loaded');
    // A replay opens at its start, like a recording (a live run follows its head instead).
    expect(await kis(page, (v) => v.time() === v.model?.startMs)).toBe(true);
    await seekTo(page, BEFORE);
    const img = await sceneShot(page, 'replay-before-separation');
    const stats = pixelStats(img, BACKGROUND);
    // A drawn vehicle: stages, nodes, pods, buses and the link in many shades, over a good part of the view.
    expect(stats.drawn).toBeGreaterThan(0.03);
    expect(stats.colours).toBeGreaterThan(20);
    expect(await kis(page, (v) => v.scene?.stats())).toMatchObject({ nodes: 6 });
    expect(view.errors).toEqual([]);
  }, 60_000);

  it('seeks past the separation: the booster nodes are gone and its pods re-placed, on screen too', async () => {
    await seekTo(page, BEFORE);
    const before = await sceneShot(page, 'replay-before-separation');
    const was = await kis(page, (v, names) => {
      const s = v.state()!;
      const on = [...s.pods.values()].filter((p) => p.node !== undefined && names.includes(p.node));
      return { present: names.map((n) => s.nodes.get(n)?.present), pods: on.map((p) => `${p.key} ${p.phase}`) };
    }, BOOSTER);
    expect(was.present).toEqual([true, true]);
    expect(was.pods).toHaveLength(2);
    expect(was.pods.every((p) => p.includes('booster-recorder') && p.endsWith('Running'))).toBe(true);
    for (const node of BOOSTER) expect((await pickWhere(page, { kind: 'node', key: node })).picked).toEqual({ kind: 'node', key: node });

    await seekTo(page, AFTER);
    const after = await sceneShot(page, 'replay-after-separation');
    const now = await kis(page, (v, names) => {
      const s = v.state()!;
      const recorders = [...s.pods.values()].filter((p) => p.workload === 'booster-recorder');
      return {
        separatedAt: s.stages.find((st) => st.name === 'booster')?.separatedAt,
        present: names.map((n) => s.nodes.get(n)?.present),
        recorders: recorders.map((p) => ({ key: p.key, phase: p.phase, node: p.node ?? null })),
      };
    }, BOOSTER);
    expect(now.separatedAt).toBe(SEPARATION);
    expect(now.present).toEqual([false, false]);
    // Recoloured: the out-of-service taint deletes the old pods (Terminating until PodGC collects pods bound to a
    // deleted node); their replacements wait unscheduled, as nothing else matches nodeSelector stage=booster.
    const oldKeys = was.pods.map((p) => p.split(' ')[0]);
    const old = now.recorders.filter((p) => oldKeys.includes(p.key));
    const replacements = now.recorders.filter((p) => !oldKeys.includes(p.key));
    expect(old.map((p) => p.phase)).toEqual(['Terminating', 'Terminating']);
    expect(replacements).toHaveLength(2);
    for (const p of replacements) expect(p).toMatchObject({ phase: 'Pending', node: null });
    // The scene: the booster has drifted out of the picture with its nodes; the pending pods are drawn and pickable.
    for (const node of BOOSTER) {
      const where = await pickWhere(page, { kind: 'node', key: node });
      const seen = where.at !== null && where.at.x >= 0 && where.at.x < after.width && where.at.y >= 0 && where.at.y < after.height;
      expect(seen && where.picked?.key === node, `${node} still on screen at ${JSON.stringify(where.at)}`).toBe(false);
    }
    for (const p of replacements) {
      const where = await pickWhere(page, { kind: 'pod', key: p.key });
      expect(where.at, `${p.key} is drawn`).not.toBeNull();
      expect(where.picked).toEqual({ kind: 'pod', key: p.key });
    }
    expect(pixelDiff(before, after)).toBeGreaterThan(0.005);
  }, 60_000);

  it('a click on a node shows its labels, taints and conditions', async () => {
    await seekTo(page, BEFORE);
    const node = 'k-payload';
    const at = await pagePositionOf(page, { kind: 'node', key: node });
    expect(at).toBeDefined();
    await page.mouse.click(at!.x, at!.y);
    await page.locator('[data-testid="details-title"]', { hasText: node }).waitFor();
    await page.locator('[data-testid="details"]').screenshot({ path: 'test-artifacts/web/replay-details-k-payload.png' });
    const details = await testidText(page, 'details');
    const truth = await kis(page, (v, n) => {
      const x = v.state()!.nodes.get(n)!;
      return { labels: Object.entries(x.labels).map(([k, val]) => `${k}=${val}`), taints: x.taints, conditions: Object.entries(x.conditions).map(([k, val]) => `${k}=${val}`) };
    }, node);
    expect(truth.labels).toContain('kis.dev/function=payload');
    for (const line of [...truth.labels, ...truth.conditions, ...truth.taints]) expect(details).toContain(line);
    expect(details).toMatch(/Taints\s+none/);
    expect(details).toContain('kick-stage');
    expect(details).toContain('kick-bus');
  }, 60_000);
});
