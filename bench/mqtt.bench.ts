// MQTT signal ingest (issue 5): devices in a child process publish QoS 1 power signals to the embedded
// broker over TCP; the HAL's MqttSource decodes and validates them. Counts every value: none may be lost.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RealClock } from '../sim/core/index.ts';
import { EmbeddedBroker, mqttClientTransport, type BrokerUser, type MqttTransport } from '../hal/mqtt/index.ts';
import { MqttSource } from '../hal/sources/mqtt/index.ts';

const DEVICES = 4;
const USERS: BrokerUser[] = [
  { username: 'hal', password: 'hal-pw', role: 'hal' },
  ...Array.from({ length: DEVICES }, (_, d): BrokerUser => ({ username: `dev${d}`, password: `dev${d}-pw`, role: 'device' })),
];

interface Run {
  readonly path: string;
  readonly n: number;
  readonly perSecond: number;
  /** CPU time of this process (broker + HAL) per signal: a figure that a busy machine distorts less. */
  readonly cpuUsPerSignal: number;
  readonly lost: number;
  readonly bad: number;
}

async function once(path: 'in-process' | 'tcp', n: number): Promise<Run> {
  const broker = new EmbeddedBroker({ vehicle: 'bench', users: USERS, port: 0 });
  const { url } = await broker.start();
  const transport: MqttTransport = path === 'in-process' ? broker.localTransport() : mqttClientTransport({ url, username: 'hal', password: 'hal-pw' });
  const source = new MqttSource({ vehicle: 'bench', transport, clock: new RealClock() });
  const seen = new Uint8Array(n);
  let count = 0;
  let first = 0;
  let last = 0;
  let cpu0 = process.cpuUsage();
  const done = new Promise<void>((resolve) => {
    source.subscribe((e) => {
      if (e.kind !== 'signal' || e.signal.type !== 'power') return;
      if (count++ === 0) {
        first = performance.now();
        cpu0 = process.cpuUsage();
      }
      seen[e.signal.millivolts] = 1;
      if (count === n) {
        last = performance.now();
        resolve();
      }
    });
  });
  await source.start();
  while (!source.status().connected) await new Promise((r) => setImmediate(r));
  const child = fork(fileURLToPath(new URL('./mqtt-device.ts', import.meta.url)), [url, String(n), String(DEVICES), process.env.KIS_BENCH_MQTT_WINDOW ?? '500'], {
    execArgv: ['--import', 'tsx'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  await Promise.race([done, exited.then((code) => Promise.reject(new Error(`device process exited ${code} after ${count}/${n} signals`)))]);
  const cpu = process.cpuUsage(cpu0);
  await exited;
  const perSecond = Math.round(((n - 1) / (last - first)) * 1000);
  const lost = seen.reduce((a, v) => a + (v ? 0 : 1), 0);
  const bad = source.status().counters.badPayloads ?? 0;
  await source.stop();
  await broker.stop();
  const cpuUsPerSignal = (cpu.user + cpu.system) / n;
  return { path, n, perSecond, cpuUsPerSignal, lost, bad };
}

export async function runMqttBench(): Promise<void> {
  const n = Number(process.env.KIS_BENCH_MQTT_N ?? 300_000);
  console.log(`mqtt ingest: ${n} QoS 1 power signals from ${DEVICES} devices (child process) through the embedded broker over TCP`);
  for (const path of ['in-process', 'tcp'] as const) {
    await once(path, Math.min(n, 20_000)); // warm-up: JIT, sockets
    const r = await once(path, n);
    console.log(`  HAL ${r.path.padEnd(10)} ${String(r.perSecond).padStart(7)} signals/s  ${r.cpuUsPerSignal.toFixed(1)} µs CPU/signal (≈ ${Math.round(1e6 / r.cpuUsPerSignal)}/s on one free core)  lost ${r.lost}  bad ${r.bad}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runMqttBench();
