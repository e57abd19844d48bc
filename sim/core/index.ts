// sim/core public surface: clocks, seeded randomness, ids, time formatting and the heap policy. Imports nothing of ours.
export type { Clock, TimerHandle } from './clock.ts';
export { RealClock } from './real-clock.ts';
export { ScaledClock, type ScaledClockOptions } from './scaled-clock.ts';
export {
  LockstepClock,
  type LockstepClockOptions,
  type RunOutcome,
  type RunResult,
} from './lockstep-clock.ts';
export { LockstepStalledError } from './lockstep-stalled-error.ts';
export type { HoldInfo } from './holds.ts';
export { ManualClock } from './manual-clock.ts';
export { SeededRandom, type Seed } from './seeded-random.ts';
export { uuidFrom, hexFrom, flatString, randomSuffix, generateName, SUFFIX_ALPHABET, MAX_GENERATED_NAME_LENGTH } from './ids.ts';
export { formatMissionTime, rfc3339Seconds, rfc3339Micro, parseTimestamp } from './time-format.ts';
export { Fifo } from './fifo.ts';
export { BoundedMap } from './bounded-map.ts';
export { applyHeapPolicy, heapGrowingPercent, DEFAULT_HEAP_GROWING_PERCENT, HEAP_GROWING_ENV } from './heap-policy.ts';
