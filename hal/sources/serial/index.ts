// hal/sources/serial: the pure core of the switch-box source — framing, decode, debounce, voting,
// heartbeat supervision and arming — and the serialport adapter (SerialSource: reconnect, one per device).
export * from './frame.ts';
export * from './message.ts';
export * from './debounce.ts';
export * from './voting.ts';
export * from './heartbeat.ts';
export * from './arm.ts';
export * from './switchbox.ts';
export * from './serial-spec.ts';
export * from './backoff.ts';
export * from './serial-link.ts';
export { readOnTheLoop } from './read-on-loop.ts';
export * from './port-source.ts';
export * from './trace.ts';
