// Web view load bench: a one-hour journal of the large profile's size (synthetic: ~520 nodes, ~10.5k pods)
// → parse and index time, 200 random seeks and 200 scrubbing steps (p50/p99), heap. Target: loaded and
// seekable in < 2 s.
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createJournalModel, parseJournalText } from '../web/model/index.ts';
import { measureBrowserLoad } from './web/browser-load.ts';
import { syntheticJournal } from './web/synthetic-journal.ts';

const NODES = Number(process.env.BENCH_NODES ?? 520);
const PODS = Number(process.env.BENCH_PODS ?? 10_500);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3_600_000);
const SEEKS = 200;
const TARGET_MS = 2000;
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 3);

export async function runWebLoadBench(): Promise<void> {
  const text = syntheticJournal({ nodes: NODES, pods: PODS, stages: 3, durationMs: DURATION_MS, seed: 42 });
  gc();
  const heapBefore = process.memoryUsage().heapUsed;

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const parsed = parseJournalText(text);
  const t1 = performance.now();
  const model = createJournalModel(parsed.header, parsed.records);
  const t2 = performance.now();
  const first = model.stateAt(model.startMs + (model.endMs - model.startMs) / 2);
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const loadCpuMs = (cpu.user + cpu.system) / 1000;

  const rand = lcg(7);
  const span = model.endMs - model.startMs;
  const random = timeEach(SEEKS, () => model.stateAt(model.startMs + rand() * span));
  // Scrubbing: one second of mission time a step from a random point, as the timeline slider does.
  let t = model.startMs + rand() * (span - SEEKS * 1000);
  const scrub = timeEach(SEEKS, () => model.stateAt((t += 1000)));
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const loadMs = t3 - t0;

  const mb = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
  console.log(`web-load: synthetic journal ${NODES} nodes / ${PODS} pods / ${DURATION_MS / 60_000} min: ${parsed.records.length} records, ${mb(text.length)} of text`);
  console.log(`  parse ${ms(t1 - t0)}, index ${ms(t2 - t1)} (${(((t2 - t1) * 1000) / parsed.records.length).toFixed(2)} µs/record, the cost of a live append), first stateAt ${ms(t3 - t2)}`);
  // CPU time is what a load costs on an idle machine (one thread, plus GC helpers): the wall time on a
  // machine shared with other work says more about the others.
  console.log(`  loaded and seekable in ${ms(loadMs)} wall, ${ms(loadCpuMs)} CPU (target < ${TARGET_MS} ms: ${loadMs < TARGET_MS ? 'met' : loadCpuMs < TARGET_MS ? 'met in CPU time, not in wall time under this load' : 'MISSED'})`);
  console.log(`  ${SEEKS} random seeks: p50 ${ms(pct(random, 0.5), 2)}, p99 ${ms(pct(random, 0.99), 2)}; ${SEEKS} scrub steps of 1 s: p50 ${ms(pct(scrub, 0.5), 2)}, p99 ${ms(pct(scrub, 0.99), 2)}`);
  console.log(`  state at mid-mission: ${first.nodes.size} nodes, ${first.pods.size} pods; log ${model.log().length} lines, ${model.seriesNames().length} telemetry series`);
  console.log(`  heap: model and records ${mb(heapAfter - heapBefore)} after GC (text excluded), peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (generator included)`);
  const browser = await measureBrowserLoad(text, BROWSER_RUNS);
  if (typeof browser === 'string') console.log(`  in Chromium: ${browser}`);
  else {
    console.log(`  in Chromium as \`kis replay\` serves it (GET /api/journal, then /live), a fresh browser each run:`);
    for (const r of browser.runs) {
      const m = Object.entries(r.marks).map(([k, v]) => `${k} ${v}`).join(', ');
      console.log(`    loaded, drawn and answering in ${ms(r.loadMs)} (page marks, ms: ${m}); CPU: Chromium ${ms(r.chromiumCpuMs)} (all processes), server ${ms(r.serverCpuMs)}; load average ${loadavg()[0]!.toFixed(2)}`);
    }
    const walls = browser.runs.map((r) => r.loadMs).sort((a, b) => a - b);
    const med = walls[Math.floor(walls.length / 2)]!;
    console.log(`    median ${ms(med)} (target < ${TARGET_MS} ms: ${med < TARGET_MS ? 'met' : 'MISSED'}); 100 seeks p50 ${ms(browser.seekP50Ms, 2)}, p99 ${ms(browser.seekP99Ms, 2)}`);
  }
  console.log(`  load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (figures are noisy on a shared 2-core machine)`);
}

function timeEach(n: number, f: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = performance.now();
    f();
    out.push(performance.now() - a);
  }
  return out.sort((a, b) => a - b);
}

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function ms(x: number, digits = 0): string {
  return `${x.toFixed(digits)} ms`;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** A full GC between phases, so the heap figure is what the model holds (no --expose-gc flag needed). */
function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
