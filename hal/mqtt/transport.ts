// One MQTT connection as the HAL sees it: the mqtt.js client to a broker URL, or an in-process
// attachment to the embedded broker. Sources and publishers are written against this only.

export interface TransportListener {
  /** A connection (or reconnection) is up. `sessionPresent` from the CONNACK. */
  connected(sessionPresent: boolean): void;
  /** The connection is down (or an attempt failed); the transport keeps retrying until closed. */
  disconnected(reason: string): void;
  /**
   * `retained`: the broker replayed this from its retained store (MQTT 3.1.1 §3.3.1.3). A promise: a
   * QoS 1 message is acknowledged (PUBACK) only once it settles — after what the message caused is on
   * disk — and a rejection refuses it (the connection is dropped without a PUBACK, so the sender keeps
   * the message and sends it again).
   */
  message(topic: string, payload: Buffer, retained: boolean): void | Promise<void>;
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

  message(topic: string, payload: Buffer, retained: boolean): void | Promise<void> {
    let pending: Array<Promise<void>> | undefined;
    for (const l of this.listeners) {
      const p = l.message(topic, payload, retained);
      if (p) (pending ??= []).push(p);
    }
    if (pending === undefined) return undefined;
    return pending.length === 1 ? pending[0] : Promise.all(pending).then(() => undefined);
  }
}

/**
 * Keeps acknowledgements in the order the messages came (MQTT 3.1.1 §4.6: PUBACKs in the order of the
 * PUBLISH packets): a message whose ack need not wait still waits for the one before it that does.
 */
export class AckOrder {
  private tail: Promise<void> | undefined;

  /** The promise to acknowledge after (undefined: at once). A refused message refuses none after it. */
  after(own: void | Promise<void>): void | Promise<void> {
    const prev = this.tail;
    if (prev === undefined && own === undefined) return undefined;
    const mine = prev === undefined ? (own as Promise<void>) : prev.then(() => own);
    const settled = mine.then(noop, noop);
    this.tail = settled;
    // Forget the chain once it has drained, so a quiet connection acknowledges at once again.
    void settled.then(() => {
      if (this.tail === settled) this.tail = undefined;
    });
    return mine;
  }
}

const noop = (): void => undefined;
