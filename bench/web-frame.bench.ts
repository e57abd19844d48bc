// Issue 6 benchmark: the 3D scene's JS time per frame with 1,000 nodes / 30,000 pods in headless Chromium
// (target < 8 ms), update() time for ~1 % of pods changed and for a full seek, draw calls. SwiftShader
// renders on the CPU, so the rAF-paced wall time per frame (GPU included) is reported apart from JS time.
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../test/helpers/browser.ts';
import { onFramePage, openFramePage, serveFramePage, type FrameBenchApi } from './web/frame-server.ts';

const NODES = Number(process.env.BENCH_NODES ?? 1000);
const PODS = Number(process.env.BENCH_PODS ?? 30000);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 300);
const OUT = 'bench/results';

const call = <T>(page: Page, fn: (api: FrameBenchApi, arg: number) => T | Promise<T>, arg = 0): Promise<T> => onFramePage(page, fn, arg);

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
const ms = (x: number): string => `${x.toFixed(2)} ms`;

export async function runWebFrameBench(): Promise<void> {
  if (!chromiumAvailable()) {
    console.log('web-frame: SKIPPED — no Chromium (apt-get install chromium)');
    return;
  }
  const server = await serveFramePage();
  const browser = await launchChromium();
  try {
    const page = await openFramePage(browser, server.url, `nodes=${NODES}&pods=${PODS}&t=0`);
    const info = await call(page, (api) => api.ready);
    await call(page, (api, n) => api.frames(n), 30);
    const frames = await call(page, (api, n) => api.frames(n), FRAMES);
    const churn: number[] = [];
    const afterChurn: number[] = [];
    for (let i = 0; i < 20; i++) {
      churn.push(await call(page, (api) => api.churn(0.01)));
      afterChurn.push(...(await call(page, (api) => api.frames(1))));
    }
    const seeks: number[] = [];
    for (let i = 0; i < 10; i++) {
      // Alternate the end of the mission (stage 1 gone) and T0 (all there): every pod view differs.
      seeks.push(await call(page, (api, t) => api.seek(t), i % 2 === 0 ? info.endMs : 0));
      await call(page, (api) => api.frames(1));
    }
    await call(page, (api, t) => api.seek(t), 0);
    const stats = await call(page, (api) => api.stats());
    const rafMs = await call(page, (api, n) => api.rafFrames(n), 10);
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: `${OUT}/web-frame-${NODES}.png` });
    console.log(`web-frame: ${info.nodes} nodes, ${info.pods} pods in headless Chromium (SwiftShader); load ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
    console.log(`  frame() JS time over ${FRAMES} frames: p50 ${ms(pct(frames, 50))}, p99 ${ms(pct(frames, 99))} (target < 8 ms)`);
    console.log(`  update() with 1% of pods changed: p50 ${ms(pct(churn, 50))}, p99 ${ms(pct(churn, 99))}; the frame after it (uploads): p50 ${ms(pct(afterChurn, 50))}`);
    console.log(`  update() for a full seek (every pod view new): p50 ${ms(pct(seeks, 50))}, max ${ms(Math.max(...seeks))}`);
    console.log(`  draw calls ${stats.drawCalls}; rAF-paced wall time per frame (SwiftShader GPU work included) ${ms(rafMs)}`);
    console.log(`  screenshot ${OUT}/web-frame-${NODES}.png`);
  } finally {
    await browser.close();
    await server.close();
  }
}
