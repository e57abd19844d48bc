// hal/wiring: the wiring file (YAML + JSON Schema) and the pure rules that turn a signal into actions.
export * from './types.ts';
export { INITIAL_STATE, type PowerLevel, type WiringState } from './state.ts';
export { nextPowerLevel } from './power-level.ts';
export { decide, type Decision } from './decide.ts';
export { PREPARE_SEPARATION, findPlane } from './decide-separation.ts';
export { parseWiring, loadWiring, WiringLoadError, wiringSchema, type WiringError } from './parse.ts';
export { deriveWiring, type DeriveOptions } from './derive.ts';
