// The MQTT side of `kis hal`: an external broker by URL (--mqtt) or the embedded one (--broker) with its
// credentials, the MqttSource that reads device signals and the publisher for state/events/alerts.
import { networkInterfaces } from 'node:os';
import {
  EmbeddedBroker, generateBrokerUsers, mqttClientTransport, outboundFilters, stateTopic,
  type BrokerUser, type MqttTransport,
} from '../../hal/mqtt/index.ts';
import { MqttPublisher, MqttSource } from '../../hal/sources/mqtt/index.ts';
import type { Wiring } from '../../hal/wiring/index.ts';
import type { Clock } from '../core/index.ts';

export interface HalBrokerOptions {
  /** Default 127.0.0.1: a lab bus is not an internet service. */
  readonly host?: string;
  /** Default 1883. */
  readonly port?: number;
  /** Default 9001 (mosquitto's customary WebSocket port); null: no WebSocket listener. */
  readonly wsPort?: number | null;
  /** From --broker-users; undefined: generated for the wiring's devices and printed once. */
  readonly users?: readonly BrokerUser[];
}

export interface HalMqttOptions {
  readonly wiring: Wiring;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** mqtt://user:pass@host:1883 (mqtts://, ws://, wss:// too). Exclusive with `broker`. */
  readonly mqttUrl?: string;
  readonly broker?: HalBrokerOptions;
}

export interface HalMqtt {
  readonly source: MqttSource;
  readonly publisher: MqttPublisher;
  readonly broker?: EmbeddedBroker;
  /** After the source has stopped: closes the shared transport and the broker. */
  close(): Promise<void>;
}

export const DEFAULT_BROKER_WS_PORT = 9001;

/** Undefined when neither --mqtt nor --broker was given. */
export async function startHalMqtt(o: HalMqttOptions): Promise<HalMqtt | undefined> {
  if (o.mqttUrl !== undefined && o.broker !== undefined) throw new Error('give --mqtt URL or --broker, not both');
  const vehicle = o.wiring.vehicle;
  let broker: EmbeddedBroker | undefined;
  let transport: MqttTransport;
  if (o.broker) {
    const users = o.broker.users ?? generateBrokerUsers(deviceIds(o.wiring));
    const wsPort = o.broker.wsPort === undefined ? DEFAULT_BROKER_WS_PORT : o.broker.wsPort;
    broker = new EmbeddedBroker({
      vehicle, users, port: o.broker.port ?? 1883,
      ...(o.broker.host === undefined ? {} : { host: o.broker.host }),
      ...(wsPort === null ? {} : { wsPort }),
    });
    try {
      await broker.start();
    } catch (e) {
      await broker.stop();
      throw new Error(`broker: cannot listen on ${o.broker.host ?? '127.0.0.1'}:${o.broker.port ?? 1883}${wsPort === null ? '' : ` / ws ${wsPort}`}: ${(e as Error).message}`);
    }
    printBroker(broker, users, o.broker.users === undefined, o.log);
    // The HAL is this process: attached in-process, no socket, no login (and so no credential to leak).
    transport = broker.localTransport();
  } else if (o.mqttUrl !== undefined) {
    const url = new URL(o.mqttUrl);
    transport = mqttClientTransport({
      url: `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      // A HAL that dies without a DISCONNECT: the broker itself marks it offline for late viewers.
      will: { topic: stateTopic(vehicle, 'online'), payload: 'false', retain: true },
    });
  } else {
    return undefined;
  }
  const source = new MqttSource({ vehicle, transport, clock: o.clock, ownsTransport: false, log: o.log });
  const publisher = new MqttPublisher({ vehicle, transport, ownsTransport: true });
  return {
    source, publisher, ...(broker ? { broker } : {}),
    async close() {
      await publisher.close();
      await broker?.stop();
    },
  };
}

/** Who may publish signals when no users file is given: one device per bus, link, plane and wired topic id. */
export function deviceIds(w: Wiring): string[] {
  const fromTopics = w.mqtt.map((m) => m.id ?? m.topic.split('/').pop() ?? '').filter((id) => id !== '+' && id !== '#');
  return [...w.power.map((p) => p.bus), ...w.links.map((l) => l.link), ...w.serial.flatMap((b) => b.planes.map((p) => p.plane)), ...fromTopics];
}

function printBroker(broker: EmbeddedBroker, users: readonly BrokerUser[], generated: boolean, log: (line: string) => void): void {
  const a = broker.address;
  // Bound to every interface: 0.0.0.0 is not an address a device can dial, so name the machine's own.
  const hosts = a.host === '0.0.0.0' || a.host === '::' ? lanAddresses() : [a.host.includes(':') ? `[${a.host}]` : a.host];
  const where = hosts.flatMap((h) => [`mqtt://${h}:${a.port}`, ...(a.wsPort === undefined ? [] : [`ws://${h}:${a.wsPort}/mqtt`])]);
  log(`broker: devices connect to ${where.join(' or ')} (MQTT 3.1.1, username/password; client id = username or username-…)`);
  if (!generated) {
    log(`broker: ${users.length} user(s) from --broker-users`);
    return;
  }
  log('broker: generated credentials, shown this once (give --broker-users FILE to choose your own):');
  const width = Math.max(...users.map((u) => u.username.length)) + 2;
  const reads = outboundFilters(broker.acl.vehicle).join(', ');
  for (const u of users) {
    const what = u.role === 'device' ? `publishes ${(u.publish ?? [`kis/${broker.acl.vehicle}/signal/+/${u.username}`]).join(', ')}` : `reads ${reads}`;
    log(`  ${u.username.padEnd(width)}${u.password}  ${what}`);
  }
}

function lanAddresses(): string[] {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  const v4 = all.filter((i) => i.family === 'IPv4' && !i.internal).map((i) => i.address);
  return v4.length > 0 ? v4 : ['127.0.0.1'];
}
