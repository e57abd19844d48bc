// Latency probe (not a test, asserts nothing): the last byte of a SEP frame pair written to a pty → the
// separation signal out of SerialSource, over N edges through socat. bench/hal runs it with the default
// 20 ms debounce to show what a separation adds beyond the debounce window; by hand:
// node sim/cli/run-ts.mjs test/hal/sources/serial/latency-probe.ts [edges] [debounceMs]
import { fileURLToPath } from 'node:url';
import { RealClock } from '../../../../sim/core/index.ts';
import { SerialSource, encodeMessage } from '../../../../hal/sources/serial/index.ts';
import { PtyPair, SKIP_REASON, SOCAT, waitFor } from './pty-pair.ts';

/** Per-edge latency in ms, pty write → signal, sorted. Needs socat. */
export async function probeSeparationLatency(edges: number, debounceMs: number): Promise<number[]> {
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
  try {
    for (let i = 0; i < edges; i++) {
      const before = arrived;
      pty.write(both(i % 2 === 0));
      const written = performance.now(); // writeSync returned: the last byte is in the pty
      await waitFor(() => arrived > before, `edge ${i}`, 10_000);
      lat.push(at - written);
      await clock.sleep(2);
    }
  } finally {
    await src.stop();
    await pty.dispose();
  }
  return lat.sort((a, b) => a - b);
}

export const quantile = (xs: readonly number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const edges = Number(process.argv[2] ?? 1000);
  const debounceMs = Number(process.argv[3] ?? 0);
  if (!SOCAT) {
    console.error(`latency probe: ${SKIP_REASON}`);
    process.exit(2);
  }
  const lat = await probeSeparationLatency(edges, debounceMs);
  const q = (p: number): string => quantile(lat, p).toFixed(3);
  console.log(`serial latency, pty write → separation signal, ${edges} edges, debounce ${debounceMs} ms:`);
  console.log(`  p50 ${q(0.5)} ms  p90 ${q(0.9)} ms  p99 ${q(0.99)} ms  max ${lat.at(-1)!.toFixed(3)} ms`);
  if (debounceMs > 0) {
    const over = lat.map((l) => l - debounceMs);
    const oq = (p: number): string => quantile(over, p).toFixed(3);
    console.log(`  beyond the debounce: p50 ${oq(0.5)} ms  p99 ${oq(0.99)} ms`);
  }
}
