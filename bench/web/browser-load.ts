// The web-load bench's browser half: the journal served as `kis replay` serves it (GET /api/journal, then the
// /live socket) into headless Chromium, a fresh browser per run — time from navigation until the whole journal
// is in the model, a frame is drawn and the page answers again; the page's own marks for the phases; CPU spent
// by Chromium (all its processes) and by the server, since wall time on a shared machine mostly measures the
// neighbours; then seeks through window.kisView.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { RealClock } from '../../sim/core/index.ts';
import { journalFromBytes, replayHub, startWebServer } from '../../sim/serve/index.ts';
import { chromiumAvailable, launchChromium } from '../../test/helpers/browser.ts';
import { builtWebApp } from '../../test/helpers/web-server.ts';

export interface BrowserLoadRun {
  /** Navigation → whole journal in the model, a frame drawn, and the page free to answer (ms). */
  readonly loadMs: number;
  /** The page's marks (ms from navigation): fetch started, backlog read, indexed, first frame. */
  readonly marks: Readonly<Record<string, number>>;
  /** CPU ms over the load: every Chromium process, and this process (the server). */
  readonly chromiumCpuMs: number;
  readonly serverCpuMs: number;
}

export interface BrowserLoadFigures {
  readonly runs: readonly BrowserLoadRun[];
  readonly seekP50Ms: number;
  readonly seekP99Ms: number;
}

/** `text`: the journal file; served as `kis replay` serves it (replayHub: records, and the file's own text). */
export async function measureBrowserLoad(text: string, runs = 3): Promise<BrowserLoadFigures | string> {
  if (!chromiumAvailable()) return 'skipped: no Chromium (apt-get install chromium, or KIS_CHROMIUM=path)';
  const distDir = await builtWebApp();
  const journal = journalFromBytes(Buffer.from(text), 'synthetic journal');
  const server = await startWebServer({ hub: replayHub(journal), distDir, port: 0 });
  const out: BrowserLoadRun[] = [];
  let seeks: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
        // A fresh Chromium spends its first second or so in a background renderer of its own (~0.9 s of CPU):
        // a user's browser has done that long before they open the page, so the load starts once it is quiet.
        await quiet();
        const cpu0 = childrenCpuMs();
        const own0 = process.cpuUsage();
        const t0 = performance.now();
        await page.goto(server.url);
        await loaded(page, journal.records.length);
        const loadMs = performance.now() - t0;
        const own = process.cpuUsage(own0);
        const chromiumCpuMs = childrenCpuMs() - cpu0;
        const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace(/^kis:/, ''), Math.round(m.startTime)])));
        out.push({ loadMs, marks, chromiumCpuMs, serverCpuMs: (own.user + own.system) / 1000 });
        if (i === runs - 1) seeks = await seekTimes(page);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return { runs: out, seekP50Ms: seeks[50]!, seekP99Ms: seeks[98]! };
}

/** Resolves once the page holds all `records`, has drawn a frame and answers again (polled every 20 ms). */
export async function loaded(page: Page, records: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const v = (window as unknown as { kisView?: { ready: boolean; model?: { recordCount: number } } }).kisView;
      return v?.ready === true && v.model?.recordCount === n;
    },
    records,
    { timeout: 120_000, polling: 20 },
  );
}

function seekTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => {
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
}

/** Waits (at most 8 s) until this process's children spent under 30 ms of CPU in each of two 250 ms windows. */
export async function quiet(): Promise<void> {
  const clock = new RealClock();
  let calm = 0;
  for (let i = 0; i < 32 && calm < 2; i++) {
    const before = childrenCpuMs();
    await clock.sleep(250);
    calm = childrenCpuMs() - before < 30 ? calm + 1 : 0;
  }
}

/** CPU ms (user + system) of every living descendant of this process, from /proc (Linux; 0 elsewhere). */
function childrenCpuMs(): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const e of entries) {
    try {
      // Fields after the command name (which may hold spaces), from stat(5): ppid is 4th, utime/stime 14th/15th.
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(e), Number(f[1]));
      ticks.set(Number(e), Number(f[11]) + Number(f[12]));
    } catch {
      // Gone between the listing and the read.
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let sum = 0;
  for (const [pid, t] of ticks) if (mine(pid)) sum += t;
  // USER_HZ is 100 on Linux.
  return sum * 10;
}
