// Wall time of a run's phases (start-up, pre-launch, flight, post-flight, shutdown), for the benchmark's
// breakdown and for anyone asking where a slow run spent its time. Wall time only: never journaled.

export type RunPhase = 'startup' | 'prelaunch' | 'flight' | 'shutdown' | 'postflight';

/** Milliseconds of wall time per phase; a phase the run never reached is absent. */
export type PhaseTimes = Partial<Record<RunPhase, number>>;

/** Splits wall time at each `enter`: the time since the previous mark is charged to the phase then current. */
export class PhaseTimer {
  private current: RunPhase | undefined;
  private since: number;
  private readonly times: PhaseTimes = {};

  constructor(private readonly now: () => number = () => performance.now()) {
    this.since = now();
  }

  enter(phase: RunPhase): void {
    this.stop();
    this.current = phase;
  }

  /** Closes the current phase; returns the totals so far. */
  stop(): PhaseTimes {
    const t = this.now();
    if (this.current) this.times[this.current] = (this.times[this.current] ?? 0) + (t - this.since);
    this.current = undefined;
    this.since = t;
    return { ...this.times };
  }
}
