// The one interface every signal source implements (serial switch boxes, MQTT, replay of a journal, the
// instructor console), so the HAL treats them alike and one contract test suite runs against all of them
// (test/hal/sources/contract/signal-source-contract.ts).
import type { AlarmAction, Signal } from '../signals/index.ts';

export type SourceEvent = { kind: 'signal'; signal: Signal } | { kind: 'alarm'; alarm: AlarmAction };

/**
 * Hears a source's events. A promise returned says when what the event caused is durable (its actions'
 * journal lines fsynced): a source whose medium acknowledges (MQTT QoS 1) acknowledges only once it
 * settles, and a rejection refuses the message (no PUBACK: the device keeps it and sends it again). A
 * source without acknowledgements ignores it.
 */
export type SourceListener = (event: SourceEvent) => void | Promise<void>;

export interface SourceStatus {
  /** e.g. "serial:/dev/ttyUSB0", "mqtt:mqtt://lab:1883". */
  name: string;
  connected: boolean;
  /** Last error, in words, while disconnected or degraded. */
  error?: string;
  /** Source-specific counters (good/bad frames, messages, reconnects). */
  counters: Record<string, number>;
}

/**
 * The contract (each clause is a case of the shared suite):
 * - start() twice is start() once (one device handle, one subscription, each signal delivered once);
 *   stop() is idempotent and may be called before start().
 * - Signals reach every listener in the order the medium delivered them, each with `source` set.
 * - status().name is `name`; status().connected tells whether the medium is up now, and is false after stop().
 * - stop() releases the device or connection, and no event is delivered after it resolves.
 * - Bad input and a lost medium become alarms and counters, never exceptions; a listener that
 *   throws is isolated (the other listeners still hear the event, the source keeps running).
 */
export interface SignalSource {
  readonly name: string;
  /** Starts reading. Resolves once the source is running (connected or retrying in the background). */
  start(): Promise<void>;
  /** Stops reading and releases the device or connection. Idempotent. */
  stop(): Promise<void>;
  /** Subscribes to signals and alarms; returns the unsubscribe function. */
  subscribe(listener: SourceListener): () => void;
  status(): SourceStatus;
}
