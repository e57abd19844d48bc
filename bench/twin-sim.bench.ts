// Issue 3 benchmark: the living twin in lockstep — 1,000 nodes + 100,000 pods created, scheduled and
// Running (pods/s end to end, peak RSS), and one hour of virtual time with 1,000 heartbeating nodes.
import { execFile } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { heapGrowingPercent } from '../sim/core/index.ts';

const child = fileURLToPath(new URL('./sim/living-twin.ts', import.meta.url));
const run = async (...args: string[]) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--max-old-space-size=6144', child, ...args], { maxBuffer: 1 << 20, timeout: 1_800_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
};
/** What the child applied (sim/core/heap-policy.ts, as `kis twin` does). */
const heapPolicy = () => {
  const p = heapGrowingPercent(process.env);
  return p === undefined ? "V8's default" : `${p}% over live`;
};
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export async function runTwinSimBench(): Promise<void> {
  const nodes = Number(process.env.BENCH_NODES ?? 1000);
  const pods = Number(process.env.BENCH_PODS ?? 100_000);
  console.log(`twin-sim: living twin in lockstep, in process (kubelets, scheduler, controllers)`);
  const p = await run('pods', String(nodes), String(pods));
  console.log(`  ${fmt(p.nodes)} nodes + ${fmt(p.pods)} pods Running   ${fmt(p.seconds, 1)} s wall → ${fmt(p.podsPerSecond)} pods/s end to end (target >= 5,000), ${fmt(p.cpuSeconds, 1)} s CPU (${fmt(p.pods / p.cpuSeconds)} pods per CPU-second)   peak RSS ${fmt(p.peakRssMiB)} MiB (target < 2 GB = 1,907 MiB; heap growth ${heapPolicy()})   virtual ${fmt(p.virtualSeconds)} s   errors ${p.errors}`);
  const h = await run('heartbeat', String(nodes), '1');
  const load = loadavg()[0]!;
  console.log(`  ${fmt(h.nodes)} nodes heartbeating for ${h.hours} h virtual   ${fmt(h.seconds, 1)} s wall (target < 10), ${fmt(h.cpuSeconds, 1)} s CPU   peak RSS ${fmt(h.peakRssMiB)} MiB   errors ${h.errors}`);
  // The machine is shared: a load above its core count makes every wall figure above pessimistic.
  console.log(`  load average ${load.toFixed(1)} on ${availableParallelism()} cores`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runTwinSimBench();
