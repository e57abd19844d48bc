// The process's heap policy: how far V8 lets the heap grow past what the last full GC found alive.
//
// V8 sizes the old generation at up to 4× the live heap between full collections on a machine with memory to
// spare. A twin holding 100,000 pods and their ~460,000 Events (~700 MB alive) then peaks at ~1.4–1.5 GB of
// RSS, half of it garbage waiting. Each step down costs wall time: a full GC marks the whole live heap, and
// the smaller the growth the more often it runs (`npm run bench -- twin-sim`, same code, back to back):
//   V8's default  ~4,700–4,980 pods/s, peak RSS 1,400–1,500 MiB
//   150%          ~4,530–4,820 pods/s, peak RSS 1,250–1,300 MiB   ← the default here
//   100%          ~4,280–4,450 pods/s, peak RSS ~1,190 MiB
//   50%           ~3,870–3,960 pods/s, peak RSS ~1,090 MiB
// 150% keeps most of the speed with ~600 MB of margin under the 2 GB target. Small heaps are unaffected: V8
// keeps its minimum limits below ~128 MB. (Figures from when the policy was set. Since then the twin holds
// and allocates much less per pod; measured again at f5184f8: V8's default ~6,100–6,700 pods/s at 1,100–1,250
// MiB, 150% ~6,200–6,650 pods/s at ~1,050–1,070 MiB: the policy now costs little speed and still saves memory.)
import { setFlagsFromString } from 'node:v8';

/** Old-generation growth allowed over the live heap, in percent (V8's own default is dynamic, up to 300). */
export const DEFAULT_HEAP_GROWING_PERCENT = 150;

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
