// A step function over mission time — a value that changes at instants — and the queries expectations ask of it.

export interface Step<T> {
  t: number;
  value: T;
}

/** Builds a step function from a sequence of (t, value) samples sorted by t; later samples at one t win. */
export function steps<T>(samples: readonly Step<T>[], initial: T): Step<T>[] {
  const out: Step<T>[] = [{ t: -Infinity, value: initial }];
  for (const s of samples) {
    if (out[out.length - 1]!.t === s.t) out[out.length - 1] = s;
    else out.push(s);
  }
  return out;
}

/** The value in force at `t` (the last step at or before t). */
export function valueAt<T>(fn: readonly Step<T>[], t: number): T {
  let lo = 0;
  let hi = fn.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fn[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return fn[lo]!.value;
}

/** The steps in force during [from, to]: the one at `from` (clipped to from) and every change after it. */
export function within<T>(fn: readonly Step<T>[], from: number, to: number): Step<T>[] {
  const out: Step<T>[] = [{ t: from, value: valueAt(fn, from) }];
  for (const s of fn) if (s.t > from && s.t <= to) out.push(s);
  return out;
}
