// The scene in real Chromium on a golden journal: it draws, picking finds what screenPositionOf points at,
// and after separation the first stage has moved away with its nodes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { onFramePage, openFramePage, serveFramePage, type FramePageServer } from '../../../bench/web/frame-server.ts';
import { chromiumAvailable, launchChromium, type Browser } from '../../helpers/browser.ts';
import type { Subject } from '../../../web/scene/index.ts';

const on = onFramePage;

describe.skipIf(!chromiumAvailable())('VehicleScene in Chromium', () => {
  let server: FramePageServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serveFramePage();
    browser = await launchChromium();
    page = await openFramePage(browser, server.url, 'golden=falcon9-leo&t=0');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the vehicle (the canvas is not blank)', async () => {
    const fraction = await on(page, (api) => api.drawnFraction(), 0);
    expect(fraction).toBeGreaterThan(0.05);
    const stats = await on(page, (api) => api.stats(), 0);
    expect(stats.nodes).toBe(10);
    expect(stats.pods).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-artifacts/scene-falcon9-t0.png' });
  }, 60_000);

  it('prepares and draws the vehicle from its layout alone (the preview while a journal loads), and keeps that build for the same layout', async () => {
    const preview = await openFramePage(browser, server.url, 'golden=falcon9-leo&preview=1');
    try {
      expect(await on(preview, (api) => api.drawnFraction(), 0)).toBeGreaterThan(0.05);
      expect(await on(preview, (api) => api.stats(), 0)).toMatchObject({ pods: 0, builds: 1 });
      await preview.screenshot({ path: 'test-artifacts/scene-falcon9-preview.png' });
      await on(preview, (api) => api.relayout(), 0);
      await on(preview, (api, t) => api.seek(t), 0);
      const stats = await on(preview, (api) => api.stats(), 0);
      expect(stats.builds).toBe(1);
      expect(stats.pods).toBeGreaterThan(0);
    } finally {
      await preview.close();
    }
  }, 60_000);

  it('knows headless Chromium draws in software, and renders without MSAA there', async () => {
    expect((await on(page, (api) => api.stats(), 0)).software).toBe(true);
    const attributes = await page.evaluate(() => document.querySelector('canvas')?.getContext('webgl2')?.getContextAttributes());
    expect(attributes).toMatchObject({ antialias: false });
  }, 60_000);

  it.each<Subject>([
    { kind: 'node', key: 's2-cp-1' },
    { kind: 'node', key: 's1-fc-2' },
  ])('picks $kind $key where screenPositionOf says it is', async (subject) => {
    const at = await on(page, (api, s) => api.screenPositionOf(s), subject);
    expect(at).toBeDefined();
    expect(await on(page, (api, p) => api.pick(p.x, p.y), at!)).toEqual(subject);
  }, 60_000);

  it('picks a pod by its instance', async () => {
    const key = await on(page, (api) => api.firstPodKey(), 0);
    const at = await on(page, (api, k) => api.screenPositionOf({ kind: 'pod', key: k! }), key);
    expect(await on(page, (api, p) => api.pick(p.x, p.y), at!)).toEqual({ kind: 'pod', key });
  }, 60_000);

  it('moves the separated stage away with its nodes, and leaves the upper stage in place', async () => {
    const before = await on(page, (api) => [api.screenPositionOf({ kind: 'node', key: 's1-fc-1' }), api.screenPositionOf({ kind: 'node', key: 's2-cp-1' })], 0);
    await on(page, (api, t) => api.seek(t), 156_000);
    await on(page, (api) => api.frames(1), 0);
    const after = await on(page, (api) => [api.screenPositionOf({ kind: 'node', key: 's1-fc-1' }), api.screenPositionOf({ kind: 'node', key: 's2-cp-1' })], 0);
    await page.screenshot({ path: 'test-artifacts/scene-falcon9-separation.png' });
    const moved = Math.hypot(after[0]!.x - before[0]!.x, after[0]!.y - before[0]!.y);
    expect(moved).toBeGreaterThan(20);
    expect(after[1]).toEqual(before[1]);
  }, 60_000);
});
