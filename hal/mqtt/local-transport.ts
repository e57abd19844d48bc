// MqttTransport attached to the embedded aedes broker inside the same process: no socket, no
// encoding, no PUBACK round trip on the HAL side — the ingest path of `kis hal --broker`.
// A device's PUBLISH reaches it from the broker's authorizePublish (ingest()), BEFORE aedes acknowledges
// it: aedes writes a QoS 1 PUBACK first and delivers to subscribers after, so a subscription alone
// could not hold the PUBACK until what the message caused is on disk. Publishes without a client (the
// broker's own) still come through the subscription; those a client sent (aedes stamps them with its
// clientId on the way to subscribers) were ingested already and are skipped there.
import type { Aedes, AedesPublishPacket } from 'aedes';
import { topicMatches } from './topics.ts';
import { ListenerSet, type MqttTransport, type PublishOptions, type TransportListener } from './transport.ts';

type Deliver = (packet: AedesPublishPacket, callback: () => void) => void;

export class LocalTransport implements MqttTransport {
  readonly name = 'embedded';
  readonly lastError: string | undefined = undefined;
  private readonly listeners = new ListenerSet();
  private readonly subscriptions = new Map<string, Deliver>();
  /** Whether a topic matches one of our filters: devices publish on a handful of topics, each checked once. */
  private readonly matches = new Map<string, boolean>();
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
      if ((packet as { clientId?: string }).clientId !== undefined) return callback(); // ingest() had it
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      try {
        // The broker's own publishes: nobody to acknowledge, so a durability promise is not waited for.
        const p = this.listeners.message(packet.topic, payload, false);
        p?.catch(() => undefined);
      } finally {
        callback();
      }
    };
    this.subscriptions.set(filter, deliver);
    this.matches.clear();
    return new Promise((resolve) => this.broker.subscribe(filter, deliver, () => resolve(qos)));
  }

  /**
   * A device's PUBLISH that passed the ACL, before the broker acknowledges it (EmbeddedBroker calls this
   * from authorizePublish). Undefined when no subscription of ours matches or nothing need be waited for;
   * else the promise to acknowledge after (see TransportListener.message).
   */
  ingest(topic: string, payload: Buffer): void | Promise<void> {
    if (!this.connected) return undefined;
    let matched = this.matches.get(topic);
    if (matched === undefined) {
      matched = false;
      for (const filter of this.subscriptions.keys()) if (topicMatches(filter, topic)) matched = true;
      if (this.matches.size >= 10_000) this.matches.clear(); // a client spraying topics must not grow it forever
      this.matches.set(topic, matched);
    }
    return matched ? this.listeners.message(topic, payload, false) : undefined;
  }

  unsubscribe(filter: string): Promise<void> {
    const deliver = this.subscriptions.get(filter);
    if (!deliver) return Promise.resolve();
    this.subscriptions.delete(filter);
    this.matches.clear();
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
    this.matches.clear();
    this.listeners.disconnected('the embedded broker stopped');
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    const filters = [...this.subscriptions.keys()];
    if (!this.broker.closed) await Promise.all(filters.map((f) => this.unsubscribe(f)));
    this.subscriptions.clear();
    this.matches.clear();
    this.listeners.disconnected('closed');
  }
}
