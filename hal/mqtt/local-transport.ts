// MqttTransport attached to the embedded aedes broker inside the same process: no socket, no
// encoding, no PUBACK round trip on the HAL side — the ingest path of `kis hal --broker`.
import type { Aedes, AedesPublishPacket } from 'aedes';
import { ListenerSet, type MqttTransport, type PublishOptions, type TransportListener } from './transport.ts';

type Deliver = (packet: AedesPublishPacket, callback: () => void) => void;

export class LocalTransport implements MqttTransport {
  readonly name = 'embedded';
  readonly lastError: string | undefined = undefined;
  private readonly listeners = new ListenerSet();
  private readonly subscriptions = new Map<string, Deliver>();
  private isOpen = false;

  constructor(private readonly broker: Aedes) {}

  get connected(): boolean {
    return this.isOpen && !this.broker.closed;
  }

  listen(listener: TransportListener): () => void {
    const remove = this.listeners.add(listener);
    if (this.connected) listener.connected(false);
    return remove;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    if (this.broker.closed) throw new Error('the embedded broker is not running: start it before attaching');
    this.isOpen = true;
    this.listeners.connected(false);
  }

  subscribe(filter: string, qos: 0 | 1): Promise<number> {
    if (this.subscriptions.has(filter)) return Promise.resolve(qos);
    const deliver: Deliver = (packet, callback) => {
      // Live deliveries only: aedes replays retained messages to clients, not to in-process
      // subscribers, and forwards live messages with RETAIN 0 (MQTT 3.1.1 §3.3.1.3).
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      try {
        this.listeners.message(packet.topic, payload, false);
      } finally {
        callback();
      }
    };
    this.subscriptions.set(filter, deliver);
    return new Promise((resolve) => this.broker.subscribe(filter, deliver, () => resolve(qos)));
  }

  unsubscribe(filter: string): Promise<void> {
    const deliver = this.subscriptions.get(filter);
    if (!deliver) return Promise.resolve();
    this.subscriptions.delete(filter);
    return new Promise((resolve) => this.broker.unsubscribe(filter, deliver, () => resolve()));
  }

  publish(topic: string, payload: string | Uint8Array, options: PublishOptions): Promise<void> {
    const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    return new Promise((resolve, reject) =>
      this.broker.publish(
        { cmd: 'publish', topic, payload: body, qos: options.qos, retain: options.retain ?? false, dup: false },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
  }

  /** The broker is going away: its subscriptions go with it. */
  brokerStopped(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.subscriptions.clear();
    this.listeners.disconnected('the embedded broker stopped');
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    const filters = [...this.subscriptions.keys()];
    if (!this.broker.closed) await Promise.all(filters.map((f) => this.unsubscribe(f)));
    this.subscriptions.clear();
    this.listeners.disconnected('closed');
  }
}
