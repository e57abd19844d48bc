// `kis hal`: the long-running bridge. Serial switch boxes and MQTT signals go through the wiring rules into the
// durable action queue, which the executor applies to the cluster; alarms and results go to the log, a status
// line on a TTY, and — with --mqtt or --broker — the bus (kis/<vehicle>/state/…, events, alerts).
// SIGINT/SIGTERM stop the sources and leave unfinished actions in the queue file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ActionExecutor, ActionQueue, ClusterObserver, KubeCluster, loadKubeConfig, NodeCache } from '../../hal/cluster/index.ts';
import type { AlarmAction } from '../../hal/signals/index.ts';
import { HalOutbound } from '../../hal/sources/mqtt/index.ts';
import { ArmState, parseSerialSpec, SerialSource } from '../../hal/sources/serial/index.ts';
import type { SignalSource, SourceEvent } from '../../hal/sources/source.ts';
import { decide, INITIAL_STATE, type Wiring, type WiringState } from '../../hal/wiring/index.ts';
import { RealClock, type Clock } from '../core/index.ts';
import { startHalMqtt, type HalBrokerOptions } from './hal-mqtt.ts';
import { waitForStop } from './wait-for-stop.ts';

export type { HalBrokerOptions } from './hal-mqtt.ts';

export interface HalOptions {
  wiring: Wiring;
  serial: readonly string[];
  /** An external broker (exclusive with `broker`). */
  mqttUrl?: string;
  /** Start the embedded broker and attach the HAL to it in-process. */
  broker?: HalBrokerOptions;
  kubeconfig?: string;
  context?: string;
  dryRun: boolean;
  queuePath: string;
  log: (line: string) => void;
  status?: (line: string) => void;
  /** Resolves when the bridge should stop (default: SIGINT or SIGTERM). */
  until?: Promise<unknown>;
  /** Called once the bridge runs, with the embedded broker's address when there is one (tests, `kis serve`). */
  onReady?: (ready: { brokerUrl?: string; brokerWsUrl?: string }) => void;
}

export async function runHal(o: HalOptions): Promise<number> {
  const clock = new RealClock();
  const wiring = o.wiring;
  const kc = loadKubeConfig({ ...(o.kubeconfig ? { path: o.kubeconfig } : {}), ...(o.context ? { context: o.context } : {}) });
  const cluster = new KubeCluster(kc);
  await cluster.probe();
  const arm = new ArmState(wiring.arming);
  // Node lookups from a watch, not a LIST per action; a stage's nodes written concurrently (hal/cluster/node-cache.ts).
  const nodeCache = new NodeCache({ cluster, clock, onError: (e, ms) => o.log(`node cache: watch failed (${e instanceof Error ? e.message : String(e)}); reading the API, rewatching in ${ms} ms`) });
  await nodeCache.start();
  const executor = new ActionExecutor({ cluster, vehicle: wiring.vehicle, clock, arm, dryRun: o.dryRun, nodes: nodeCache, parallel: true });
  const sources = serialSources(o, clock, arm);
  const mqtt = await startHalMqtt({ wiring, clock, log: o.log, ...(o.mqttUrl ? { mqttUrl: o.mqttUrl } : {}), ...(o.broker ? { broker: o.broker } : {}) });
  if (mqtt) sources.push(mqtt.source);

  let outbound: HalOutbound | undefined;
  const alarm = (a: AlarmAction) => {
    o.log(`ALARM ${a.state} ${a.alarm} ${a.subject}: ${a.message}`);
    outbound?.alarm(a);
  };
  mkdirSync(dirname(o.queuePath), { recursive: true });
  let last = 'none yet';
  const queue = new ActionQueue({
    path: o.queuePath,
    executor,
    clock,
    onResult: (entry, r) => {
      o.log(`action ${entry.id} ${entry.action.type}: ${r.status}${r.detail ? ` — ${r.detail}` : ''}`);
      outbound?.action({ id: entry.id, action: entry.action, status: r.status, detail: r.detail });
      // Alarm actions were announced when decided (they must not wait behind a drain); these are the executor's own.
      if (entry.action.type !== 'alarm') r.alarms.forEach(alarm);
    },
    onRetry: (entry, err, delay) => o.log(`action ${entry.id} ${entry.action.type}: cluster answered ${err.code || 'nothing'}, retrying in ${delay} ms`),
  });
  // Our vehicle's nodes only, for state/nodes/<node>: no pod watch (that would be every pod of a lab cluster).
  const observer = mqtt ? new ClusterObserver({ cluster, clock, vehicle: wiring.vehicle, pods: false, onChange: (c) => c.resource === 'nodes' && outbound?.refresh() }) : undefined;
  if (mqtt) {
    outbound = new HalOutbound({
      publisher: mqtt.publisher, clock, log: o.log,
      snapshot: () => ({ armed: arm.armed, dryRun: o.dryRun, queueDepth: queue.depth, sources: sources.map((s) => s.status()), nodes: observer!.nodes() }),
    });
  }
  if (queue.depth > 0) o.log(`resuming ${queue.depth} unfinished action(s) from ${o.queuePath}`);
  queue.start();

  let state: WiringState = INITIAL_STATE;
  const onEvent = (ev: SourceEvent) => {
    if (ev.kind === 'alarm') return alarm(ev.alarm);
    last = `${ev.signal.type} from ${ev.signal.source}`;
    const d = decide(ev.signal, state, wiring);
    state = d.state;
    if (d.actions.length === 0) return undefined;
    for (const a of d.actions) {
      if (a.type === 'alarm') alarm(a);
      if (a.type === 'detach-stage') executor.cancelDrain(a.stage);
    }
    // One write(2) for the decision (a separation's Event and detach), not one per action.
    const entries = queue.enqueueAll(d.actions);
    // An MQTT QoS 1 message is acknowledged once these lines are fsynced (a failed fsync refuses it);
    // serial sources ignore the promise, so it is marked handled here.
    const durable = queue.whenDurable(entries);
    durable?.catch(() => undefined);
    return durable;
  };
  const unsubscribe = sources.map((s) => s.subscribe(onEvent));
  await observer?.start();
  await outbound?.start();
  for (const s of sources) await s.start();
  outbound?.refresh();
  o.log(`kis hal: vehicle ${wiring.vehicle}, ${sources.length} source(s), ${arm.armed ? 'ARMED' : 'SAFE'}${o.dryRun ? ', dry run' : ''}; queue ${o.queuePath}`);
  o.onReady?.({ ...(mqtt?.broker ? { brokerUrl: mqtt.broker.address.url, ...(mqtt.broker.address.wsUrl ? { brokerWsUrl: mqtt.broker.address.wsUrl } : {}) } : {}) });
  const ticker = o.status
    ? clock.setInterval(() => {
        const conn = sources.map((s) => `${s.name}:${s.status().connected ? 'up' : 'DOWN'}`).join(' ');
        const clients = mqtt?.broker ? `  broker clients: ${mqtt.broker.counters().clients}` : '';
        o.status!(`${arm.armed ? 'ARMED' : 'SAFE '}  ${conn}${clients}  last signal: ${last}  queue: ${queue.depth}`);
      }, 500)
    : undefined;

  const signal = await (o.until ?? waitForStop());
  clock.clearInterval(ticker);
  for (const u of unsubscribe) u();
  for (const s of sources) await s.stop();
  await queue.stop();
  await outbound?.stop(); // after the queue: the last outcomes and state/online=false go out
  await observer?.stop();
  await nodeCache.stop();
  cluster.close();
  await mqtt?.close();
  o.log(`kis hal: stopped${typeof signal === 'string' ? ` (${signal})` : ''}; ${queue.depth} unfinished action(s) kept in ${o.queuePath}`);
  return 0;
}

function serialSources(o: HalOptions, clock: Clock, arm: ArmState): SignalSource[] {
  return o.serial.map((spec, i) => {
    const { path, baudRate } = parseSerialSpec(spec);
    const box = o.wiring.serial[i] ?? o.wiring.serial[0];
    if (!box) throw new Error(`--serial ${spec}: the wiring names no serial box`);
    return new SerialSource({
      path, baudRate, box: box.box, clock, arm, debounceMs: box.debounceMs, heartbeatTimeoutMs: box.heartbeatTimeoutMs,
      planes: box.planes.map((p) => ({ plane: p.plane, stage: p.stage, switches: p.switches, policy: p.policy, agreementWindowMs: p.agreementWindowMs })),
      log: o.log,
    });
  });
}
