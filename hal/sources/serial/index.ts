// hal/sources/serial: the pure core of the switch-box source — framing, decode, debounce, voting,
// heartbeat supervision and arming. The serialport adapter (reconnect, several devices) builds on it.
export * from './frame.ts';
export * from './message.ts';
export * from './debounce.ts';
export * from './voting.ts';
export * from './heartbeat.ts';
export * from './arm.ts';
export * from './switchbox.ts';
