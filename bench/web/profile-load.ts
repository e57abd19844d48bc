// Where the browser's journal load goes: the web-load bench's Chromium half under the CDP profiler.
// `node sim/cli/run-ts.mjs bench/web/profile-load.ts [out.cpuprofile]` prints the load time, the page's phase
// marks, the first frame's parts and the top functions by self time (and writes the profile, for Chrome
// DevTools), so a change is chosen by data. UNMINIFIED=1 builds the app unminified first, for readable names.
// "(program)" is native time: JSON.parse, and the compositor waiting for the software GPU (GLES2::ReadPixels).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalFromBytes, replayHub, startWebServer } from '../../sim/serve/index.ts';
import { chromiumAvailable, launchChromium } from '../../test/helpers/browser.ts';
import { loaded, quiet } from './browser-load.ts';
import { syntheticJournal } from './synthetic-journal.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const out = process.argv[2];
if (!chromiumAvailable()) throw new Error('profile-load: no Chromium');
const text = syntheticJournal({ nodes: 520, pods: 10_500, stages: 3, durationMs: 3_600_000, seed: 42 });
const parsed = journalFromBytes(Buffer.from(text), 'synthetic journal');
const distDir = process.env.UNMINIFIED ? await unminifiedBuild() : await (await import('../../test/helpers/web-server.ts')).builtWebApp();
const server = await startWebServer({ hub: replayHub(parsed), distDir, port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await quiet();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = performance.now();
  await page.goto(server.url);
  await loaded(page, parsed.records.length);
  const loadMs = performance.now() - t0;
  console.log('first frame (JS ms)', JSON.stringify(await page.evaluate(() => (window as unknown as { kisView: { frameStats(): unknown } }).kisView.frameStats())));
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  if (out) writeFileSync(out, JSON.stringify(profile));
  console.log(`loaded and drawn in ${loadMs.toFixed(0)} ms`);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`));
  if (marks.length) console.log(`page marks (ms from navigation): ${marks.join(', ')}`);
  printTop(profile, 25);
} finally {
  await browser.close();
  await server.close();
}

function printTop(p: CpuProfile, n: number): void {
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byFn = new Map<string, number>();
  let total = 0;
  for (const node of p.nodes) {
    const us = self.get(node.id) ?? 0;
    total += us;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  console.log(`page CPU samples: ${(total / 1000).toFixed(0)} ms in all`);
  for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}

/** The app built without minification into a directory of its own, so the profile names functions. */
async function unminifiedBuild(): Promise<string> {
  const { build } = await import('vite');
  const dir = join(tmpdir(), 'kis-web-profile');
  await build({ configFile: join(import.meta.dirname, '../../vite.config.ts'), root: join(import.meta.dirname, '../../web'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true, minify: false } });
  return dir;
}
