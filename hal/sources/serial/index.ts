// hal/sources/serial: the pure core of the switch-box source — framing, decode, debounce, voting, supervision, arming.
export * from './frame.ts';
export * from './message.ts';
