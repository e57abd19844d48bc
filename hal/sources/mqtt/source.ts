// MqttSource: signals from devices on kis/<vehicle>/signal/#, over any MqttTransport (a broker URL or
// the embedded broker in-process). Bad payloads are counted and alarmed, never turned into signals.
import type { Clock } from '../../../sim/core/clock.ts';
import type { AlarmAction } from '../../signals/index.ts';
import { signalFilter, type MqttTransport, type TransportListener } from '../../mqtt/index.ts';
import type { SignalSource, SourceEvent, SourceListener, SourceStatus } from '../source.ts';
import { decodeSignalMessage } from './decode.ts';

export interface MqttSourceOptions {
  readonly vehicle: string;
  readonly transport: MqttTransport;
  readonly clock: Clock;
  /** Close the transport on stop() (default true; false when a publisher shares it). */
  readonly ownsTransport?: boolean;
  /** At most one bad-payload alarm per topic in this window; the rest are counted (default 1000 ms). */
  readonly alarmIntervalMs?: number;
  /** Listener failures, for the HAL's log (a throwing listener must not take the others down). */
  readonly log?: (line: string) => void;
}

export interface MqttSourceCounters {
  [name: string]: number;
  messages: number;
  signals: number;
  badPayloads: number;
  /** Retained messages on signal topics: stale by definition, dropped. */
  retainedDropped: number;
  connects: number;
  disconnects: number;
  subscribeFailures: number;
  listenerErrors: number;
}

export class MqttSource implements SignalSource {
  readonly name: string;
  private readonly options: MqttSourceOptions;
  private readonly listeners = new Set<SourceListener>();
  private readonly counters: MqttSourceCounters = {
    messages: 0, signals: 0, badPayloads: 0, retainedDropped: 0, connects: 0, disconnects: 0, subscribeFailures: 0, listenerErrors: 0,
  };
  private readonly lastAlarm = new Map<string, number>();
  private seq = 0;
  private subscribed = false;
  private error: string | undefined;
  private unlisten: (() => void) | undefined;
  private downAlarmRaised = false;
  /** Bumped on every connect and disconnect, so a SUBACK from an older connection is ignored. */
  private generation = 0;

  constructor(options: MqttSourceOptions) {
    this.options = options;
    this.name = `mqtt:${options.transport.name}`;
  }

  async start(): Promise<void> {
    if (this.unlisten) return;
    const listener: TransportListener = {
      connected: () => this.onConnected(),
      disconnected: (reason) => this.onDisconnected(reason),
      message: (topic, payload, retained) => this.onMessage(topic, payload, retained),
    };
    this.unlisten = this.options.transport.listen(listener);
    await this.options.transport.open();
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    if (!unlisten) return;
    this.unlisten = undefined;
    unlisten();
    this.subscribed = false;
    if (this.options.ownsTransport ?? true) await this.options.transport.close();
    else await this.options.transport.unsubscribe(signalFilter(this.options.vehicle)).catch(() => undefined);
  }

  subscribe(listener: SourceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): SourceStatus {
    const connected = this.options.transport.connected && this.subscribed;
    const error = this.error ?? (connected ? undefined : this.options.transport.lastError);
    return { name: this.name, connected, ...(error === undefined ? {} : { error }), counters: { ...this.counters } };
  }

  private onConnected(): void {
    this.counters.connects++;
    const generation = ++this.generation;
    // Subscribe on every CONNACK, session present or not. With a clean session the broker forgot
    // us; with a persistent one, MQTT 3.1.1 §3.8.4 says an identical SUBSCRIBE replaces the old
    // subscription without interrupting the flow, so doing it always is safe and simplest.
    this.options.transport.subscribe(signalFilter(this.options.vehicle), 1).then(
      () => {
        if (generation !== this.generation) return;
        this.subscribed = true;
        this.error = undefined;
        if (this.downAlarmRaised) {
          this.downAlarmRaised = false;
          this.alarm('mqtt-disconnected', 'cleared', this.name, `${this.name}: connected and subscribed again`);
        }
      },
      (err: Error) => {
        if (generation !== this.generation) return;
        this.counters.subscribeFailures++;
        this.error = err.message;
        this.alarm('mqtt-subscribe-refused', 'raised', this.name, err.message);
      },
    );
  }

  private onDisconnected(reason: string): void {
    this.generation++;
    // The transport's lastError only covers socket errors; a broker that closes cleanly gives just a reason.
    if (this.unlisten) this.error = reason;
    if (this.subscribed) this.counters.disconnects++;
    this.subscribed = false;
    if (!this.downAlarmRaised && this.unlisten) {
      this.downAlarmRaised = true;
      this.alarm('mqtt-disconnected', 'raised', this.name, `${this.name}: ${reason}; waiting for the broker`);
    }
  }

  /** What the signal caused is durable when the promise settles: the transport acknowledges (PUBACK) after it. */
  private onMessage(topic: string, payload: Buffer, retained: boolean): void | Promise<void> {
    this.counters.messages++;
    if (retained) {
      // A retained signal is an old one the broker replays on subscribe: acting on it again could
      // repeat a separation. The embedded broker refuses retained signals; an external one may not.
      this.counters.retainedDropped++;
      this.badPayload(topic, 'retained message on a signal topic dropped (publish signals without the retain flag)');
      return;
    }
    const result = decodeSignalMessage(topic, payload, { vehicle: this.options.vehicle, nowMs: this.options.clock.now(), seq: ++this.seq });
    if (!result.ok) {
      this.counters.badPayloads++;
      this.badPayload(topic, result.error);
      return;
    }
    this.counters.signals++;
    return this.emit({ kind: 'signal', signal: result.signal });
  }

  private badPayload(topic: string, error: string): void {
    const now = this.options.clock.now();
    const last = this.lastAlarm.get(topic);
    if (last !== undefined && now - last < (this.options.alarmIntervalMs ?? 1000)) return;
    if (this.lastAlarm.size > 10_000) this.lastAlarm.clear(); // a device spraying topics must not grow this forever
    this.lastAlarm.set(topic, now);
    this.alarm('bad-payload', 'raised', topic, `${topic}: ${error}`);
  }

  private alarm(alarm: string, state: 'raised' | 'cleared', subject: string, message: string): void {
    const a: AlarmAction = { type: 'alarm', alarm, state, subject, message, cause: this.name };
    this.emit({ kind: 'alarm', alarm: a });
  }

  /**
   * A listener that throws is logged and counted; the others still hear the event, the transport lives on.
   * The listeners' durability promises, if any, come back as one.
   */
  private emit(event: SourceEvent): void | Promise<void> {
    let pending: Array<Promise<void>> | undefined;
    for (const l of this.listeners) {
      try {
        const p = l(event);
        if (p) (pending ??= []).push(p);
      } catch (e) {
        this.counters.listenerErrors++;
        this.options.log?.(`${this.name}: a listener threw: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (pending === undefined) return undefined;
    return pending.length === 1 ? pending[0] : Promise.all(pending).then(() => undefined);
  }
}
