// The SignalSource contract run by MqttSource over the embedded broker: as a TCP client with a HAL login,
// and attached in-process (the `kis hal --broker` path). Signals come from a real device client over TCP.
import mqtt from 'mqtt';
import { EmbeddedBroker, mqttClientTransport, type BrokerUser } from '../../../../hal/mqtt/index.ts';
import { MqttSource } from '../../../../hal/sources/mqtt/index.ts';
import type { Signal } from '../../../../hal/signals/index.ts';
import { RealClock } from '../../../../sim/core/index.ts';
import { signalSourceContract, type SourceHarness } from './signal-source-contract.ts';

const USERS: BrokerUser[] = [
  { username: 'hal', password: 'hal-pw', role: 'hal' },
  { username: 'psu1', password: 'psu1-pw', role: 'device' },
];

async function make(path: 'tcp' | 'in-process'): Promise<SourceHarness> {
  let broker = new EmbeddedBroker({ vehicle: 'f9', users: USERS, port: 0 });
  const { url, port } = await broker.start();
  const baseline = broker.counters().clients;
  const transport = path === 'tcp'
    ? mqttClientTransport({ url, username: 'hal', password: 'hal-pw', reconnectPeriodMs: 50 })
    : broker.localTransport();
  const source = new MqttSource({ vehicle: 'f9', transport, clock: new RealClock() });
  let device: mqtt.MqttClient | undefined;
  const dev = async () => {
    if (!device?.connected) {
      device?.end(true);
      device = await mqtt.connectAsync(url, { username: 'psu1', password: 'psu1-pw', clientId: 'psu1', reconnectPeriod: 0 });
    }
    return device;
  };
  return {
    source,
    sourceTag: 'mqtt',
    async send(from, count) {
      const d = await dev();
      // QoS 1 and in order: each PUBACK means the broker has handed the message on.
      for (let i = 0; i < count; i++) await d.publishAsync('kis/f9/signal/power/psu1', `{"millivolts":${from + i}}`, { qos: 1 });
    },
    indexOf: (s: Signal) => (s.type === 'power' && s.bus === 'psu1' ? s.millivolts : undefined),
    async sendGarbage() {
      const d = await dev();
      await d.publishAsync('kis/f9/signal/power/psu1', '{"millivolts":', { qos: 1 });
      await d.publishAsync('kis/f9/signal/warp/psu1', '{}', { qos: 1 });
    },
    garbageCounters: ['badPayloads'],
    released: () => (path === 'tcp' ? broker.counters().clients === baseline + (device?.connected ? 1 : 0) : !transport.connected),
    handles: () => (path === 'tcp' ? broker.counters().clients - baseline : transport.connected ? 1 : 0),
    // The in-process transport dies with its broker (nothing to reconnect to); over TCP a new broker
    // on the same port is a broker restart, with no memory of the old session.
    ...(path === 'tcp'
      ? {
          interrupt: {
            cut: () => broker.stop(),
            async restore() {
              broker = new EmbeddedBroker({ vehicle: 'f9', users: USERS, port });
              await broker.start();
            },
          },
        }
      : {}),
    async dispose() {
      await device?.endAsync(true);
      await broker.stop();
    },
  };
}

signalSourceContract({ name: 'MqttSource, TCP client of the embedded broker', make: () => make('tcp'), interruptible: true });
signalSourceContract({ name: 'MqttSource attached in-process to the embedded broker', make: () => make('in-process'), interruptible: false });
