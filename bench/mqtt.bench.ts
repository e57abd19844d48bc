// MQTT signal ingest (issue 5): devices in a child process publish QoS 1 power signals to the embedded
// broker over TCP; the HAL's MqttSource decodes and validates them and the wiring rules decide on each
// (hal/wiring decide, as kis hal does) and the actions go into the HAL's durable queue, whose journal must
// fsync them before the device's PUBACK (as kis hal does; a no-op applier stands in for the cluster).
// None may be lost.
// The devices are lean MQTT 3.1.1 publishers (bench/mqtt-device.ts), each with a window of unacknowledged
// QoS 1 messages (KIS_BENCH_MQTT_WINDOW, default 500), so on 2 cores the load generator takes ~2 µs of
// CPU a signal and the figure is the broker's and the HAL's; KIS_BENCH_MQTT_CLIENT=mqttjs for mqtt.js (~12 µs).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RealClock } from '../sim/core/index.ts';
import { ActionQueue } from '../hal/cluster/index.ts';
import { EmbeddedBroker, mqttClientTransport, type BrokerUser, type MqttTransport } from '../hal/mqtt/index.ts';
import { MqttSource } from '../hal/sources/mqtt/index.ts';
import { decide, INITIAL_STATE, WIRING_DEFAULTS, type Wiring, type WiringState } from '../hal/wiring/index.ts';

const DEVICES = 4;
const USERS: BrokerUser[] = [
  { username: 'hal', password: 'hal-pw', role: 'hal' },
  ...Array.from({ length: DEVICES }, (_, d): BrokerUser => ({ username: `dev${d}`, password: `dev${d}-pw`, role: 'device' })),
];

// Each device is a power bus with flight-like thresholds: the rising values cross cutoff and brownout once.
const WIRING: Wiring = {
  vehicle: 'bench', stages: ['s1'], arming: WIRING_DEFAULTS.arming, serial: [], mqtt: [], links: [], commands: {},
  power: Array.from({ length: DEVICES }, (_, d) => ({ bus: `dev${d}`, brownoutMillivolts: 24_500, cutoffMillivolts: 21_000, hysteresisMillivolts: 500 })),
};

interface Run {
  readonly path: string;
  readonly n: number;
  readonly perSecond: number;
  /** CPU time of this process (broker + HAL) per signal: a figure that a busy machine distorts less. */
  readonly cpuUsPerSignal: number;
  /** CPU time of the device process per signal (four clients encoding PUBLISHes): the other half of the machine. */
  readonly deviceCpuUsPerSignal: number;
  readonly lost: number;
  readonly bad: number;
  /** Actions the wiring decided over the run (threshold crossings). */
  readonly actions: number;
}

async function once(path: 'in-process' | 'tcp', n: number): Promise<Run> {
  const broker = new EmbeddedBroker({ vehicle: 'bench', users: USERS, port: 0 });
  const { url } = await broker.start();
  const transport: MqttTransport = path === 'in-process' ? broker.localTransport() : mqttClientTransport({ url, username: 'hal', password: 'hal-pw' });
  const clock = new RealClock();
  const source = new MqttSource({ vehicle: 'bench', transport, clock });
  const dir = mkdtempSync(join(tmpdir(), 'kis-mqtt-bench-'));
  const queue = new ActionQueue({ path: join(dir, 'q.ndjson'), clock, executor: { apply: async () => ({ status: 'applied', detail: '', steps: [], alarms: [] }) } });
  queue.start();
  const seen = new Uint8Array(n);
  let count = 0;
  let actions = 0;
  let wiringState: WiringState = INITIAL_STATE;
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
      const d = decide(e.signal, wiringState, WIRING);
      wiringState = d.state;
      actions += d.actions.length;
      if (count === n) {
        last = performance.now();
        resolve();
      }
      // As kis hal: the PUBACK of a message that decided actions waits for their journal lines' fsync.
      return d.actions.length === 0 ? undefined : queue.whenDurable(queue.enqueueAll(d.actions));
    });
  });
  await source.start();
  while (!source.status().connected) await new Promise((r) => setImmediate(r));
  const child = fork(fileURLToPath(new URL('./mqtt-device.ts', import.meta.url)), [url, String(n), String(DEVICES), process.env.KIS_BENCH_MQTT_WINDOW ?? '500'], {
    execArgv: ['--import', 'tsx'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  let deviceCpuUs = 0;
  child.on('message', (m: { cpuUs?: number }) => (deviceCpuUs = m.cpuUs ?? 0));
  await Promise.race([done, exited.then((code) => Promise.reject(new Error(`device process exited ${code} after ${count}/${n} signals`)))]);
  const cpu = process.cpuUsage(cpu0);
  await exited;
  const perSecond = Math.round(((n - 1) / (last - first)) * 1000);
  const lost = seen.reduce((a, v) => a + (v ? 0 : 1), 0);
  const bad = source.status().counters.badPayloads ?? 0;
  await source.stop();
  await broker.stop();
  await queue.stop();
  rmSync(dir, { recursive: true, force: true });
  const cpuUsPerSignal = (cpu.user + cpu.system) / n;
  return { path, n, perSecond, cpuUsPerSignal, deviceCpuUsPerSignal: deviceCpuUs / n, lost, bad, actions };
}

export async function runMqttBench(): Promise<void> {
  const n = Number(process.env.KIS_BENCH_MQTT_N ?? 300_000);
  console.log(`mqtt ingest: ${n} QoS 1 power signals from ${DEVICES} ${process.env.KIS_BENCH_MQTT_CLIENT === 'mqttjs' ? 'mqtt.js' : 'lean'} devices (child process, window ${process.env.KIS_BENCH_MQTT_WINDOW ?? 500}) through the embedded broker over TCP, wiring applied (target ≥ 50,000/s, none lost)`);
  console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores: wall figures are shared with everything else running`);
  // KIS_BENCH_MQTT_PATHS=in-process (or tcp) runs one path only, e.g. under a profiler.
  const only = process.env.KIS_BENCH_MQTT_PATHS?.split(',');
  for (const path of (['in-process', 'tcp'] as const).filter((p) => !only || only.includes(p))) {
    await once(path, Math.min(n, 20_000)); // warm-up: JIT, sockets
    const r = await once(path, n);
    console.log(`  HAL ${r.path.padEnd(10)} ${String(r.perSecond).padStart(7)} signals/s  ${r.cpuUsPerSignal.toFixed(1)} µs CPU/signal (≈ ${Math.round(1e6 / r.cpuUsPerSignal)}/s on one free core; devices ${r.deviceCpuUsPerSignal.toFixed(1)} µs)  lost ${r.lost}  bad ${r.bad}  actions ${r.actions}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runMqttBench();
