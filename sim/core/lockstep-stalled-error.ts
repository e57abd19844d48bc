// The error a lockstep run fails with when work never goes quiet: names the holds that kept time still.
import type { HoldInfo } from './holds.ts';

export class LockstepStalledError extends Error {
  override readonly name = 'LockstepStalledError';
  /** Holds outstanding when the watchdog fired; empty when holds kept being taken and released (a busy loop). */
  readonly holds: readonly HoldInfo[];
  /** Virtual time (ms since epoch) at which the clock was stuck. */
  readonly at: number;
  /** Real milliseconds the instant stayed busy. */
  readonly waitedMs: number;

  constructor(holds: readonly HoldInfo[], at: number, waitedMs: number) {
    super(describe(holds, at, waitedMs));
    this.holds = holds;
    this.at = at;
    this.waitedMs = waitedMs;
  }
}

function describe(holds: readonly HoldInfo[], at: number, waitedMs: number): string {
  const when = new Date(at).toISOString();
  if (holds.length === 0) {
    return (
      `lockstep clock stuck at ${when} for ${waitedMs} ms of real time: no hold is outstanding, ` +
      `but holds keep being taken and released, so the loop never goes quiet (a retry loop without a timer?)`
    );
  }
  const list = holds.map((h) => `"${h.reason}" (held since ${new Date(h.since).toISOString()})`).join(', ');
  return (
    `lockstep clock stuck at ${when} for ${waitedMs} ms of real time waiting on ${holds.length} hold(s): ${list}. ` +
    `Every hold(reason) must be released exactly once; a missing release in an error path is the usual cause`
  );
}
