// Hand-run latency probe (not a test, asserts nothing): the last byte of a SEP frame written to a pty →
// the separation signal out of SerialSource, over N edges through socat. The integrator's benchmark
// adds the cluster write. Run: node sim/cli/run-ts.mjs test/hal/sources/serial/latency-probe.ts [edges] [debounceMs]
import { RealClock } from '../../../../sim/core/index.ts';
import { SerialSource, encodeMessage } from '../../../../hal/sources/serial/index.ts';
import { PtyPair, SKIP_REASON, SOCAT, waitFor } from './pty-pair.ts';

const edges = Number(process.argv[2] ?? 1000);
const debounceMs = Number(process.argv[3] ?? 0);
if (!SOCAT) {
  console.error(`latency probe: ${SKIP_REASON}`);
  process.exit(2);
}

const clock = new RealClock();
const pty = new PtyPair();
await pty.plug();
const src = new SerialSource({
  path: pty.a,
  clock,
  debounceMs,
  heartbeatTimeoutMs: 3_600_000,
  planes: [{ plane: 'stage1', stage: 'stage1', switches: ['stage1-a', 'stage1-b'] }],
});
let arrived = 0;
let at = 0;
src.subscribe((e) => {
  if (e.kind === 'signal' && e.signal.type === 'separation') {
    at = performance.now();
    arrived++;
  }
});
await src.start();
const both = (separated: boolean): string =>
  encodeMessage({ type: 'SEP', switchId: 'stage1-a', separated }) + encodeMessage({ type: 'SEP', switchId: 'stage1-b', separated });
pty.write(both(false)); // the first readings set the start state
await clock.sleep(debounceMs + 50);

const lat: number[] = [];
for (let i = 0; i < edges; i++) {
  const before = arrived;
  pty.write(both(i % 2 === 0));
  const written = performance.now(); // writeSync returned: the last byte is in the pty
  await waitFor(() => arrived > before, `edge ${i}`, 10_000);
  lat.push(at - written);
  await clock.sleep(2);
}
await src.stop();
await pty.dispose();

lat.sort((a, b) => a - b);
const q = (p: number): string => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!.toFixed(3);
console.log(`serial latency, pty write → separation signal, ${edges} edges, debounce ${debounceMs} ms:`);
console.log(`  p50 ${q(0.5)} ms  p90 ${q(0.9)} ms  p99 ${q(0.99)} ms  max ${lat.at(-1)!.toFixed(3)} ms`);
if (debounceMs > 0) {
  const over = lat.map((l) => l - debounceMs).sort((a, b) => a - b);
  const oq = (p: number): string => over[Math.min(over.length - 1, Math.floor(p * over.length))]!.toFixed(3);
  console.log(`  beyond the debounce: p50 ${oq(0.5)} ms  p99 ${oq(0.99)} ms`);
}
