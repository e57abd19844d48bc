// The page's clock: the browser's monotonic time and timers behind the Timers interface web/live
// takes — the one place the web view touches real timers (ARCHITECTURE.md "Time").
import type { TimerHandle, Timers } from '../live/index.ts';

export interface BrowserClock extends Timers {
  /** Monotonic ms (performance.now), for frame deltas. */
  now(): number;
  /** Resolves after the browser had a chance to paint (see yieldToBrowser). */
  yield(): Promise<void>;
}

export function browserClock(): BrowserClock {
  return {
    now: () => performance.now(),
    yield: yieldToBrowser,
    setTimeout: (fn, ms): TimerHandle => ({ id: window.setTimeout(fn, ms) }),
    clearTimeout: (handle) => {
      if (handle) window.clearTimeout(handle.id);
    },
  };
}

/**
 * Lets the browser paint and handle input in the middle of a long job (a journal load), then goes on:
 * scheduler.yield where Chromium has it, else a MessageChannel task (not a timer: no 4 ms clamp).
 */
export function yieldToBrowser(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(undefined);
  });
}
