// Test helpers for the MQTT integration tests: a broker with the usual users, device clients, and a
// source that records what it emits.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { RealClock } from '../../../sim/core/index.ts';
import { EmbeddedBroker, mqttClientTransport, type BrokerUser, type MqttTransport } from '../../../hal/mqtt/index.ts';
import { MqttSource } from '../../../hal/sources/mqtt/index.ts';
import type { SourceEvent } from '../../../hal/sources/source.ts';
import type { AlarmAction, Signal } from '../../../hal/signals/index.ts';

export const VEHICLE = 'f9';
export const USERS: BrokerUser[] = [
  { username: 'hal', password: 'hal-pw', role: 'hal' },
  { username: 'psu1', password: 'psu1-pw', role: 'device' },
  { username: 'psu2', password: 'psu2-pw', role: 'device' },
  { username: 'ops', password: 'ops-pw', role: 'viewer' },
];

export async function startBroker(extra: { port?: number; wsPort?: number } = {}): Promise<EmbeddedBroker> {
  const broker = new EmbeddedBroker({ vehicle: VEHICLE, users: USERS, port: extra.port ?? 0, ...(extra.wsPort === undefined ? {} : { wsPort: extra.wsPort }) });
  await broker.start();
  return broker;
}

/** A device or viewer client; no automatic reconnect so a refusal stays visible. */
export async function connectClient(url: string, username: string, password: string, more: IClientOptions = {}): Promise<MqttClient> {
  const client = mqtt.connect(url, { username, password, clientId: `${username}-${Math.random().toString(16).slice(2)}`, reconnectPeriod: 0, protocolVersion: 4, ...more });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return client;
}

export class Recorder {
  readonly signals: Signal[] = [];
  readonly alarms: AlarmAction[] = [];
  private waiters: Array<() => void> = [];

  readonly listener = (e: SourceEvent): void => {
    if (e.kind === 'signal') this.signals.push(e.signal);
    else this.alarms.push(e.alarm);
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  };

  /** Resolves once `pred` holds (checked after every event). The test timeout bounds the wait. */
  async until(pred: (r: Recorder) => boolean): Promise<void> {
    while (!pred(this)) await new Promise<void>((r) => this.waiters.push(r));
  }
}

export function halSource(transport: MqttTransport): { source: MqttSource; rec: Recorder } {
  const source = new MqttSource({ vehicle: VEHICLE, transport, clock: new RealClock() });
  const rec = new Recorder();
  source.subscribe(rec.listener);
  return { source, rec };
}

export function halTransport(url: string, more: { reconnectPeriodMs?: number } = {}): MqttTransport {
  return mqttClientTransport({ url, username: 'hal', password: 'hal-pw', reconnectPeriodMs: more.reconnectPeriodMs ?? 100 });
}
