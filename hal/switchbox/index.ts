// hal/switchbox: a software stand-in for the serial switch box (`kis switchbox`) — a profile's timeline
// or key presses as the same frames the real box writes, for rehearsals and tests before the hardware.
export * from './layout.ts';
export * from './box-state.ts';
export * from './script.ts';
export * from './schedule.ts';
export * from './box-model.ts';
export * from './keys.ts';
export * from './runner.ts';
