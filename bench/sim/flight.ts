// Benchmark child: one `kis run` in lockstep on the twin, in its own process so peak RSS is its own; prints JSON.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyHeapPolicy } from '../../sim/core/index.ts';
import { loadProfile } from '../../sim/profile/index.ts';
import { defaultCacheDir } from '../../sim/run/pki-cache.ts';
import { runFlight } from '../../sim/run/runner.ts';

// As the command line does at start-up (sim/cli/main.ts): this child stands in for `kis run`.
applyHeapPolicy();
const path = process.argv[2] ?? 'profiles/falcon9-leo.yaml';
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const profile = loadProfile(path);
const outDir = mkdtempSync(join(tmpdir(), 'kis-bench-run-'));
mkdirSync(join(outDir, 'run'));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// As `kis run` does: the twin's certificate from the user's cache (minted on the first run only).
const r = await runFlight({ profile, profilePath: path, outDir: join(outDir, 'run'), seed: profile.cluster.seed, mode: 'fast', pkiCacheDir: defaultCacheDir() });
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
clearInterval(sampler);
rmSync(outDir, { recursive: true, force: true });
console.log(JSON.stringify({ profile: profile.metadata.name, nodes: profile.vehicle.nodes.length, missionSeconds: r.missionSeconds, wallSeconds: wall, ratio: r.missionSeconds / wall, cpuSeconds, cpuRatio: r.missionSeconds / cpuSeconds, peakRssMiB: peak / 1048576, failed: r.results.filter((x) => x.status === 'fail').length, aborted: r.aborted ?? null, phasesMs: r.phases }));
process.exit(0);
