// One MQTT connection as the HAL sees it: the mqtt.js client to a broker URL, or an in-process
// attachment to the embedded broker. Sources and publishers are written against this only.

export interface TransportListener {
  /** A connection (or reconnection) is up. `sessionPresent` from the CONNACK. */
  connected(sessionPresent: boolean): void;
  /** The connection is down (or an attempt failed); the transport keeps retrying until closed. */
  disconnected(reason: string): void;
  /** `retained`: the broker replayed this from its retained store (MQTT 3.1.1 §3.3.1.3). */
  message(topic: string, payload: Buffer, retained: boolean): void;
}

export interface PublishOptions {
  readonly qos: 0 | 1;
  readonly retain?: boolean;
}

export interface MqttTransport {
  /** For status lines: "mqtt://127.0.0.1:1883", "embedded". */
  readonly name: string;
  readonly connected: boolean;
  /** The last connection error, in words, while disconnected. */
  readonly lastError: string | undefined;
  /** Adds a listener; if already connected it hears connected() at once. Returns the removal. */
  listen(listener: TransportListener): () => void;
  /** Starts connecting (idempotent). Resolves once the first attempt connected or failed. */
  open(): Promise<void>;
  /** Resolves with the granted QoS; rejects when the broker refuses the filter (SUBACK 0x80). */
  subscribe(filter: string, qos: 0 | 1): Promise<number>;
  unsubscribe(filter: string): Promise<void>;
  /** Resolves when the broker acknowledged (QoS 1) or the packet was written (QoS 0). */
  publish(topic: string, payload: string | Uint8Array, options: PublishOptions): Promise<void>;
  /** Flushes what it can and disconnects for good. Idempotent. */
  close(): Promise<void>;
}

/** The refusal of a subscription by the broker's ACL. */
export class SubscriptionRefusedError extends Error {
  override readonly name = 'SubscriptionRefusedError';
  constructor(readonly filter: string) {
    super(`the broker refused the subscription to ${filter} (SUBACK 0x80: not authorised or invalid)`);
  }
}

/** Fan-out of transport callbacks to several listeners (a source and a publisher may share one). */
export class ListenerSet implements TransportListener {
  private readonly listeners = new Set<TransportListener>();

  add(listener: TransportListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connected(sessionPresent: boolean): void {
    for (const l of this.listeners) l.connected(sessionPresent);
  }

  disconnected(reason: string): void {
    for (const l of this.listeners) l.disconnected(reason);
  }

  message(topic: string, payload: Buffer, retained: boolean): void {
    for (const l of this.listeners) l.message(topic, payload, retained);
  }
}
