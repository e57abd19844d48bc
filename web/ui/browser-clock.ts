// The page's clock: the browser's monotonic time and timers behind the Timers interface web/live
// takes — the one place the web view touches real timers (ARCHITECTURE.md "Time").
import type { TimerHandle, Timers } from '../live/index.ts';

export interface BrowserClock extends Timers {
  /** Monotonic ms (performance.now), for frame deltas. */
  now(): number;
}

export function browserClock(): BrowserClock {
  return {
    now: () => performance.now(),
    setTimeout: (fn, ms): TimerHandle => ({ id: window.setTimeout(fn, ms) }),
    clearTimeout: (handle) => {
      if (handle) window.clearTimeout(handle.id);
    },
  };
}
