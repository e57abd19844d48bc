// The web-load bench's browser half: the same journal served as `kis replay` serves it (the /live WebSocket,
// records in batches) into headless Chromium — time from opening the page until the whole journal is in the
// model and a frame is drawn, then seeks through window.kisView.
import { journalFromBytes, replayHub, startWebServer } from '../../sim/serve/index.ts';
import { chromiumAvailable, launchChromium } from '../../test/helpers/browser.ts';
import { builtWebApp } from '../../test/helpers/web-server.ts';

export interface BrowserLoadFigures {
  loadMs: number;
  seekP50Ms: number;
  seekP99Ms: number;
}

/** `text`: the journal file; served as `kis replay` serves it (replayHub: records, and the file's own text). */
export async function measureBrowserLoad(text: string): Promise<BrowserLoadFigures | string> {
  if (!chromiumAvailable()) return 'skipped: no Chromium (apt-get install chromium, or KIS_CHROMIUM=path)';
  const distDir = await builtWebApp();
  const journal = journalFromBytes(Buffer.from(text), 'synthetic journal');
  const records = journal.records;
  const server = await startWebServer({ hub: replayHub(journal), distDir, port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    const t0 = performance.now();
    await page.goto(server.url);
    await page.waitForFunction((n) => {
      const v = (window as unknown as { kisView?: { ready: boolean; model?: { recordCount: number } } }).kisView;
      return v?.ready === true && v.model?.recordCount === n;
    }, records.length, { timeout: 120_000, polling: 20 });
    const loadMs = performance.now() - t0;
    const seeks = await page.evaluate(() => {
      const v = (window as unknown as { kisView: { model: { startMs: number; endMs: number; stateAt(t: number): unknown } } }).kisView;
      const out: number[] = [];
      let s = 7;
      for (let i = 0; i < 100; i++) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        const t = v.model.startMs + (s / 4294967296) * (v.model.endMs - v.model.startMs);
        const a = performance.now();
        v.model.stateAt(t);
        out.push(performance.now() - a);
      }
      return out.sort((a, b) => a - b);
    });
    return { loadMs, seekP50Ms: seeks[50]!, seekP99Ms: seeks[98]! };
  } finally {
    await browser.close();
    await server.close();
  }
}
