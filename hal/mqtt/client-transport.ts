// MqttTransport over the mqtt.js client: a broker by URL (mqtt://, mqtts:// with TLS, ws://, wss://).
import { randomBytes } from 'node:crypto';
import mqtt, { ErrorWithSubackPacket, type IClientOptions, type MqttClient } from 'mqtt';
import { ListenerSet, SubscriptionRefusedError, type MqttTransport, type PublishOptions, type TransportListener } from './transport.ts';
import { coalesceWrites } from './coalesce.ts';

export interface MqttClientOptions {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  /** Default: "<username>-<random>" (the embedded broker wants ids prefixed by the username). */
  readonly clientId?: string;
  /**
   * Clean session (default true). With false the broker keeps the subscription and queues QoS 1
   * messages while the HAL is away; the clientId must then be stable.
   */
  readonly clean?: boolean;
  readonly ca?: string | Buffer;
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
  /** Default true; false only for a lab broker with a self-signed certificate you cannot pass as `ca`. */
  readonly rejectUnauthorized?: boolean;
  /** Delay between reconnection attempts (default 1000 ms). */
  readonly reconnectPeriodMs?: number;
  readonly connectTimeoutMs?: number;
  readonly keepaliveSeconds?: number;
  /**
   * Last will (MQTT 3.1.1 §3.1.2.5): the broker publishes it if the connection drops without a
   * DISCONNECT — how a crashed HAL's retained state/online turns false.
   */
  readonly will?: { readonly topic: string; readonly payload: string; readonly retain?: boolean };
}

export function mqttClientTransport(options: MqttClientOptions): MqttTransport {
  return new ClientTransport(options);
}

class ClientTransport implements MqttTransport {
  readonly name: string;
  lastError: string | undefined;
  private readonly listeners = new ListenerSet();
  private readonly client: MqttClient;
  private opened: Promise<void> | undefined;
  private closed = false;

  constructor(options: MqttClientOptions) {
    const url = new URL(options.url);
    this.name = `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    const opts: IClientOptions = {
      manualConnect: true,
      // We subscribe again on every CONNACK ourselves (see MqttSource), so the client's own
      // resubscription — which only replays acknowledged subscriptions — is off.
      resubscribe: false,
      clean: options.clean ?? true,
      clientId: options.clientId ?? `${options.username ?? 'kis'}-${randomBytes(4).toString('hex')}`,
      reconnectPeriod: options.reconnectPeriodMs ?? 1000,
      connectTimeout: options.connectTimeoutMs ?? 10_000,
      keepalive: options.keepaliveSeconds ?? 30,
      protocolVersion: 4,
      ...(options.will === undefined ? {} : { will: { topic: options.will.topic, payload: Buffer.from(options.will.payload), qos: 1, retain: options.will.retain ?? false } }),
      ...(options.username === undefined ? {} : { username: options.username }),
      ...(options.password === undefined ? {} : { password: options.password }),
      ...(options.ca === undefined ? {} : { ca: options.ca }),
      ...(options.cert === undefined ? {} : { cert: options.cert }),
      ...(options.key === undefined ? {} : { key: options.key }),
      ...(options.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: options.rejectUnauthorized }),
    };
    this.client = mqtt.connect(options.url, opts);
    this.client.on('connect', (connack) => {
      // Each reconnect is a new socket: its PUBACKs to a burst of deliveries leave in one writev.
      coalesceWrites(this.client.stream);
      this.lastError = undefined;
      this.listeners.connected(connack.sessionPresent);
    });
    this.client.on('error', (err) => {
      this.lastError = err.message;
    });
    this.client.on('close', () => {
      if (!this.closed) this.listeners.disconnected(this.lastError ?? 'connection closed');
    });
    // mqtt.js emits 'message', then calls handleMessage and sends the PUBACK when that calls back (one
    // packet at a time, so acknowledgements keep their order): it waits for what the message caused to
    // be durable. A refusal errors the stream: no PUBACK, and a broker holding our session (clean: false)
    // delivers the message again after the reconnect.
    let gate: void | Promise<void>;
    this.client.on('message', (topic, payload, packet) => {
      gate = this.listeners.message(topic, payload, packet.retain);
    });
    this.client.handleMessage = (_packet, callback) => {
      const g = gate;
      gate = undefined;
      if (g === undefined) return callback();
      g.then(() => callback(), (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    };
  }

  get connected(): boolean {
    return this.client.connected;
  }

  listen(listener: TransportListener): () => void {
    const remove = this.listeners.add(listener);
    if (this.client.connected) listener.connected(true);
    return remove;
  }

  open(): Promise<void> {
    this.opened ??= new Promise<void>((resolve) => {
      const done = (): void => {
        this.client.off('connect', done);
        this.client.off('close', done);
        resolve();
      };
      this.client.on('connect', done);
      this.client.on('close', done);
      this.client.connect();
    });
    return this.opened;
  }

  async subscribe(filter: string, qos: 0 | 1): Promise<number> {
    let g: number;
    try {
      g = (await this.client.subscribeAsync(filter, { qos }))[0]?.qos ?? 128;
    } catch (err) {
      // mqtt.js rejects a SUBACK carrying 0x80 with the packet attached.
      if (err instanceof ErrorWithSubackPacket && err.packet.granted.includes(128)) throw new SubscriptionRefusedError(filter);
      throw err;
    }
    if (g === 128) throw new SubscriptionRefusedError(filter);
    return g;
  }

  async unsubscribe(filter: string): Promise<void> {
    await this.client.unsubscribeAsync(filter);
  }

  async publish(topic: string, payload: string | Uint8Array, options: PublishOptions): Promise<void> {
    await this.client.publishAsync(topic, typeof payload === 'string' ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), {
      qos: options.qos,
      retain: options.retain ?? false,
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Graceful when connected (in-flight QoS 1 finishes); forced otherwise, or end() waits forever.
    await this.client.endAsync(!this.client.connected);
  }
}
