// `kis hal`: the long-running bridge. Serial switch boxes and MQTT signals go through the wiring rules into the
// durable action queue, which the executor applies to the cluster; alarms and results go to the log, and a
// status line on a TTY. SIGINT/SIGTERM stop the sources and leave unfinished actions in the queue file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ActionExecutor, ActionQueue, KubeCluster, loadKubeConfig } from '../../hal/cluster/index.ts';
import { mqttClientTransport } from '../../hal/mqtt/index.ts';
import type { Action } from '../../hal/signals/index.ts';
import { MqttSource } from '../../hal/sources/mqtt/index.ts';
import { ArmState, parseSerialSpec, SerialSource } from '../../hal/sources/serial/index.ts';
import type { SignalSource, SourceEvent } from '../../hal/sources/source.ts';
import { decide, INITIAL_STATE, type Wiring, type WiringState } from '../../hal/wiring/index.ts';
import { RealClock } from '../core/index.ts';

export interface HalOptions {
  wiring: Wiring;
  serial: readonly string[];
  mqttUrl?: string;
  kubeconfig?: string;
  context?: string;
  dryRun: boolean;
  queuePath: string;
  log: (line: string) => void;
  status?: (line: string) => void;
  /** Resolves when the bridge should stop (default: SIGINT or SIGTERM). */
  until?: Promise<unknown>;
}

export async function runHal(o: HalOptions): Promise<number> {
  const clock = new RealClock();
  const wiring = o.wiring;
  const kc = loadKubeConfig({ ...(o.kubeconfig ? { path: o.kubeconfig } : {}), ...(o.context ? { context: o.context } : {}) });
  const cluster = new KubeCluster(kc);
  await cluster.probe();
  const arm = new ArmState(wiring.arming);
  const executor = new ActionExecutor({ cluster, vehicle: wiring.vehicle, clock, arm, dryRun: o.dryRun });
  mkdirSync(dirname(o.queuePath), { recursive: true });
  let last = 'none yet';
  const queue = new ActionQueue({
    path: o.queuePath,
    executor,
    clock,
    onResult: (entry, r) => o.log(`action ${entry.id} ${entry.action.type}: ${r.status}${r.detail ? ` — ${r.detail}` : ''}`),
    onRetry: (entry, err, delay) => o.log(`action ${entry.id} ${entry.action.type}: cluster answered ${err.code || 'nothing'}, retrying in ${delay} ms`),
  });
  if (queue.depth > 0) o.log(`resuming ${queue.depth} unfinished action(s) from ${o.queuePath}`);
  queue.start();

  const sources: SignalSource[] = [];
  o.serial.forEach((spec, i) => {
    const { path, baudRate } = parseSerialSpec(spec);
    const box = wiring.serial[i] ?? wiring.serial[0];
    if (!box) throw new Error(`--serial ${spec}: the wiring names no serial box`);
    sources.push(new SerialSource({
      path, baudRate, box: box.box, clock, arm, debounceMs: box.debounceMs, heartbeatTimeoutMs: box.heartbeatTimeoutMs,
      planes: box.planes.map((p) => ({ plane: p.plane, stage: p.stage, switches: p.switches, policy: p.policy, agreementWindowMs: p.agreementWindowMs })),
      log: o.log,
    }));
  });
  if (o.mqttUrl) {
    const url = new URL(o.mqttUrl);
    const transport = mqttClientTransport({
      url: `${url.protocol}//${url.host}`,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    });
    sources.push(new MqttSource({ vehicle: wiring.vehicle, transport, clock }));
  }

  let state: WiringState = INITIAL_STATE;
  const enqueue = (action: Action) => {
    if (action.type === 'detach-stage') executor.cancelDrain(action.stage);
    queue.enqueue(action);
  };
  const onEvent = (ev: SourceEvent) => {
    if (ev.kind === 'alarm') {
      o.log(`ALARM ${ev.alarm.state} ${ev.alarm.alarm} ${ev.alarm.subject}: ${ev.alarm.message}`);
      return;
    }
    last = `${ev.signal.type} from ${ev.signal.source}`;
    const d = decide(ev.signal, state, wiring);
    state = d.state;
    for (const a of d.actions) enqueue(a);
  };
  const unsubscribe = sources.map((s) => s.subscribe(onEvent));
  for (const s of sources) await s.start();
  o.log(`kis hal: vehicle ${wiring.vehicle}, ${sources.length} source(s), ${arm.armed ? 'ARMED' : 'SAFE'}${o.dryRun ? ', dry run' : ''}; queue ${o.queuePath}`);
  const ticker = o.status
    ? clock.setInterval(() => {
        const conn = sources.map((s) => `${s.name}:${s.status().connected ? 'up' : 'DOWN'}`).join(' ');
        o.status!(`${arm.armed ? 'ARMED' : 'SAFE '}  ${conn}  last signal: ${last}  queue: ${queue.depth}`);
      }, 500)
    : undefined;

  const signal = await (o.until ?? waitForSignal());
  clock.clearInterval(ticker);
  for (const u of unsubscribe) u();
  for (const s of sources) await s.stop();
  await queue.stop();
  o.log(`kis hal: stopped${typeof signal === 'string' ? ` (${signal})` : ''}; ${queue.depth} unfinished action(s) kept in ${o.queuePath}`);
  return 0;
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}
