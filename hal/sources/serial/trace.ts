// Latency trace points on node:diagnostics_channel: free while nobody subscribes; the hal benchmark
// subscribes to split a frame's latency into "bytes read from the device" and "signal emitted".
import { channel } from 'node:diagnostics_channel';
import type { Signal } from '../../signals/index.ts';

/** Published by SerialSource on every chunk read from the device, before it is parsed. */
export const TRACE_SERIAL_BYTES = 'kis.hal.serial.bytes';
/** Published by SerialSource as it hands a signal to its listeners. */
export const TRACE_SERIAL_SIGNAL = 'kis.hal.serial.signal';

export interface SerialBytesTrace {
  readonly box: string;
  readonly length: number;
}

export interface SerialSignalTrace {
  readonly box: string;
  readonly signal: Signal;
}

const bytes = channel(TRACE_SERIAL_BYTES);
const signals = channel(TRACE_SERIAL_SIGNAL);

export function traceBytes(box: string, length: number): void {
  if (bytes.hasSubscribers) bytes.publish({ box, length } satisfies SerialBytesTrace);
}

export function traceSignal(box: string, signal: Signal): void {
  if (signals.hasSubscribers) signals.publish({ box, signal } satisfies SerialSignalTrace);
}
