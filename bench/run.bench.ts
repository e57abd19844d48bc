// Issue 4 benchmark: `kis run` in lockstep on the embedded twin — mission time per wall time for the Falcon 9-like
// profile (target >= 1,000x) and the large profile (>= 100x, < 2 GB RSS). Twin startup and pre-launch included.
import { execFile } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const child = fileURLToPath(new URL('./sim/flight.ts', import.meta.url));
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export async function runRunBench(): Promise<void> {
  console.log('run: kis run --fast on the embedded twin (lockstep), twin start-up and pre-launch included');
  for (const [profile, target] of [['profiles/falcon9-leo.yaml', '>= 1,000x'], ['profiles/large-benchmark.yaml', '>= 100x, < 2,048 MiB']] as const) {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--max-old-space-size=6144', child, profile], { maxBuffer: 1 << 20, timeout: 1_800_000 });
    const r = JSON.parse(stdout.trim().split('\n').pop()!);
    console.log(`  ${r.profile.padEnd(16)} ${fmt(r.nodes)} nodes: ${fmt(r.missionSeconds)} s of mission in ${fmt(r.wallSeconds, 1)} s wall = ${fmt(r.ratio)}x real time (${fmt(r.cpuSeconds, 1)} s CPU: ${fmt(r.cpuRatio)}x per CPU-second)   peak RSS ${fmt(r.peakRssMiB)} MiB   (target ${target})   failed expectations ${r.failed}`);
    const phases = Object.entries(r.phasesMs as Record<string, number>).map(([k, ms]) => `${k} ${fmt(ms)}`).join(', ');
    console.log(`    wall ms by phase: ${phases}`);
  }
  // The machine is shared: a load above its core count makes the wall ratios pessimistic; the CPU ones hold.
  console.log(`  load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runRunBench();
