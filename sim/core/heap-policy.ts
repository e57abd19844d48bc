// The process's heap policy: how far V8 lets the heap grow past what the last full GC found alive.
//
// V8 sizes the old generation at up to 4× the live heap between full collections on a machine with
// memory to spare; a twin holding 100,000 pods and their ~500,000 Events (~1 GB alive) then peaks at
// ~2.1 GB of RSS though half of it is garbage waiting. At 1.5× (`npm run bench -- twin-sim`) peak RSS
// falls by about a third for the same wall time: the extra marking runs concurrently on another core
// (more CPU in all, ~+20%). Small heaps are unaffected: V8 keeps its minimum limits below ~128 MB.
import { setFlagsFromString } from 'node:v8';

/** Old-generation growth allowed over the live heap, in percent (V8's own default is dynamic, up to 300). */
export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** `KIS_HEAP_GROWING_PERCENT`: another percentage, or 0 for V8's dynamic default. */
export const HEAP_GROWING_ENV = 'KIS_HEAP_GROWING_PERCENT';

/** The percentage to apply (undefined: leave V8's default), from the environment's setting if any. */
export function heapGrowingPercent(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const raw = env[HEAP_GROWING_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_HEAP_GROWING_PERCENT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new RangeError(`${HEAP_GROWING_ENV} must be an integer percentage from 0 to 1000 (0: V8's default), got "${raw}"`);
  return n === 0 ? undefined : n;
}

/**
 * Applies the policy to this process (V8 flags are process-wide: call it at start-up, from the command
 * line's entry or a benchmark's child standing in for it). Returns the percentage applied, if any.
 */
export function applyHeapPolicy(env: Readonly<Record<string, string | undefined>> = process.env, setFlags: (flags: string) => void = setFlagsFromString): number | undefined {
  const percent = heapGrowingPercent(env);
  if (percent !== undefined) setFlags(`--heap-growing-percent=${percent}`);
  return percent;
}
